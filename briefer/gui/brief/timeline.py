"""The timeline dialog: every dated item of the current brief (or of the workspace), in date order.

It only presents :func:`briefer.analysis.timeline.timeline`; activating a row
(Enter or a double click) asks the window to show that item in its article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from briefer.analysis.timeline import Entry, timeline
from briefer.gui.brief.corroboration import read_only_table
from briefer.render.filters import spelled_date

if TYPE_CHECKING:
    from briefer.model import ArticleSummary
    from briefer.workspace import Workspace

HEADERS = ["Date", "Dated by", "Item", "Source"]


def _source(summary: ArticleSummary | None, article_id: int) -> str:
    if summary is None:
        return f"article {article_id}"
    return " — ".join(part for part in (summary.outlet, summary.title) if part)


def _date(entry: Entry) -> str:
    shown = spelled_date(entry.date, weekday=False) or entry.date
    return shown + (" (before the period)" if entry.before_period else "")


def rows(entries: list[Entry], articles: dict[int, ArticleSummary]) -> list[list[str]]:
    """The table's text: date (flagged when before the brief's period), its clock, item, source."""
    return [[_date(e), "when it happened" if e.happened else "publication", " ".join(e.text.split()),
             _source(articles.get(e.article), e.article)] for e in entries]


class TimelineDialog(QDialog):
    """A read-only table of dated items; Enter on a row reveals the item in its article."""

    itemChosen = Signal(int, int)  # article id, tag id

    def __init__(self, ws: Workspace, brief_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scope = "the workspace" if brief_id is None else f"brief {brief_id}"
        self.setWindowTitle(f"Timeline: {scope}")
        self.resize(820, 480)
        self.entries = timeline(ws, brief_id)
        articles = {a.id: a for a in ws.articles.all()}
        self.table = read_only_table("Timeline", HEADERS, rows(self.entries, articles))
        self.table.resizeColumnsToContents()
        self.table.activated.connect(self._on_table_activated)
        if self.entries:
            self.table.setCurrentCell(0, 0)
        count = len(self.entries)
        self.note = QLabel(f"{count} dated item{'' if count == 1 else 's'} of {scope}, oldest first."
                           " Enter shows the selected item in its article." if count else
                           f"No dated item in {scope}: tag dates (d), or give articles a publication date.")
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setFocus()

    def _on_table_activated(self, index: QModelIndex) -> None:
        entry = self.entries[index.row()]
        self.accept()
        self.itemChosen.emit(entry.article, entry.tag)
