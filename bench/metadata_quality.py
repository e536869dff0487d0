"""How often Briefer gets the title, outlet, author(s) and date of real saved pages right.

Runs Briefer's HTML importer over the labelled pages of the article-extraction
benchmark (``tests/data/metadata/labels.json``, labelled from the pages by hand;
see the README beside it) and reports per-field accuracy separately for the 40
development pages, the 20 of round 2 (labelled later, to check the rules on pages
they were not written from) and the 20 held-out pages.

Usage: ``python bench/metadata_quality.py [--data DIR] [--json] [--misses]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.ingest import html as html_importer
from briefer.ingest.limits import Limits
from briefer.ingest.people import key

if TYPE_CHECKING:
    from briefer.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "bench" / "article-extraction"
LABELS = ROOT / "tests" / "data" / "metadata" / "labels.json"
TARGETS = {"title": 0.90, "outlet": 0.90, "author": 0.85, "date": 0.95}
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_LABEL_FIELD = {"title": "title", "outlet": "outlet", "author": "authors", "date": "published"}


def authors_of(article: Article) -> set[str]:
    """The person names in the article's author field, compared as keys."""
    return {key(name) for name in _AUTHOR_SPLIT.split(article.author or "") if key(name)}


def judge(article: Article, label: dict[str, Any]) -> dict[str, bool]:
    """Which fields of ``article`` match the label."""
    return {
        "title": key(article.title) == key(label["title"]),
        "outlet": key(article.outlet) in {key(o) for o in label["outlet"]},
        "author": authors_of(article) == {key(a) for a in label["authors"]},
        "date": ((article.published or "")[:10] in label["published"]) if label["published"]
        else article.published is None,
    }


def run(data: Path, labels: dict[str, dict[str, Any]]) -> tuple[dict[str, dict[str, float]], list[str]]:
    """Per-field accuracy for the development and held-out pages, and the misses."""
    counts: dict[str, dict[str, int]] = {"development": {}, "development_2": {}, "held_out": {}}
    totals = dict.fromkeys(counts, 0)
    misses: list[str] = []
    for page_id, label in sorted(labels.items()):
        with gzip.open(data / "html" / f"{page_id}.html.gz") as fh:
            raw = fh.read()
        article = html_importer.extract(raw, f"{page_id}.html", Limits())
        group = ("held_out" if label["held_out"]
                 else "development_2" if label.get("round") == 2 else "development")
        totals[group] += 1
        for field, right in judge(article, label).items():
            counts[group][field] = counts[group].get(field, 0) + right
            if not right and group != "held_out":  # held-out pages stay unseen
                got = {"title": article.title, "outlet": article.outlet,
                       "author": article.author, "date": article.published}[field]
                misses.append(f"{page_id[:10]} {field}: got {got!r}, "
                              f"want {label[_LABEL_FIELD[field]]!r}")
    result = {group: {field: round(counts[group].get(field, 0) / totals[group], 3)
                      for field in TARGETS} | {"pages": totals[group]}
              for group in counts}
    return result, misses


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy table (or JSON); exit 1 when a held-out figure misses its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true",
                        help="list the wrong fields of the development pages")
    args = parser.parse_args(argv)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    result, misses = run(args.data, labels)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{'pages':<20}" + "".join(f"{f:>9}" for f in TARGETS))
        for group, figures in result.items():
            print(f"{group + ' (' + str(figures['pages']) + ')':<20}"
                  + "".join(f"{figures[f]:>9.1%}" for f in TARGETS))
        print(f"{'target':<20}" + "".join(f"{t:>9.0%}" for t in TARGETS.values()))
    if args.misses:
        print("\n".join(misses), file=sys.stderr)
    return 0 if all(result["held_out"][f] >= t for f, t in TARGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
