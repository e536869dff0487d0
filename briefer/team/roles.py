"""Library roles: who may read, tag, edit or own a library, granted on the server.

The four roles are PostgreSQL group roles (``LIBRARY_reader`` and so on, each
holding the one below); the server enforces them with grants and row-level
security, so a workspace cannot bypass them.
"""

from __future__ import annotations

from psycopg import sql

from briefer.team import schema
from briefer.team.library import LibraryError, check_name, connect, guarded, where
from briefer.team.names import ROLES


def grant(dsn: str, who: str, as_role: str, library: str) -> None:
    """Give the PostgreSQL role ``who`` the library role ``as_role`` (replacing any it had).

    Run by an owner of the library (or a role that may create roles); raises
    LibraryError naming the reason otherwise.
    """
    check_name(library)
    if as_role not in ROLES:
        raise LibraryError(f"role {as_role!r}", f"is not one of {', '.join(ROLES)}")
    with connect(dsn) as conn, guarded(f"library {library} on {where(dsn)}"):
        schema.check(conn, library)
        conn.execute(sql.SQL("SELECT {}.grant_role(%s, %s)").format(sql.Identifier(library)), (who, as_role))
