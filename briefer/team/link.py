"""A workspace's link to a team library: join, leave, status (the ``sync_state`` table)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.team import schema
from briefer.team.library import LibraryError, check_name, connect, guarded, strip_password, where
from briefer.team.rows import KINDS

if TYPE_CHECKING:
    import sqlite3

    from briefer.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Link:
    """The library a workspace syncs with: its name, DSN (no password) and last pulled version."""

    library: str
    dsn: str
    pulled: int
    last_sync: str | None


@dataclass(frozen=True, slots=True)
class Status:
    """What ``briefer team status`` reports."""

    library: str
    last_sync: str | None
    pending: int

    def to_json(self) -> dict[str, object]:
        """The CLI's JSON shape: ``{"library", "last_sync", "pending"}``."""
        return {"library": self.library, "last_sync": self.last_sync, "pending": self.pending}


def current(ws: Workspace) -> Link:
    """The workspace's link; raise LibraryError when it is not linked to a library."""
    row = ws.store.conn.execute("SELECT library, dsn, pulled, last_sync FROM sync_state").fetchone()
    if row is None:
        raise LibraryError(str(ws.path), "not linked to a team library (link it with 'briefer team join')")
    return Link(row["library"], row["dsn"], int(row["pulled"]), row["last_sync"])


def join(ws: Workspace, dsn: str, library: str) -> bool:
    """Link the workspace to ``library`` after checking the server has it; every row is to push.

    The password, if the DSN holds one, is used for this check and never stored:
    returns True when one was stripped (the caller says so).
    """
    check_name(library)
    with connect(dsn) as conn, guarded(f"library {library} on {where(dsn)}"):
        schema.check(conn, library)
    stored, stripped = strip_password(dsn)
    with ws.store.transaction() as db:
        _forget(db)
        db.execute("INSERT INTO sync_state (library, dsn) VALUES (?, ?)", (library, stored))
        for kind in KINDS:
            db.execute(f"INSERT OR IGNORE INTO sync_pending (kind, uid) SELECT ?, uid FROM {kind.table}"
                       " WHERE uid IS NOT NULL", (kind.name,))
    return stripped


def leave(ws: Workspace) -> str:
    """Unlink the workspace (its rows stay, as local rows); return the library's name."""
    link = current(ws)
    with ws.store.transaction() as db:
        _forget(db)
    return link.library


def _forget(db: sqlite3.Connection) -> None:
    """Drop every trace of a library link: versions, bases, pending changes, tombstones."""
    for kind in KINDS:
        db.execute(f"UPDATE {kind.table} SET version = 0, last_author = NULL WHERE version != 0")
    for table in ("sync_state", "sync_pending", "tombstones", "sync_base", "sync_conflicts"):
        db.execute(f"DELETE FROM {table}")


def status(ws: Workspace) -> Status:
    """The linked library, when the last sync completed, and how many changes wait to be pushed."""
    link = current(ws)
    pending = int(ws.store.conn.execute("SELECT count(*) FROM sync_pending").fetchone()[0])
    return Status(link.library, link.last_sync, pending)
