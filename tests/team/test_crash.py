"""A ``briefer team sync`` killed with SIGKILL mid-sync: the next sync completes, nothing lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import psycopg

from briefer import team
from briefer.model import Article
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.team.pgserver import PgServer

TAGS = 12_000
TEXT = " ".join(f"Sentence {n} of the report on the front line." for n in range(400))


def _library_tags(pg: PgServer, library: str) -> int:
    with psycopg.connect(pg.admin_dsn()) as conn:
        row = conn.execute(f"SELECT count(*), count(DISTINCT uid) FROM {library}.tags").fetchone()
    assert row is not None
    assert row[0] == row[1]
    return int(row[0])


def test_a_sync_killed_midway_is_completed_by_the_next_without_doubles(
        tmp_path: Path, pg: PgServer, library: str, analyst: Callable[..., str]) -> None:
    dsn = analyst("kim")
    path = tmp_path / "kim.briefer"
    with Workspace.create(path) as ws:
        team.join(ws, dsn, library)
        article = ws.articles.add(Article(title="Long report", text=TEXT)).id
        with ws.store.transaction():
            for n in range(TAGS):
                ws.tags.add(article, "fact", n % 2000, n % 2000 + 8, note=f"tag {n}")

    child = subprocess.Popen([sys.executable, "-m", "briefer", "team", "sync", str(path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _library_tags(pg, library) == 0 and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    stored = _library_tags(pg, library)
    assert 0 < stored < TAGS, "the sync was not killed midway"

    with Workspace.open(path) as ws:
        assert len(ws.tags.all()) == TAGS  # nothing local lost
        result = team.sync(ws)
        assert result.conflicts == ()
        assert team.status(ws).pending == 0
    assert _library_tags(pg, library) == TAGS

    with Workspace.create(tmp_path / "other.briefer") as other:
        team.join(other, analyst("lee"), library)
        assert team.sync(other).pulled == TAGS + 1
        notes = [t.note for t in other.tags.all()]
    assert sorted(notes) == sorted(f"tag {n}" for n in range(TAGS))
