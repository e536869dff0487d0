"""Who besides its author and the library's owners may see a TLP:RED row in the library.

A row marked TLP:RED (an article or tag's ``tlp``, a brief's ``marking``) lists
the PostgreSQL roles it is shared with; the library's row-level security shows it
to no one else. The list travels with the row; it changes nothing locally.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from briefer.errors import InvalidInput, NotFound
from briefer.model import Changes
from briefer.team.names import RED_TABLES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefer.workspace import Workspace



def share_red(ws: Workspace, kind: str, row_id: int, roles: Sequence[str]) -> Changes:
    """Set the roles a TLP:RED ``kind`` row (by local id) is shown to; an empty list: none.

    Raises InvalidInput for a kind without a marking and NotFound for a missing row.
    """
    if kind not in RED_TABLES:
        raise InvalidInput(f"kind {kind!r}", f"is not one of {', '.join(RED_TABLES)}")
    names = sorted({r.strip() for r in roles if r.strip()})
    with ws.store.transaction() as conn:
        cur = conn.execute(f"UPDATE {RED_TABLES[kind]} SET red_roles = ? WHERE id = ?",
                           (json.dumps(names), row_id))
        if cur.rowcount == 0:
            raise NotFound(f"{kind} {row_id}", "no such row in this workspace")
    if kind == "article":
        return Changes.of(articles=[row_id])
    return Changes.of(tags=[row_id]) if kind == "tag" else Changes.of(briefs=[row_id])
