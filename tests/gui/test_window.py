"""The window: title, workspaces (new, open, recent, last, demo), layout persistence, Tab order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from briefer.cli import build_parser
from briefer.demo import demo_path
from briefer.gui.app import create_window, first_workspace
from briefer.gui.settings import Settings
from briefer.workspace import Workspace
from tests.gui.conftest import open_window

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow


def test_title_names_the_workspace(window: MainWindow) -> None:
    assert window.windowTitle() == "test"


def test_new_and_open_workspace_and_recent_menu(window: MainWindow, tmp_path: Path, monkeypatch,  # noqa: ANN001
                                                settings: Settings) -> None:
    first = window.session.ws.path
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fresh"), ""))
    window.action_table["workspace.new"].trigger()
    assert window.windowTitle() == "fresh"
    assert (tmp_path / "fresh.briefer").is_file()
    assert window.articles.model.rows == []
    assert window.view.article is None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(first), ""))
    window.action_table["workspace.open"].trigger()
    assert window.windowTitle() == "test"
    recent = [a.text() for a in window.opening.recent_menu.actions()]
    assert recent[0].startswith("&1 test.briefer")
    assert recent[1].startswith("&2 fresh.briefer")
    window.opening.recent_menu.actions()[1].trigger()
    assert window.windowTitle() == "fresh"


def test_opening_a_bad_file_reports_one_line(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "notes.briefer"
    bad.write_text("not a database")
    assert not window.open_workspace(bad)
    assert window.status.text().startswith(str(bad))
    assert window.windowTitle() == "test"


def test_first_start_opens_the_demo_then_the_last_workspace(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings()
    assert first_workspace(settings, None) == demo_path()
    window = create_window()
    qtbot.addWidget(window)
    assert window.windowTitle() == "demo"
    assert "Ukraine" in window.view.article.title
    other = tmp_path / "other.briefer"
    Workspace.create(other).close()
    window.open_workspace(other)
    window.close()
    assert first_workspace(Settings(), None) == other.resolve()
    assert first_workspace(Settings(), tmp_path / "given.briefer") == tmp_path / "given.briefer"


def test_layout_persists(qtbot: QtBot, window: MainWindow) -> None:
    window.splitter.setSizes([200, 700, 380])
    sizes = window.splitter.sizes()
    path = window.session.ws.path
    window.close()
    again = open_window(qtbot, path, Settings())
    restored = again.splitter.sizes()
    # the side panes keep their sizes; the reader takes what the screen leaves
    assert (restored[0], restored[2]) == (sizes[0], sizes[2])


def test_every_control_is_reachable_by_tab_and_named(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_Q)  # a current quote: its fields are enabled
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # and a brief: the composer is enabled
    window.preview.show()
    qtbot.waitUntil(lambda: window.tags.details.note.isEnabled())
    window.articles.filter.setFocus()
    seen: list[QWidget] = []
    for _ in range(80):
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is widget:  # a widget that keeps Tab (none should)
            break
    names = {w.objectName() for w in seen}
    assert {"articleFilter", "articleList", "reader", "tagTree", "field-speaker", "field-role",
            "tagNote", "briefItems", "preview"} <= names
    assert {"Current brief", "New brief"} <= {w.accessibleName() for w in seen}
    unnamed = [w for w in seen if not w.accessibleName()]
    assert unnamed == []


def test_gui_command_is_registered_without_loading_qt() -> None:
    args = build_parser().parse_args(["gui", "w.briefer", "--dark"])
    assert (args.command, args.workspace, args.palette) == ("gui", "w.briefer", "dark")
