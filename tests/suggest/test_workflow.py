"""Suggestions for stored articles: tags and rejections leave them out; accept makes tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.model import Article
from briefer.suggest import accept, accept_all, for_article

if TYPE_CHECKING:
    from briefer.workspace import Workspace

TEXT = (
    'Ukrainian President Volodymyr Zelensky spoke on Monday. "We need 25 more systems," '
    "Zelensky said. Russia captured 478 square kilometers in October."
)


def _article(ws: Workspace, published: str | None = "2024-11-06") -> int:
    return ws.articles.add(Article(title="Test", text=TEXT, published=published)).id


def test_for_article_uses_the_publication_date(ws: Workspace) -> None:
    aid = _article(ws)
    dates = {s.text: s.attributes.get("iso") for s in for_article(ws, aid, ["date"])}
    assert dates == {"Monday": "2024-11-04", "October": "2024-10"}


def test_an_unreadable_publication_date_is_ignored(ws: Workspace) -> None:
    aid = _article(ws, published="early November")
    assert {s.text: s.attributes.get("iso") for s in for_article(ws, aid, ["date"])} == {
        "Monday": None,
        "October": None,
    }


def test_accept_makes_a_tag_with_attributes_and_it_is_not_suggested_again(ws: Workspace) -> None:
    aid = _article(ws)
    quote = for_article(ws, aid, ["quote"])[0]
    created = accept(ws, aid, quote)
    tag = ws.tags.get(created.id)
    assert (tag.kind, tag.exact) == ("quote", "We need 25 more systems")
    assert tag.attributes["speaker"] == "Volodymyr Zelensky"
    assert tag.attributes["role"] == "Ukrainian President"
    assert created.changes.articles == {aid}
    assert for_article(ws, aid, ["quote"]) == []
    assert [s.text for s in for_article(ws, aid, ["figure"])] == ["25 more systems", "478 square kilometers"]


def test_a_tag_of_another_kind_does_not_hide_a_suggestion(ws: Workspace) -> None:
    aid = _article(ws)
    start = TEXT.index("We need")
    ws.tags.add(aid, "fact", start, start + 30)
    assert len(for_article(ws, aid, ["quote"])) == 1
    assert len(for_article(ws, aid, ["figure"])) == 2


def test_rejected_suggestions_stay_away_until_unrejected(ws: Workspace) -> None:
    aid = _article(ws)
    figure = next(s for s in for_article(ws, aid, ["figure"]) if s.text == "478 square kilometers")
    changes = ws.rejections.reject(aid, figure.kind, figure.start, figure.end, figure.text)
    assert changes.articles == {aid}
    assert [r.exact for r in ws.rejections.of_article(aid)] == ["478 square kilometers"]
    assert "478 square kilometers" not in {s.text for s in for_article(ws, aid, ["figure"])}
    assert ws.rejections.unreject(aid, figure.kind, figure.start, figure.end).articles == {aid}
    assert "478 square kilometers" in {s.text for s in for_article(ws, aid, ["figure"])}


def test_accept_all_is_one_transaction(ws: Workspace) -> None:
    aid = _article(ws)
    found = for_article(ws, aid)
    changes = accept_all(ws, aid, found)
    assert len(changes.tags) == len(found) == len(ws.tags.all(aid))
    assert for_article(ws, aid) == []
    figure = ws.tags.all(aid, kind="figure")[-1]
    assert (figure.attributes["value"], figure.attributes["unit"]) == (478, "km²")


def test_suggestions_are_frozen_hashable_values(ws: Workspace) -> None:
    aid = _article(ws)
    first, again = for_article(ws, aid), for_article(ws, aid)
    assert first == again
    assert len(set(first) | set(again)) == len(first)
