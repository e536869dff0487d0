"""The window's work on whole articles: their details corrected, an article deleted.

Both are undoable commands (:mod:`briefer.gui.undo.articles`). Deleting an
article that briefs cite asks first, naming the briefs; yes takes those items
out with it (as ``briefer article remove --force``), and undo puts all back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.errors import BrieferError
from briefer.gui.actions import Actions, key_text
from briefer.gui.reader.article_dialog import ArticleDialog
from briefer.gui.undo.articles import EditArticle, RemoveArticles

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from briefer.gui.session import Session
    from briefer.model import Article


class ArticleWindow(Protocol):
    """What the article work needs of its window."""

    def current_article_id(self) -> int | None:
        """The id of the article in the reader, or None."""
        ...

    def show_message(self, text: str) -> None:
        """Show one line in the status bar."""
        ...


class ArticleWork(QObject):
    """Opens the details dialog on the current article and deletes articles, by commands."""

    def __init__(self, session: Session, window: ArticleWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.window = window
        self.parent_widget = parent
        self.dialog: ArticleDialog | None = None
        self._undo: QAction | None = None

    def connect_actions(self, actions: Actions) -> None:
        """Connect the Article menu's actions."""
        actions.on_trigger("article.details", self.show_details)
        actions.on_trigger("article.delete", self.delete_current)
        self._undo = actions["edit.undo"]

    def _current(self, doing: str) -> Article | None:
        article_id = self.window.current_article_id()
        if article_id is None or not self.session.is_open:
            self.window.show_message(f"No article to {doing}: import one first")
            return None
        try:
            return self.session.ws.articles.get(article_id)
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return None

    def show_details(self) -> ArticleDialog | None:
        """Open the details dialog on the reader's article (saving is one undo step)."""
        article = self._current("show")
        if article is None or article.id is None:
            return None
        article_id = article.id

        def save(fields: dict[str, str | None]) -> None:
            self.session.push(EditArticle(self.session, article_id, fields))
            self.window.show_message(f"Saved the details of article {article_id}")

        self.dialog = ArticleDialog(article, save, self.parent_widget)
        self.dialog.finished.connect(lambda _result: self.parent_widget.activateWindow())
        self.dialog.open()
        self.dialog.activateWindow()
        return self.dialog

    def delete_current(self) -> bool:
        """Delete the reader's article, asking first when briefs cite it; True when deleted."""
        article = self._current("delete")
        if article is None or article.id is None:
            return False
        try:
            briefs = self.session.ws.articles.briefs_using(article.id)
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return False
        if briefs and not self._confirm(article, [title for _id, title in briefs]):
            return False
        try:
            self.session.push(RemoveArticles(self.session, [article.id], f"Delete article “{article.title}”"))
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return False
        undo = (key_text(self._undo.shortcuts()[:1]) if self._undo is not None else "") or "Undo"
        self.window.show_message(f"Deleted the article “{article.title}” ({undo} brings it back)")
        return True

    def _confirm(self, article: Article, briefs: list[str]) -> bool:
        named = ", ".join(f"“{title}”" for title in briefs)
        button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.parent_widget, "Delete article",
            f"“{article.title}” is cited in {'the brief' if len(briefs) == 1 else 'the briefs'} {named}. "
            "Delete it, and its items in those briefs?",
            button.Yes | button.Cancel, button.Cancel)
        return answer == button.Yes
