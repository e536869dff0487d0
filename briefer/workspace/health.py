"""Is a workspace file healthy? Cheap checks on every open, ``quick_check`` when it matters.

``PRAGMA quick_check`` reads every page: about 0.1 s warm and 0.6 s cold for a
177 MB workspace of 10,000 articles (docs/reliability.md). Every open pays only
for reading the header through SQLite (``briefer.workspace.probe``) and a ``stat``; the full
:func:`quick_check` runs on open when :func:`left_unclean` says the last session
did not close cleanly, and on demand (``briefer check``, ``Workspace.check``).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_DAMAGE_WORDS = ("malformed", "not a database", "database corrupt", "fts5 file format",
                 "vtable constructor failed")


def wal_path(path: Path) -> Path:
    """The write-ahead log SQLite keeps beside a workspace file."""
    return path.with_name(path.name + "-wal")


def left_unclean(path: Path) -> bool:
    """True when a non-empty write-ahead log was left beside the file.

    SQLite deletes the log when the last connection closes cleanly, so a log left
    behind means a crash, a kill, or another process that has the file open now
    (checking then costs time but is harmless).
    """
    try:
        return wal_path(path).stat().st_size > 0
    except OSError:
        return False


def quick_check(conn: sqlite3.Connection, limit: int = 10) -> list[str]:
    """The problems ``PRAGMA quick_check`` finds (at most ``limit``); empty when healthy."""
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    if rows == ["ok"]:
        return []
    # A row may span lines and start with a "*** in database main ***" banner.
    lines = (line.strip() for row in rows for line in row.splitlines())
    return [line for line in lines if line and not line.startswith("***")][:limit] or rows[:1]


def fts_problems(conn: sqlite3.Connection, readonly: bool) -> list[str]:
    """What FTS5's own integrity check finds wrong with the full-text index (empty when sound).

    The check is a write statement that writes nothing; on a read-only
    connection it runs on an in-memory copy (as much memory as the file is big).
    """
    target = conn
    try:
        if readonly:
            target = sqlite3.connect(":memory:")
            conn.backup(target)
        # rank 1: the index is checked against the articles too, not only against itself
        target.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return [f"the full-text index is damaged ({exc}); 'briefer recover' rebuilds it"]
    finally:
        if target is not conn:
            target.close()
    return []


def is_damage(exc: BaseException) -> bool:
    """True when an SQLite error means the file itself is damaged."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and any(w in text for w in _DAMAGE_WORDS)
