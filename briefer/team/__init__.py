"""Team libraries: a workspace synced with a shared PostgreSQL library (no Qt).

The local workspace stays the working copy; :func:`sync` pulls what teammates
changed and pushes what changed here. See :mod:`briefer.team.syncing` for the rules.
The names below load on first use, so importing the package (the command line
does) does not load the PostgreSQL driver.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from briefer.team.names import DEFAULT_LIBRARY, ROLES, is_linked

if TYPE_CHECKING:
    from briefer.team.library import LibraryError
    from briefer.team.link import Status, join, leave, status
    from briefer.team.red import share_red
    from briefer.team.syncing import Conflict, SyncResult, conflicts, resolve, sync

__all__ = [
    "DEFAULT_LIBRARY", "ROLES", "Conflict", "LibraryError", "Status", "SyncResult", "conflicts", "is_linked",
    "join", "leave", "resolve", "share_red", "status", "sync",
]

_HOME = {
    "LibraryError": "library", "Status": "link", "join": "link", "leave": "link",
    "status": "link", "share_red": "red", "Conflict": "syncing", "SyncResult": "syncing",
    "conflicts": "syncing", "resolve": "syncing", "sync": "syncing",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'briefer.team' has no attribute {name!r}")
    return getattr(importlib.import_module(f"briefer.team.{_HOME[name]}"), name)
