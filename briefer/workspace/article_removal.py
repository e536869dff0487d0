"""Removing an article so that it can be put back: every row it owns, kept.

:func:`take` deletes an article with its tags, the brief items citing them, its
rejected suggestions and its text signature, and returns those rows;
:func:`put_back` stores them again with the same ids (an undo).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.errors import NotFound
from briefer.model import Changes

if TYPE_CHECKING:
    import sqlite3

#: (table, the rows of the article it holds), parents before children.
_OWNED = (
    ("articles", "SELECT * FROM articles WHERE id = ?"),
    ("tags", "SELECT * FROM tags WHERE article_id = ?"),
    ("brief_items", "SELECT bi.* FROM brief_items bi JOIN tags t ON t.id = bi.tag_id"
                    " WHERE t.article_id = ?"),
    ("rejected_suggestions", "SELECT * FROM rejected_suggestions WHERE article_id = ?"),
    ("article_signatures", "SELECT * FROM article_signatures WHERE article_id = ?"),
    ("signature_buckets", "SELECT * FROM signature_buckets WHERE article_id = ?"),
)


@dataclass(frozen=True, slots=True)
class RemovedArticle:
    """The rows an article took with it, to put back; ``changes`` is what the removal touched."""

    article_id: int
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    changes: Changes


def take(conn: sqlite3.Connection, article_id: int) -> RemovedArticle:
    """Delete the article and everything it owns (inside the caller's transaction)."""
    rows = []
    for table, query in _OWNED:
        found = tuple(dict(r) for r in conn.execute(query, (article_id,)))
        rows.append((table, found))
    if not rows[0][1]:
        raise NotFound(f"article {article_id}", "no such article in this workspace")
    owned = dict(rows)
    # Articles that were found to repeat this one stop naming it (ON DELETE SET NULL).
    repeats = [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE near_duplicate_of = ?", (article_id,))]
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    changes = Changes.of(articles=[article_id, *repeats], tags=[t["id"] for t in owned["tags"]],
                         briefs=[i["brief_id"] for i in owned["brief_items"]])
    rows.append(("repeats", tuple({"id": r} for r in repeats)))
    return RemovedArticle(article_id, tuple(rows), changes)


def put_back(conn: sqlite3.Connection, removed: RemovedArticle) -> Changes:
    """Store the removed rows again, with their ids (inside the caller's transaction)."""
    for table, rows in removed.rows:
        if table == "repeats":
            conn.executemany("UPDATE articles SET near_duplicate_of = ? WHERE id = ?",
                             [(removed.article_id, r["id"]) for r in rows])
            continue
        for row in rows:
            columns = ", ".join(f'"{name}"' for name in row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return removed.changes
