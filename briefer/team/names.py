"""What the command line and the GUI ask of team libraries without loading the PostgreSQL driver."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefer.workspace import Workspace

DEFAULT_LIBRARY = "briefer"
#: Library roles, weakest first; each holds the one before it.
ROLES = ("reader", "tagger", "editor", "owner")
#: The kinds that carry a TLP marking (and so TLP:RED roles), with their tables.
RED_TABLES = {"article": "articles", "tag": "tags", "brief": "briefs"}


def is_linked(ws: Workspace) -> bool:
    """Whether the workspace is linked to a team library."""
    return ws.store.conn.execute("SELECT 1 FROM sync_state").fetchone() is not None
