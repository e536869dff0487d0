"""Pressing keys on the main window the way a user does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


class Keys:
    """Presses keys on whatever widget has the focus, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def __call__(self, *sequences: str) -> None:
        """Press each key sequence (``"j"``, ``"Alt+Down"``, ``"Shift+Q"``) once."""
        for text in sequences:
            combo = QKeySequence(text)[0]
            widget = QApplication.focusWidget()
            assert isinstance(widget, QWidget), f"no widget has the focus for {text!r}"
            self.qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())
            self.count += 1

    def type(self, text: str) -> None:
        """Type text into the focused widget (counted as one key per character)."""
        widget = QApplication.focusWidget()
        assert widget is not None
        self.qtbot.keyClicks(widget, text)
        self.count += len(text)


def focused_name() -> str:
    """The object name of the widget with the focus."""
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


__all__ = ["Keys", "Qt", "focused_name"]
