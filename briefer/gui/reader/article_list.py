"""The article list: title, outlet, date and tag count, filtered as you type.

The filter is the workspace's full-text search (every word, the last as a
prefix); the list shows the matching articles in the list's order. Choosing a
row asks the window to open that article. In a narrow list the outlet and date
move under the title, so the title keeps room to be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefer.errors import BrieferError

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QResizeEvent

    from briefer.model import ArticleSummary
    from briefer.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
COLUMNS = ("Title", "Outlet", "Date", "Tags")
FILTER_DELAY_MS = 120
COMPACT_BELOW = 360  # pixels: a list narrower than this shows outlet and date under the title


class ArticleModel(QAbstractTableModel):
    """Rows of article summaries."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []

    def set_rows(self, rows: list[ArticleSummary]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, article_id: int) -> int | None:
        """The row showing an article, or None."""
        return next((i for i, r in enumerate(self.rows) if r.id == article_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, row.outlet or "", (row.published or "")[:10],
                    str(row.tag_count))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            if row.near_duplicate_of is not None:
                return f"{row.title}\nNear-duplicate of article {row.near_duplicate_of}"
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


def source_line(row: ArticleSummary) -> str:
    """Outlet and date on one line, as the compact list shows them under the title."""
    return " · ".join(p for p in (row.outlet, (row.published or "")[:10]) if p) or "no outlet or date"


class _TitleDelegate(QStyledItemDelegate):
    """Draws the title column; in compact mode with the source line under the title."""

    def __init__(self, model: ArticleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.compact = False

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        if self.compact and index.isValid():
            # U+2028 breaks the line where Qt measures and draws item text
            option.text = f"{option.text}\u2028{source_line(self.model.rows[index.row()])}"


class _FilterEdit(QLineEdit):
    """The filter box; Down moves into the list, Enter opens the first match."""

    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class ArticleList(QWidget):
    """Filter box and list of the workspace's articles."""

    openArticleRequested = Signal(int)
    activated = Signal(int)  # Enter on a row: open it and move to the reader
    failed = Signal(str)  # the list cannot be read: one line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: Workspace | None = None
        self._quiet = False
        self.filter = _FilterEdit()
        self.filter.setObjectName("articleFilter")
        self.filter.setAccessibleName("Filter articles")
        self.filter.setPlaceholderText("Filter articles (full text)…")
        self.filter.setClearButtonEnabled(True)
        self.model = ArticleModel(self)
        self.view = QTreeView()
        self.view.setObjectName("articleList")
        self.view.setAccessibleName("Articles")
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 72), (2, 80), (3, 38)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._titles = _TitleDelegate(self.model, self.view)
        self.view.setItemDelegateForColumn(0, self._titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.filter.textChanged.connect(self._timer.start)
        self.filter.returnPressed.connect(self._on_filter_return_pressed)
        self.filter.downPressed.connect(self.view.setFocus)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_changed)
        self.view.activated.connect(self._on_view_activated)

    @property
    def compact(self) -> bool:
        """Whether outlet and date are shown under the title (a narrow list)."""
        return self._titles.compact

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        compact = event.size().width() < COMPACT_BELOW
        if compact != self._titles.compact:
            self._titles.compact = compact
            for column in (1, 2):
                self.view.header().setSectionHidden(column, compact)
            self.view.doItemsLayout()  # rows change height

    def set_workspace(self, ws: Workspace | None) -> None:
        """Show the articles of ``ws`` (nothing selected yet: its ids are not the last one's)."""
        self.ws = ws
        self.filter.clear()
        self._timer.stop()
        self.model.set_rows([])
        self.refresh()

    def refresh(self) -> None:
        """Reload the rows (filtered by the box), keeping the current article selected."""
        if self.ws is None:
            self.model.set_rows([])
            return
        current = self.current_id()
        try:
            rows = self.ws.articles.all()
            query = self.filter.text().strip()
            if query:
                hits = {h.id for h in self.ws.articles.search(query, limit=max(len(rows), 1))}
                rows = [r for r in rows if r.id in hits]
        except BrieferError as exc:  # a damaged workspace open read-only
            self.model.set_rows([])
            self.failed.emit(str(exc))
            return
        self.model.set_rows(rows)
        if current is not None:
            self.select(current, emit=False)

    def current_id(self) -> int | None:
        """The article of the current row, or None."""
        index = self.view.currentIndex()
        return self.model.rows[index.row()].id if index.isValid() else None

    def select(self, article_id: int, *, emit: bool = True) -> bool:
        """Make an article's row current; False when it is not listed."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        self._quiet = not emit
        try:
            self.view.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._quiet = False
        return True

    def step(self, delta: int) -> None:
        """Open the next (+1) or previous (-1) article of the list."""
        if not self.model.rows:
            return
        index = self.view.currentIndex()
        row = (index.row() + delta) if index.isValid() else 0
        row = max(0, min(row, len(self.model.rows) - 1))
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.openArticleRequested.emit(self.model.rows[current.row()].id)

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.rows[index.row()].id)

    def _on_filter_return_pressed(self) -> None:
        self._timer.stop()
        self.refresh()
        if self.model.rows:
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.activated.emit(self.model.rows[0].id)
