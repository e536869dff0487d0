"""Push: pending rows in batches, each one library transaction, conditional on their base version."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psycopg import sql
from psycopg.types.json import Jsonb

from briefer.team import rows
from briefer.team.rows import KINDS, Doc, Kind
from briefer.team.state import Theirs, applying, merge_in, rebase_tombstone, scalar, set_base, settle, table

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Sequence

    import psycopg

    from briefer.workspace import Workspace

    Conn = psycopg.Connection[tuple[Any, ...]]

BATCH = 500
ROUNDS = 3


@dataclass(frozen=True, slots=True)
class _Out:
    """A pending row as pushed: its uid, the version it was based on, its document (None: deleted)."""

    uid: str
    base: int
    doc: Doc | None


def push(ws: Workspace, conn: Conn, library: str) -> int:
    """Push the pending rows without a conflict; return how many the library took."""
    pushed = 0
    for _round in range(ROUNDS):
        todo = ws.store.conn.execute(
            "SELECT kind, uid FROM sync_pending p WHERE NOT EXISTS (SELECT 1 FROM sync_conflicts c"
            " WHERE c.kind = p.kind AND c.uid = p.uid)").fetchall()
        if not todo:
            break
        again = False
        for kind in KINDS:
            uids = [r[1] for r in todo if r[0] == kind.name]
            for start in range(0, len(uids), BATCH):
                took, left = _push_batch(ws, conn, library, kind, uids[start:start + BATCH])
                pushed += took
                again = again or left
        if not again:
            break
    return pushed


def _outgoing(ws: Workspace, kind: Kind, uids: Sequence[str]) -> list[_Out]:
    out = []
    db = ws.store.conn
    for uid in uids:
        local = rows.read(db, kind, uid)
        if local is not None:
            out.append(_Out(uid, local[0], local[1]))
            continue
        row = db.execute("SELECT version FROM tombstones WHERE kind = ? AND uid = ?",
                         (kind.name, uid)).fetchone()
        out.append(_Out(uid, int(row[0]) if row is not None else 0, None))
    return out


def _push_batch(ws: Workspace, conn: Conn, library: str, kind: Kind, uids: Sequence[str]) -> tuple[int, bool]:
    """Push one batch in one library transaction; (rows taken, whether some are left to push)."""
    out = _outgoing(ws, kind, uids)
    counter = sql.Identifier(library)
    with conn.transaction():
        before = scalar(conn, sql.SQL("SELECT {}.lock_counter()").format(counter))
        taken = _send(conn, library, kind, out)
        after = scalar(conn, sql.SQL("SELECT value FROM {}.counter").format(counter))
    missed = [o.uid for o in out if o.uid not in taken and (o.base or o.doc is not None)]
    theirs = _fetch(conn, library, kind, missed)
    left = False
    with applying(ws) as db:
        # Holding the counter's lock, this batch wrote every version from ``before`` to ``after``:
        # when the workspace had pulled up to ``before``, the next pull can start after them.
        db.execute("UPDATE sync_state SET pulled = ? WHERE pulled = ?", (after, before))
        for o in out:
            if o.uid in taken:
                _taken(db, kind, o, *taken[o.uid])
            elif o.base == 0 and o.doc is None:
                settle(db, kind, o.uid)  # made and deleted here before it was ever pushed
            else:
                left = _missed(db, kind, o, theirs.get(o.uid)) or left
    return len(taken), left


def storable(value: Any) -> Any:
    """``value`` with NUL characters (PostgreSQL text cannot hold them) replaced by U+FFFD."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable(v) for v in value]
    return value


def _send(conn: Conn, library: str, kind: Kind, out: Sequence[_Out]) -> dict[str, tuple[int, str]]:
    target = table(library, kind)
    new = [(o.uid, kind.tlp(o.doc), list(o.doc.get("red_roles") or []), Jsonb(storable(o.doc)))
           for o in out if o.base == 0 and o.doc is not None]
    changed = [(kind.tlp(o.doc), list(o.doc.get("red_roles") or []), Jsonb(storable(o.doc)), o.uid, o.base)
               for o in out if o.base and o.doc is not None]
    gone = [(o.uid, o.base) for o in out if o.base and o.doc is None]
    taken: dict[str, tuple[int, str]] = {}
    statements = (
        (sql.SQL("INSERT INTO {} (uid, version, tlp, roles, data) VALUES (%s, 0, %s, %s, %s)"
                 " ON CONFLICT (uid) DO NOTHING RETURNING uid, version, author").format(target), new),
        (sql.SQL("UPDATE {} SET deleted = false, tlp = %s, roles = %s, data = %s"
                 " WHERE uid = %s AND version = %s RETURNING uid, version, author").format(target), changed),
        (sql.SQL("UPDATE {} SET deleted = true WHERE uid = %s AND version = %s"
                 " RETURNING uid, version, author").format(target), gone),
    )
    with conn.cursor() as cur:
        for statement, params in statements:
            if not params:
                continue
            cur.executemany(statement, params, returning=True)
            while True:
                for uid, version, author in cur.fetchall():
                    taken[uid] = (int(version), author)
                if not cur.nextset():
                    break
    return taken


def _fetch(conn: Conn, library: str, kind: Kind, uids: Sequence[str]) -> dict[str, Theirs]:
    if not uids:
        return {}
    with conn.transaction():
        cur = conn.execute(sql.SQL("SELECT uid, version, author, deleted, data FROM {} WHERE uid = ANY(%s)")
                           .format(table(library, kind)), (list(uids),))
        return {uid: (int(version), author, bool(deleted), data)
                for uid, version, author, deleted, data in cur}


def _taken(db: sqlite3.Connection, kind: Kind, out: _Out, version: int, author: str) -> None:
    """Record that the library holds ``out`` as ``version``; keep it pending if it changed meanwhile."""
    if out.doc is None:
        settle(db, kind, out.uid)
        return
    set_base(db, kind, out.uid, out.doc)
    now = rows.read(db, kind, out.uid)
    if now is None:  # deleted while it was being pushed: the tombstone goes next
        rebase_tombstone(db, kind, out.uid, version)
        return
    db.execute(f"UPDATE {kind.table} SET version = ?, last_author = ? WHERE uid = ?",
               (version, author, out.uid))
    if now[1] == out.doc:
        db.execute("DELETE FROM sync_pending WHERE kind = ? AND uid = ?", (kind.name, out.uid))


def _missed(db: sqlite3.Connection, kind: Kind, out: _Out, theirs: Theirs | None) -> bool:
    """The library did not take ``out``: merge what it holds instead; True when left to push."""
    if theirs is None:  # not visible to this role (or never there): the library keeps what it has
        db.execute("DELETE FROM sync_pending WHERE kind = ? AND uid = ?", (kind.name, out.uid))
        return False
    version, _author, deleted, _data = theirs
    if deleted:
        settle(db, kind, out.uid)
        rows.delete(db, kind, out.uid)
        return False
    local = rows.read(db, kind, out.uid)
    if local is None:  # deleted here, changed there: the deletion wins, based on their version
        rebase_tombstone(db, kind, out.uid, version)
        return True
    return merge_in(db, kind, out.uid, theirs, local[1])
