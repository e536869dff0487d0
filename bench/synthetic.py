"""Synthetic briefs of any size on copies of the sample article, for benchmarks and stress tests."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefer.demo import sample_article_path
from briefer.ingest import extract_file

if TYPE_CHECKING:
    from briefer.workspace import Workspace

_KINDS = ("quote", "figure", "fact", "date")
_SPEAKERS = ("Volodymyr Zelensky", "Pat Ryder", "Oleksandr Lytvynenko", "Yoon Suk Yeol")


def synthetic_brief(
    ws: Workspace, items: int, layout: dict[str, tuple[str, ...]], *, articles: int = 10
) -> int:
    """A brief of ``items`` tags spread over ``articles`` copies of the sample; its id.

    For benchmarks and stress tests: quotes (with speakers), figures, facts and
    dates in turn, every source graded and dated, the brief auto-filled by
    ``layout`` (section id → kinds), all in one transaction.
    """
    base = extract_file(sample_article_path())
    sentences = [s for s in base.text.replace("\n", " ").split(". ") if len(s) > 20]
    per_article = max(1, -(-items // articles))
    attributes = {"figure": {"value": 478, "unit": "km²"}, "date": {"iso": "2026-11-25"}}
    with ws.store.transaction():
        for n in range(articles):
            count = min(per_article, items - n * per_article)
            lines = [f"{sentences[i % len(sentences)]} [{n}.{i}]." for i in range(max(count, 1))]
            article_id = ws.articles.add(replace(
                base, text="\n".join(lines), title=f"{base.title} ({n + 1})", outlet=f"Outlet {n % 4 + 1}",
                author="Staff reporter", url=f"https://news.example.org/{n + 1}",
                published=f"2026-11-{n % 28 + 1:02d}", grade="ABCDEF"[n % 6],
            )).id
            offset = 0
            for i in range(count):
                kind = _KINDS[i % len(_KINDS)]
                speaker = {"speaker": _SPEAKERS[i % len(_SPEAKERS)]}
                attrs = speaker if kind == "quote" else attributes.get(kind)
                ws.tags.add(article_id, kind, offset, offset + len(lines[i]) - 1, attributes=attrs)
                offset += len(lines[i]) + 1
        brief_id = ws.briefs.new(f"Synthetic brief of {items} items", marking="TLP:GREEN",
                                 author="Bench", bluf="A **synthetic** brief.").id
        ws.briefs.auto_fill(brief_id, layout)
    return brief_id
