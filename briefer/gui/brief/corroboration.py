"""The corroboration dialog: story clusters, claims with their suggested credibility, conflicts.

It only presents :func:`briefer.analysis.corroboration.analyse` of the
workspace or of the current brief, computed in the background; suggested
credibility is shown, never set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.window.keymap_dialog import fill_table

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.analysis.corroboration import Analysis
    from briefer.gui.background.feed import LatestFeed

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
    header = table.horizontalHeader()
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    for column, label in enumerate(headers):  # every heading readable whole
        width = header.fontMetrics().horizontalAdvance(label) + 2 * header.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin) + 16
        table.setColumnWidth(column, max(table.columnWidth(column), width))
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
    """Three read-only tables: stories, claims (independent sources, suggested credibility), conflicts.

    The analysis runs on ``feed`` (a :class:`LatestFeed` of
    :class:`~briefer.gui.background.jobs.AnalysisJob`, outliving the dialog): the
    dialog opens at once saying it is analysing, fills in when the result arrives,
    shows a failure as one line, and forgets the job when closed.
    """

    def __init__(self, feed: LatestFeed, workspace: Path, brief_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scope = "the workspace" if brief_id is None else f"brief {brief_id}"
        self.setWindowTitle(f"Corroboration: {scope}")
        self.resize(760, 520)
        self.stories = read_only_table("Story clusters", ["Story", "Articles"], [])
        self.claims = read_only_table("Claims", ["Claim", "Kind", "Tags", "Articles", "Independent sources",
                                        "Suggested credibility"], [])
        self.conflicts = read_only_table("Conflicts", ["Conflict", "About", "Reports"], [])
        self.tabs = QTabWidget()
        self._tables = ((self.claims, "Claims", "claims"), (self.conflicts, "Conflicts", "conflicts"),
                        (self.stories, "Stories", "stories"))
        for table, name, _key in self._tables:
            self.tabs.addTab(table, name)
        self.tabs.setEnabled(False)
        self.state = QLabel(f"Analysing {scope}…")
        self.state.setAccessibleName("Analysis state")
        note = QLabel("Suggested credibility is a suggestion: set an item's credibility in the brief"
                      " composer to accept it.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.feed: LatestFeed | None = feed
        feed.resultReady.connect(self.show_analysis)
        feed.failed.connect(self.show_failure)
        feed.request(workspace, brief_id)

    def show_analysis(self, analysis: Analysis) -> None:
        """Fill the tables with ``analysis`` and count their rows in the tabs."""
        text = rows(analysis)
        for index, (table, name, key) in enumerate(self._tables):
            fill_table(table, text[key])
            self.tabs.setTabText(index, f"{name} ({len(text[key])})")
        self.tabs.setEnabled(True)
        self.state.hide()

    def show_failure(self, message: str) -> None:
        """Say in one line why there is no analysis (all of it in the tooltip)."""
        lines = message.splitlines() or [""]
        self.state.setText(f"No analysis: {lines[0]}{' …' if len(lines) > 1 else ''}")
        self.state.setToolTip(message)

    def done(self, result: int) -> None:
        """Close, forgetting the analysis (a result still running is dropped)."""
        if self.feed is not None:
            self.feed.resultReady.disconnect(self.show_analysis)
            self.feed.failed.disconnect(self.show_failure)
            self.feed.cancel()
            self.feed = None
        super().done(result)
