"""The workspace: one SQLite file holding articles, tags and briefs.

Open one with :meth:`Workspace.open` (or :meth:`Workspace.create`) and reach its
parts as ``ws.articles``, ``ws.tags``, ``ws.briefs`` and ``ws.rejections``. Every change method commits one
transaction and returns a :class:`~briefer.model.Changes` value (or a result
that carries one) saying what it touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefer.workspace import health, schema_check
from briefer.workspace.article_edits import GRADES
from briefer.workspace.articles import Articles, fts_query
from briefer.workspace.briefs import Briefs, section_for
from briefer.workspace.evidence import Evidence
from briefer.workspace.feeds import Feeds
from briefer.workspace.rejections import Rejection, Rejections
from briefer.workspace.schema import SCHEMA_VERSION
from briefer.workspace.store import BUSY_TIMEOUT_MS, SUFFIX, Clock, Store, connect, utc_now
from briefer.workspace.tags import Removed, Tags
from briefer.workspace.versions import Versions

if TYPE_CHECKING:
    from types import TracebackType

    from briefer.taxonomy import Taxonomy

__all__ = [
    "GRADES", "SCHEMA_VERSION", "SUFFIX", "Rejection", "Removed", "Workspace", "fts_query", "section_for",
]


class Workspace:
    """An open workspace file. Close it (or use ``with``) when done."""

    def __init__(self, store: Store, kinds: Taxonomy | None = None) -> None:
        self.store = store
        self.articles = Articles(store)
        self.tags = Tags(store, kinds)
        self.briefs = Briefs(store)
        self.rejections = Rejections(store)
        self.evidence = Evidence(store)
        self.feeds = Feeds(store)
        self.versions = Versions(store, self.tags)

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        readonly: bool = False,
        check: bool | None = None,
        clock: Clock = utc_now,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        kinds: Taxonomy | None = None,
    ) -> Workspace:
        """Open (and migrate) a workspace; ``create`` makes a missing file.

        ``check`` runs SQLite's ``quick_check`` first; None (the default) does so
        only when the last session did not close cleanly. A write waits up to
        ``busy_timeout_ms`` for another writer, then fails with a clear
        WorkspaceError. Raises WorkspaceError
        when the file is missing, is not a Briefer workspace, was made by a newer
        Briefer or is read-only, and WorkspaceDamaged when it is damaged; the file
        is then left untouched. ``kinds`` types tag fields (default: the shipped
        taxonomy and the user's).
        """
        path = Path(path)
        conn = connect(path, create=create, readonly=readonly, check=check,
                       busy_timeout_ms=busy_timeout_ms)
        return cls(Store(path, conn, clock, readonly), kinds)

    @classmethod
    def create(cls, path: str | Path, *, clock: Clock = utc_now) -> Workspace:
        """Create a new workspace file (or open the workspace already there)."""
        return cls.open(path, create=True, clock=clock)

    @property
    def path(self) -> Path:
        """The workspace file."""
        return self.store.path

    @property
    def name(self) -> str:
        """The workspace's name as a user sees it (file name without suffix)."""
        return self.path.stem

    def check(self, limit: int = 10) -> list[str]:
        """What is wrong with the file (empty when healthy): damage, foreign schema, full-text index.

        SQLite's ``quick_check`` first (at most ``limit`` problems); then schema
        objects this Briefer did not make, and FTS5's integrity check.
        """
        conn = self.store.conn
        problems = health.quick_check(conn, limit)
        if problems:
            return problems
        return (schema_check.differences(conn) + health.fts_problems(conn, self.store.readonly))[:limit]

    def changed_externally(self) -> bool:
        """True when another process (or connection) changed the workspace since the last call.

        Poll it (it reads no table) to refresh views after another window or the
        command line wrote to the same file.
        """
        return self.store.changed_externally()

    def close(self) -> None:
        """Close the connection (checkpointing the WAL into the main file)."""
        self.store.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
