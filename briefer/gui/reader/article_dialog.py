"""The article details dialog: the analyst corrects an article's metadata and grades its source.

Every value is checked by the core (:func:`briefer.workspace.article_edits.check`),
so the dialog refuses what ``briefer article set`` refuses, with the same reason,
shown under the field; nothing is saved while one value is wrong. Saving hands
the changed fields to a callback (the window makes one undoable command of them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.dtg import TLP_LABELS
from briefer.errors import BrieferError
from briefer.gui.reader.view import near_duplicate_text
from briefer.workspace.article_edits import check

if TYPE_CHECKING:
    from briefer.model import Article

#: The text fields, in the dialog's order, with their labels and a hint of the form.
TEXT_FIELDS = (
    ("title", "Title", ""),
    ("outlet", "Outlet", "e.g. Reuters"),
    ("author", "Author", "person names, comma separated"),
    ("published", "Published", "YYYY-MM-DD or YYYY-MM-DDTHH:MM"),
    ("url", "URL", "https://…"),
    ("language", "Language", "e.g. en, uk-UA"),
)
#: Source reliability on the Admiralty scale, as the grade box offers it.
GRADE_CHOICES = (
    (None, "None (not graded)"),
    ("A", "A — completely reliable"),
    ("B", "B — usually reliable"),
    ("C", "C — fairly reliable"),
    ("D", "D — not usually reliable"),
    ("E", "E — unreliable"),
    ("F", "F — reliability cannot be judged"),
)

ERROR_STYLE = "color: #c62828"
Save = Callable[[dict[str, str | None]], None]


class ArticleDialog(QDialog):
    """An article's title, outlet, author, date, URL, language and source grade, editable.

    ``save`` gets only the fields the user changed; a BrieferError it raises is
    shown in the dialog, which then stays open.
    """

    def __init__(self, article: Article, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleDialog")
        self.setWindowTitle(f"Article {article.id} details")
        self.article = article
        self._save = save
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = self._form = QFormLayout()
        for name, label, hint in TEXT_FIELDS:
            edit = QLineEdit(getattr(article, name) or "")
            edit.setObjectName(f"article-{name}")
            edit.setAccessibleName(f"Article {label.lower()}")
            edit.setPlaceholderText(hint)
            edit.setMinimumWidth(460)
            edit.setCursorPosition(0)  # a long title shows its start
            edit.textEdited.connect(lambda _text, n=name: self._clear_error(n))
            self.fields[name] = edit
            form.addRow(f"&{label}", edit)
            self._add_error_row(form, name)
        self.grade = QComboBox()
        self.grade.setObjectName("article-grade")
        self.grade.setAccessibleName("Source grade (Admiralty)")
        for value, text in GRADE_CHOICES:
            self.grade.addItem(text, value)
        self.grade.setCurrentIndex(max(self.grade.findData(article.grade), 0))
        form.addRow("Source &grade", self.grade)
        self._add_error_row(form, "grade")
        self.tlp = QComboBox()
        self.tlp.setObjectName("article-tlp")
        self.tlp.setAccessibleName("TLP 2.0 marking")
        self.tlp.addItem("None (not marked)", None)
        for label in TLP_LABELS:
            self.tlp.addItem(label, label)
        self.tlp.setCurrentIndex(max(self.tlp.findData(article.tlp), 0))
        form.addRow("&Marking (TLP)", self.tlp)
        self._add_error_row(form, "tlp")
        near = near_duplicate_text(article)
        if near:
            note = QLabel(near)
            note.setObjectName("nearDuplicate")
            form.addRow("", note)
        self.message = QLabel()
        self.message.setObjectName("articleDialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None
        save_button.setDefault(True)  # Enter in any field saves
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _add_error_row(self, form: QFormLayout, name: str) -> None:
        error = QLabel()
        error.setObjectName(f"error-{name}")
        error.setStyleSheet(ERROR_STYLE)
        form.addRow("", error)
        form.setRowVisible(error, False)
        self.errors[name] = error

    def _clear_error(self, name: str) -> None:
        self._form.setRowVisible(self.errors[name], False)

    def values(self) -> dict[str, str | None]:
        """Every field as the dialog shows it (grade None when not graded, tlp None when not marked)."""
        found: dict[str, str | None] = {name: edit.text() for name, edit in self.fields.items()}
        found["grade"] = self.grade.currentData()
        found["tlp"] = self.tlp.currentData()
        return found

    def changed(self) -> dict[str, str | None]:
        """The fields whose value differs from the article's (as typed)."""
        return {name: value for name, value in self.values().items()
                if (value or "").strip() != (getattr(self.article, name) or "")}

    def save(self) -> bool:
        """Check the changed values; when all are right, save them and close. False when refused."""
        changes = self.changed()
        wrong: list[tuple[str, BrieferError]] = []
        for name, value in changes.items():
            try:
                check(name, value)
            except BrieferError as exc:
                wrong.append((name, exc))
            else:
                self._clear_error(name)
        if wrong:
            for name, error in wrong:
                self.errors[name].setText(error.reason)
                self._form.setRowVisible(self.errors[name], True)
            names = [name for name, _error in wrong]
            self._say(f"Nothing saved: {', '.join(names)} {'is' if len(names) == 1 else 'are'} not right.")
            first = self.fields.get(wrong[0][0])
            (first or self.grade).setFocus()
            return False
        if changes:
            try:
                self._save(changes)
            except BrieferError as exc:
                self._say(str(exc))
                return False
        self.accept()
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
