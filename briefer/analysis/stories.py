"""Story clusters: articles telling the same story, grouped by text similarity.

Reuses the near-duplicate signatures the workspace keeps (MinHash over word
3-grams, :mod:`briefer.text.similarity`, looked up through band buckets). Two
articles whose estimated Jaccard similarity is at least :data:`STORY` are of one
story; clusters are the connected groups of such pairs. Two articles of one story
are **not independent** sources: corroboration counts one source per story.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from briefer.text.similarity import Signature

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable

    from briefer.workspace import Workspace

#: Articles at least this similar (estimated Jaccard of word 3-grams) tell one story:
#: lower than the import's near-duplicate report (0.8), so an updated or lightly
#: rewritten wire copy still joins its story.
STORY = 0.5


@dataclass(frozen=True, slots=True)
class Story:
    """A cluster of two or more articles telling one story (ids ascending); ``number`` from 1."""

    number: int
    articles: tuple[int, ...]

    def to_json(self) -> dict[str, object]:
        """The cluster as the command line's JSON object."""
        return {"story": self.number, "articles": list(self.articles)}


def _signatures(conn: sqlite3.Connection, ids: list[int] | None) -> dict[int, Signature]:
    """Stored signatures (computed from the text for articles stored before signatures)."""
    where = "" if ids is None else f" WHERE a.id IN ({', '.join('?' * len(ids))})"
    rows = conn.execute(
        "SELECT a.id, s.signature, CASE WHEN s.signature IS NULL THEN a.text END FROM articles a"
        f" LEFT JOIN article_signatures s ON s.article_id = a.id{where}", ids or []).fetchall()
    return {int(r[0]): Signature.from_bytes(r[1]) if r[1] is not None else Signature.of(r[2])
            for r in rows}


#: Above this many articles, candidate pairs come from one pass over every bucket
#: (grouped in SQL) rather than a self-join restricted to the articles.
_WHOLE_PASS = 1000


def _candidates(conn: sqlite3.Connection, ids: list[int] | None) -> set[tuple[int, int]]:
    """Pairs of articles sharing a signature bucket (lower id first), among ``ids`` if given."""
    if ids is not None and len(ids) <= _WHOLE_PASS:
        marks = ", ".join("?" * len(ids))
        rows = conn.execute(
            "SELECT DISTINCT a.article_id, b.article_id FROM signature_buckets a JOIN signature_buckets b"
            " ON b.band = a.band AND b.bucket = a.bucket AND b.article_id > a.article_id"
            f" WHERE a.article_id IN ({marks}) AND b.article_id IN ({marks})", [*ids, *ids]).fetchall()
        return {(int(a), int(b)) for a, b in rows}
    among = None if ids is None else set(ids)
    pairs: set[tuple[int, int]] = set()
    for (members,) in conn.execute("SELECT group_concat(article_id) FROM signature_buckets"
                                   " GROUP BY band, bucket HAVING count(*) > 1"):
        found = sorted(i for i in map(int, members.split(",")) if among is None or i in among)
        pairs.update(combinations(found, 2))
    return pairs


def _unsigned(conn: sqlite3.Connection, ids: list[int] | None) -> list[int]:
    rows = conn.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures)")
    found = [int(r[0]) for r in rows]
    return found if ids is None else [i for i in found if i in set(ids)]


def clusters(ws: Workspace, article_ids: Iterable[int] | None = None) -> list[Story]:
    """The story clusters of the workspace (or among ``article_ids`` only), two or more articles each.

    Numbered in order of their lowest article id. Articles the workspace stored
    before it kept signatures are compared with every other article.
    """
    conn = ws.store.conn
    ids = None if article_ids is None else sorted(set(article_ids))
    if ids == []:
        return []
    pairs = _candidates(conn, ids)
    signatures: dict[int, Signature] = {}
    unsigned = _unsigned(conn, ids)
    if unsigned:
        signatures = _signatures(conn, ids)
        pairs |= {(min(u, o), max(u, o)) for u in unsigned for o in signatures if o != u}
    needed = sorted({i for pair in pairs for i in pair} - signatures.keys())
    if needed:
        signatures.update(_signatures(conn, needed))
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.get(node, node) != node:
            node = parent[node] = parent.get(parent[node], parent[node])
        return node

    for a, b in sorted(pairs):
        if signatures[a].similarity(signatures[b]) >= STORY:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, set[int]] = {}
    for node in list(parent):
        head = root(node)
        groups.setdefault(head, {head}).add(node)
    ordered = sorted(tuple(sorted(g)) for g in groups.values())
    return [Story(n, members) for n, members in enumerate(ordered, 1)]


def story_of(ws: Workspace, article_id: int) -> tuple[int, ...]:
    """The articles telling the same story as ``article_id`` (itself included), ids ascending.

    Looks only at the articles sharing a signature bucket with it: fast at tens
    of thousands of articles. Direct neighbours only (no chains through others).
    """
    conn = ws.store.conn
    own = _signatures(conn, [article_id]).get(article_id)
    if own is None:
        return ()
    rows = conn.execute(
        "SELECT DISTINCT b.article_id FROM signature_buckets a JOIN signature_buckets b"
        " ON b.band = a.band AND b.bucket = a.bucket WHERE a.article_id = ? AND b.article_id != ?",
        (article_id, article_id)).fetchall()
    others = _signatures(conn, [int(r[0]) for r in rows]) if rows else {}
    return tuple(sorted([article_id, *(i for i, s in others.items() if own.similarity(s) >= STORY)]))


def story_index(stories: Iterable[Story]) -> dict[int, int]:
    """Article id -> story number, for the articles in a cluster."""
    return {article: story.number for story in stories for article in story.articles}
