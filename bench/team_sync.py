"""Team library sync at scale, against a real PostgreSQL (started in a temporary folder).

Measures, on a library of 10,000 articles (~600 words) and 100,000 tags:

- the first push of the workspace that holds them all (for information);
- the first sync of a new, empty workspace joining the library (target < 60 s);
- an incremental sync of 100 changes: pushing them, and pulling them elsewhere (< 1 s);

then 20 simulated analysts (processes), each with its own workspace on a second
library, adding and removing tags and syncing every 1–3 s for a minute; at the end
every workspace and the library must hold exactly the tags that were added and not
removed, none lost and none doubled.

    python bench/team_sync.py [--quick] [--articles N] [--tags N] [--analysts N] [--seconds S] [--json]

``--quick``: 1,000 articles, 10,000 tags, 5 analysts for 15 s. The server is
started by the tests' helper (tests/team/pgserver.py): initdb and pg_ctl on PATH
or under /usr/lib/postgresql, run as the ``postgres`` user when started as root.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from briefer import team
from briefer.model import Article
from briefer.team.roles import grant
from briefer.team.schema import migrate
from briefer.workspace import Workspace
from tests.team.pgserver import PgServer

ROOT = Path(__file__).resolve().parent.parent
WORDS = (ROOT / "resources" / "samples" / "ukraine-mobilizes.txt").read_text(encoding="utf-8").split()


def seed(path: Path, n_articles: int, n_tags: int, rng: random.Random) -> None:
    """A workspace of generated articles and tags (plain inserts: the import pipeline is not measured)."""
    per_article = max(1, n_tags // n_articles)
    with Workspace.create(path) as ws, ws.store.transaction() as conn:
        for i in range(n_articles):
            text = f"Report {i}. " + " ".join(rng.choice(WORDS) for _ in range(600))
            cur = conn.execute(
                "INSERT INTO articles (title, sha256, text, imported_at) VALUES (?, ?, ?, 'now')",
                (f"Report {i}", hashlib.sha256(text.encode()).hexdigest(), text))
            positions = rng.sample(range(len(text) - 40), per_article)
            conn.executemany(
                'INSERT INTO tags (article_id, kind, start, "end", exact, attributes, created, updated)'
                " VALUES (?, ?, ?, ?, ?, '{}', 'now', 'now')",
                [(cur.lastrowid, rng.choice(("fact", "quote", "figure", "person")), p, p + 20, text[p:p + 20])
                 for p in positions])


def _timed(ws: Workspace) -> tuple[float, team.SyncResult]:
    t0 = time.perf_counter()
    result = team.sync(ws)
    return time.perf_counter() - t0, result


def scale(admin: str, dsn: str, folder: Path, n_articles: int, n_tags: int) -> dict[str, float]:
    """First push, first sync of a new workspace, incremental sync of 100 changes (seconds)."""
    with psycopg.connect(admin) as conn:
        migrate(conn, "scale")
    grant(admin, "analyst", "editor", "scale")
    rng = random.Random(7)
    seed(folder / "seed.briefer", n_articles, n_tags, rng)
    figures: dict[str, float] = {}
    with Workspace.open(folder / "seed.briefer") as first, Workspace.create(folder / "new.briefer") as new:
        team.join(first, dsn, "scale")
        figures["first_push_s"], pushed = _timed(first)
        assert pushed.pushed == n_articles + n_tags // n_articles * n_articles, pushed
        team.join(new, dsn, "scale")
        figures["first_sync_new_workspace_s"], pulled = _timed(new)
        assert pulled.pulled == pushed.pushed, pulled
        tags = [t.id for t in first.tags.all()]
        with first.store.transaction():
            for n, tag in enumerate(rng.sample(tags, 100)):
                first.tags.update(tag, note=f"change {n}")
        figures["incremental_push_100_s"], pushed = _timed(first)
        figures["incremental_pull_100_s"], pulled = _timed(new)
        assert pushed.pushed == pulled.pulled == 100, (pushed, pulled)
    return {k: round(v, 3) for k, v in figures.items()}


def analyst(number: int, path: str, dsn: str, seconds: float, out: multiprocessing.Queue) -> None:
    """One analyst: add and remove tags, sync every 1–3 s; report the notes it left."""
    rng = random.Random(number)
    kept: set[str] = set()
    syncs = failures = 0
    with Workspace.open(path) as ws:
        article = ws.articles.all()[0].id
        end = time.monotonic() + seconds
        change = 0
        while time.monotonic() < end:
            for _ in range(rng.randint(1, 5)):
                note = f"a{number}-{change}"
                change += 1
                start = rng.randrange(0, 200)
                ws.tags.add(article, "fact", start, start + 5, note=note)
                kept.add(note)
            mine = [t for t in ws.tags.all() if t.note.startswith(f"a{number}-")]
            if mine and rng.random() < 0.3:
                victim = rng.choice(mine)
                ws.tags.remove(victim.id)
                kept.discard(victim.note)
            try:
                team.sync(ws)
                syncs += 1
            except team.LibraryError:
                failures += 1
            time.sleep(rng.uniform(1, 3))
    out.put((number, sorted(kept), syncs, failures))


def crowd(admin: str, dsn: str, folder: Path, analysts: int, seconds: float) -> dict[str, object]:
    """Analysts syncing concurrently; every workspace must end with exactly the tags kept."""
    with psycopg.connect(admin) as conn:
        migrate(conn, "crowd")
    grant(admin, "analyst", "editor", "crowd")
    text = " ".join(WORDS[:400])
    paths = []
    for n in range(analysts):
        path = folder / f"analyst{n}.briefer"
        with Workspace.create(path) as ws:
            ws.articles.add(Article(title="Shared report", text=text))
            team.join(ws, dsn, "crowd")
        paths.append(str(path))
    out: multiprocessing.Queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=analyst, args=(n, p, dsn, seconds, out))
             for n, p in enumerate(paths)]
    for p in procs:
        p.start()
    reports = [out.get(timeout=seconds + 300) for _ in procs]
    for p in procs:
        p.join()
    expected = sorted(note for _n, kept, _s, _f in reports for note in kept)
    for path in paths:  # two rounds: the last changes of each reach every other
        with Workspace.open(path) as ws:
            team.sync(ws)
    views = []
    for path in paths:
        with Workspace.open(path) as ws:
            team.sync(ws)
            views.append(sorted(t.note for t in ws.tags.all()))
    with psycopg.connect(admin) as conn:
        row = conn.execute("SELECT count(*) FILTER (WHERE NOT deleted), count(DISTINCT uid) FROM crowd.tags"
                           ).fetchone()
    assert row is not None
    return {
        "analysts": analysts, "seconds": seconds, "syncs": sum(r[2] for r in reports),
        "failed_syncs": sum(r[3] for r in reports), "tags_kept": len(expected),
        "library_tags": int(row[0]),
        "every_workspace_exact": all(view == expected for view in views),
        "lost_or_doubled": sum(abs(len(view) - len(expected)) for view in views)
        + abs(int(row[0]) - len(expected)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--articles", type=int)
    parser.add_argument("--tags", type=int)
    parser.add_argument("--analysts", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    quick = args.quick
    n_articles = args.articles or (1_000 if quick else 10_000)
    n_tags = args.tags or (10_000 if quick else 100_000)
    analysts = args.analysts or (5 if quick else 20)
    seconds = args.seconds or (15.0 if quick else 60.0)
    server = PgServer()
    try:
        os.environ["PGPASSFILE"] = str(server.pgpass)
        dsn = server.add_login("analyst", "bench-password")
        figures: dict[str, object] = {"articles": n_articles, "tags": n_tags}
        with tempfile.TemporaryDirectory() as tmp:
            figures |= scale(server.admin_dsn(), dsn, Path(tmp), n_articles, n_tags)
            figures |= crowd(server.admin_dsn(), dsn, Path(tmp), analysts, seconds)
    finally:
        server.stop()
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:32} {value}")
    return 0 if figures["every_workspace_exact"] and not figures["lost_or_doubled"] else 1


if __name__ == "__main__":
    sys.exit(main())
