"""Undoable article commands: metadata corrected, an article deleted, an import taken back.

Each calls the workspace's article methods (``edit``/``put_back``, ``remove``, ``restore``);
the base is :class:`~briefer.gui.undo.command.Command`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.errors import NotFound
from briefer.gui.undo.command import Command, Place
from briefer.model import Changes

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from briefer.gui.session import Session
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
        return self.session.ws.articles.put_back(self.article_id, **self._old)


class RemoveArticles(Command):
    """Delete articles with their tags and the brief items citing them; undo restores them all.

    After an undo the articles are shown again; after a deletion the reader moves on
    by itself (see :class:`~briefer.gui.reader.follow.Follower`).
    """

    def __init__(self, session: Session, article_ids: Sequence[int], text: str) -> None:
        super().__init__(session, text)
        self.article_ids = list(article_ids)
        self._removed: list[RemovedArticle] = []
        self._gone = False

    def place(self) -> Place | None:
        return None if self._gone else Place(article_id=self.article_ids[-1])

    def apply(self) -> Changes:
        ws = self.session.ws
        removed = []
        with ws.store.transaction():  # all of them or none
            for article_id in self.article_ids:
                try:
                    removed.append(ws.articles.remove(article_id))
                except NotFound:  # removed meanwhile (another window, the command line)
                    continue
        self._removed = removed
        self._gone = True
        return _union(r.changes for r in removed)

    def revert(self) -> Changes:
        ws = self.session.ws
        with ws.store.transaction():
            changes = _union([ws.articles.restore(r) for r in reversed(self._removed)])
        self._removed = []
        self._gone = False
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
