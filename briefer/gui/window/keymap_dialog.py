"""The `?` dialog: every action with its current keys, filterable, from the action table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.actions import CONTEXTS, Actions, key_text

if TYPE_CHECKING:
    from collections.abc import Sequence

MENU_ORDER = ("File", "Edit", "Go", "Article", "Tag", "Brief", "View", "Help")


def keymap_rows(actions: Actions) -> list[tuple[str, str, str, str]]:
    """``(menu, label, keys, where)`` for every action, in menu order."""
    specs = sorted(actions.specs.values(), key=lambda s: MENU_ORDER.index(s.menu))
    return [(s.menu, s.label, key_text(actions[s.id].shortcuts()), CONTEXTS[s.context]) for s in specs]


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Put rows of text into a read-only table."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class KeymapDialog(QDialog):
    """A read-only table of the keymap with a filter box."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(640, 560)
        self.filter = QLineEdit()
        self.filter.setAccessibleName("Filter shortcuts")
        self.filter.setPlaceholderText("Filter by action or key…")
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Menu", "Action", "Keys", "Where"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fill_table(self.table, keymap_rows(actions))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._on_filter_text_changed)

    def visible_rows(self) -> list[str]:
        """The action labels shown (after filtering)."""
        return [self._text(r, 1) for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.strip().lower()
        for r in range(self.table.rowCount()):
            row = " ".join(self._text(r, c).lower() for c in range(4))
            self.table.setRowHidden(r, bool(needle) and needle not in row)
