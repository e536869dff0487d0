"""Time all suggesters on one 10,000-word article, on one core.

    python -m bench.suggest_speed [--words 10000] [--runs 10] [--language en] [--json]

The article is built from the development set's articles of one language (their
paragraphs in turn until the word count is reached). The first call loads the
lexicons (and, for Ukrainian/Russian, the morphology dictionaries) and is
reported apart as ``cold_ms``; the target is the warm median.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from bench.suggest_evaluate import load_dir
from briefer.suggest import suggest

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "suggest"
TARGET_MS = 200.0


def build_article(words: int, language: str) -> tuple[str, str | None]:
    """A long article of ``language`` made of the dev set's paragraphs; its publication date."""
    articles = [a for a in load_dir(DATA) if a.header.get("language") == language]
    paragraphs = [p for a in articles for p in a.text.split("\n") if p.strip()]
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "\n".join(out), articles[0].published


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--language", default="en", choices=("en", "uk", "ru"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    text, published = build_article(args.words, args.language)
    start = time.perf_counter()
    found = suggest(text, published=published)
    cold = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        suggest(text, published=published)
        times.append((time.perf_counter() - start) * 1000)
    result = {
        "language": args.language,
        "words": len(text.split()),
        "characters": len(text),
        "suggestions": len(found),
        "runs": args.runs,
        "cold_ms": round(cold, 1),
        "median_ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1),
        "max_ms": round(max(times), 1),
        "target_ms": TARGET_MS,
        "meets_target": statistics.median(times) < TARGET_MS,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['words']} words ({args.language}), {len(found)} suggestions: median "
            f"{result['median_ms']} ms, min {result['min_ms']} ms, cold {result['cold_ms']} ms "
            f"(target < {TARGET_MS:.0f} ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
