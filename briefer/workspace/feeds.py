"""Feeds a workspace follows, the entries seen in them, and which are still unread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.errors import InvalidInput, NotFound
from briefer.model import Changes
from briefer.workspace.store import Store, reads

if TYPE_CHECKING:
    import sqlite3


@dataclass(frozen=True, slots=True)
class Feed:
    """A followed feed: its validators from the last poll, and its unread articles."""

    id: int
    url: str
    name: str
    etag: str | None = None
    last_modified: str | None = None
    polled_at: str | None = None
    error: str | None = None
    unread: int = 0


def _feed(row: sqlite3.Row) -> Feed:
    return Feed(row["id"], row["url"], row["name"], row["etag"], row["last_modified"],
                row["polled_at"], row["error"], row["unread"])


_SELECT = (
    "SELECT f.id, f.url, f.name, f.etag, f.last_modified, f.polled_at, f.error,"
    " (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.read = 0"
    "  AND e.article_id IS NOT NULL) AS unread FROM feeds f"
)


class Feeds:
    """The feeds of one workspace."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, url: str, name: str | None = None) -> Feed:
        """Follow a feed (a feed already followed is returned as it is)."""
        if not url.startswith(("http://", "https://")):
            raise InvalidInput(url, "not a web address (http or https)")
        with self._store.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO feeds (url, name, added_at) VALUES (?, ?, ?)",
                         (url, name or url, self._store.now()))
        return self.get(url)

    @reads
    def get(self, feed: int | str) -> Feed:
        """A feed by id or URL; raise NotFound when the workspace does not follow it."""
        column = "id" if isinstance(feed, int) else "url"
        row = self._store.conn.execute(f"{_SELECT} WHERE f.{column} = ?", (feed,)).fetchone()
        if row is None:
            raise NotFound(f"feed {feed}", "this workspace does not follow it")
        return _feed(row)

    @reads
    def all(self) -> list[Feed]:
        """Every followed feed, in the order added."""
        return [_feed(r) for r in self._store.conn.execute(f"{_SELECT} ORDER BY f.id")]

    def remove(self, feed: int | str) -> None:
        """Stop following a feed (its imported articles stay)."""
        found = self.get(feed)
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM feeds WHERE id = ?", (found.id,))

    def polled(self, feed_id: int, *, etag: str | None, last_modified: str | None,
               error: str | None) -> None:
        """Record a poll: the validators to send next time and the error, if any."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),"
                " polled_at = ?, error = ? WHERE id = ?",
                (etag, last_modified, self._store.now(), error, feed_id))

    @reads
    def seen(self, feed_id: int, url: str) -> bool:
        """Whether the entry ``url`` was already taken from this feed."""
        return self._store.conn.execute(
            "SELECT 1 FROM feed_entries WHERE feed_id = ? AND url = ?", (feed_id, url)).fetchone() is not None

    def record_entry(self, feed_id: int, url: str, article_id: int | None, *, new: bool) -> None:
        """Remember an entry seen in a feed and the article it is; only ``new`` ones count as unread."""
        with self._store.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO feed_entries (feed_id, url, article_id, read, seen_at)"
                         " VALUES (?, ?, ?, ?, ?)",
                         (feed_id, url, article_id, int(not new), self._store.now()))

    def mark_read(self, article_id: int) -> Changes:
        """Mark an article read in every feed it came from."""
        with self._store.transaction() as conn:
            conn.execute("UPDATE feed_entries SET read = 1 WHERE article_id = ?", (article_id,))
        return Changes.of(articles=[article_id])
