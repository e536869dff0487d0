"""Backups: consistent copies, a rolling set under a policy, and restoring without loss."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefer.errors import WorkspaceDamaged, WorkspaceError
from briefer.model import Article
from briefer.workspace import Workspace
from briefer.workspace.backup import (
    BackupPolicy,
    RollingBackup,
    backup,
    default_folder,
    list_backups,
    restore,
)
from tests.workspace.damage import file_digest, filled_workspace, overwrite_pages, pages_of


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def titles(path: Path) -> set[str]:
    with Workspace.open(path, readonly=True) as ws:
        return {a.title for a in ws.articles.all()}


def test_backup_is_a_consistent_workspace_even_while_another_window_writes(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=5)
    with Workspace.open(path) as ws, Workspace.open(path) as other:
        with other.store.transaction():  # a change in progress, not yet committed
            other.articles.add(Article(title="Uncommitted", text="Still being written."))
            copy = backup(ws, tmp_path / "copy.briefer")
        assert not Path(f"{copy}-wal").exists()  # one self-contained file
        with Workspace.open(copy, check=True) as restored:
            assert restored.check() == []
            assert restored.articles.count() == 5
            assert len(restored.tags.all()) == 15
            assert restored.articles.search("front line")
    assert "Uncommitted" not in titles(copy)


def test_backup_into_a_folder_is_named_by_time(tmp_path: Path) -> None:
    clock = Clock()
    filled_workspace(tmp_path / "ukraine.briefer", articles=1)
    with Workspace.open(tmp_path / "ukraine.briefer", clock=clock) as ws:
        first = backup(ws, tmp_path)
        second = backup(ws, tmp_path)
    assert first.name == "ukraine-20261125-090000.briefer"
    assert second.name == "ukraine-20261125-090000-2.briefer"


def test_backup_of_a_damaged_workspace_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer")
    overwrite_pages(path, pages_of(path, "articles")[2:4])
    folder = tmp_path / "backups"
    folder.mkdir()
    with Workspace.open(path, readonly=True) as ws, pytest.raises(WorkspaceDamaged):
        backup(ws, folder)
    assert list(folder.iterdir()) == []


def test_rolling_backups_follow_the_policy(tmp_path: Path) -> None:
    clock = Clock()
    path = filled_workspace(tmp_path / "w.briefer", articles=1)
    policy = BackupPolicy(every=timedelta(minutes=10), keep=3, folder=tmp_path / "backups")
    with Workspace.open(path, clock=clock) as ws:
        rolling = RollingBackup(ws, policy)
        assert rolling.on_open() is not None
        made = []
        for n in range(5):
            ws.articles.add(Article(title=f"Change {n}", text=f"Change number {n}."))
            clock.advance(4)
            assert rolling.if_due() is None  # changed, but not 10 minutes yet
            clock.advance(6)
            made.append(rolling.if_due())
        assert None not in made
        clock.advance(30)
        assert rolling.if_due() is None  # nothing changed since the last one

    kept = list_backups(policy.folder)
    assert kept == made[:-4:-1]  # the newest 3, newest first
    assert titles(kept[0]) >= {f"Change {n}" for n in range(5)}
    assert "Change 4" not in titles(kept[1])


def test_opening_again_without_changes_makes_no_new_backup(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=1)
    policy = BackupPolicy(folder=tmp_path / "backups")
    with Workspace.open(path) as ws:
        assert RollingBackup(ws, policy).on_open() is not None
        ws.articles.add(Article(title="Later", text="Added after the backup."))
    for _ in range(3):
        with Workspace.open(path) as ws:
            RollingBackup(ws, policy).on_open()
    backups = list_backups(policy.folder)
    assert len(backups) == 2
    assert "Later" in titles(backups[0])
    assert "Later" not in titles(backups[1])


def test_default_folder_tells_apart_workspaces_of_the_same_name(tmp_path: Path) -> None:
    a = default_folder(tmp_path / "one" / "ukraine.briefer")
    b = default_folder(tmp_path / "two" / "ukraine.briefer")
    assert a != b
    assert a.name.startswith("ukraine-")
    assert a.parent.name == "backups"


def test_restore_keeps_the_current_content_and_other_windows_see_the_change(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=2)
    with Workspace.open(path) as ws:
        saved = backup(ws, tmp_path / "saved.briefer")
        ws.articles.add(Article(title="After the backup", text="Added after the backup was taken."))
    with Workspace.open(path) as window:
        kept = restore(saved, path)
        assert window.changed_externally()
        assert "After the backup" not in {a.title for a in window.articles.all()}
    assert kept is not None
    assert kept.parent == path.parent
    assert kept.name.startswith("w.before-restore-")
    assert "After the backup" in titles(kept)
    assert titles(path) == {"Report 1", "Report 2"}


def test_restore_over_a_damaged_workspace_moves_it_aside(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=20)
    with Workspace.open(path) as ws:
        saved = backup(ws, tmp_path / "saved.briefer")
    overwrite_pages(path, pages_of(path, "articles")[2:4])
    damaged = file_digest(path)

    kept = restore(saved, path)

    assert kept is not None
    assert file_digest(kept) == damaged  # the damaged file itself, byte for byte
    with Workspace.open(path, check=True) as ws:
        assert ws.articles.count() == 20


def test_restore_refuses_a_damaged_backup_and_touches_nothing(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=20)
    bad = filled_workspace(tmp_path / "bad.briefer")
    overwrite_pages(bad, pages_of(bad, "tags")[1:2])
    before = file_digest(path)
    with pytest.raises(WorkspaceDamaged):
        restore(bad, path)
    assert file_digest(path) == before
    assert [p.name for p in tmp_path.iterdir() if "before-restore" in p.name] == []


def test_restore_refuses_to_overwrite_a_file_that_is_not_a_workspace(tmp_path: Path) -> None:
    saved = filled_workspace(tmp_path / "saved.briefer", articles=1)
    notes = tmp_path / "notes.txt"
    notes.write_text("My notes, not a workspace.\n" * 20)
    with pytest.raises(WorkspaceError, match="not a Briefer workspace"):
        restore(saved, notes)
    assert notes.read_text() == "My notes, not a workspace.\n" * 20


def test_restore_to_a_new_path_creates_the_workspace(tmp_path: Path) -> None:
    saved = filled_workspace(tmp_path / "saved.briefer", articles=3)
    assert restore(saved, tmp_path / "new.briefer") is None
    assert titles(tmp_path / "new.briefer") == {"Report 1", "Report 2", "Report 3"}


def test_backups_are_plain_sqlite_files_a_user_can_inspect(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=2)
    with Workspace.open(path) as ws:
        copy = backup(ws, tmp_path / "copy.briefer")
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    conn.close()
