"""One pass over a workspace or a brief: story clusters, claims and conflicts together.

Workspace scope looks at every tag. Brief scope looks at the tags the brief's
items cite (and the actor/place/date tags of their articles, for what a figure is
about): the brief's sources corroborate or contradict each other; story clusters
are those among the brief's articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.analysis import claims as claims_module
from briefer.analysis import conflicts as conflicts_module
from briefer.analysis.claims import Claim, Source
from briefer.analysis.stories import Story, clusters, story_index

if TYPE_CHECKING:
    from briefer.analysis.conflicts import Conflict
    from briefer.model import Tag
    from briefer.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Analysis:
    """Stories, claims and conflicts of one scope, with lookups by tag."""

    stories: tuple[Story, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]

    def claim_of(self, tag_id: int) -> Claim | None:
        """The claim a tag belongs to, if it is of a claim kind in scope."""
        return next((c for c in self.claims if tag_id in c.tags), None)


def _tags(ws: Workspace, brief_id: int | None) -> tuple[list[Tag], set[int] | None]:
    if brief_id is None:
        return ws.tags.all(), None
    brief = ws.briefs.get(brief_id)
    cited = {i.tag_id for i in brief.items if i.tag_id is not None}
    tags = ws.tags.of_articles(ws.briefs.cited_articles(brief_id))
    keep = [t for t in tags if t.id in cited or t.kind not in claims_module.CLAIM_KINDS]
    return keep, cited


def analyse(ws: Workspace, brief_id: int | None = None) -> Analysis:
    """Stories, claims and conflicts of the workspace, or of brief ``brief_id``.

    Raises NotFound for a brief that does not exist.
    """
    tags, _ = _tags(ws, brief_id)
    article_ids = sorted({t.article_id for t in tags})
    stories = clusters(ws, None if brief_id is None else article_ids)
    index = story_index(stories)
    rows = ws.store.conn.execute(
        f"SELECT id, published, text FROM articles WHERE id IN ({', '.join('?' * len(article_ids))})",
        article_ids).fetchall() if article_ids else []
    sources = {int(r[0]): Source(int(r[0]), index.get(int(r[0]), -int(r[0])), r[1], r[2]) for r in rows}
    found = claims_module.items(tags, sources)
    claims = claims_module.build(found, sources)
    by_id = {t.id: t for t in tags if t.id is not None}
    return Analysis(tuple(stories), tuple(claims), tuple(conflicts_module.find(claims, by_id)))
