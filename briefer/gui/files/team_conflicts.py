"""The team conflicts dialog: fields changed here and in the library, mine and theirs side by side.

Choosing keeps one value for the selected row (:func:`briefer.team.resolve`);
nothing is lost until then, and the row is pushed at the next sync.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer import team
from briefer.errors import BrieferError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefer.team import Conflict
    from briefer.workspace import Workspace

COLUMNS = ("Field", "Mine", "Theirs")


def _shown(value: object) -> str:
    return "" if value is None else str(value)


class ConflictDialog(QDialog):
    """Lists conflicts; Keep mine / Keep theirs resolves the selected one's row."""

    def __init__(self, workspace: Callable[[], Workspace], resolved: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        """``workspace`` gives the open workspace; ``resolved`` is called after each choice."""
        super().__init__(parent)
        self.setObjectName("teamConflicts")
        self.setWindowTitle("Team library conflicts")
        self.resize(720, 360)
        self._workspace = workspace
        self._resolved = resolved
        self.conflicts: list[Conflict] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.keep_mine = QPushButton("Keep &mine")
        self.keep_theirs = QPushButton("Keep &theirs")
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.keep_mine.clicked.connect(lambda: self.keep("mine"))
        self.keep_theirs.clicked.connect(lambda: self.keep("theirs"))
        self.note = QLabel("Both you and a teammate changed these fields. Your value stays until you"
                           " choose; the choice is pushed at the next sync.")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def show_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        """Show these conflicts (the first selected)."""
        self.conflicts = list(conflicts)
        self.table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            for column, text in enumerate((c.what, _shown(c.mine), _shown(c.theirs))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        if self.conflicts:
            self.table.selectRow(0)
        self.keep_mine.setEnabled(bool(self.conflicts))
        self.keep_theirs.setEnabled(bool(self.conflicts))

    def keep(self, which: str) -> None:
        """Resolve the selected conflict's row keeping ``"mine"`` or ``"theirs"``."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        ws = self._workspace()
        try:
            team.resolve(ws, self.conflicts[row].uid, which)
        except BrieferError as exc:
            self.note.setText(str(exc))
            return
        self.show_conflicts(team.conflicts(ws))
        self._resolved()
        if not self.conflicts:
            self.accept()
