"""Sync a workspace with its team library: pull what changed there, push what changed here.

**Pull** reads, in one snapshot, every row with ``version > pulled`` and applies it in
one workspace transaction (which also moves ``pulled``), parents first. A row
changed here too is merged field by field against the last version both sides
shared (``sync_base``): a field only one side changed takes that side's value; a
field both changed differently is a conflict, kept in ``sync_conflicts`` with both
values, the local value staying in place and the row not pushed until resolved.

**Push** sends pending rows in batches, each batch one library transaction:
new rows as ``INSERT … ON CONFLICT DO NOTHING``, changed ones as ``UPDATE … WHERE
version = base``. A row the server did not take (someone changed it first) is
merged as in a pull, then pushed again. After the library commits, one workspace
transaction records the new versions; a crash between the two leaves the rows
pending, and the next sync finds the library already holding them (nothing is
doubled: uids are stable). A deletion wins over a change on the other side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.errors import NotFound
from briefer.team import rows, schema
from briefer.team.library import connect, guarded, where
from briefer.team.link import current
from briefer.team.pull import pull
from briefer.team.push import push
from briefer.team.rows import BY_NAME
from briefer.team.state import applying

if TYPE_CHECKING:
    from briefer.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field changed here and in the library since the two last agreed."""

    kind: str
    uid: str
    field: str
    mine: Any
    theirs: Any

    @property
    def what(self) -> str:
        """Kind and field, as ``brief.bluf``."""
        return f"{self.kind}.{self.field}"

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape: ``{"what", "uid", "mine", "theirs"}``."""
        return {"what": self.what, "uid": self.uid, "mine": self.mine, "theirs": self.theirs}


@dataclass(frozen=True, slots=True)
class SyncResult:
    """How many rows a sync pushed and pulled, and the conflicts still to resolve."""

    pushed: int
    pulled: int
    conflicts: tuple[Conflict, ...]

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape: ``{"pushed", "pulled", "conflicts": [...]}``."""
        return {"pushed": self.pushed, "pulled": self.pulled,
                "conflicts": [c.to_json() for c in self.conflicts]}


def sync(ws: Workspace) -> SyncResult:
    """Pull, then push; raise LibraryError (one line) when the library cannot be used.

    Whatever was applied before a failure stays applied; the rest waits for the next sync.
    """
    link = current(ws)
    with connect(link.dsn) as conn, guarded(f"library {link.library} on {where(link.dsn)}"):
        schema.check(conn, link.library)
        conn.commit()
        pulled = pull(ws, conn, link)
        pushed = push(ws, conn, link.library)
    with ws.store.transaction() as db:
        db.execute("UPDATE sync_state SET last_sync = ?", (ws.store.now(),))
    return SyncResult(pushed, pulled, conflicts(ws))


def conflicts(ws: Workspace) -> tuple[Conflict, ...]:
    """The unresolved conflicts of the workspace, by kind and uid."""
    found = ws.store.conn.execute("SELECT kind, uid, field, mine, theirs FROM sync_conflicts"
                                  " ORDER BY kind, uid, field")
    return tuple(Conflict(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4])) for r in found)


def resolve(ws: Workspace, uid: str, keep: str) -> int:
    """Resolve the conflicts of row ``uid`` keeping ``"mine"`` or ``"theirs"``; how many were resolved.

    The row is pushed at the next sync (its base is the library's version already).
    Raises NotFound when the row has no conflict.
    """
    with applying(ws) as db:
        found = db.execute("SELECT kind, field, theirs FROM sync_conflicts WHERE uid = ?", (uid,)).fetchall()
        if not found:
            raise NotFound(f"uid {uid}", "no conflict to resolve for this row")
        if keep == "theirs":
            kind = BY_NAME[found[0][0]]
            local = rows.read(db, kind, uid)
            if local is not None:
                doc = {**local[1], **{r[1]: json.loads(r[2]) for r in found}}
                rows.write(db, kind, uid, local[0], None, doc)
        db.execute("DELETE FROM sync_conflicts WHERE uid = ?", (uid,))
    return len(found)


