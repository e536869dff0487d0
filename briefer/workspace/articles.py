"""Articles in a workspace: store, fetch, list, grade, remove, full-text search."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from briefer.errors import InvalidInput, NotFound
from briefer.model import Article, ArticleSummary, Changes, Imported, SearchHit
from briefer.text.similarity import Signature
from briefer.workspace import article_removal, similar
from briefer.workspace.article_edits import EDITABLE, GRADES, checked
from briefer.workspace.store import Store, reads, storable

if TYPE_CHECKING:
    import sqlite3

    from briefer.workspace.article_removal import RemovedArticle

_COLUMNS = (
    "id, title, author, outlet, url, published, language, format, source_file, "
    "text, imported_at, grade, near_duplicate_of, similarity, tlp"
)
_WORD = re.compile(r"\w+", re.UNICODE)


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], title=row["title"], text=row["text"], author=row["author"],
        outlet=row["outlet"], url=row["url"], published=row["published"],
        language=row["language"], format=row["format"], source_file=row["source_file"],
        imported_at=row["imported_at"], grade=row["grade"],
        near_duplicate_of=row["near_duplicate_of"], similarity=row["similarity"], tlp=row["tlp"],
    )


def fts_query(text: str) -> str | None:
    """A safe FTS5 query for what a user typed: every word must occur, the last as a prefix.

    Returns None when the text holds no words. Quotes, operators and brackets the
    user typed are treated as plain text, never as FTS5 syntax.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    phrases = [f'"{w}"' for w in words]
    if text[-1:].isalnum():
        phrases[-1] += "*"
    return " ".join(phrases)


class Articles:
    """The articles of one workspace."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, article: Article) -> Imported:
        """Store an article; a text already stored is reported as a duplicate of it.

        A text at least 80 % the same as a stored article (word shingles, MinHash)
        is stored and reported as that article's near-duplicate.
        """
        if not article.text.strip():
            raise InvalidInput(article.source_file or article.title or "article", "has no text")
        article = replace(article, text=storable(article.text))  # lone surrogates cannot be stored
        digest = article.sha256
        signature = Signature.of(article.text)
        with self._store.transaction() as conn:
            row = conn.execute("SELECT id, title FROM articles WHERE sha256 = ?", (digest,)).fetchone()
            if row is not None:
                return Imported(row["id"], row["title"], True, Changes())
            self._sign_unsigned(conn)
            near = similar.nearest(conn, signature)
            similarity = round(near[1], 2) if near else None
            cur = conn.execute(
                "INSERT INTO articles (title, author, outlet, url, published, language, format,"
                " source_file, sha256, text, imported_at, grade, near_duplicate_of, similarity)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *(None if v is None else storable(v) for v in (
                        article.title, article.author, article.outlet, article.url, article.published,
                        article.language, article.format, article.source_file)),
                    digest, article.text, article.imported_at or self._store.now(), article.grade,
                    near[0] if near else None, similarity,
                ),
            )
            new_id = int(cur.lastrowid or 0)
            similar.store(conn, new_id, signature)
        return Imported(new_id, article.title, False, Changes.of(articles=[new_id]),
                        near[0] if near else None, similarity)

    @staticmethod
    def _sign_unsigned(conn: sqlite3.Connection) -> None:
        """Signatures for articles stored before workspaces kept them (once per workspace)."""
        rows = conn.execute("SELECT id, text FROM articles WHERE id NOT IN"
                            " (SELECT article_id FROM article_signatures)").fetchall()
        for row in rows:
            similar.store(conn, row["id"], Signature.of(row["text"]))

    @reads
    def get(self, article_id: int) -> Article:
        """The article with this id; raise NotFound when there is none."""
        row = self._store.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"article {article_id}", "no such article in this workspace")
        return _article(row)

    @reads
    def text(self, article_id: int) -> str:
        """Only the text of an article (cheaper than :meth:`get` for long lists)."""
        row = self._store.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"article {article_id}", "no such article in this workspace")
        return str(row[0])

    @reads
    def by_url(self, *urls: str) -> int | None:
        """The id of the newest article whose URL is one of ``urls``, or None."""
        marks = ", ".join("?" * len(urls))
        row = self._store.conn.execute(
            f"SELECT id FROM articles WHERE url IN ({marks}) ORDER BY id DESC LIMIT 1", urls).fetchone()
        return None if row is None else int(row[0])

    @reads
    def all(self) -> list[ArticleSummary]:
        """Every article, newest import first, with its number of tags."""
        rows = self._store.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.format, a.grade, a.near_duplicate_of,"
            " (SELECT count(*) FROM tags t WHERE t.article_id = a.id) AS tag_count"
            " FROM articles a ORDER BY a.id DESC"
        )
        return [
            ArticleSummary(r["id"], r["title"], r["outlet"], r["published"], r["tag_count"],
                           r["format"], r["grade"], r["near_duplicate_of"])
            for r in rows
        ]

    @reads
    def count(self) -> int:
        """How many articles the workspace holds."""
        return int(self._store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    @reads
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles matching every word of ``query`` (title or text), best first.

        The snippet marks matches with ``[`` and ``]``. An empty query finds nothing.
        """
        match = fts_query(query)
        if match is None:
            return []
        rows = self._store.conn.execute(
            "SELECT rowid AS id, title, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet,"
            " bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [SearchHit(r["id"], r["title"], r["snippet"], r["rank"]) for r in rows]

    def edit(self, article_id: int, **fields: str | None) -> Changes:
        """Correct metadata fields (title, outlet, author, published, url, language, grade).

        Every value is checked first (:mod:`briefer.workspace.article_edits`); an
        empty value or "none" clears a field; nothing is stored if one is wrong.
        """
        return self._write(article_id, checked(fields))

    def put_back(self, article_id: int, **stored: str | None) -> Changes:
        """Put back metadata values exactly as they were stored before an edit (undo).

        Only the field names are checked: an importer's value the edit checks
        would refuse (a URL of another scheme, say) comes back as it was.
        """
        unknown = set(stored) - set(EDITABLE)
        if unknown:
            raise InvalidInput(f"field {sorted(unknown)[0]!r}", f"is not one of {', '.join(EDITABLE)}")
        return self._write(article_id, stored)

    def _write(self, article_id: int, values: dict[str, str | None]) -> Changes:
        if not values:
            return Changes()
        with self._store.transaction() as conn:
            cur = conn.execute(
                f"UPDATE articles SET {', '.join(f'{name} = ?' for name in values)} WHERE id = ?",
                [*values.values(), article_id])
            if cur.rowcount == 0:
                raise NotFound(f"article {article_id}", "no such article in this workspace")
            briefs = [r[0] for r in conn.execute(
                "SELECT DISTINCT bi.brief_id FROM brief_items bi JOIN tags t ON t.id = bi.tag_id"
                " WHERE t.article_id = ?", (article_id,))]
        return Changes.of(articles=[article_id], briefs=briefs)

    @reads
    def briefs_using(self, article_id: int) -> list[tuple[int, str]]:
        """``(id, title)`` of the briefs holding an item of one of the article's tags."""
        rows = self._store.conn.execute(
            "SELECT DISTINCT b.id, b.title FROM briefs b JOIN brief_items bi ON bi.brief_id = b.id"
            " JOIN tags t ON t.id = bi.tag_id WHERE t.article_id = ? ORDER BY b.id", (article_id,))
        return [(int(r[0]), str(r[1])) for r in rows]

    def set_grade(self, article_id: int, grade: str | None) -> Changes:
        """Set a source's reliability grade (A–F, Admiralty scale) or clear it with None."""
        if grade is not None:
            grade = grade.strip().upper()
            if grade not in GRADES:
                raise InvalidInput(f"grade {grade!r}", "must be one of A, B, C, D, E, F")
        with self._store.transaction() as conn:
            cur = conn.execute("UPDATE articles SET grade = ? WHERE id = ?", (grade, article_id))
            if cur.rowcount == 0:
                raise NotFound(f"article {article_id}", "no such article in this workspace")
        return Changes.of(articles=[article_id])

    def remove(self, article_id: int) -> RemovedArticle:
        """Delete an article with its tags and the brief items that cite them; undo with :meth:`restore`."""
        with self._store.transaction() as conn:
            return article_removal.take(conn, article_id)

    def restore(self, removed: RemovedArticle) -> Changes:
        """Put back an article :meth:`remove` took, with its tags and brief items."""
        with self._store.transaction() as conn:
            return article_removal.put_back(conn, removed)
