"""Application set-up: palettes, the crash dialog, keys typed into fields stay text."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from briefer.errors import WorkspaceError
from briefer.gui.app import show_crash
from briefer.gui.theme import apply_palette
from briefer.gui.window.keymap_dialog import KeymapDialog
from tests.gui.helpers import Keys

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow


def test_dark_and_light_palettes(qtbot: QtBot) -> None:
    apply_palette("dark")
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    text = QApplication.palette().color(QPalette.ColorRole.WindowText)
    assert window.lightness() < 80 < text.lightness()
    apply_palette("light")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_unexpected_errors_reach_a_dialog_with_the_trace(qtbot: QtBot, monkeypatch) -> None:  # noqa: ANN001
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        show_crash(type(exc), exc, exc.__traceback__)
    [box] = shown
    assert "RuntimeError: boom" in box.text()
    assert "Traceback" in box.detailedText()


def test_briefer_errors_and_workspace_damage_reaching_the_top_are_one_line(
        window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    lines: list[str] = []
    monkeypatch.setattr(window, "show_message", lines.append)
    for exc in (WorkspaceError("w.briefer", "could not write: the disk is full; the change was not saved"),
                sqlite3.DatabaseError("database disk image is malformed")):
        try:
            raise exc
        except Exception as raised:  # noqa: BLE001 - what the excepthook gets
            show_crash(type(raised), raised, raised.__traceback__)
    assert shown == []
    assert lines[0] == "w.briefer: could not write: the disk is full; the change was not saved"
    assert lines[1].startswith("The workspace is damaged (database disk image is malformed): File ▸ Recover")


def test_letters_and_question_marks_typed_into_fields_are_text(window: MainWindow, qtbot: QtBot,
                                                                monkeypatch) -> None:  # noqa: ANN001
    opened: list[object] = []
    monkeypatch.setattr(KeymapDialog, "exec", lambda d: opened.append(d) or 0)
    keys = Keys(qtbot)
    keys("Ctrl+F")
    keys.type("jkq? fa")
    assert window.articles.filter.text() == "jkq? fa"
    assert opened == []
    assert window.session.ws.tags.all() == []
