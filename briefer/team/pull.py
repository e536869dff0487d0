"""Pull: apply every library row newer than the workspace's pull mark, in one transaction.

Rows changed since then that this analyst may no longer see (marked TLP:RED without
their role) come as uids only, and their local copies are removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psycopg import sql

from briefer.team import rows
from briefer.team.rows import BY_TABLE, KINDS, Kind
from briefer.team.state import (
    Theirs,
    applying,
    is_pending,
    merge_in,
    rebase_tombstone,
    scalar,
    set_base,
    settle,
    table,
    tombstoned,
)

if TYPE_CHECKING:
    import sqlite3
    from typing import Any

    import psycopg

    from briefer.team.link import Link
    from briefer.workspace import Workspace

    Conn = psycopg.Connection[tuple[Any, ...]]


def pull(ws: Workspace, conn: Conn, link: Link) -> int:
    """Apply every library row newer than the last pull; return how many changed the workspace."""
    found: list[tuple[Kind, str, Theirs]] = []
    top = link.pulled
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for kind in KINDS:
            query = sql.SQL("SELECT uid, version, author, deleted, data FROM {} WHERE version > %s"
                            " ORDER BY version").format(table(link.library, kind))
            cur = conn.execute(query, (link.pulled,))
            for uid, version, author, deleted, data in cur:
                found.append((kind, uid, (int(version), author, bool(deleted), data)))
        withdrawn = conn.execute(sql.SQL("SELECT kind, uid FROM {}.withdrawn(%s)").format(
            sql.Identifier(link.library)), (link.pulled,)).fetchall()
        # Every version up to the counter's committed value is in this snapshot (see schema).
        top = max(top, scalar(conn, sql.SQL("SELECT value FROM {}.counter").format(
            sql.Identifier(link.library))))
    applied = 0
    with applying(ws) as db:
        for kind, uid, theirs in found:
            applied += _apply(db, kind, uid, theirs)
        for table_name, uid in withdrawn:
            applied += _remove(db, BY_TABLE[table_name], uid)
        db.execute("UPDATE sync_state SET pulled = ?", (top,))
    return applied


def _remove(db: sqlite3.Connection, kind: Kind, uid: str) -> bool:
    """Remove the local copy of a row deleted in the library or no longer shown to this analyst."""
    settle(db, kind, uid)
    return rows.delete(db, kind, uid)


def _apply(db: sqlite3.Connection, kind: Kind, uid: str, theirs: Theirs) -> bool:
    version, author, deleted, data = theirs
    local = rows.read(db, kind, uid)
    if local is not None and local[0] >= version:
        return False  # this workspace's own push coming back
    if deleted:
        return _remove(db, kind, uid)
    if local is None:
        if tombstoned(db, kind, uid):  # deleted here: the deletion is pushed next
            rebase_tombstone(db, kind, uid, version)
            return False
        placed = rows.write(db, kind, uid, version, author, data)
        if placed:
            set_base(db, kind, uid, data)
        return placed
    if not is_pending(db, kind, uid):
        rows.write(db, kind, uid, version, author, data)
        set_base(db, kind, uid, data)
        return True
    merge_in(db, kind, uid, theirs, local[1])
    return True


