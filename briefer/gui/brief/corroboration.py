"""The corroboration dialog: story clusters, claims with their suggested credibility, conflicts.

It only presents :func:`briefer.analysis.corroboration.analyse` of the
workspace or of the current brief; suggested credibility is shown, never set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefer.analysis.corroboration import Analysis, analyse
from briefer.gui.window.keymap_dialog import fill_table

if TYPE_CHECKING:
    from briefer.workspace import Workspace

CREDIBILITY = {1: "1 confirmed", 2: "2 probably true", 3: "3 possibly true", 4: "4 doubtful",
               5: "5 improbable", 6: "6 cannot be judged"}


def read_only_table(name: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
    """A table of text named for screen readers: rows selected whole, never edited, last column stretched."""
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    fill_table(table, rows)
    return table


def _ids(values: tuple[int, ...]) -> str:
    return ", ".join(map(str, values))


def rows(analysis: Analysis) -> dict[str, list[list[str]]]:
    """The text of each table: stories, claims, conflicts."""
    return {
        "stories": [[str(s.number), _ids(s.articles)] for s in analysis.stories],
        "claims": [[str(c.number), c.kind, _ids(c.tags), _ids(c.articles), str(c.independent_sources),
                    CREDIBILITY[c.suggested_credibility]] for c in analysis.claims],
        "conflicts": [[str(c.number), c.about, "; ".join(
            f"{v.value} {v.unit or ''}".rstrip() + f" (tag {v.tag}, article {v.article})" for v in c.values)]
            for c in analysis.conflicts],
    }


class CorroborationDialog(QDialog):
    """Three read-only tables: stories, claims (independent sources, suggested credibility), conflicts."""

    def __init__(self, ws: Workspace, brief_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scope = "the workspace" if brief_id is None else f"brief {brief_id}"
        self.setWindowTitle(f"Corroboration: {scope}")
        self.resize(760, 520)
        text = rows(analyse(ws, brief_id))
        self.stories = read_only_table("Story clusters", ["Story", "Articles"], text["stories"])
        self.claims = read_only_table("Claims", ["Claim", "Kind", "Tags", "Articles", "Independent sources",
                                        "Suggested credibility"], text["claims"])
        self.conflicts = read_only_table("Conflicts", ["Conflict", "About", "Reports"], text["conflicts"])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.claims, f"Claims ({len(text['claims'])})")
        self.tabs.addTab(self.conflicts, f"Conflicts ({len(text['conflicts'])})")
        self.tabs.addTab(self.stories, f"Stories ({len(text['stories'])})")
        note = QLabel("Suggested credibility is a suggestion: set an item's credibility in the brief"
                      " composer to accept it.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
