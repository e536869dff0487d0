"""Copying what is readable out of a damaged workspace into a new one.

The damaged file is never written: it is copied (with its write-ahead log) into
a temporary folder and read from there. Rows are read table by table, parents
before children; where a page cannot be read, rows are fetched one id at a time
past it, so one bad page costs the rows on it and no more. The new workspace is
built beside its final name and renamed only when complete.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.atomic import atomic_path
from briefer.errors import WorkspaceDamaged, WorkspaceError
from briefer.workspace import Workspace, health, probe, schema_check
from briefer.workspace.schema import APPLICATION_ID, SCHEMA_VERSION
from briefer.workspace.store import SUFFIX

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Give up probing ids one by one after this many in a row could not be read or were absent.
MAX_GAP = 10_000


@dataclass(frozen=True, slots=True)
class TableRecovery:
    """One table: rows copied, ids that could not be read, rows the new file refused.

    Rows are refused when what they point to was lost (a tag whose article is
    gone) or when damage left them invalid.
    """

    table: str
    recovered: int
    unreadable: int
    refused: int


@dataclass(frozen=True, slots=True)
class Recovery:
    """What :func:`recover` copied: ``problems`` are what ``quick_check`` found in the source."""

    output: Path
    tables: tuple[TableRecovery, ...]
    problems: tuple[str, ...]

    def count(self, table: str) -> int:
        """Rows of ``table`` copied into the new workspace (0 for an unknown table)."""
        return next((t.recovered for t in self.tables if t.table == table), 0)

    def summary(self) -> str:
        """One line: ``articles 12, tags 40 (3 ids unreadable), …``.

        Unreadable ids are row ids that could not be read: rows there, if any, are lost.
        """
        parts = []
        for t in self.tables:
            counts = ((t.unreadable, "ids unreadable"), (t.refused, "refused"))
            lost = [f"{n} {what}" for n, what in counts if n]
            parts.append(f"{t.table} {t.recovered}" + (f" ({', '.join(lost)})" if lost else ""))
        return ", ".join(parts)


def default_output(source: Path) -> Path:
    """``<name>-recovered.briefer`` beside the source (``-2``, ``-3``… when taken)."""
    candidate, n = source.with_name(f"{source.stem}-recovered{SUFFIX}"), 1
    while candidate.exists():
        n += 1
        candidate = source.with_name(f"{source.stem}-recovered-{n}{SUFFIX}")
    return candidate


def recover(source: str | Path, output: str | Path | None = None) -> Recovery:
    """Copy every readable row of ``source`` into a new workspace at ``output``.

    ``output`` must not exist (default: :func:`default_output`). Raises
    WorkspaceError when the source is not an SQLite file or nothing can be read.
    """
    source = Path(source)
    output = Path(output) if output is not None else default_output(source)
    if output.exists():
        raise WorkspaceError(output, "already exists; choose a new file for the recovered workspace")
    _refuse_newer(source)
    with tempfile.TemporaryDirectory(prefix="briefer-recover-") as tmp:
        snapshot = Path(tmp) / f"source{SUFFIX}"
        _snapshot(source, snapshot)
        src = sqlite3.connect(snapshot)
        src.text_factory = lambda b: b.decode("utf-8", "replace")
        # Lets SQLite read a file shorter than its header says (a truncated copy)
        # instead of refusing it whole; this connection never writes.
        src.execute("PRAGMA writable_schema = ON")
        try:
            problems = tuple(health.quick_check(src) or _not_copied(src))
            with atomic_path(output) as building:
                building.unlink()
                tables = _copy_all(src, building)
        finally:
            src.close()
    return Recovery(output, tables, problems)


def _not_copied(src: sqlite3.Connection) -> list[str]:
    """What a sound file holds that the new workspace leaves behind or rebuilds.

    Foreign schema objects (triggers, views, tables Briefer does not make) are
    dropped; a damaged full-text index is rebuilt from the articles.
    """
    try:
        foreign = schema_check.differences(src)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    dropped = [f"{found} dropped" for found in foreign if found.startswith("foreign")]
    return dropped + health.fts_problems(src, readonly=False)


def _refuse_newer(source: Path) -> None:
    """Refuse a file that is not an SQLite database, or a workspace a newer Briefer made.

    Recovering a newer workspace would drop the tables and columns this version
    does not know.
    """
    try:
        header = probe.read(source)
        identity: tuple[int, int] | None = (header.application_id, header.user_version)
    except WorkspaceDamaged:
        identity = probe.identity_from_raw(source)
    if identity and identity[0] == APPLICATION_ID and identity[1] > SCHEMA_VERSION:
        raise WorkspaceError(source, f"made by a newer Briefer (schema {identity[1]}; this version "
                                     f"knows up to {SCHEMA_VERSION}); recover it with that Briefer,"
                                     " this one would drop what it does not know")


def _snapshot(source: Path, snapshot: Path) -> None:
    """Copy ``source`` and its log to ``snapshot``, never closing a descriptor SQLite relies on.

    A file this process has open (the window recovering its own workspace) is
    copied with SQLite's backup API; any other is copied byte for byte, damage included.
    """
    wal = health.wal_path(source)
    if not probe.held_here(source):
        probe.copy_raw(source, snapshot)
        if wal.exists():
            probe.copy_raw(wal, health.wal_path(snapshot))
        return
    src, dest = probe.open_readonly(source), sqlite3.connect(snapshot)
    try:
        src.backup(dest)
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(source, f"is open and cannot be read whole ({exc}); close it, then recover")\
            from exc
    finally:
        dest.close()
        src.close()


def _copy_all(src: sqlite3.Connection, building: Path) -> tuple[TableRecovery, ...]:
    with Workspace.create(building) as ws:
        dst = ws.store.conn
        reports = []
        with ws.store.transaction():
            for table in tables_in_order(dst):
                reports.append(_copy_table(src, dst, table))
    return tuple(reports)


#: Tables computed from others, not copied: text signatures (rebuilt at the next import) and
#: the rows a team sync has to push (the copy marks every row it copies as such).
DERIVED = frozenset(("article_signatures", "signature_buckets", "sync_pending"))


def tables_in_order(conn: sqlite3.Connection) -> list[str]:
    """The workspace's own tables (no full-text index, nothing derived), parents first."""
    rows = conn.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                        " AND name NOT LIKE 'sqlite_%' ORDER BY name")
    names = [r[0] for r in rows if r[0] not in DERIVED]
    parents = {n: {r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{n}")')} - {n} for n in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        ordered.extend(ready or [n for n in names if n not in ordered])
    return ordered


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, table: str) -> TableRecovery:
    source_columns = set(_columns(src, table))
    columns = [c for c in _columns(dst, table) if c in source_columns]
    if not columns:
        return TableRecovery(table, 0, 0, 0)
    quoted = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(columns))})'
    recovered = refused = 0
    failed: list[int] = []
    if _has_rowid(src, table):
        rows = _rows_by_id(src, table, quoted, failed)
    else:
        rows = _rows_scan(src, table, quoted, failed)
    for row in rows:
        try:
            dst.execute(insert, row)
            recovered += 1
        except sqlite3.IntegrityError:
            refused += 1
    return TableRecovery(table, recovered, len(failed), refused)


def _has_rowid(src: sqlite3.Connection, table: str) -> bool:
    try:
        src.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.OperationalError:
        return False
    return True


Row = tuple[object, ...]


def _rows_scan(src: sqlite3.Connection, table: str, quoted: str, failed: list[int]) -> Iterator[Row]:
    """A table without row ids: rows in key order until the first unreadable page."""
    try:
        yield from src.execute(f'SELECT {quoted} FROM "{table}"')
    except sqlite3.DatabaseError:
        failed.append(0)


def _rows_by_id(src: sqlite3.Connection, table: str, quoted: str, failed: list[int]) -> Iterator[Row]:
    """Rows in id order: scanning, then probing one id at a time past each unreadable page."""
    top = _max_rowid(src, table)
    after = 0
    while True:
        try:
            for row in src.execute(f'SELECT rowid, {quoted} FROM "{table}" WHERE rowid > ? ORDER BY rowid',
                                   (after,)):
                after = row[0]
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            pass
        probe, gap = after + 1, 0
        while gap < MAX_GAP and (top is None or probe <= top):
            try:
                row = src.execute(f'SELECT {quoted} FROM "{table}" WHERE rowid = ?', (probe,)).fetchone()
            except sqlite3.DatabaseError:
                failed.append(probe)
                row = None
            if row is not None:
                yield row
                break
            probe, gap = probe + 1, gap + 1
        else:
            return
        after = probe


def _max_rowid(src: sqlite3.Connection, table: str) -> int | None:
    try:
        value = src.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    return int(value) if value is not None else 0
