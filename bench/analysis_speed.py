"""Corroboration at scale: story clustering of one new article, claims/conflicts of a big brief.

Builds the workspace of ``bench/workspace_scale.py`` (10,000 articles of ~600
words, 100,000 tags), gives a third of the tags figure values about a place
tagged in the same article, and fills a brief with 500 of them. Measures:

- clustering one new article: a reworded copy of a stored article is imported,
  then :func:`briefer.analysis.stories.story_of` finds its story (target < 50 ms);
- :func:`briefer.analysis.corroboration.analyse` of the 500-item brief: its
  items' claims with their independent sources counted across the workspace,
  story clusters, conflicts (< 200 ms). Twice: as built, every figure of the
  workspace is about the same place ("Dispatch", the first word of every
  article: the worst case, each brief figure corroborated by thousands), then
  with the articles spread over :data:`PLACES` places;
- for information, every story cluster of the workspace (``briefer stories``).

    python bench/analysis_speed.py [--articles N] [--tags N] [--items N] [--json]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workspace_scale import build

from briefer.analysis.corroboration import analyse
from briefer.analysis.stories import clusters, story_of
from briefer.model import Article
from briefer.workspace import Workspace

#: Places the second brief analysis spreads the articles over (about 50 articles each).
PLACES = 200


def _ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def prepare(ws: Workspace, rng: random.Random, items: int) -> int:
    """Figures with values and places on the tags, and a brief of ``items`` of them; its id."""
    conn = ws.store.conn
    with ws.store.transaction():
        rows = conn.execute("SELECT id, article_id FROM tags WHERE kind = 'figure'").fetchall()
        conn.executemany("UPDATE tags SET attributes = ? WHERE id = ?",
                         [(json.dumps({"value": rng.choice((12, 12, 40, 8)), "unit": "killed"}), r[0])
                          for r in rows])
        conn.executemany(
            'INSERT INTO tags (article_id, kind, start, "end", exact, attributes, created, updated)'
            " VALUES (?, 'location', 0, 8, substr((SELECT text FROM articles WHERE id = ?), 1, 8), '{}',"
            " 'now', 'now')", [(a, a) for a in {r[1] for r in rows}])
    chosen = [r[0] for r in conn.execute(
        "SELECT id FROM tags WHERE kind IN ('fact', 'quote', 'figure')").fetchall()]
    brief = ws.briefs.new("Big brief").id
    ws.briefs.add_tags(brief, "situation", sorted(rng.sample(chosen, items)))
    return brief


def measure(path: Path, items: int, rng: random.Random) -> dict[str, object]:
    """Median timings (ms) of clustering a new article and analysing the brief."""
    with Workspace.open(path) as ws:
        brief = prepare(ws, rng, items)
        n = ws.articles.count()
        stories, found = [], 0
        for _ in range(20):
            original = rng.randint(1, n)
            paragraphs = ws.articles.text(original).split("\n")
            paragraphs[1] = "A sentence the copy added. " + paragraphs[1][40:]
            new = ws.articles.add(Article(title="Copy", text="\n".join(paragraphs), outlet="Other")).id
            t0 = time.perf_counter()
            story = story_of(ws, new)
            stories.append(time.perf_counter() - t0)
            found += original in story
        analyses = _analyses(ws, brief)
        analysis = analyse(ws, brief)
        with ws.store.transaction() as conn:
            conn.execute("UPDATE tags SET exact = 'Place ' || (article_id % ?) WHERE kind = 'location'",
                         (PLACES,))
        spread = _analyses(ws, brief)
        spread_analysis = analyse(ws, brief)
        t0 = time.perf_counter()
        workspace_stories = len(clusters(ws))
        all_s = time.perf_counter() - t0
        return {"articles": n, "brief_items": len(ws.briefs.get(brief).items),
                "cluster_new_article_ms": _ms(stories), "stories_found": f"{found}/{len(stories)}",
                "brief_analysis_ms": _ms(analyses), "claims": len(analysis.claims),
                "conflicts": len(analysis.conflicts), "brief_analysis_places_ms": _ms(spread),
                "places_claims": len(spread_analysis.claims),
                "places_conflicts": len(spread_analysis.conflicts), "all_stories_ms": round(all_s * 1000, 1),
                "stories": workspace_stories}


def _analyses(ws: Workspace, brief: int) -> list[float]:
    """Five timings (s) of the brief's analysis."""
    found = []
    for _ in range(5):
        t0 = time.perf_counter()
        analyse(ws, brief)
        found.append(time.perf_counter() - t0)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--tags", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "analysis.briefer"
        t0 = time.perf_counter()
        build(path, args.articles, args.tags)
        build_s = round(time.perf_counter() - t0, 1)
        result = measure(path, args.items, random.Random(5))
    result["build_s"] = build_s
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['articles']} articles, brief of {result['brief_items']} items (built in {build_s} s)")
    for key, target in (("cluster_new_article_ms", 50), ("brief_analysis_ms", 200),
                        ("brief_analysis_places_ms", 200)):
        value = float(result[key])  # type: ignore[arg-type]
        print(f"  {key:23} {value:>9.2f} ms   target < {target} ms   {'ok' if value < target else 'OVER'}")
    print(f"  reworded copies found in their story: {result['stories_found']};"
          f" {result['claims']} claims, {result['conflicts']} conflicts (one place);"
          f" {result['places_claims']} claims, {result['places_conflicts']} conflicts ({PLACES} places)")
    print(f"  every story of the workspace: {result['stories']} clusters in {result['all_stories_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
