"""Rejected suggestions in the workspace."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.errors import InvalidInput, NotFound
from briefer.model import Article

if TYPE_CHECKING:
    from briefer.workspace import Workspace


def _aid(ws: Workspace) -> int:
    return ws.articles.add(Article(title="T", text="Kyiv said 12 drones flew.")).id


def test_reject_is_remembered_and_idempotent(ws: Workspace) -> None:
    aid = _aid(ws)
    ws.rejections.reject(aid, "figure", 10, 19, "12 drones")
    ws.rejections.reject(aid, "figure", 10, 19, "12 drones")
    assert [(r.kind, r.start, r.end, r.exact) for r in ws.rejections.of_article(aid)] == [
        ("figure", 10, 19, "12 drones")
    ]


def test_unreject_without_a_rejection_changes_nothing(ws: Workspace) -> None:
    aid = _aid(ws)
    assert not ws.rejections.unreject(aid, "figure", 10, 19)


def test_bad_offsets_and_missing_articles_are_refused(ws: Workspace) -> None:
    aid = _aid(ws)
    with pytest.raises(InvalidInput, match="do not hold"):
        ws.rejections.reject(aid, "figure", 10, 19, "13 drones")
    with pytest.raises(NotFound):
        ws.rejections.reject(aid + 1, "figure", 10, 19, "12 drones")


def test_rejections_go_with_their_article(ws: Workspace) -> None:
    aid = _aid(ws)
    ws.rejections.reject(aid, "location", 0, 4, "Kyiv")
    ws.articles.remove(aid)
    assert ws.rejections.of_article(aid) == []
