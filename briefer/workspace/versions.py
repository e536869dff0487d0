"""New versions of a re-fetched article, with every tag re-anchored into the new text.

The article keeps its id; its earlier text is kept in ``article_versions``. Each tag
is found again with :func:`briefer.anchor.reanchor`: it *moved* when its offsets
changed, was *reworded* when the words it covers changed, and *vanished* when
nothing close enough is left. A vanished tag keeps its words and is recorded in
``vanished_tags``; the brief items citing it are reported, never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefer.anchor import Selector, reanchor, select
from briefer.model import Article, Changes, Tag
from briefer.workspace.store import Store, reads

if TYPE_CHECKING:
    from briefer.workspace.tags import Tags


@dataclass(frozen=True, slots=True)
class TagMove:
    """Where one tag went in the new text; ``start`` is None when it vanished."""

    tag_id: int
    old_exact: str
    start: int | None = None
    end: int | None = None
    exact: str | None = None
    moved: bool = False
    reworded: bool = False
    brief_items: tuple[int, ...] = ()

    @property
    def vanished(self) -> bool:
        """True when the tag's words are no longer in the article."""
        return self.start is None


@dataclass(frozen=True, slots=True)
class NewVersion:
    """The result of storing a new version: its number and what became of each tag."""

    article_id: int
    version: int
    tags: tuple[TagMove, ...]
    changes: Changes


def _follow(text: str, tag: Tag) -> TagMove:
    found = reanchor(text, Selector(tag.exact, tag.prefix, tag.suffix), hint=tag.start)
    if found is None:
        return TagMove(tag.id or 0, tag.exact)
    start, end = found
    exact = text[start:end]
    return TagMove(tag.id or 0, tag.exact, start, end, exact,
                   moved=(start, end) != (tag.start, tag.end), reworded=exact != tag.exact)


class Versions:
    """Earlier versions of the articles of one workspace."""

    def __init__(self, store: Store, tags: Tags) -> None:
        self._store = store
        self._tags = tags

    def add(self, article_id: int, article: Article) -> NewVersion:
        """Make ``article``'s text (and metadata) the current version of ``article_id``.

        The current text becomes version N (1 for the first re-fetch); the
        article's tags are re-anchored in the same transaction.
        """
        moves = tuple(_follow(article.text, tag) for tag in self._tags.all(article_id))
        now = self._store.now()
        touched_briefs: set[int] = set()
        with self._store.transaction() as conn:
            old = conn.execute("SELECT title, text, sha256 FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
            version = int(conn.execute(
                "SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE article_id = ?",
                (article_id,)).fetchone()[0])
            conn.execute(
                "INSERT INTO article_versions (article_id, version, title, text, sha256, replaced_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, version, old["title"], old["text"], old["sha256"], now))
            conn.execute(
                "UPDATE articles SET title = ?, text = ?, sha256 = ?, author = coalesce(?, author),"
                " outlet = coalesce(?, outlet), published = coalesce(?, published), url = coalesce(?, url)"
                " WHERE id = ?",
                (article.title, article.text, article.sha256, article.author, article.outlet,
                 article.published, article.url, article_id))
            reported = []
            for move in moves:
                items = tuple(r[0] for r in conn.execute(
                    "SELECT id FROM brief_items WHERE tag_id = ? ORDER BY id", (move.tag_id,)))
                touched_briefs.update(r[0] for r in conn.execute(
                    "SELECT brief_id FROM brief_items WHERE tag_id = ?", (move.tag_id,)))
                if move.vanished:
                    conn.execute("INSERT OR REPLACE INTO vanished_tags (tag_id, version, vanished_at)"
                                 " VALUES (?, ?, ?)", (move.tag_id, version, now))
                elif move.start is not None and move.end is not None:
                    sel = select(article.text, move.start, move.end)
                    conn.execute(
                        'UPDATE tags SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, updated = ?'
                        " WHERE id = ?", (move.start, move.end, sel.exact, sel.prefix, sel.suffix, now,
                                          move.tag_id))
                    conn.execute("DELETE FROM vanished_tags WHERE tag_id = ?", (move.tag_id,))
                reported.append(replace(move, brief_items=items))
        changes = Changes.of(articles=[article_id], tags=[m.tag_id for m in moves], briefs=touched_briefs)
        return NewVersion(article_id, version, tuple(reported), changes)

    @reads
    def count(self, article_id: int) -> int:
        """How many earlier versions of the article are kept."""
        return int(self._store.conn.execute(
            "SELECT count(*) FROM article_versions WHERE article_id = ?", (article_id,)).fetchone()[0])

    @reads
    def text(self, article_id: int, version: int) -> str | None:
        """The text of an earlier version, or None when there is no such version."""
        row = self._store.conn.execute(
            "SELECT text FROM article_versions WHERE article_id = ? AND version = ?",
            (article_id, version)).fetchone()
        return None if row is None else str(row[0])

    @reads
    def vanished(self, article_id: int) -> list[int]:
        """The ids of the article's tags whose words vanished from its current version."""
        rows = self._store.conn.execute(
            "SELECT v.tag_id FROM vanished_tags v JOIN tags t ON t.id = v.tag_id"
            " WHERE t.article_id = ? ORDER BY v.tag_id", (article_id,))
        return [r[0] for r in rows]
