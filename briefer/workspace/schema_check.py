"""Is a workspace's schema the one this Briefer makes? Foreign triggers, views and indexes found.

A workspace received from someone else can carry SQL objects of its own: a
trigger deleting every new tag, a slow trigger, a view. SQLite runs them as part
of the file. Each open compares the file's tables, indexes, triggers and views
with those the migrations create (built once in memory per schema version):
an object Briefer does not make, one whose SQL differs, or one of Briefer's that
is missing is named here; opening for changes refuses it, ``check`` lists it,
``recover`` copies the rows into a fresh schema without it.
"""

from __future__ import annotations

import functools
import re
import sqlite3

_WHITESPACE = re.compile(r"\s+")
#: Made by SQLite itself (``ANALYZE`` statistics), not by a migration.
_SQLITE_OWN = re.compile(r"^sqlite_(stat\d|sequence)$")


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_schema")
    return {(str(kind), str(name)): _WHITESPACE.sub(" ", str(sql or "")).strip()
            for kind, name, sql in rows if not _SQLITE_OWN.match(str(name))}


@functools.cache
def _expected(version: int) -> dict[tuple[str, str], str]:
    """The objects migrations 1..``version`` create, in a fresh in-memory database."""
    from briefer.workspace.schema import MIGRATIONS
    from briefer.workspace.store import statements

    conn = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS[:version]:
            for statement in statements(script):
                conn.execute(statement)
        return _objects(conn)
    finally:
        conn.close()


def differences(conn: sqlite3.Connection) -> list[str]:
    """What in the file's schema this version of Briefer did not make (empty when it is ours).

    Each entry names the object: ``foreign trigger 'wipe_tags' (not made by Briefer)``.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    expected, actual = _expected(version), _objects(conn)
    found = []
    for (kind, name), sql in sorted(actual.items()):
        if (kind, name) not in expected:
            found.append(f"foreign {kind} '{name}' (not made by Briefer)")
        elif expected[(kind, name)] != sql:
            found.append(f"foreign {kind} '{name}' (changed from what Briefer made)")
    found += [f"missing {kind} '{name}'" for kind, name in sorted(expected) if (kind, name) not in actual]
    return found
