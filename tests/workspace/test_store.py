"""Opening, creating, refusing and migrating workspace files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.errors import WorkspaceError
from briefer.model import Article
from briefer.workspace import SCHEMA_VERSION, Workspace
from briefer.workspace.schema import APPLICATION_ID, MIGRATIONS
from briefer.workspace.store import statements


def test_create_sets_pragmas_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.briefer"
    with Workspace.create(path) as ws:
        conn = ws.store.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_missing_workspace_is_not_created_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "absent.briefer"
    with pytest.raises(WorkspaceError, match="no such workspace"):
        Workspace.open(path)
    assert not path.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not an SQLite database"),
        (b"Just some notes, not a database.\n" * 10, "not an SQLite database"),
    ],
)
def test_non_workspace_files_are_refused_untouched(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "notes.briefer"
    path.write_bytes(content)
    with pytest.raises(WorkspaceError, match=reason) as info:
        Workspace.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_sqlite_database_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="another program"):
        Workspace.open(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.briefer"
    Workspace.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="newer Briefer"):
        Workspace.open(path)
    assert path.read_bytes() == before


def test_version_1_workspace_migrates_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.briefer"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO articles (title, sha256, text, imported_at) VALUES ('Old', 'x', 'Old text.', 'now')"
    )
    conn.close()

    with Workspace.open(path) as ws:
        assert ws.store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        article = ws.articles.get(1)
        assert (article.title, article.text, article.grade) == ("Old", "Old text.", None)
        ws.articles.set_grade(1, "b")
        assert ws.articles.get(1).grade == "B"
        assert ws.articles.search("old")[0].id == 1


def test_statements_keep_triggers_whole() -> None:
    found = list(statements(MIGRATIONS[0]))
    triggers = [s for s in found if s.startswith("CREATE TRIGGER")]
    assert len(triggers) == 3
    assert all(s.rstrip().endswith("END;") for s in triggers)


def test_committed_changes_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "keep.briefer"
    with Workspace.create(path) as ws:
        article_id = ws.articles.add(Article(title="T", text="Alpha beta gamma.")).id
        ws.tags.add(article_id, "fact", 0, 5)
    with Workspace.open(path) as ws:
        assert [t.exact for t in ws.tags.all(article_id)] == ["Alpha"]


def _insert_then_fail(ws: Workspace) -> None:
    with ws.store.transaction() as conn:
        conn.execute(
            "INSERT INTO articles (title, sha256, text, imported_at) VALUES ('A', 'a', 'x', 'now')"
        )
        raise RuntimeError("boom")


def test_failed_operation_rolls_back_whole_transaction(ws: Workspace) -> None:
    with pytest.raises(RuntimeError):
        _insert_then_fail(ws)
    assert ws.articles.count() == 0


def test_readonly_workspace_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.briefer"
    with Workspace.create(path) as ws:
        ws.articles.add(Article(title="T", text="Text."))
    with Workspace.open(path, readonly=True) as ws:
        assert ws.articles.count() == 1
        with pytest.raises(WorkspaceError, match="read-only"):
            ws.articles.add(Article(title="U", text="Other."))


def test_a_write_waits_only_as_long_as_asked_for_another_writer(tmp_path: Path) -> None:
    import time

    path = tmp_path / "busy.briefer"
    Workspace.create(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Workspace.open(path, busy_timeout_ms=200) as ws:
            started = time.monotonic()
            with pytest.raises(WorkspaceError, match="another Briefer is writing"):
                ws.articles.add(Article(title="T", text="Waiting text."))
            assert time.monotonic() - started < 2.0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Workspace.open(path) as ws:
        ws.articles.add(Article(title="T", text="Waiting text."))
        assert ws.articles.count() == 1
