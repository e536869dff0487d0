"""Waiting for a library's change notifications (PostgreSQL LISTEN), for a live window.

Every write to a library notifies its channel (see :mod:`briefer.team.schema`).
Notifications are not stored: one sent while nobody listens is gone, so a
listener also syncs on a timer (the caller's polling fallback).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psycopg import sql

from briefer.team.library import connect, guarded, where

if TYPE_CHECKING:
    from types import TracebackType

#: Gathers a burst of notifications (one per pushed batch) into one wake-up.
SETTLE_S = 0.05


class Listener:
    """A connection of its own listening on a library's channel. Close it when done.

    Raises LibraryError (one line) when the server cannot be reached, now or while waiting.
    """

    def __init__(self, dsn: str, library: str) -> None:
        self._thing = f"library {library} on {where(dsn)}"
        self._conn = connect(dsn, autocommit=True)
        with guarded(self._thing):
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(library)))

    def wait(self, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for a change; True when the library changed meanwhile."""
        with guarded(self._thing):
            if not any(True for _ in self._conn.notifies(timeout=timeout_s, stop_after=1)):
                return False
            for _ in self._conn.notifies(timeout=SETTLE_S):
                pass
        return True

    def close(self) -> None:
        """Stop listening and close the connection."""
        self._conn.close()

    def __enter__(self) -> Listener:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
