"""Sync a workspace with its team library: pull what changed there, push what changed here.

**Pull** reads, in one snapshot, every row with ``version > pulled`` and applies it in
one workspace transaction (which also moves ``pulled``), parents first. A row
changed here too is merged field by field against the last version both sides
shared (``sync_base``): a field only one side changed takes that side's value; a
field both changed differently is a conflict, kept in ``sync_conflicts`` with both
values, the local value staying in place and the row not pushed until resolved.

**Push** sends pending rows in batches, each batch one library transaction:
new rows as ``INSERT … ON CONFLICT DO NOTHING``, changed ones as ``UPDATE … WHERE
version = base``. A row the server did not take (someone changed it first) is
merged as in a pull, then pushed again. After the library commits, one workspace
transaction records the new versions; a crash between the two leaves the rows
pending, and the next sync finds the library already holding them (nothing is
doubled: uids are stable). A deletion wins over a change on the other side.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psycopg import sql
from psycopg.types.json import Jsonb

from briefer.errors import NotFound
from briefer.team import rows, schema
from briefer.team.library import connect, guarded, where
from briefer.team.link import Link, current
from briefer.team.rows import BY_NAME, KINDS, Doc, Kind

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator, Sequence

    import psycopg

    from briefer.workspace import Workspace

    Conn = psycopg.Connection[tuple[Any, ...]]

BATCH = 500
#: Fields both sides may change without a conflict: the later value wins.
LATEST = frozenset(("updated",))
ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field changed here and in the library since the two last agreed."""

    kind: str
    uid: str
    field: str
    mine: Any
    theirs: Any

    @property
    def what(self) -> str:
        """Kind and field, as ``brief.bluf``."""
        return f"{self.kind}.{self.field}"

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape: ``{"what", "uid", "mine", "theirs"}``."""
        return {"what": self.what, "uid": self.uid, "mine": self.mine, "theirs": self.theirs}


@dataclass(frozen=True, slots=True)
class SyncResult:
    """How many rows a sync pushed and pulled, and the conflicts still to resolve."""

    pushed: int
    pulled: int
    conflicts: tuple[Conflict, ...]

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape: ``{"pushed", "pulled", "conflicts": [...]}``."""
        return {"pushed": self.pushed, "pulled": self.pulled,
                "conflicts": [c.to_json() for c in self.conflicts]}


@dataclass(frozen=True, slots=True)
class _Out:
    """A pending row as pushed: its uid, the version it was based on, its document (None: deleted)."""

    uid: str
    base: int
    doc: Doc | None


Theirs = tuple[int, str, bool, Doc]  # version, author, deleted, data


def sync(ws: Workspace) -> SyncResult:
    """Pull, then push; raise LibraryError (one line) when the library cannot be used.

    Whatever was applied before a failure stays applied; the rest waits for the next sync.
    """
    link = current(ws)
    with connect(link.dsn) as conn, guarded(f"library {link.library} on {where(link.dsn)}"):
        schema.check(conn, link.library)
        conn.commit()
        pulled = pull(ws, conn, link)
        pushed = push(ws, conn, link.library)
    with ws.store.transaction() as db:
        db.execute("UPDATE sync_state SET last_sync = ?", (ws.store.now(),))
    return SyncResult(pushed, pulled, conflicts(ws))


def conflicts(ws: Workspace) -> tuple[Conflict, ...]:
    """The unresolved conflicts of the workspace, by kind and uid."""
    found = ws.store.conn.execute("SELECT kind, uid, field, mine, theirs FROM sync_conflicts"
                                  " ORDER BY kind, uid, field")
    return tuple(Conflict(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4])) for r in found)


def resolve(ws: Workspace, uid: str, keep: str) -> int:
    """Resolve the conflicts of row ``uid`` keeping ``"mine"`` or ``"theirs"``; how many were resolved.

    The row is pushed at the next sync (its base is the library's version already).
    Raises NotFound when the row has no conflict.
    """
    with _applying(ws) as db:
        found = db.execute("SELECT kind, field, theirs FROM sync_conflicts WHERE uid = ?", (uid,)).fetchall()
        if not found:
            raise NotFound(f"uid {uid}", "no conflict to resolve for this row")
        if keep == "theirs":
            kind = BY_NAME[found[0][0]]
            local = rows.read(db, kind, uid)
            if local is not None:
                doc = {**local[1], **{r[1]: json.loads(r[2]) for r in found}}
                rows.write(db, kind, uid, local[0], None, doc)
        db.execute("DELETE FROM sync_conflicts WHERE uid = ?", (uid,))
    return len(found)


@contextmanager
def _applying(ws: Workspace) -> Iterator[sqlite3.Connection]:
    """A workspace transaction whose writes are not marked as local changes to push."""
    with ws.store.transaction() as db:
        db.execute("UPDATE sync_state SET applying = 1")
        yield db
        db.execute("UPDATE sync_state SET applying = 0")


def _table(library: str, kind: Kind) -> sql.Composed:
    return sql.SQL("{}.{}").format(sql.Identifier(library), sql.Identifier(kind.table))


# -- pull ---------------------------------------------------------------------


def pull(ws: Workspace, conn: Conn, link: Link) -> int:
    """Apply every library row newer than the last pull; return how many changed the workspace."""
    found: list[tuple[Kind, str, Theirs]] = []
    top = link.pulled
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for kind in KINDS:
            query = sql.SQL("SELECT uid, version, author, deleted, data FROM {} WHERE version > %s"
                            " ORDER BY version").format(_table(link.library, kind))
            cur = conn.execute(query, (link.pulled,))
            for uid, version, author, deleted, data in cur:
                found.append((kind, uid, (int(version), author, bool(deleted), data)))
        # Every version up to the counter's committed value is in this snapshot (see schema).
        top = max(top, _scalar(conn, sql.SQL("SELECT value FROM {}.counter").format(
            sql.Identifier(link.library))))
    applied = 0
    with _applying(ws) as db:
        for kind, uid, theirs in found:
            applied += _apply(db, kind, uid, theirs)
        db.execute("UPDATE sync_state SET pulled = ?", (top,))
    return applied


def _apply(db: sqlite3.Connection, kind: Kind, uid: str, theirs: Theirs) -> bool:
    version, author, deleted, data = theirs
    local = rows.read(db, kind, uid)
    if local is not None and local[0] >= version:
        return False  # this workspace's own push coming back
    if deleted:
        _settle(db, kind, uid)
        return rows.delete(db, kind, uid)
    if local is None:
        if _tombstoned(db, kind, uid):  # deleted here: the deletion is pushed next
            _rebase_tombstone(db, kind, uid, version)
            return False
        placed = rows.write(db, kind, uid, version, author, data)
        if placed:
            _set_base(db, kind, uid, data)
        return placed
    if not _is_pending(db, kind, uid):
        rows.write(db, kind, uid, version, author, data)
        _set_base(db, kind, uid, data)
        return True
    _merge_in(db, kind, uid, theirs, local[1])
    return True


def merge(base: Doc, mine: Doc, theirs: Doc) -> tuple[Doc, dict[str, tuple[Any, Any]]]:
    """Three-way merge of documents field by field: the merged document and the clashing fields.

    A clashing field (both sides changed it to different values) keeps ``mine``.
    """
    merged = dict(theirs)
    clashes: dict[str, tuple[Any, Any]] = {}
    for key in mine.keys() | theirs.keys():
        m, t, b = mine.get(key), theirs.get(key), base.get(key)
        if m in (t, b):
            continue
        if t == b:
            merged[key] = m
        elif key in LATEST:
            merged[key] = max(str(m or ""), str(t or "")) or None
        else:
            merged[key] = m
            clashes[key] = (m, t)
    return merged, clashes


def _merge_in(db: sqlite3.Connection, kind: Kind, uid: str, theirs: Theirs, mine: Doc) -> bool:
    """Merge the library's row into a locally changed one; True when something is left to push."""
    version, author, _deleted, data = theirs
    row = db.execute("SELECT data FROM sync_base WHERE kind = ? AND uid = ?", (kind.name, uid)).fetchone()
    base = json.loads(row[0]) if row is not None else data  # never shared: the first push's values
    merged, clashes = merge(base, mine, data)
    rows.write(db, kind, uid, version, author, merged)
    _set_base(db, kind, uid, data)
    db.execute("DELETE FROM sync_conflicts WHERE kind = ? AND uid = ?", (kind.name, uid))
    db.executemany("INSERT INTO sync_conflicts (kind, uid, field, mine, theirs) VALUES (?, ?, ?, ?, ?)",
                   [(kind.name, uid, field, _json(m), _json(t)) for field, (m, t) in sorted(clashes.items())])
    if merged == data and not clashes:
        db.execute("DELETE FROM sync_pending WHERE kind = ? AND uid = ?", (kind.name, uid))
        return False
    return True


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _set_base(db: sqlite3.Connection, kind: Kind, uid: str, data: Doc) -> None:
    db.execute("INSERT OR REPLACE INTO sync_base (kind, uid, data) VALUES (?, ?, ?)",
               (kind.name, uid, _json(data)))


def _settle(db: sqlite3.Connection, kind: Kind, uid: str) -> None:
    """Forget a row's sync bookkeeping (it was deleted on both sides)."""
    for table in ("sync_pending", "tombstones", "sync_base", "sync_conflicts"):
        db.execute(f"DELETE FROM {table} WHERE kind = ? AND uid = ?", (kind.name, uid))


def _rebase_tombstone(db: sqlite3.Connection, kind: Kind, uid: str, version: int) -> None:
    """Base a pending deletion on the library's latest version of the row."""
    db.execute("UPDATE tombstones SET version = ? WHERE kind = ? AND uid = ?", (version, kind.name, uid))


def _is_pending(db: sqlite3.Connection, kind: Kind, uid: str) -> bool:
    return db.execute("SELECT 1 FROM sync_pending WHERE kind = ? AND uid = ?", (kind.name, uid)).fetchone() \
        is not None


def _tombstoned(db: sqlite3.Connection, kind: Kind, uid: str) -> bool:
    return db.execute("SELECT 1 FROM tombstones WHERE kind = ? AND uid = ?", (kind.name, uid)).fetchone() \
        is not None


# -- push ---------------------------------------------------------------------


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
        before = _scalar(conn, sql.SQL("SELECT {}.lock_counter()").format(counter))
        taken = _send(conn, library, kind, out)
        after = _scalar(conn, sql.SQL("SELECT value FROM {}.counter").format(counter))
    missed = [o.uid for o in out if o.uid not in taken and (o.base or o.doc is not None)]
    theirs = _fetch(conn, library, kind, missed)
    left = False
    with _applying(ws) as db:
        # Holding the counter's lock, this batch wrote every version from ``before`` to ``after``:
        # when the workspace had pulled up to ``before``, the next pull can start after them.
        db.execute("UPDATE sync_state SET pulled = ? WHERE pulled = ?", (after, before))
        for o in out:
            if o.uid in taken:
                _taken(db, kind, o, *taken[o.uid])
            elif o.base == 0 and o.doc is None:
                _settle(db, kind, o.uid)  # made and deleted here before it was ever pushed
            else:
                left = _missed(db, kind, o, theirs.get(o.uid)) or left
    return len(taken), left


def _scalar(conn: Conn, query: sql.Composed) -> int:
    row = conn.execute(query).fetchone()
    assert row is not None
    return int(row[0])


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
    table = _table(library, kind)
    new = [(o.uid, kind.tlp(o.doc), list(o.doc.get("red_roles") or []), Jsonb(storable(o.doc)))
           for o in out if o.base == 0 and o.doc is not None]
    changed = [(kind.tlp(o.doc), list(o.doc.get("red_roles") or []), Jsonb(storable(o.doc)), o.uid, o.base)
               for o in out if o.base and o.doc is not None]
    gone = [(o.uid, o.base) for o in out if o.base and o.doc is None]
    taken: dict[str, tuple[int, str]] = {}
    statements = (
        (sql.SQL("INSERT INTO {} (uid, version, tlp, roles, data) VALUES (%s, 0, %s, %s, %s)"
                 " ON CONFLICT (uid) DO NOTHING RETURNING uid, version, author").format(table), new),
        (sql.SQL("UPDATE {} SET deleted = false, tlp = %s, roles = %s, data = %s"
                 " WHERE uid = %s AND version = %s RETURNING uid, version, author").format(table), changed),
        (sql.SQL("UPDATE {} SET deleted = true WHERE uid = %s AND version = %s"
                 " RETURNING uid, version, author").format(table), gone),
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
                           .format(_table(library, kind)), (list(uids),))
        return {uid: (int(version), author, bool(deleted), data)
                for uid, version, author, deleted, data in cur}


def _taken(db: sqlite3.Connection, kind: Kind, out: _Out, version: int, author: str) -> None:
    """Record that the library holds ``out`` as ``version``; keep it pending if it changed meanwhile."""
    if out.doc is None:
        _settle(db, kind, out.uid)
        return
    _set_base(db, kind, out.uid, out.doc)
    now = rows.read(db, kind, out.uid)
    if now is None:  # deleted while it was being pushed: the tombstone goes next
        _rebase_tombstone(db, kind, out.uid, version)
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
        _settle(db, kind, out.uid)
        rows.delete(db, kind, out.uid)
        return False
    local = rows.read(db, kind, out.uid)
    if local is None:  # deleted here, changed there: the deletion wins, based on their version
        _rebase_tombstone(db, kind, out.uid, version)
        return True
    return _merge_in(db, kind, out.uid, theirs, local[1])
