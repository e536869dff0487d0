"""Suggestions an analyst rejected, remembered per article so they are not proposed again."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.errors import InvalidInput, NotFound
from briefer.model import Changes
from briefer.workspace.store import Store, reads


@dataclass(frozen=True, slots=True)
class Rejection:
    """A rejected suggestion: its article, kind, offsets and the words it covered."""

    article_id: int
    kind: str
    start: int
    end: int
    exact: str


class Rejections:
    """The rejected suggestions of one workspace (the ``rejected_suggestions`` table)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def reject(self, article_id: int, kind: str, start: int, end: int, exact: str) -> Changes:
        """Remember that ``kind`` over ``text[start:end]`` was rejected for this article.

        Rejecting the same suggestion twice is harmless. Raises NotFound for a missing
        article and InvalidInput when the offsets do not hold ``exact``.
        """
        if not kind:
            raise InvalidInput("kind", "must not be empty")
        with self._store.transaction() as conn:
            row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise NotFound(f"article {article_id}", "no such article in this workspace")
            if not 0 <= start < end <= len(row[0]) or row[0][start:end] != exact:
                raise InvalidInput(f"offsets {start}-{end}", f"do not hold {exact[:40]!r} in this article")
            conn.execute(
                'INSERT OR REPLACE INTO rejected_suggestions (article_id, kind, start, "end", exact)'
                " VALUES (?, ?, ?, ?, ?)",
                (article_id, kind, start, end, exact),
            )
        return Changes.of(articles=[article_id])

    def unreject(self, article_id: int, kind: str, start: int, end: int) -> Changes:
        """Forget a rejection (the undo of :meth:`reject`); empty Changes when there was none."""
        with self._store.transaction() as conn:
            cur = conn.execute(
                "DELETE FROM rejected_suggestions"
                ' WHERE article_id = ? AND kind = ? AND start = ? AND "end" = ?',
                (article_id, kind, start, end),
            )
        return Changes.of(articles=[article_id]) if cur.rowcount else Changes()

    @reads
    def of_article(self, article_id: int) -> list[Rejection]:
        """The rejections of one article, in text order."""
        rows = self._store.conn.execute(
            'SELECT article_id, kind, start, "end", exact FROM rejected_suggestions'
            ' WHERE article_id = ? ORDER BY start, "end", kind',
            (article_id,),
        )
        return [Rejection(r[0], r[1], r[2], r[3], r[4]) for r in rows]
