"""How well the HTML importer pulls article bodies out of real saved news pages.

Runs Briefer's HTML importer and trafilatura's default ``extract()`` (plus, for
reference, trafilatura in precision mode, which the importer builds on) over the
pages of the article-extraction benchmark (181 pages with hand-checked reference
bodies) and scores both as that data's README describes: the text is split into
``\\w+`` tokens, each page is compared as a multiset of 4-token shingles;
precision is averaged over the pages where an extractor returned text, recall
over all pages, F1 is the harmonic mean of the two averages; accuracy is the
share of pages whose token sequence equals the reference.

Usage: ``python bench/import_quality.py [--data DIR] [--json]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefer.ingest import html as html_importer
from briefer.ingest.limits import Limits

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "article-extraction"
TARGET_F1 = 0.97
TARGET_TIME_RATIO = 1.3
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[bytes], str]


def tokens(text: str) -> list[str]:
    """Word tokens as the benchmark counts them."""
    return _TOKEN.findall(text)


def shingles(words: list[str], size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of runs of ``size`` consecutive tokens."""
    return Counter(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def score(outputs: dict[str, str], references: dict[str, str]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of ``outputs`` against ``references``."""
    precisions, recalls, exact = [], [], 0
    for page, reference in references.items():
        predicted_tokens, reference_tokens = tokens(outputs.get(page) or ""), tokens(reference)
        predicted, expected = shingles(predicted_tokens), shingles(reference_tokens)
        shared = sum((predicted & expected).values())
        if predicted_tokens:
            precisions.append(shared / max(sum(predicted.values()), 1))
        recalls.append(shared / sum(expected.values()) if expected else float(not predicted))
        exact += predicted_tokens == reference_tokens
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "accuracy": round(exact / len(references), 4)}


def briefer_html(page: bytes) -> str:
    """Briefer's whole HTML import of one page (decoding, metadata and body)."""
    return html_importer.extract(page, "page.html", Limits()).text


def trafilatura_default(page: bytes) -> str:
    """trafilatura's ``extract()`` with its default settings."""
    import trafilatura

    return trafilatura.extract(page) or ""


def trafilatura_precision(page: bytes) -> str:
    """trafilatura in precision mode without comments: what Briefer builds on."""
    import trafilatura

    return trafilatura.extract(page, favor_precision=True, include_comments=False) or ""


def _timed(extractor: Extractor, page_id: str, page: bytes) -> tuple[str, float]:
    start = time.perf_counter()
    try:
        output = extractor(page)
    except Exception as exc:  # noqa: BLE001 - a failed page scores zero, the run goes on
        print(f"{extractor.__name__}: {page_id}: {exc}", file=sys.stderr)
        output = ""
    return output, time.perf_counter() - start


def load(data: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The pages (raw bytes) and reference bodies of the benchmark folder."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {page_id: gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
             for page_id in truth}
    return pages, {page_id: item["articleBody"] for page_id, item in truth.items()}


def measure(data: Path, rounds: int = 3) -> dict[str, Any]:
    """Score both extractors and time them.

    The extractors take turns page by page, so a change of machine load hits
    both alike; a page's time is its fastest of ``rounds`` runs.
    """
    pages, references = load(data)
    extractors = {"briefer": briefer_html, "trafilatura_default": trafilatura_default,
                  "trafilatura_precision": trafilatura_precision}
    for extractor in extractors.values():  # warm caches and lazy imports before timing
        extractor(next(iter(pages.values())))
    outputs: dict[str, dict[str, str]] = {name: {} for name in extractors}
    best: dict[str, dict[str, float]] = {name: {} for name in extractors}
    for _ in range(rounds):
        for page_id, page in pages.items():
            for name, extractor in extractors.items():
                outputs[name][page_id], seconds = _timed(extractor, page_id, page)
                best[name][page_id] = min(seconds, best[name].get(page_id, seconds))
    results: dict[str, Any] = {}
    for name in extractors:
        results[name] = score(outputs[name], references)
        results[name]["ms_per_page"] = round(sum(best[name].values()) * 1000 / len(pages), 2)
    ratio = results["briefer"]["ms_per_page"] / results["trafilatura_default"]["ms_per_page"]
    return {
        "pages": len(pages),
        **results,
        "time_ratio": round(ratio, 3),
        "target": {"f1": TARGET_F1, "time_ratio": TARGET_TIME_RATIO},
        "meets_target": results["briefer"]["f1"] >= TARGET_F1 and ratio <= TARGET_TIME_RATIO,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print a table, or one JSON object with ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the article-extraction folder (ground-truth.json, html/)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (each page's best is kept)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        parser.error(f"no ground-truth.json in {args.data}")
    warnings.simplefilter("ignore")
    report = measure(args.data, args.rounds)
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"{report['pages']} pages")
    print(f"{'extractor':22} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} {'ms/page':>8}")
    for name in ("briefer", "trafilatura_default", "trafilatura_precision"):
        r = report[name]
        print(f"{name:22} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['accuracy']:6.3f} {r['ms_per_page']:8.1f}")
    print(f"time ratio {report['time_ratio']:.2f} (target <= {TARGET_TIME_RATIO}); "
          f"F1 target >= {TARGET_F1}: {'met' if report['meets_target'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
