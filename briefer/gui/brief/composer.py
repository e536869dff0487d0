"""The brief composer: the current brief's sections and items, header and Markdown texts.

It only presents what it is given and turns edits into requests (signals); the
window's :mod:`~briefer.gui.brief.briefing` controller turns those into undoable
commands. Items move by key (Alt+arrows, in the action table) or by dragging
them onto another place; the drop becomes a move request, and the tree is
redrawn from the workspace once the move is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.analysis.bluf import single_source
from briefer.analysis.wording import lint_brief
from briefer.model import Brief

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from PySide6.QtGui import QDropEvent, QFocusEvent

    from briefer.analysis.claims import Claim
    from briefer.analysis.markings import MarkingCheck
    from briefer.model import BriefSummary, Tag

MARKINGS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
_ITEM_ROLE = Qt.ItemDataRole.UserRole
_SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One item as the composer shows it; ``analyst`` marks the analyst's own note (in italics)."""

    id: int
    text: str
    tooltip: str = ""
    analyst: bool = False


@dataclass(frozen=True, slots=True)
class SectionRows:
    """A section with its items, in order."""

    id: str
    title: str
    items: tuple[ItemRow, ...]


class MarkdownEdit(QPlainTextEdit):
    """A plain-text field for analyst Markdown that reports edits when it loses focus."""

    editingFinished = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setPlaceholderText(f"{name} (Markdown)")
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.editingFinished.emit()


class ItemTree(QTreeWidget):
    """Sections and their items; dropping an item asks for a move instead of moving it."""

    moveRequested = Signal(int, str, int)  # item id, section id, position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefItems")
        self.setAccessibleName("Brief sections and items")
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def drop_target(self, point: QPoint) -> tuple[str, int] | None:
        """The section and position a drop at ``point`` (viewport coordinates) means, or None.

        On a section heading: its start (upper quarter) or its end. On an item: before
        it (upper half) or after it.
        """
        target = self.itemAt(point)
        if target is None:
            return None
        rect = self.visualItemRect(target)
        upper = point.y() < rect.top() + rect.height() / (4 if target.parent() is None else 2)
        section = target.parent()
        if section is None:
            return target.data(0, _SECTION_ROLE), 0 if upper else target.childCount()
        position = section.indexOfChild(target) + (0 if upper else 1)
        return section.data(0, _SECTION_ROLE), position

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        target = self.drop_target(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        parent = item.parent() if item is not None else None
        if item is None or parent is None or target is None:
            return
        section, position = target
        if section == parent.data(0, _SECTION_ROLE) and position > parent.indexOfChild(item):
            position -= 1  # the item leaves its old place first
        self.moveRequested.emit(item.data(0, _ITEM_ROLE), section, position)


class BriefComposer(QWidget):
    """Brief choice, header fields, sections with items, BLUF and assessment."""

    briefChosen = Signal(int)
    newBriefRequested = Signal()
    fieldsEdited = Signal(int, dict)  # brief id, {field: value}

    def __init__(self, templates: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brief: Brief | None = None
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Current brief")
        self.new_button = QPushButton("New brief…")
        self.new_button.setAccessibleName("New brief")
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        self.proposed = QLabel()  # the items' rolled-up marking; says when export would be refused
        self.proposed.setObjectName("proposedMarking")
        self.proposed.setAccessibleName("Proposed marking")
        self.proposed.setWordWrap(True)
        self.proposed.hide()
        self.tree = ItemTree()
        self.title = QLineEdit()
        self.title.setAccessibleName("Brief title")
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(MARKINGS)
        self.marking.setAccessibleName("Marking")
        self.template = QComboBox()
        self.template.addItems(list(templates))
        self.template.setAccessibleName("Brief template")
        self.period = QLineEdit()
        self.period.setAccessibleName("Period covered")
        self.author = QLineEdit()
        self.author.setAccessibleName("Author")
        details = QWidget()
        form = QFormLayout(details)
        for label, widget in (("Title", self.title), ("Marking", self.marking),
                              ("Template", self.template), ("Period", self.period),
                              ("Author", self.author)):
            form.addRow(label, widget)
        self.bluf = MarkdownEdit("Bottom line up front")
        self.assessment = MarkdownEdit("Assessment")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Brief parts")
        self.tabs.tabBar().setAccessibleName("Brief parts: sections, BLUF, assessment, details")
        self.tabs.addTab(self.tree, "Sections")
        self.tabs.addTab(self.bluf, "BLUF")
        self.tabs.addTab(self.assessment, "Assessment")
        self.tabs.addTab(details, "Details")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.proposed)
        layout.addWidget(self.tabs, 1)
        self.lint = QLabel()  # ICD 203 findings while typing: shown, never blocking
        self.lint.setObjectName("lintFindings")
        self.lint.setAccessibleName("Estimative language findings")
        self.lint.setWordWrap(True)
        self.lint.hide()
        layout.addWidget(self.lint)
        self.single_source = QLabel()  # BLUF statements resting on one independent source: never blocking
        self.single_source.setObjectName("singleSourceFlags")
        self.single_source.setAccessibleName("Single-source claims in the BLUF")
        self.single_source.setWordWrap(True)
        self.single_source.hide()
        layout.addWidget(self.single_source)
        self._claims: tuple[Sequence[Claim], Mapping[int, Tag]] = ((), {})
        self.bluf.textChanged.connect(self._show_lint)
        self.bluf.textChanged.connect(self.show_single_source)
        self.assessment.textChanged.connect(self._show_lint)
        self.chooser.activated.connect(self._on_chooser_activated)
        self.new_button.clicked.connect(self.newBriefRequested.emit)
        for edit, name in ((self.title, "title"), (self.period, "period"), (self.author, "author")):
            edit.editingFinished.connect(lambda e=edit, n=name: self._edited(n, e.text().strip()))
        self.bluf.editingFinished.connect(lambda: self._edited("bluf", self.bluf.toPlainText()))
        self.assessment.editingFinished.connect(
            lambda: self._edited("assessment", self.assessment.toPlainText()))
        self.marking.activated.connect(lambda _i: self._edited("marking", self.marking.currentText()))
        marking_edit = self.marking.lineEdit()
        assert marking_edit is not None  # the marking box is editable
        marking_edit.editingFinished.connect(
            lambda: self._edited("marking", self.marking.currentText().strip()))
        self.template.activated.connect(lambda _i: self._edited("template", self.template.currentText()))
        self.setEnabled(False)

    # showing ---------------------------------------------------------------------------
    def _show_lint(self) -> None:
        """List the ICD 203 findings of the BLUF and assessment as typed (hidden when none)."""
        draft = Brief(title="", bluf=self.bluf.toPlainText(), assessment=self.assessment.toPlainText())
        lines = [f"{f.field}: {f.message}" + (f" → {f.suggestion}" if f.suggestion else "")
                 for f in lint_brief(draft)]
        self.lint.setText("\n".join(lines))
        self.lint.setVisible(bool(lines))

    def set_claims(self, claims: Sequence[Claim], tags: Mapping[int, Tag]) -> None:
        """The brief's claims (sources counted across the workspace) and its items' tags; flag again."""
        self._claims = (claims, tags)
        self.show_single_source()

    def show_single_source(self) -> None:
        """Flag what the BLUF, as typed, states on one independent source (hidden when nothing)."""
        text = self.bluf.toPlainText()
        flags = single_source(text, *self._claims) if text.strip() and self.brief is not None else []
        lines = [f"BLUF: “{f.text}” rests on one independent source (claim {f.claim})" for f in flags]
        self.single_source.setText("\n".join(lines))
        self.single_source.setVisible(bool(lines))

    def show_marking(self, check: MarkingCheck | None) -> None:
        """Show the marking the brief's items propose (``Proposed TLP:AMBER (items 4, 9)``).

        When the brief is marked below one of its items, say that export refuses it
        (None: no brief, nothing shown).
        """
        if check is None:
            self.proposed.clear()
            self.proposed.hide()
            return
        text = check.proposal()
        if not check.ok:
            text += f"\nExport is refused: the brief {check.message()}."
        self.proposed.setText(text)
        self.proposed.setToolTip("The most restrictive TLP of the brief's items (an item's own, else its"
                                 " article's). Set the brief's marking under Details.")
        self.proposed.show()

    def set_briefs(self, briefs: Sequence[BriefSummary], current: int | None) -> None:
        """Fill the brief chooser."""
        self.chooser.clear()
        for summary in briefs:
            self.chooser.addItem(f"{summary.title} ({summary.item_count})", summary.id)
        index = self.chooser.findData(current)
        self.chooser.setCurrentIndex(index)

    def show_brief(self, brief: Brief | None, sections: Sequence[SectionRows] = ()) -> None:
        """Show a brief's fields and its sections (None: an empty, disabled composer).

        Showing the same brief again leaves the field being typed in as it is (it is
        saved when the user leaves it).
        """
        same = brief is not None and self.brief is not None and brief.id == self.brief.id
        self.brief = brief
        self.setEnabled(True)
        for widget in (self.tabs, self.tree):
            widget.setEnabled(brief is not None)
        current = self.current_item()
        self.tree.clear()
        for section in sections:
            top = QTreeWidgetItem([f"{section.title} ({len(section.items)})"])
            top.setData(0, _SECTION_ROLE, section.id)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
            for row in section.items:
                child = QTreeWidgetItem([row.text])
                child.setData(0, _ITEM_ROLE, row.id)
                child.setToolTip(0, row.tooltip or row.text)
                if row.analyst:
                    font = child.font(0)
                    font.setItalic(True)
                    child.setFont(0, font)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | Qt.ItemFlag.ItemIsDragEnabled)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        if current is not None:
            self.select_item(current[0])
        self._fill_fields(brief, keep_focused=same)

    def _fill_fields(self, brief: Brief | None, *, keep_focused: bool = False) -> None:
        values = {
            self.title: brief.title if brief else "", self.period: brief.period if brief else "",
            self.author: brief.author if brief else "",
        }
        for edit, value in values.items():
            if edit.text() != value and not (keep_focused and edit.hasFocus()):
                edit.setText(value)
        for markdown, value in ((self.bluf, brief.bluf if brief else ""),
                                (self.assessment, brief.assessment if brief else "")):
            if markdown.toPlainText() != value and not (keep_focused and markdown.hasFocus()):
                markdown.setPlainText(value)
        self.marking.setCurrentText(brief.marking if brief else MARKINGS[0])
        index = self.template.findText(brief.template) if brief else -1
        if index < 0 and brief is not None:
            self.template.addItem(brief.template)
            index = self.template.count() - 1
        self.template.setCurrentIndex(index)

    # items -------------------------------------------------------------------------------
    def current_item(self) -> tuple[int, str, int] | None:
        """``(item id, section id, position)`` of the selected item, or None."""
        item = self.tree.currentItem()
        parent = item.parent() if item is not None else None
        if item is None or parent is None:
            return None
        return item.data(0, _ITEM_ROLE), parent.data(0, _SECTION_ROLE), parent.indexOfChild(item)

    def insertion_point(self) -> tuple[str, int] | None:
        """Where a new item goes; None when no brief is shown.

        After the selected item, else at the end of the selected section (or of the first one).
        """
        sections = self._sections()
        if self.brief is None or not sections:
            return None
        current = self.current_item()
        if current is not None:
            return current[1], current[2] + 1
        item = self.tree.currentItem()
        top = item if item is not None and item.parent() is None else sections[0]
        return top.data(0, _SECTION_ROLE), top.childCount()

    def select_item(self, item_id: int) -> bool:
        """Make an item current; False when it is not shown."""
        for top in self._sections():
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, _ITEM_ROLE) == item_id:
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def _sections(self) -> list[QTreeWidgetItem]:
        """The shown sections' rows, in order."""
        tree = self.tree
        return [top for i in range(tree.topLevelItemCount()) if (top := tree.topLevelItem(i)) is not None]

    def section_ids(self) -> list[str]:
        """The shown sections' ids, in order."""
        return [top.data(0, _SECTION_ROLE) for top in self._sections()]

    def section_size(self, section: str) -> int:
        """How many items a shown section has."""
        index = self.section_ids().index(section)
        return self._sections()[index].childCount()

    # edits -------------------------------------------------------------------------------

    def _on_chooser_activated(self, index: int) -> None:
        brief_id = self.chooser.itemData(index)
        if brief_id is not None and (self.brief is None or brief_id != self.brief.id):
            self.briefChosen.emit(brief_id)

    def _edited(self, field: str, value: str) -> None:
        brief = self.brief
        if brief is None or brief.id is None or getattr(brief, field) == value:
            return
        if field in ("title", "marking", "template") and not value:
            self._fill_fields(brief)  # these may not be empty: show the old value again
            return
        self.fieldsEdited.emit(brief.id, {field: value})
