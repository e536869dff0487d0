"""The workspace file: opening, checking, migrating, and transactions.

Guarantees: a file that is not a Briefer workspace, or that a newer Briefer
made, is refused before SQLite writes anything to it. Every change runs in one
``BEGIN IMMEDIATE`` transaction committed with ``synchronous=FULL`` in WAL mode,
so a crash leaves every committed change in place.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from briefer.errors import WorkspaceDamaged, WorkspaceError
from briefer.workspace import health, probe
from briefer.workspace.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from pathlib import Path

SUFFIX = ".briefer"
BUSY_TIMEOUT_MS = 5000

Clock = Callable[[], datetime]
_Read = TypeVar("_Read", bound=Callable[..., Any])


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with lone surrogates (SQLite cannot store them) replaced by U+FFFD.

    They reach us from undecodable command-line bytes (Python's surrogateescape)
    and from broken clipboard text.
    """
    return _SURROGATE.sub("\ufffd", text)


def utc_now() -> datetime:
    """The current time in UTC (the default clock)."""
    return datetime.now(UTC)


class Store:
    """An open connection to a workspace file, with transactions and a clock.

    Use :meth:`transaction` for every write. Read-only stores refuse writes.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, clock: Clock, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        self.clock = clock
        self.readonly = readonly
        self._depth = 0
        self._data_version = self._read_data_version()

    def _read_data_version(self) -> int:
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.DatabaseError:
            return -1  # a damaged file opened read-only: reads report the damage

    def changed_externally(self) -> bool:
        """True when another connection committed a change since the last call (or open).

        Cheap (no table is read): a window can poll it on a timer and refresh.
        """
        version = self._read_data_version()
        changed = version != self._data_version
        self._data_version = version
        return changed

    def now(self) -> str:
        """The clock's time as an ISO 8601 UTC string with seconds."""
        return self.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested uses join the outer one."""
        if self.readonly:
            raise WorkspaceError(self.path, "opened read-only; changes are not allowed")
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _as_workspace_error(self.path, exc) from exc
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) or (
                    isinstance(exc, sqlite3.DatabaseError) and health.is_damage(exc)):
                raise _as_workspace_error(self.path, exc) from exc  # the workspace's, named
            raise
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _as_workspace_error(self.path, exc) from exc


def reads(method: _Read) -> _Read:
    """Mark a read method of a workspace part: damage met while reading is WorkspaceDamaged.

    Without it, a read of a damaged page (a file opened read-only to see what is
    readable, or damaged after it was opened) raises SQLite's own error. The part
    keeps its :class:`Store` as ``_store``.
    """

    @functools.wraps(method)
    def read(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if health.is_damage(exc):
                raise WorkspaceDamaged(self._store.path, [str(exc)]) from exc
            raise

    return cast("_Read", read)


def _as_workspace_error(path: Path, exc: sqlite3.Error) -> WorkspaceError:
    text = str(exc)
    if health.is_damage(exc):
        return WorkspaceDamaged(path, [text])
    if "locked" in text or "busy" in text:
        return WorkspaceError(path, "another Briefer is writing to this workspace; try again")
    if "readonly" in text or "read-only" in text:
        return WorkspaceError(path, "the file is read-only")
    if "disk is full" in text:
        return WorkspaceError(path, "could not write: the disk is full; the change was not saved")
    if "disk I/O error" in text:
        return WorkspaceError(path, "disk I/O error (is the disk full, removed or failing?)")
    if "unable to open" in text:
        return WorkspaceError(path, "cannot open the file")
    return WorkspaceError(path, text)


def connect(
    path: Path,
    *,
    create: bool,
    readonly: bool = False,
    check: bool | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> sqlite3.Connection:
    """Open ``path`` after checking it is a current Briefer workspace; migrate it.

    With ``create`` a missing file is created. ``check`` runs ``PRAGMA
    quick_check`` first (None: only when the last session did not close cleanly).
    ``busy_timeout_ms`` is how long a write waits for another writer to finish.
    Raises WorkspaceError with a clear reason otherwise (WorkspaceDamaged for a
    damaged file); a refused file is left untouched. A read-only open skips the
    damage checks, so whatever is readable can still be read.

    Read-only connections run with ``trusted_schema`` off. A connection for
    changes opens only once the schema was found to be exactly this version's
    own (``schema_check``), and needs it on: SQLite 3.40 does not mark
    ``json_valid`` (a CHECK) nor FTS5 (used by triggers) innocuous.
    """
    exists = path.exists()
    if not exists and not create:
        raise WorkspaceError(path, "no such workspace (create one with 'briefer init')")
    if exists:
        _check_header(path, readonly)
        if not readonly and not os.access(path, os.W_OK):
            raise WorkspaceError(path, "the file is read-only; open it read-only to read it")
        if not readonly and not os.access(path.parent, os.W_OK):
            raise WorkspaceError(path, "its folder is read-only (changes need a log file beside the"
                                       " workspace); open it read-only to read it")
        if check is None:
            check = health.left_unclean(path)
    elif readonly:
        raise WorkspaceError(path, "no such workspace")
    elif not os.access(path.parent, os.W_OK):
        raise WorkspaceError(path, "cannot create the workspace: its folder is missing or read-only")
    try:
        if check and not readonly and exists:
            _refuse_damaged(path)
        conn = probe.open_readonly(path) if readonly else sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise _as_workspace_error(path, exc) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            _migrate(conn)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise _as_workspace_error(path, exc) from exc
        raise
    conn.row_factory = sqlite3.Row
    return conn


def _refuse_damaged(path: Path) -> None:
    """Raise WorkspaceDamaged when ``quick_check`` finds problems, reading only.

    The check runs on a read-only connection, so a log left by a crash is read
    but never merged into a damaged file.
    """
    conn = probe.open_readonly(path)
    try:
        problems = health.quick_check(conn)
    finally:
        conn.close()
    if problems:
        raise WorkspaceDamaged(path, problems)


def _check_header(path: Path, readonly: bool) -> None:
    """Refuse a file that is not a current, undamaged Briefer workspace, reading it through SQLite.

    A read-only open of a file SQLite cannot read goes on (whatever is readable
    can then be read) once its raw header shows it is a current Briefer workspace.
    """
    try:
        header = probe.read(path)
    except WorkspaceDamaged:
        if not readonly:
            raise
        if (identity := probe.identity_from_raw(path)) is not None:
            _check_identity(path, *identity)
        return
    _check_identity(path, header.application_id, header.user_version)
    if header.foreign and not readonly:
        more = f" (and {len(header.foreign) - 1} more)" if len(header.foreign) > 1 else ""
        raise WorkspaceError(path, f"{header.foreign[0]}{more}: refused; 'briefer recover' copies the"
                                   " workspace without it")
    if not readonly and not health.left_unclean(path):
        problem = probe.truncation(path.stat().st_size, header.page_size)
        if problem:
            raise WorkspaceDamaged(path, [problem])


def _check_identity(path: Path, app_id: int, version: int) -> None:
    if app_id != APPLICATION_ID:
        raise WorkspaceError(path, "not a Briefer workspace (an SQLite database of another program)")
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            path,
            f"made by a newer Briefer (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}); update Briefer to open it",
        )


def _migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # another writer may have won
        if version == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for number in range(version + 1, SCHEMA_VERSION + 1):
            for statement in statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    # Copy the new header into the main file now: another connection (a background
    # import) checks the header there before opening, while this one stays open.
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def statements(script: str) -> Iterator[str]:
    """Split a migration script into complete statements (triggers kept whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()
