"""Recovering what is readable from a damaged workspace into a new one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.errors import WorkspaceError
from briefer.workspace import Workspace
from briefer.workspace.recover import default_output, recover
from tests.workspace.damage import file_digest, filled_workspace, overwrite_pages, pages_of


def _add_brief_rows(path: Path) -> None:
    """A brief with a tag item and a note item, and a rejected suggestion (plain SQL)."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO briefs (id, title, created, updated) VALUES (1, 'Sitrep', 'now', 'now')")
    conn.execute("INSERT INTO brief_items (brief_id, section, position, tag_id) VALUES (1, 'key', 0, 1)")
    conn.execute("INSERT INTO brief_items (brief_id, section, position, text) VALUES (1, 'key', 1, 'A note')")
    conn.execute("INSERT INTO rejected_suggestions VALUES (2, 'figure', 0, 6, 'Report')")
    conn.commit()
    conn.close()


def test_healthy_workspace_is_copied_whole(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=10)
    _add_brief_rows(path)
    before = file_digest(path)

    result = recover(path, tmp_path / "out.briefer")

    assert result.problems == ()
    assert {t.table: t.recovered for t in result.tables} == {
        "articles": 10, "tags": 30, "briefs": 1, "brief_items": 2, "rejected_suggestions": 1,
        "evidence": 0, "article_versions": 0, "vanished_tags": 0, "feeds": 0, "feed_entries": 0,
        "sync_state": 0, "tombstones": 0, "sync_base": 0, "sync_conflicts": 0}
    assert all(t.unreadable == 0 and t.refused == 0 for t in result.tables)
    assert file_digest(path) == before
    with Workspace.open(path) as old, Workspace.open(result.output, check=True) as new:
        assert [a.title for a in new.articles.all()] == [a.title for a in old.articles.all()]
        assert new.tags.all() == old.tags.all()
        assert new.articles.search("front line")


def test_damaged_pages_cost_only_their_rows(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=60)
    article_pages = pages_of(path, "articles")
    overwrite_pages(path, article_pages[5:7])
    before = file_digest(path)

    result = recover(path)

    assert result.output == tmp_path / "w-recovered.briefer"
    assert result.problems
    articles = next(t for t in result.tables if t.table == "articles")
    assert 40 <= articles.recovered < 60
    assert articles.unreadable >= 1
    tags = next(t for t in result.tables if t.table == "tags")
    assert tags.recovered == 3 * articles.recovered  # tags of lost articles are refused, not dangling
    assert tags.refused == 3 * (60 - articles.recovered)
    assert file_digest(path) == before  # the damaged file is only read
    with Workspace.open(result.output, check=True) as ws:
        assert ws.check() == []
        assert ws.articles.count() == articles.recovered
        assert len(ws.articles.search("front line", limit=100)) == articles.recovered
    assert "articles" in result.summary()
    assert "unreadable" in result.summary()


def test_truncated_workspace_keeps_what_comes_before_the_cut(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=60)
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size * 2 // 3)
    result = recover(path, tmp_path / "out.briefer")
    assert 0 < result.count("articles") < 60
    with Workspace.open(result.output, check=True) as ws:
        assert ws.articles.count() == result.count("articles")


def test_log_left_by_a_crash_is_recovered_too(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = filled_workspace(tmp_path / "w.briefer", articles=2)
    code = ("import os, sys\nfrom briefer.model import Article\nfrom briefer.workspace import Workspace\n"
            "ws = Workspace.open(sys.argv[1])\n"
            "ws.articles.add(Article(title='Only in the log', text='Committed, never checkpointed.'))\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    log = Path(f"{path}-wal")
    log_before = file_digest(log)

    result = recover(path, tmp_path / "out.briefer")

    assert result.count("articles") == 3
    assert file_digest(log) == log_before


def test_recover_never_overwrites(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=1)
    taken = tmp_path / "taken.briefer"
    taken.write_text("precious")
    with pytest.raises(WorkspaceError, match="already exists"):
        recover(path, taken)
    assert taken.read_text() == "precious"
    default_output(path).write_text("also precious")
    assert recover(path).output.name == "w-recovered-2.briefer"


def test_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.briefer"
    path.write_text("not a database at all\n" * 50)
    with pytest.raises(WorkspaceError, match="not an SQLite database"):
        recover(path, tmp_path / "out.briefer")
    assert not (tmp_path / "out.briefer").exists()
