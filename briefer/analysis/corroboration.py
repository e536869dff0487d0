"""One pass over a workspace or a brief: story clusters, claims and conflicts together.

Workspace scope looks at every tag. Brief scope looks at the claims of the tags
the brief's items cite, but counts the independent sources of each across the
whole workspace: every fact, quote or figure of any article that may assert the
same (:class:`~briefer.analysis.claims.Reach`) is grouped with them, with the
actor/place/date tags of its article for what it is about. Only the claims holding
one of the brief's items are kept, and the conflicts with one of them on a side;
story clusters are those among the articles looked at.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefer.analysis import claims as claims_module
from briefer.analysis import conflicts as conflicts_module
from briefer.analysis.claims import Claim, Source
from briefer.analysis.stories import Story, clusters, story_index

if TYPE_CHECKING:
    from briefer.analysis.conflicts import Conflict
    from briefer.model import Tag
    from briefer.workspace import Workspace


#: The tags telling what a claim is about and when, beside the claim tags themselves.
_CONTEXT_KINDS = (*claims_module.ACTOR_KINDS, "date")


@dataclass(frozen=True, slots=True)
class Analysis:
    """Stories, claims and conflicts of one scope, with lookups by tag."""

    stories: tuple[Story, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]

    def claim_of(self, tag_id: int) -> Claim | None:
        """The claim a tag belongs to, if it is of a claim kind in scope."""
        return next((c for c in self.claims if tag_id in c.tags), None)


def _supporting(ws: Workspace, seeds: list[claims_module.Item]) -> dict[int, int]:
    """The workspace's fact, quote and figure tags that may say what ``seeds`` say: id -> article id.

    A figure of the same metric, or a fact with a little in common, counts only
    when its article names an actor/place the seeds are about (its paragraph then
    decides what it is about: :func:`briefer.analysis.claims.items`).
    """
    reach = claims_module.Reach(seeds)
    conn = ws.store.conn
    wanted: dict[int, int] = {}  # tag id -> article id
    pending: dict[str, dict[int, list[int]]] = {"figure": {}, "fact": {}}  # kind -> article -> tags
    if reach.units:
        for tag_id, article_id, value, unit in conn.execute(
                "SELECT id, article_id, json_extract(attributes, '$.value'),"
                " json_extract(attributes, '$.unit') FROM tags WHERE kind = 'figure'"):
            if reach.counts(value, unit):
                pending["figure"].setdefault(article_id, []).append(tag_id)
    if reach.has_quotes:
        quotes = conn.execute("SELECT id, article_id, exact, json_extract(attributes, '$.speaker')"
                              " FROM tags WHERE kind = 'quote'").fetchall()
        wanted.update((r[0], r[1]) for r, hit in zip(quotes, reach.heard([(r[2], r[3]) for r in quotes]),
                                                      strict=True) if hit)
    if reach.has_facts:
        for tag_id, article_id, exact in conn.execute(
                "SELECT id, article_id, exact FROM tags WHERE kind = 'fact'"):
            hit = reach.may_say(exact)
            if hit:
                wanted[tag_id] = article_id
            elif hit is None:
                pending["fact"].setdefault(article_id, []).append(tag_id)
    if pending["figure"] or pending["fact"]:
        wanted.update(_named(ws, reach, pending))
    return wanted


def _named(ws: Workspace, reach: claims_module.Reach,
           pending: dict[str, dict[int, list[int]]]) -> dict[int, int]:
    """The ``pending`` tags (kind -> article -> tag ids) whose article names what the seeds are about."""
    kinds = claims_module.ACTOR_KINDS
    names = {"figure": reach.names, "fact": reach.fact_names}
    found: dict[int, int] = {}
    for article_id, exact in ws.store.conn.execute(
            f"SELECT DISTINCT article_id, exact FROM tags WHERE kind IN ({', '.join('?' * len(kinds))})",
            kinds):
        waiting = [kind for kind, by_article in pending.items() if article_id in by_article]
        if not waiting:
            continue
        name = claims_module.name_key(exact)
        for kind in waiting:
            if name in names[kind]:
                found.update((t, article_id) for t in pending[kind].pop(article_id))
    return found


def _sources(ws: Workspace, article_ids: list[int], index: dict[int, int]) -> dict[int, Source]:
    rows = ws.store.conn.execute(
        f"SELECT id, published, text FROM articles WHERE id IN ({', '.join('?' * len(article_ids))})",
        article_ids).fetchall() if article_ids else []
    return {int(r[0]): Source(int(r[0]), index.get(int(r[0]), -int(r[0])), r[1], r[2]) for r in rows}


def _scope(ws: Workspace, brief_id: int | None) -> tuple[list[Tag], set[int] | None]:
    """The tags to analyse and, for a brief, the ids of the tags its items cite."""
    if brief_id is None:
        return ws.tags.all(), None
    brief = ws.briefs.get(brief_id)
    cited = {i.tag_id for i in brief.items if i.tag_id is not None}
    own = ws.tags.of_articles(ws.briefs.cited_articles(brief_id), _CONTEXT_KINDS, cited)
    own_ids = sorted({t.article_id for t in own})
    seeds = [i for i in claims_module.items(own, _sources(ws, own_ids, {})) if i.tag.id in cited]
    wanted = _supporting(ws, seeds)
    wanted.update((t.id, t.article_id) for t in own if t.id in cited)
    return ws.tags.of_articles(sorted(set(wanted.values())), _CONTEXT_KINDS, wanted), cited


def analyse(ws: Workspace, brief_id: int | None = None) -> Analysis:
    """Stories, claims and conflicts of the workspace, or of brief ``brief_id``.

    Raises NotFound for a brief that does not exist.
    """
    tags, cited = _scope(ws, brief_id)
    article_ids = sorted({t.article_id for t in tags})
    stories = clusters(ws, None if brief_id is None else article_ids)
    sources = _sources(ws, article_ids, story_index(stories))
    found = claims_module.build(claims_module.items(tags, sources), sources)
    by_id = {t.id: t for t in tags if t.id is not None}
    conflicts = conflicts_module.find(found, by_id)
    if cited is None:
        return Analysis(tuple(stories), tuple(found), tuple(conflicts))
    return _of_brief(stories, found, conflicts, cited)


def _of_brief(stories: list[Story], found: list[Claim], conflicts: list[Conflict],
              cited: set[int]) -> Analysis:
    """Keep the claims holding a cited tag (numbered 1… again) and the conflicts with one on a side.

    A rival claim of the workspace only is numbered after them (it is not listed,
    but a conflict's values still name it).
    """
    kept = [c for c in found if cited.intersection(c.tags)]
    order = kept + [c for c in found if not cited.intersection(c.tags)]
    number = {c.number: n for n, c in enumerate(order, 1)}
    mine = {c.number for c in kept}
    shown = [c for c in conflicts if mine.intersection(c.claims)]
    return Analysis(
        tuple(stories),
        tuple(replace(c, number=number[c.number]) for c in kept),
        tuple(replace(c, number=n, claims=tuple(number[k] for k in c.claims),
                      values=tuple(v if number[v.claim] == v.claim else replace(v, claim=number[v.claim])
                                   for v in c.values))
              for n, c in enumerate(shown, 1)))
