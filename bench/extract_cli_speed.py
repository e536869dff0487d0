"""``briefer extract`` of the 181 real pages, end to end, against trafilatura's ``extract()``.

The pages of ``../shared/bench/article-extraction`` are unpacked into a
temporary folder; then, in the same run and alternating, (a) one
``briefer extract --json FOLDER`` command runs as a user runs it (a fresh
interpreter, the sandboxed extraction, the JSON on stdout) and (b)
``trafilatura.extract()`` runs over the same files in this process. Each is
timed ``--rounds`` times; the best times and their ratio are printed.

Usage: ``python bench/extract_cli_speed.py [--data DIR] [--rounds N] [--json]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "bench" / "article-extraction"
TARGET = 1.3


def unpack(data: Path, into: Path) -> list[Path]:
    """Write every page of ``data/html`` unpacked into ``into``; the written paths."""
    pages = []
    for packed in sorted((data / "html").glob("*.html.gz")):
        page = into / packed.name.removesuffix(".gz")
        page.write_bytes(gzip.decompress(packed.read_bytes()))
        pages.append(page)
    return pages


def time_cli(folder: Path) -> tuple[float, int]:
    """Seconds one ``briefer extract --json`` of ``folder`` takes, and the articles it printed."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "briefer", "extract", "--json", str(folder)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"briefer extract failed: {done.stderr.strip()}")
    return seconds, sum(1 for line in done.stdout.splitlines() if '"text"' in line)


def time_trafilatura(pages: list[Path]) -> float:
    """Seconds trafilatura's ``extract()`` takes over ``pages`` (reading them included)."""
    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page.read_text(encoding="utf-8", errors="replace"))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pages = unpack(args.data, Path(tmp))
        time_trafilatura(pages[:5])  # warm the imports and caches of this process
        cli, reference, articles = [], [], 0
        for _ in range(args.rounds):
            seconds, articles = time_cli(Path(tmp))
            cli.append(seconds)
            reference.append(time_trafilatura(pages))
    result = {"pages": len(pages), "articles": articles, "briefer_extract_s": round(min(cli), 2),
              "trafilatura_s": round(min(reference), 2), "ratio": round(min(cli) / min(reference), 2),
              "target": TARGET}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['pages']} pages, {articles} articles: "
              f"briefer extract {result['briefer_extract_s']} s, "
              f"trafilatura.extract {result['trafilatura_s']} s, ratio {result['ratio']} "
              f"(target <= {TARGET})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
