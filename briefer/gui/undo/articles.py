"""Undoable article commands: metadata corrected, an article deleted, an import taken back.

Each calls the workspace's article methods (``edit``, ``remove``, ``restore``);
the base is :class:`~briefer.gui.undo.command.Command`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from briefer.gui.session import Session
from briefer.gui.undo.command import Command, Place
from briefer.model import Changes
from briefer.workspace.article_removal import RemovedArticle


class EditArticle(Command):
    """Correct an article's metadata or grade (one undo step); undo restores the old values."""

    def __init__(self, session: Session, article_id: int, fields: Mapping[str, str | None]) -> None:
        article = session.ws.articles.get(article_id)
        names = ", ".join(fields)
        super().__init__(session, f"Edit article {names}")
        self.article_id = article_id
        self._new = dict(fields)
        self._old = {name: getattr(article, name) for name in fields}

    def place(self) -> Place:
        return Place(article_id=self.article_id)

    def apply(self) -> Changes:
        return self.session.ws.articles.edit(self.article_id, **self._new)

    def revert(self) -> Changes:
        return self.session.ws.articles.edit(self.article_id, **self._old)


class RemoveArticles(Command):
    """Delete articles with their tags and the brief items citing them; undo restores them all.

    After an undo the articles are shown again; after a deletion the reader moves on
    by itself (see :class:`~briefer.gui.reader.follow.Follower`).
    """

    def __init__(self, session: Session, article_ids: Sequence[int], text: str) -> None:
        super().__init__(session, text)
        self.article_ids = list(article_ids)
        self._removed: list[RemovedArticle] = []

    def place(self) -> Place | None:
        return Place(article_id=self.article_ids[-1]) if not self._removed else None

    def apply(self) -> Changes:
        articles = self.session.ws.articles
        self._removed = [articles.remove(i) for i in self.article_ids]
        return _union(r.changes for r in self._removed)

    def revert(self) -> Changes:
        articles = self.session.ws.articles
        changes = _union(articles.restore(r) for r in reversed(self._removed))
        self._removed = []
        return changes


class ImportArticles(RemoveArticles):
    """Articles an import added (already stored); undo removes them all, redo restores them."""

    def __init__(self, session: Session, article_ids: Sequence[int]) -> None:
        count = len(article_ids)
        super().__init__(session, article_ids, f"Import {count} article{'s' if count != 1 else ''}")
        self._imported = False

    def apply(self) -> Changes:
        if not self._imported:  # the import job stored them and reported its Changes
            self._imported = True
            return Changes()
        return super().revert()

    def revert(self) -> Changes:
        return super().apply()


def _union(parts: Iterable[Changes]) -> Changes:
    total = Changes()
    for part in parts:
        total = total | part
    return total
