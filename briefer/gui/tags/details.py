"""The current tag's every field and its note, as line edits (below the tag tree)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

if TYPE_CHECKING:
    from briefer.model import AttrValue, Tag
    from briefer.taxonomy import Taxonomy

EXCERPT = 90


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class TagDetails(QWidget):
    """Every field of the current tag, and its note, as line edits.

    The rows for every kind's fields are built once; showing a tag shows its kind's rows.
    """

    editRequested = Signal(int, dict)
    editFinished = Signal()  # Enter pressed: give the reader the focus back

    def __init__(self, kinds: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = kinds
        self.tag: Tag | None = None
        self._form = QFormLayout(self)
        self._form.setContentsMargins(4, 4, 4, 4)
        self._title = QLabel("No tag selected")
        self._title.setObjectName("tagTitle")
        self._title.setWordWrap(True)
        self._form.addRow(self._title)
        self._rows: dict[str, dict[str, QLineEdit]] = {}
        for kind in kinds:
            for field in kind.fields:
                edit = QLineEdit()
                edit.setObjectName(f"field-{field.key}")
                edit.setAccessibleName(f"{kind.label} {field.label.lower()}")
                self._connect(edit)
                self._form.addRow(field.label, edit)
                self._form.setRowVisible(edit, False)
                self._rows.setdefault(kind.key, {})[field.key] = edit
        self.fields: dict[str, QLineEdit] = {}
        self.note = QLineEdit()
        self.note.setObjectName("tagNote")
        self.note.setAccessibleName("Tag note")
        self.note.setPlaceholderText("A note on this tag")
        self._connect(self.note)
        self._form.addRow("Note", self.note)
        self.show_tag(None)

    def _connect(self, edit: QLineEdit) -> None:
        edit.editingFinished.connect(self._commit)
        edit.returnPressed.connect(self.editFinished.emit)

    def _edits(self) -> list[QLineEdit]:
        return [*self.fields.values(), self.note]

    def show_tag(self, tag: Tag | None) -> None:
        """Show a tag's fields (None: only a disabled note).

        Showing the same tag again leaves the field being typed in as it is.
        """
        same = tag is not None and self.tag is not None and tag.id == self.tag.id
        if tag is None or self.tag is None or tag.kind != self.tag.kind:
            for edit in self.fields.values():
                self._form.setRowVisible(edit, False)
            self.fields = self._rows.get(tag.kind, {}) if tag is not None else {}
            for edit in self.fields.values():
                self._form.setRowVisible(edit, True)
        self.tag = tag
        if tag is None:
            self._title.setText("No tag selected")
        else:
            label = self.kinds[tag.kind].label if tag.kind in self.kinds else tag.kind
            self._title.setText(f"<b>{label}</b>: {html.escape(excerpt(tag.exact))}")
        for key, edit in self.fields.items():
            value = tag.attributes.get(key) if tag is not None else None
            if not (same and edit.hasFocus()):
                edit.setText("" if value is None else str(value))
        if not (same and self.note.hasFocus()):
            self.note.setText(tag.note if tag is not None else "")
        self.note.setEnabled(tag is not None)

    def focus_first_field(self) -> None:
        """Put the focus in the first field (or the note), its text selected."""
        edit = next(iter(self.fields.values()), self.note)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    def _commit(self) -> None:
        """Ask to save what was changed: only the fields whose text differs (the core types them)."""
        tag = self.tag
        if tag is None or tag.id is None:
            return
        changed: dict[str, AttrValue] = {}
        for key, edit in self.fields.items():
            value = tag.attributes.get(key)
            text = edit.text().strip()
            if text != ("" if value is None else str(value)):
                changed[key] = text
        request: dict[str, Any] = {}
        if changed:
            request["attributes"] = {**tag.attributes, **changed}
        if self.note.text().strip() != tag.note:
            request["note"] = self.note.text().strip()
        if request:
            self.editRequested.emit(tag.id, request)
