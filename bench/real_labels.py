"""Labels on real news pages: marked-up bodies in, page id + offsets out, and back.

The labelled texts belong to ``../shared/bench/article-extraction`` (MIT, not ours),
so the project keeps only offsets: ``tests/data/suggest/real/<page>.json`` holds the
page id, its split, language and publication date, the SHA-256 of the reference body
the offsets point into, and the labelled spans. An annotator writes a marked copy of
a body outside the repository (the ``*.ann`` inline marks of
``tests/data/suggest/README.md`` plus ``⟦p|…⟧``, ``⟦o|…⟧``, ``⟦l|…⟧`` for actors, see
``tests/data/suggest/GUIDELINES.md``), and ``convert`` checks that removing the
marks gives the reference body exactly before it writes the offsets.

    python -m bench.real_labels convert MARKED.ann [MARKED.ann…]
    python -m bench.real_labels check            # every label file still matches its body
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from bench.suggest_evaluate import Annotated, Gold, parse

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "article-extraction"
LABELS = ROOT / "tests" / "data" / "suggest" / "real"


def bodies() -> dict[str, str]:
    """Reference body of every page of the shared benchmark, by page id."""
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    return {page: entry["articleBody"] for page, entry in truth.items()}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def convert(marked: Path, reference: dict[str, str]) -> Path:
    """Write the offsets of one marked body; raise ValueError when it is not the reference."""
    article = parse(marked.read_text(encoding="utf-8"), marked.name)
    page = article.header.get("page", "")
    if page not in reference:
        raise ValueError(f"{marked}: header 'page' is not a page id of the benchmark")
    body = reference[page]
    if article.text != body.rstrip("\n"):
        at = next((i for i, (a, b) in enumerate(zip(article.text, body, strict=False)) if a != b),
                  min(len(article.text), len(body)))
        raise ValueError(f"{marked}: without its marks the text differs from the body at offset {at}: "
                         f"{article.text[max(0, at - 20):at + 20]!r} vs {body[max(0, at - 20):at + 20]!r}")
    record = {
        "page": page,
        "split": article.header.get("split", "dev"),
        "language": article.header.get("language", "en"),
        "published": article.header.get("published") or None,
        "body_sha256": _digest(body),
        "spans": [{"kind": g.kind, "start": g.start, "end": g.end, **g.attributes} for g in article.spans],
    }
    LABELS.mkdir(parents=True, exist_ok=True)
    out = LABELS / f"{page}.json"
    out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def load(splits: set[str] | None = None, reference: dict[str, str] | None = None) -> list[Annotated]:
    """The labelled real pages as ``Annotated`` articles (text from the shared bodies)."""
    reference = reference if reference is not None else bodies()
    articles = []
    for path in sorted(LABELS.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if splits is not None and record["split"] not in splits:
            continue
        text = reference[record["page"]]
        if _digest(text) != record["body_sha256"]:
            raise ValueError(f"{path}: the shared body changed since it was labelled")
        spans = tuple(
            Gold(s["kind"], s["start"], s["end"], text[s["start"]:s["end"]],
                 {k: v for k, v in s.items() if k not in ("kind", "start", "end")})
            for s in record["spans"]
        )
        header = {"published": record["published"] or "", "language": record["language"],
                  "split": record["split"]}
        articles.append(Annotated(record["page"], text.rstrip("\n"), header, spans,
                                  {k: () for k in ("person", "organisation", "location")}))
    return articles


def main(argv: list[str] | None = None) -> int:
    """Command line: ``convert`` marked files, or ``check`` the label files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("convert").add_argument("marked", nargs="+", type=Path)
    sub.add_parser("check")
    args = parser.parse_args(argv)
    reference = bodies()
    if args.command == "check":
        print(f"{len(load(reference=reference))} labelled pages match their bodies")
        return 0
    status = 0
    for marked in args.marked:
        try:
            print(convert(marked, reference).relative_to(ROOT))
        except ValueError as exc:
            print(exc, file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
