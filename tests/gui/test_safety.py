"""The window and the workspace file: damage, read-only, recovery, backups, changes elsewhere."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from briefer.gui.session import Session
from briefer.gui.settings import BACKUP_EVERY_MINUTES, BACKUP_KEEP, Settings
from briefer.gui.window.main_window import MainWindow
from briefer.gui.window.preferences import Preferences
from briefer.model import Article
from briefer.workspace import Workspace, health
from briefer.workspace.backup import default_folder, list_backups
from tests.gui.conftest import open_window
from tests.gui.helpers import Keys
from tests.workspace.damage import file_digest, filled_workspace, overwrite_pages, pages_of

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from pytestqt.qtbot import QtBot


def crashed_with_damaged_tags(path: Path) -> Path:
    """A workspace whose tag pages a bad sector hit, left by a session that never closed."""
    filled_workspace(path, articles=20)
    overwrite_pages(path, pages_of(path, "tags")[1:3])
    code = ("import sys, os\nfrom briefer.workspace import Workspace\nfrom briefer.model import Article\n"
            "ws = Workspace.open(sys.argv[1])\n"
            "ws.articles.add(Article(title='Late', text='Written just before the crash.'))\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert health.left_unclean(path)
    return path


def answer_damaged(monkeypatch: pytest.MonkeyPatch, button: str, seen: list[str],
                   path: Path | None = None) -> None:
    """Answer the damaged-workspace question by pressing ``button`` (its text).

    ``seen`` gets the question's text (and the file's digest when asked, if ``path`` is given).
    """
    def exec_(box: QMessageBox) -> int:
        assert box.objectName() == "damagedWorkspace"
        seen.append(box.informativeText())
        if path is not None:
            seen.append(file_digest(path))
        for candidate in box.buttons():
            if candidate.text() == button:
                candidate.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def new_window(qtbot: QtBot, settings: Settings) -> MainWindow:
    window = MainWindow(settings, Session())
    qtbot.addWidget(window)
    window.show()
    return window


def focus_reader(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.focus_reader()
    qtbot.waitUntil(window.view.hasFocus)


def test_a_damaged_workspace_says_what_is_wrong_and_opens_read_only(
        qtbot: QtBot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    path = crashed_with_damaged_tags(tmp_path / "field.briefer")
    seen: list[str] = []
    answer_damaged(monkeypatch, "Open read-only", seen)
    window = new_window(qtbot, settings)
    assert window.open_workspace(path)
    assert seen[0].startswith("What is wrong:\n• ")
    assert window.windowTitle() == "field (read-only)"
    assert len(window.articles.model.rows) == 21  # the articles are readable
    window.open_article(5)
    assert window.status.text().startswith(f"{path}: the workspace is damaged")  # its tags are not
    window.open_article(21)
    focus_reader(qtbot, window)
    Keys(qtbot)("f")
    assert window.status.text() == f"{path}: opened read-only; changes are not allowed"
    assert window.opening.backups.path is None  # a damaged file is never backed up
    assert not list_backups(default_folder(path))


def test_recover_opens_a_new_workspace_and_leaves_the_damaged_one_alone(
        qtbot: QtBot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    path = crashed_with_damaged_tags(tmp_path / "field.briefer")
    asked: list[str] = []
    answer_damaged(monkeypatch, "Recover…", asked, path)
    window = new_window(qtbot, settings)
    with qtbot.waitSignal(window.opening.recovered, timeout=20000) as blocker:
        window.open_workspace(path)
    recovery = blocker.args[0]
    assert recovery.output == tmp_path / "field-recovered.briefer"
    assert window.windowTitle() == "field-recovered"
    assert len(window.articles.model.rows) == 21
    assert window.status.text().startswith("Recovered into field-recovered.briefer: articles 21")
    assert file_digest(path) == asked[1]  # the damaged file as it was when the user was asked
    assert settings.recent()[0] == recovery.output.resolve()


def test_cancel_leaves_the_open_workspace_open(window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = filled_workspace(tmp_path / "cut.briefer")
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2 + 1000)
    answer_damaged(monkeypatch, "Cancel", [])
    assert not window.open_workspace(path)
    assert window.windowTitle() == "test"
    assert "the workspace is damaged: truncated" in window.status.text()


def test_rolling_backups_on_open_and_after_changes(qtbot: QtBot, demo_ws: Workspace, settings: Settings,
                                                   keys: Keys) -> None:
    path = demo_ws.path
    demo_ws.close()
    settings.set(BACKUP_EVERY_MINUTES, 5)
    settings.set(BACKUP_KEEP, 2)
    folder = default_folder(path)
    window = MainWindow(settings, Session())
    qtbot.addWidget(window)
    backups = window.opening.backups
    now = [datetime(2026, 11, 25, 9, 0, tzinfo=UTC)]
    backups.clock = lambda: now[0]
    with qtbot.waitSignal(backups.backedUp, timeout=10000):
        assert window.open_workspace(path)
    window.show()
    focus_reader(qtbot, window)
    assert len(list_backups(folder)) == 1

    def look(minutes: int) -> str:
        now[0] += timedelta(minutes=minutes)
        with qtbot.waitSignal(backups.checked, timeout=10000) as blocker:
            backups.check()
        return blocker.args[0]

    keys("f")
    assert look(1) == ""  # changed, but the last backup is younger than 5 minutes
    assert look(5).endswith(".briefer")
    keys("j", "f")
    assert look(6).endswith(".briefer")
    assert len(list_backups(folder)) == 2  # the oldest went
    with Workspace.open(list_backups(folder)[0], readonly=True) as newest:
        assert len(newest.tags.all()) == 2
    assert look(30) == ""  # nothing changed since: no backup


def test_backup_preferences_are_saved_and_used(window: MainWindow, settings: Settings,
                                               monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    def edit(dialog: Preferences) -> int:
        dialog.backup_every.setValue(30)
        dialog.backup_keep.setValue(12)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(Preferences, "exec", edit)
    with qtbot.waitSignal(window.opening.backups.checked, timeout=10000):
        window.show_preferences()
    assert (settings.get(BACKUP_EVERY_MINUTES), settings.get(BACKUP_KEEP)) == (30, 12)
    assert window.opening.backups.path == window.session.ws.path


def test_changes_made_elsewhere_show_up_without_being_asked(window: MainWindow, keys: Keys,
                                                            qtbot: QtBot) -> None:
    keys("j")
    place = window.view.place()
    with Workspace.open(window.session.ws.path) as other:  # the command line, say
        other.articles.add(Article(title="From the command line", text="Imported elsewhere."))
    qtbot.waitUntil(lambda: "From the command line" in [r.title for r in window.articles.model.rows],
                    timeout=5000)
    assert window.view.place() == place
    assert window.opening.watch.check() is False  # seen once, not again


def test_the_watch_rests_while_briefer_is_in_the_background(window: MainWindow) -> None:
    watch = window.opening.watch
    assert watch.timer.isActive()
    from PySide6.QtCore import Qt

    watch._on_application_state_changed(Qt.ApplicationState.ApplicationInactive)
    assert not watch.timer.isActive()
    watch._on_application_state_changed(Qt.ApplicationState.ApplicationActive)
    assert watch.timer.isActive()


def test_second_window_sees_the_first_windows_tags(qtbot: QtBot, window: MainWindow, settings: Settings,
                                                   keys: Keys) -> None:
    second = open_window(qtbot, window.session.ws.path, settings)
    window.activateWindow()
    window.focus_reader()
    keys("f")
    second.opening.watch.check()
    assert len(second.view.tags) == 1


def test_open_read_only_from_the_file_menu(window: MainWindow, keys: Keys, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    other = filled_workspace(tmp_path / "archive.briefer", articles=3)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    keys("Ctrl+Shift+O")
    assert window.windowTitle() == "archive (read-only)"
    assert window.status.text() == "archive.briefer is open read-only: it can be read, not changed"
    assert len(window.articles.model.rows) == 3
    focus_reader(qtbot, window)
    keys("f")
    assert window.status.text().endswith("opened read-only; changes are not allowed")
    with Workspace.open(other, readonly=True) as ws:
        assert len(ws.tags.all()) == 9


def test_recover_workspace_copies_the_open_one(window: MainWindow, qtbot: QtBot) -> None:
    source = window.session.ws.path
    with qtbot.waitSignal(window.opening.recovered, timeout=20000):
        window.action_table["workspace.recover"].trigger()
    assert window.session.ws.path == source.with_name("test-recovered.briefer")
    assert window.windowTitle() == "test-recovered"
    assert [r.title for r in window.articles.model.rows] == [window.view.article.title]
