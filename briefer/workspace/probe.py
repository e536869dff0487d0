"""What a workspace file is, read without ever closing a descriptor SQLite's locks rely on.

POSIX record locks belong to a process and a file: closing *any* descriptor of
the file drops every lock the process holds on it, SQLite's included. A process
that has a connection open and then reads the file with ``open()``/``close()``
silently gives up its locks; another process then believes it is the last one,
checkpoints and deletes the write-ahead log the first one still writes to, and
committed work is lost. So the file is read through SQLite, which shares one
descriptor per file between its connections and closes none while they hold
locks. Its raw bytes are read only to explain why SQLite refused it, and only
when no descriptor of this process refers to it (:func:`held_here`).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.errors import WorkspaceDamaged, WorkspaceError
from briefer.workspace import health, schema_check

if TYPE_CHECKING:
    from pathlib import Path

_SQLITE_MAGIC = b"SQLite format 3\x00"
_NOT_SQLITE = "not a Briefer workspace (not an SQLite database)"


@dataclass(frozen=True, slots=True)
class Header:
    """What the newest first page of a workspace says (read through SQLite, log included)."""

    application_id: int
    user_version: int
    page_size: int
    foreign: tuple[str, ...]


def require_regular_file(path: Path) -> os.stat_result:
    """``path``'s status; WorkspaceError unless it is a regular file (a FIFO would hang a read)."""
    try:
        status = path.stat()
    except OSError as exc:
        raise WorkspaceError(path, exc.strerror or "cannot be read") from exc
    if stat.S_ISDIR(status.st_mode):
        raise WorkspaceError(path, "is a folder, not a workspace file")
    if not stat.S_ISREG(status.st_mode):
        raise WorkspaceError(path, "is not a regular file (a pipe, socket or device), not a workspace file")
    return status


def held_here(path: Path) -> bool:
    """True when a descriptor of this process refers to ``path`` (an open connection, say).

    Closing a descriptor of such a file would drop this process's locks on it.
    Windows locks belong to a handle, not to the process: never held there.
    """
    if os.name == "nt":
        return False
    try:
        target = path.stat()
    except OSError:
        return False
    fd_dir = "/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"
    try:
        names = os.listdir(fd_dir)
    except OSError:
        return True  # cannot tell: assume it is
    for name in names:
        try:
            fd_status = os.stat(os.path.join(fd_dir, name))
        except OSError:
            continue
        if (fd_status.st_dev, fd_status.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


def copy_raw(source: Path, target: Path) -> None:
    """Copy ``source`` byte for byte; WorkspaceError when this process has it open.

    Used for files SQLite may not be able to read (damaged ones); a file this
    process has open is copied through SQLite instead (see ``recover``).
    """
    if held_here(source):
        raise WorkspaceError(source, "is open in this program; close it first")
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection, even to a damaged file (reads then fail where the damage is).

    On read-only media, where SQLite cannot make its index file, the file is
    opened immutable instead, unless a log left behind must be read.
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" not in str(exc) or health.left_unclean(path):
            raise
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        conn.execute("PRAGMA trusted_schema = OFF")
    except sqlite3.DatabaseError:
        pass  # damaged: still open, so what is readable can be read
    return conn


def read(path: Path) -> Header:
    """The file's identity, page size and foreign schema objects, read through SQLite.

    A newer first page in the log counts.
    Raises WorkspaceError for a file that is not an SQLite database and
    WorkspaceDamaged (naming the damage when the header shows it) for one SQLite
    cannot read. Writes nothing to the file.
    """
    size = require_regular_file(path).st_size
    for companion in (health.wal_path(path), path.with_name(path.name + "-shm")):
        if companion.exists() and not companion.is_file():
            raise WorkspaceError(companion, "is not a file, where the workspace's log belongs; move it away")
    if size < 100 and not health.left_unclean(path):
        raise WorkspaceError(path, _NOT_SQLITE)
    try:
        return _read_with(_probe_connection(path))
    except sqlite3.DatabaseError as exc:
        if not health.wal_path(path).exists():
            raise _refusal(path, exc) from exc
    try:  # a log appeared: another program began writing while the file was read without locks
        return _read_with(open_readonly(path))
    except sqlite3.DatabaseError as exc:
        raise _refusal(path, exc) from exc


def _read_with(conn: sqlite3.Connection) -> Header:
    try:
        values = [conn.execute(f"PRAGMA {name}").fetchone()[0]
                  for name in ("application_id", "user_version", "page_size")]
        application_id, user_version, page_size = values
        return Header(application_id, user_version, page_size, tuple(schema_check.differences(conn)))
    finally:
        conn.close()


def _probe_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves nothing beside a file without a log.

    SQLite makes an empty log and index beside a log-mode file it opens
    read-only; with no log there, the file alone is the whole database and is
    read as immutable instead (SQLite still closes none of its descriptors that
    another connection of this process relies on).
    """
    if health.wal_path(path).exists():
        return open_readonly(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                           isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _refusal(path: Path, exc: sqlite3.DatabaseError) -> WorkspaceError:
    """Why SQLite could not read ``path``: its raw header explains it when it is safe to read."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return WorkspaceError(path, "another Briefer is writing to this workspace; try again")
    if isinstance(exc, sqlite3.OperationalError):  # cannot open, read-only media: not damage
        return WorkspaceError(path, text)
    raw = None if held_here(path) else _raw_header(path)
    if raw is not None and not raw.startswith(_SQLITE_MAGIC):
        return WorkspaceError(path, _NOT_SQLITE)
    if raw is None and "not a database" in text:
        return WorkspaceError(path, _NOT_SQLITE)
    problem = damage_in_header(raw, path.stat().st_size) if raw is not None else None
    return WorkspaceDamaged(path, [problem or text])


def _raw_header(path: Path) -> bytes | None:
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except OSError:
        return None


def damage_in_header(header: bytes, size: int) -> str | None:
    """Why a raw 100-byte SQLite header shows damage (bad page size, truncation), or None."""
    if len(header) < 100:
        return "truncated: shorter than an SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"damaged header (page size {page_size})"
    change_counter, valid_for = header[24:28], header[92:96]
    expected = int.from_bytes(header[28:32], "big") * page_size
    if change_counter == valid_for and expected and size < expected:
        return f"truncated: the file has {size:,} of the {expected:,} bytes its header declares"
    return truncation(size, page_size)


def truncation(size: int, page_size: int) -> str | None:
    """Why a file of ``size`` bytes cannot be whole pages of ``page_size``, or None."""
    if size % page_size:
        return f"truncated: {size:,} bytes is not a whole number of {page_size}-byte pages"
    return None


def identity_from_raw(path: Path) -> tuple[int, int] | None:
    """``(application_id, user_version)`` from the raw header of a file SQLite cannot read.

    None when this process has the file open (reading it could drop its locks)
    or it cannot be read.
    """
    raw = None if held_here(path) else _raw_header(path)
    if raw is None or len(raw) < 100:
        return None
    return int.from_bytes(raw[68:72], "big"), int.from_bytes(raw[60:64], "big")
