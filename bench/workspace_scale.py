"""Workspace at scale: 10,000 articles (~600 words) and 100,000 tags.

Measures opening the file, a full-text search, adding one tag (a committed,
fsynced transaction), listing one article's tags, and the near-duplicate check
an import makes (signature of a reworded copy of a stored article, then the
lookup among all stored signatures). Targets: open < 1 s, search < 50 ms, add
tag < 5 ms, list tags < 10 ms, near-duplicate check < 50 ms.

    python bench/workspace_scale.py [--articles N] [--tags N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefer.model import Article
from briefer.text.similarity import Signature
from briefer.workspace import Workspace, similar

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "ukraine-mobilizes.txt"
QUERIES = ("north korean troops", "mobilization", "kursk region", "zelensky", "square kilometers",
           "delegation intelligence", "nuclear drills", "air defense")


def _article(rng: random.Random, words: list[str], index: int, n_words: int) -> Article:
    sentences = []
    count = 0
    while count < n_words:
        length = rng.randint(8, 24)
        sentence = " ".join(rng.choice(words) for _ in range(length))
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        count += length
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return Article(title=f"Report {index}: {' '.join(rng.sample(words, 6))}",
                   text=f"Dispatch {index}.\n" + "\n".join(paragraphs), outlet="Wire")


def build(path: Path, n_articles: int, n_tags: int, seed: int = 7) -> None:
    """Fill a new workspace at ``path`` with generated articles and tags."""
    rng = random.Random(seed)
    words = SAMPLE.read_text(encoding="utf-8").lower().replace(",", "").replace(".", "").split()
    tags_per_article = max(1, n_tags // n_articles)
    with Workspace.create(path) as ws, ws.store.transaction() as conn:
        for i in range(n_articles):
            article = _article(rng, words, i, 600)
            article_id = ws.articles.add(article).id
            positions = sorted(rng.sample(range(0, len(article.text) - 40), tags_per_article))
            conn.executemany(
                'INSERT INTO tags (article_id, kind, start, "end", exact, attributes, created, updated)'
                " VALUES (?, ?, ?, ?, ?, '{}', 'now', 'now')",
                [(article_id, rng.choice(("fact", "quote", "figure", "person")), p, p + 20,
                  article.text[p : p + 20]) for p in positions],
            )


def _ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def measure(path: Path, rng: random.Random) -> dict[str, float]:
    """Median timings (ms) of open, search, add tag and list tags on ``path``."""
    opens = []
    for _ in range(5):
        t0 = time.perf_counter()
        ws = Workspace.open(path)
        ws.articles.count()
        opens.append(time.perf_counter() - t0)
        ws.close()
    with Workspace.open(path) as ws:
        n = ws.articles.count()
        searches = []
        for query in QUERIES * 3:
            t0 = time.perf_counter()
            ws.articles.search(query, limit=50)
            searches.append(time.perf_counter() - t0)
        adds, lists = [], []
        for _ in range(50):
            article_id = rng.randint(1, n)
            text = ws.articles.text(article_id)
            start = rng.randrange(0, len(text) - 30)
            t0 = time.perf_counter()
            ws.tags.add(article_id, "fact", start, start + 25)
            adds.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ws.tags.all(article_id)
            lists.append(time.perf_counter() - t0)
        tags = ws.store.conn.execute("SELECT count(*) FROM tags").fetchone()[0]
        checks, found = [], 0
        for _ in range(20):
            article_id = rng.randint(1, n)
            paragraphs = ws.articles.text(article_id).split("\n")
            paragraphs[1] = "A sentence the copy added. " + paragraphs[1][40:]
            t0 = time.perf_counter()
            near = similar.nearest(ws.store.conn, Signature.of("\n".join(paragraphs)))
            checks.append(time.perf_counter() - t0)
            found += near is not None and near[0] == article_id
    return {"articles": n, "tags": tags, "open_ms": _ms(opens), "search_ms": _ms(searches),
            "add_tag_ms": _ms(adds), "list_tags_ms": _ms(lists),
            "near_duplicate_ms": _ms(checks), "near_duplicates_found": f"{found}/{len(checks)}",
            "file_mb": round(path.stat().st_size / 1e6, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--tags", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scale.briefer"
        t0 = time.perf_counter()
        build(path, args.articles, args.tags)
        build_s = time.perf_counter() - t0
        result = measure(path, random.Random(11))
    result["build_s"] = round(build_s, 1)
    if args.json:
        print(json.dumps(result))
    else:
        targets = {"open_ms": 1000, "search_ms": 50, "add_tag_ms": 5, "list_tags_ms": 10,
                   "near_duplicate_ms": 50}
        print(f"{result['articles']} articles, {result['tags']} tags, {result['file_mb']} MB "
              f"(built in {result['build_s']} s)")
        for key, target in targets.items():
            verdict = "ok" if result[key] < target else "OVER"
            print(f"  {key:17} {result[key]:>9.2f} ms   target < {target} ms   {verdict}")
        print(f"  reworded copies found as near-duplicates: {result['near_duplicates_found']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
