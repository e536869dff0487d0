"""Sync bookkeeping in the workspace: bases, pending rows, tombstones, conflicts, the merge rule.

Shared by :mod:`briefer.team.pull` and :mod:`briefer.team.push`; every function
runs inside the caller's workspace transaction (:func:`applying`).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from psycopg import sql

from briefer.team import rows
from briefer.team.rows import Doc, Kind

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator

    import psycopg

    from briefer.workspace import Workspace

    Conn = psycopg.Connection[tuple[Any, ...]]

#: Fields both sides may change without a conflict: the later value wins.
LATEST = frozenset(("updated",))
#: How an article came into a workspace: two imports of one text differ there, harmlessly.
THEIRS_WIN = frozenset(("imported_at", "source_file", "format"))
Theirs = tuple[int, str, bool, Doc]  # version, author, deleted, data


@contextmanager
def applying(ws: Workspace) -> Iterator[sqlite3.Connection]:
    """A workspace transaction whose writes are not marked as local changes to push."""
    with ws.store.transaction() as db:
        db.execute("UPDATE sync_state SET applying = 1")
        yield db
        db.execute("UPDATE sync_state SET applying = 0")


def table(library: str, kind: Kind) -> sql.Composed:
    """The library's table of ``kind``, as SQL."""
    return sql.SQL("{}.{}").format(sql.Identifier(library), sql.Identifier(kind.table))


def scalar(conn: Conn, query: sql.Composed) -> int:
    """The one integer ``query`` returns."""
    row = conn.execute(query).fetchone()
    assert row is not None
    return int(row[0])


def merge(base: Doc, mine: Doc, theirs: Doc) -> tuple[Doc, dict[str, tuple[Any, Any]]]:
    """Three-way merge of documents field by field: the merged document and the clashing fields.

    A clashing field (both sides changed it to different values) keeps ``mine``; a
    timestamp of :data:`LATEST` takes the later value, one of :data:`THEIRS_WIN` theirs.
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
        elif key in THEIRS_WIN:
            continue
        else:
            merged[key] = m
            clashes[key] = (m, t)
    return merged, clashes


def merge_in(db: sqlite3.Connection, kind: Kind, uid: str, theirs: Theirs, mine: Doc) -> bool:
    """Merge the library's row into a locally changed one; True when something is left to push."""
    version, author, _deleted, data = theirs
    row = db.execute("SELECT data FROM sync_base WHERE kind = ? AND uid = ?", (kind.name, uid)).fetchone()
    # Never shared from here (the same text imported on both sides, or a workspace that left and
    # joined again): every field both hold with different values is a conflict.
    base = json.loads(row[0]) if row is not None else {}
    merged, clashes = merge(base, mine, data)
    rows.write(db, kind, uid, version, author, merged)
    set_base(db, kind, uid, data)
    db.execute("DELETE FROM sync_conflicts WHERE kind = ? AND uid = ?", (kind.name, uid))
    db.executemany("INSERT INTO sync_conflicts (kind, uid, field, mine, theirs) VALUES (?, ?, ?, ?, ?)",
                   [(kind.name, uid, field, to_json(m), to_json(t))
                    for field, (m, t) in sorted(clashes.items())])
    if merged == data and not clashes:
        db.execute("DELETE FROM sync_pending WHERE kind = ? AND uid = ?", (kind.name, uid))
        return False
    return True


def to_json(value: Any) -> str:
    """A value as JSON text, as the workspace keeps it."""
    return json.dumps(value, ensure_ascii=False)


def set_base(db: sqlite3.Connection, kind: Kind, uid: str, data: Doc) -> None:
    """Remember ``data`` as the last version of the row both sides shared."""
    db.execute("INSERT OR REPLACE INTO sync_base (kind, uid, data) VALUES (?, ?, ?)",
               (kind.name, uid, to_json(data)))


def settle(db: sqlite3.Connection, kind: Kind, uid: str) -> None:
    """Forget a row's sync bookkeeping (it was deleted on both sides)."""
    for table in ("sync_pending", "tombstones", "sync_base", "sync_conflicts"):
        db.execute(f"DELETE FROM {table} WHERE kind = ? AND uid = ?", (kind.name, uid))


def rebase_tombstone(db: sqlite3.Connection, kind: Kind, uid: str, version: int) -> None:
    """Base a pending deletion on the library's latest version of the row."""
    db.execute("UPDATE tombstones SET version = ? WHERE kind = ? AND uid = ?", (version, kind.name, uid))


def is_pending(db: sqlite3.Connection, kind: Kind, uid: str) -> bool:
    """Whether the row changed here since it was last pushed."""
    return db.execute("SELECT 1 FROM sync_pending WHERE kind = ? AND uid = ?", (kind.name, uid)).fetchone() \
        is not None


def tombstoned(db: sqlite3.Connection, kind: Kind, uid: str) -> bool:
    """Whether the row was deleted here and the deletion is still to push."""
    return db.execute("SELECT 1 FROM tombstones WHERE kind = ? AND uid = ?", (kind.name, uid)).fetchone() \
        is not None


