"""Connecting to a team library: DSNs without passwords, names, and one-line errors.

A library is one PostgreSQL schema named after it. Briefer never stores a password:
:func:`strip_password` removes one from a DSN before it is kept in a workspace, and
the connection finds it the usual libpq ways (``PGPASSFILE`` / ``~/.pgpass``, a
service file, ``PGPASSWORD``). Every failure becomes a :class:`LibraryError` whose
text is one line naming the library (or server) and the reason.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import TYPE_CHECKING

import psycopg
from psycopg import conninfo, errors

from briefer.errors import BrieferError

if TYPE_CHECKING:
    from collections.abc import Iterator

CONNECT_TIMEOUT_S = 10
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


class LibraryError(BrieferError):
    """A team library could not be reached, read or changed; nothing local was lost."""


def check_name(name: str) -> str:
    """``name`` if it can name a library (lowercase letters, digits, ``_``); raise LibraryError otherwise."""
    if not _NAME.match(name):
        raise LibraryError(f"library {name!r}", "a library name is lowercase letters, digits and _,"
                                                " starting with a letter")
    return name


def strip_password(dsn: str) -> tuple[str, bool]:
    """The DSN without its password (as a key=value string), and whether it held one."""
    try:
        params = conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        raise LibraryError("DSN", f"not a PostgreSQL connection string ({_first_line(exc)})") from None
    had = params.pop("password", None) is not None
    return conninfo.make_conninfo("", **{k: v for k, v in params.items() if v is not None}), had


def where(dsn: str) -> str:
    """A short name of the server a DSN points to, for error messages (never the password)."""
    try:
        params = conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "server"
    if params.get("service"):
        return f"service {params['service']}"
    host = str(params.get("host") or "local socket")
    return f"server {host}" + (f":{params['port']}" if params.get("port") else "")


def connect(dsn: str, *, autocommit: bool = False) -> psycopg.Connection[tuple[object, ...]]:
    """Open a connection; raise LibraryError naming the reason (down, refused, wrong password)."""
    try:
        return psycopg.connect(dsn, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        raise as_library_error(where(dsn), exc) from None


def as_library_error(thing: str, exc: psycopg.Error) -> LibraryError:
    """The one-line error for what the server (or libpq) said."""
    text = _first_line(exc)
    low = text.lower()
    if isinstance(exc, errors.InsufficientPrivilege) or "permission denied" in low:
        return LibraryError(thing, f"no permission: {text} (ask the library's owner for a role)")
    if "password authentication failed" in low or "no password supplied" in low:
        return LibraryError(thing, "the server refused the password (Briefer keeps none: use PGPASSFILE,"
                                   " a service file or PGPASSWORD)")
    if "connection refused" in low or "no such file or directory" in low or "timeout" in low:
        return LibraryError(thing, "cannot reach the server (is it running?); work goes on locally,"
                                   " the next sync catches up")
    if "does not exist" in low and "database" in low:
        return LibraryError(thing, text)
    if isinstance(exc, psycopg.OperationalError):
        return LibraryError(thing, f"connection failed: {text}")
    return LibraryError(thing, text)


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    return re.sub(r"^connection failed: (connection to server .*? failed: )?", "", text)


@contextmanager
def guarded(thing: str) -> Iterator[None]:
    """Turn psycopg errors raised inside the block into LibraryError naming ``thing``."""
    try:
        yield
    except psycopg.Error as exc:
        raise as_library_error(thing, exc) from None
