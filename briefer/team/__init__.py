"""Team libraries: a workspace synced with a shared PostgreSQL library (no Qt).

The local workspace stays the working copy; :func:`sync` pulls what teammates
changed and pushes what changed here. See :mod:`briefer.team.sync` for the rules.
"""

from __future__ import annotations

from briefer.team.library import DEFAULT_LIBRARY, LibraryError
from briefer.team.link import Status, join, leave, status
from briefer.team.red import share_red
from briefer.team.sync import Conflict, SyncResult, conflicts, resolve, sync

__all__ = [
    "DEFAULT_LIBRARY", "Conflict", "LibraryError", "Status", "SyncResult", "conflicts", "join", "leave",
    "resolve", "share_red", "status", "sync",
]
