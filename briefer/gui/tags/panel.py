"""The tag panel: the article's tags grouped by kind, fields editable in place.

The tree lists each kind (always, so rows never jump) with its tags under it in
text order: the tagged words, the kind's main field (speaker, value, ISO date)
and the note, the last two editable in place (F2 or typing). Below it, the
current tag's every field and its note (:mod:`briefer.gui.tags.details`). Edits
become requests; the window turns them into undoable commands, and the Changes
that follow update the rows.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from briefer.gui.tags.details import TagDetails, excerpt
from briefer.gui.tags.suggestion_text import field_text

if TYPE_CHECKING:
    from briefer.model import Tag
    from briefer.taxonomy import Kind, Taxonomy

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
COLUMNS = ("Tag", "Speaker / value", "Note")


def main_field(kind: Kind) -> str | None:
    """The field shown and edited in the tree's second column (speaker, value, iso)."""
    return kind.fields[0].key if kind.fields else None


_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TAG_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren


def _sort_key(tag: Tag) -> tuple[int, int, int]:
    return (tag.start, tag.end, tag.id or 0)


class TagModel(QAbstractItemModel):
    """Kinds as top-level rows, their tags as children; tags update one by one."""

    editRequested = Signal(int, dict)  # tag id, {"attributes": …} or {"note": …}

    def __init__(self, kinds: Taxonomy, parent: Any = None) -> None:
        super().__init__(parent)
        self.kinds = kinds
        self._order = kinds.keys()
        self._tags: dict[str, list[Tag]] = {k: [] for k in self._order}
        self._keys: dict[str, list[tuple[int, int, int]]] = {k: [] for k in self._order}
        self._where: dict[int, str] = {}
        self._main_fields = [main_field(kinds[k]) for k in self._order]

    # loading ---------------------------------------------------------------------------
    def reset(self, tags: list[Tag]) -> None:
        """Show these tags (of one article)."""
        self.beginResetModel()
        for key in self._order:
            self._tags[key] = []
        for tag in sorted(tags, key=_sort_key):
            self._tags.setdefault(tag.kind, []).append(tag)
        for key in list(self._tags):
            if key not in self._order:  # a kind the taxonomy no longer has
                self._order.append(key)
                self._main_fields.append(None)
        self._keys = {k: [_sort_key(t) for t in v] for k, v in self._tags.items()}
        self._where = {t.id: t.kind for t in tags if t.id is not None}
        self.endResetModel()

    def put(self, tag: Tag) -> None:
        """Insert or update one tag."""
        assert tag.id is not None
        old_kind = self._where.get(tag.id)
        if old_kind == tag.kind:
            row = self._row_of(tag.id, old_kind)
            if self._keys[old_kind][row] == _sort_key(tag):
                self._tags[old_kind][row] = tag
                first = self.index(row, 0, self._group(old_kind))
                self.dataChanged.emit(first, first.siblingAtColumn(len(COLUMNS) - 1))
                return
        if old_kind is not None:
            self.drop(tag.id)
        if tag.kind not in self._tags:
            return
        row = bisect_left(self._keys[tag.kind], _sort_key(tag))
        self.beginInsertRows(self._group(tag.kind), row, row)
        self._tags[tag.kind].insert(row, tag)
        self._keys[tag.kind].insert(row, _sort_key(tag))
        self._where[tag.id] = tag.kind
        self.endInsertRows()
        self._group_changed(tag.kind)

    def drop(self, tag_id: int) -> None:
        """Remove one tag if shown."""
        kind = self._where.pop(tag_id, None)
        if kind is None:
            return
        row = self._row_of(tag_id, kind)
        self.beginRemoveRows(self._group(kind), row, row)
        del self._tags[kind][row]
        del self._keys[kind][row]
        self.endRemoveRows()
        self._group_changed(kind)

    def _row_of(self, tag_id: int, kind: str) -> int:
        return next(i for i, t in enumerate(self._tags[kind]) if t.id == tag_id)

    def _group(self, kind: str) -> QModelIndex:
        return self.index(self._order.index(kind), 0)

    def _group_changed(self, kind: str) -> None:
        group = self._group(kind)
        self.dataChanged.emit(group, group)

    # look-ups --------------------------------------------------------------------------
    def tag_index(self, tag_id: int, column: int = 0) -> QModelIndex:
        """The index of a tag's row, or an invalid index."""
        kind = self._where.get(tag_id)
        if kind is None:
            return QModelIndex()
        return self.index(self._row_of(tag_id, kind), column, self._group(kind))

    def tag_for(self, index: Index) -> Tag | None:
        """The tag on a row, or None for a kind row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._tags[self._order[index.internalId() - 1]][index.row()]

    # the model interface ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        # Called for every row whenever the tree lays out: kept free of calls back into Qt.
        if not 0 <= column < len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._order) else QModelIndex()
        group = parent.row()
        if parent.internalId() != 0 or row >= len(self._tags[self._order[group]]):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        if not parent.isValid():
            return len(self._order)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._tags[self._order[parent.row()]])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        group = index.internalId()
        if group == 0:
            return _GROUP_FLAGS
        column = index.column()
        if column == 2 or (column == 1 and self._main_fields[group - 1] is not None):
            return _TAG_FLAGS | Qt.ItemFlag.ItemIsEditable
        return _TAG_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        tag = self.tag_for(index)
        assert tag is not None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return excerpt(tag.exact)
            if index.column() == 1:
                field = main_field(self.kinds[tag.kind]) if tag.kind in self.kinds else None
                value = tag.attributes.get(field) if field else None
                shown = field_text(tag.kind, tag.attributes) if role == Qt.ItemDataRole.DisplayRole else ""
                return shown or ("" if value is None else str(value))
            return tag.note
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return tag.exact
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        if index.column() != 0:
            return None
        key = self._order[index.row()]
        kind = next((k for k in self.kinds if k.key == key), None)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{kind.label if kind else key} ({len(self._tags[key])})"
        if role == Qt.ItemDataRole.DecorationRole and kind is not None:
            return QColor(kind.colour)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        tag = self.tag_for(index)
        if tag is None or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        if index.column() == 2 and text != tag.note:
            self.editRequested.emit(tag.id, {"note": text})
        elif index.column() == 1:
            field = main_field(self.kinds[tag.kind])
            if field is not None and text != str(tag.attributes.get(field) or ""):
                self.editRequested.emit(tag.id, {"attributes": {**tag.attributes, field: text}})
        return False  # the Changes that follow update the row


class TagPanel(QWidget):
    """The tree of tags and the current tag's details."""

    tagActivated = Signal(int)  # the user picked a tag in the tree

    def __init__(self, kinds: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TagModel(kinds, self)
        self.tree = QTreeView()
        self.tree.setObjectName("tagTree")
        self.tree.setAccessibleName("Tags of this article")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details = TagDetails(kinds, self)
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        self.model.modelReset.connect(self.tree.expandAll)
        self.tree.viewport().installEventFilter(self)
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.tree.viewport() and isinstance(event, QResizeEvent):
            width = event.size().width()  # the field columns take a share; the tagged words the rest
            self.tree.header().resizeSection(1, min(max(int(width * 0.32), 80), 220))
            self.tree.header().resizeSection(2, min(max(int(width * 0.18), 50), 160))
        return super().eventFilter(watched, event)

    def show_tags(self, tags: list[Tag]) -> None:
        """Show an article's tags."""
        self.model.reset(tags)
        self.details.show_tag(None)

    def put(self, tag: Tag) -> None:
        """Show a new or changed tag."""
        self.model.put(tag)
        if self.details.tag is not None and self.details.tag.id == tag.id:
            self.details.show_tag(tag)

    def drop(self, tag_id: int) -> None:
        """Stop showing a removed tag."""
        self.model.drop(tag_id)
        if self.details.tag is not None and self.details.tag.id == tag_id:
            self.details.show_tag(None)

    def set_current(self, tag_id: int | None) -> None:
        """Select a tag's row (the reader's current tag) and show its details."""
        index = self.model.tag_index(tag_id) if tag_id is not None else QModelIndex()
        if index.isValid():
            self._syncing = True
            self.tree.setCurrentIndex(index)
            self._syncing = False
            self.tree.scrollTo(index)
        self.details.show_tag(self.model.tag_for(index) if index.isValid() else None)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        tag = self.model.tag_for(current)
        self.details.show_tag(tag)
        if tag is not None and tag.id is not None and not self._syncing:
            self.tagActivated.emit(tag.id)
