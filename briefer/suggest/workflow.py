"""Suggestions for stored articles: leave out what is tagged or rejected; accept into tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.errors import InvalidInput
from briefer.model import Changes, Created
from briefer.suggest.core import suggest
from briefer.suggest.datecalc import parse_published

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from briefer.suggest.base import Suggestion
    from briefer.workspace import Workspace


def _published(value: str | None) -> str | None:
    try:
        return value if parse_published(value) else None
    except InvalidInput:
        return None  # an importer kept a date we cannot read: suggest without it


def for_article(ws: Workspace, article_id: int, kinds: Collection[str] | None = None) -> list[Suggestion]:
    """Suggestions for a stored article, anchored on its publication date.

    Leaves out suggestions overlapping an existing tag of the same kind and those
    the analyst rejected for this article. Raises NotFound for a missing article.
    """
    article = ws.articles.get(article_id)
    found = suggest(article.text, published=_published(article.published), kinds=kinds)
    tagged: dict[str, list[tuple[int, int]]] = {}
    for tag in ws.tags.all(article_id):
        tagged.setdefault(tag.kind, []).append((tag.start, tag.end))
    rejected = {(r.kind, r.start, r.end, r.exact) for r in ws.rejections.of_article(article_id)}
    return [
        s
        for s in found
        if (s.kind, s.start, s.end, s.text) not in rejected
        and not any(s.overlaps(start, end) for start, end in tagged.get(s.kind, ()))
    ]


def _attributes(suggestion: Suggestion) -> dict[str, str | int | float | bool | None]:
    return {k: v for k, v in suggestion.attributes.items() if v is not None}


def accept(ws: Workspace, article_id: int, suggestion: Suggestion) -> Created:
    """Turn a suggestion into a tag with its attributes (speaker, role, value, unit, iso…)."""
    return ws.tags.add(
        article_id,
        suggestion.kind,
        suggestion.start,
        suggestion.end,
        exact=suggestion.text,
        attributes=_attributes(suggestion),
    )


def accept_all(ws: Workspace, article_id: int, suggestions: Iterable[Suggestion]) -> Changes:
    """Accept several suggestions in one transaction; all become tags or none do."""
    changes = Changes()
    with ws.store.transaction():
        for suggestion in suggestions:
            changes |= accept(ws, article_id, suggestion).changes
    return changes
