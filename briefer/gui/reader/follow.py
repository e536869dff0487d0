"""The reader, its header and the tag panel follow what changed (a Changes value).

A changed tag of the article in the reader is drawn at once; the tag panel
follows one event-loop turn later, so a key press repaints its highlight first
(the tree relays out all rows on an insert). Changed metadata (an edit) redraws
the header; when the article itself is gone (deleted, an import undone) the
reader moves to its neighbour in the list. The list reloads a moment later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from briefer.errors import BrieferError, NotFound

if TYPE_CHECKING:
    from briefer.gui.reader.article_list import ArticleList
    from briefer.gui.reader.view import ReaderPane
    from briefer.gui.session import Session
    from briefer.gui.tags.panel import TagPanel
    from briefer.gui.tags.suggestions import SuggestionFeed
    from briefer.model import Article, Changes, Tag
    from briefer.workspace import Workspace

LIST_REFRESH_MS = 250


class FollowingWindow(Protocol):
    """What following changes needs of its window."""

    def open_article(self, article_id: int | None) -> None:
        """Show an article (None: none) in the reader and the tag panel."""
        ...


class Follower(QObject):
    """Routes Changes to the reader, its header, the tag panel and the article list."""

    def __init__(self, session: Session, reader: ReaderPane, tags: TagPanel, articles: ArticleList,
                 suggestions: SuggestionFeed, window: FollowingWindow) -> None:
        super().__init__(articles)
        self.session = session
        self.reader = reader
        self.view = reader.view
        self.tags = tags
        self.articles = articles
        self.suggestions = suggestions
        self.window = window
        self.list_timer = QTimer(self)
        self.list_timer.setSingleShot(True)
        self.list_timer.setInterval(LIST_REFRESH_MS)
        self.list_timer.timeout.connect(self.articles.refresh)
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._panel_timer.timeout.connect(self.sync_tag_panel)
        self._panel_tags: dict[int, Tag | None] = {}
        self._panel_current: int | None = None
        session.changed.connect(self._on_session_changed)
        self.view.currentTagChanged.connect(self._on_view_current_tag_changed)

    def reset(self) -> None:
        """Forget pending tag panel updates (a new article is shown)."""
        self._panel_tags.clear()
        self._panel_current = None

    def _on_session_changed(self, changes: Changes) -> None:
        article = self.view.article
        current = article.id if article is not None else None
        if current is not None and current in changes.articles:
            ws = self.session.ws
            now = self._fetch_article(ws, current)
            if now is None:
                self._open_neighbour(current)
                return
            self.reader.show_details(now)
            # A new tag only hides suggestions (done at once); anything else may bring
            # some back, so the suggestions are computed again in the background.
            recompute = not changes.tags
            for tag_id in sorted(changes.tags):
                tag = self._fetch_tag(ws, tag_id)
                recompute |= tag is None or tag_id in self.view.tags
                if tag is not None and tag.article_id == current:
                    self.view.put_tag(tag)
                    self._panel_tags[tag_id] = tag
                else:
                    self.view.drop_tag(tag_id)
                    self._panel_tags[tag_id] = None
                self._panel_timer.start()
            if recompute:
                self.suggestions.request(ws.path, current)
        if changes.articles:
            self.list_timer.start()

    def _open_neighbour(self, gone: int) -> None:
        """Show the article after the one that is gone in the list (or before it, or none)."""
        before = [r.id for r in self.articles.model.rows]
        self.list_timer.stop()
        self.articles.refresh()
        left = {r.id for r in self.articles.model.rows}
        index = before.index(gone) if gone in before else 0
        order = before[index + 1:] + before[:index][::-1]
        nearest = next((i for i in order if i in left), None)
        if nearest is None and self.articles.model.rows:
            nearest = self.articles.model.rows[0].id
        self.window.open_article(nearest)

    def _on_view_current_tag_changed(self, tag_id: int | None) -> None:
        self._panel_current = tag_id
        self._panel_timer.start()

    def sync_tag_panel(self) -> None:
        """Bring the tag panel up to date with the reader (tags changed, current tag)."""
        self._panel_timer.stop()
        pending, self._panel_tags = self._panel_tags, {}
        for tag_id, tag in pending.items():
            if tag is None:
                self.tags.drop(tag_id)
            else:
                self.tags.put(tag)
        self.tags.set_current(self._panel_current)

    def stop(self) -> None:
        """Stop the pending list reload (the window closes)."""
        self.list_timer.stop()

    @staticmethod
    def _fetch_tag(ws: Workspace, tag_id: int) -> Tag | None:
        try:
            return ws.tags.get(tag_id)
        except NotFound:
            return None

    def _fetch_article(self, ws: Workspace, article_id: int) -> Article | None:
        """The article as stored now; None when it is gone (unreadable: the one shown)."""
        try:
            return ws.articles.get(article_id)
        except NotFound:
            return None
        except BrieferError:  # a damaged workspace open read-only: keep what is shown
            return self.view.article
