"""Stories, claims, credibility and conflicts on one event told by five outlets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.analysis import claims, stories
from briefer.analysis.corroboration import analyse
from briefer.errors import NotFound
from tests.analysis.multi_outlet import fill

if TYPE_CHECKING:
    from briefer.workspace import Workspace


@pytest.fixture
def filled(ws: Workspace):  # noqa: ANN201
    return fill(ws)


def test_the_wire_copies_are_one_story_and_the_others_stand_alone(ws: Workspace, filled) -> None:  # noqa: ANN001
    reuters, kyiv_post, *_ = filled.articles
    assert [s.to_json() for s in stories.clusters(ws)] == [{"story": 1, "articles": [reuters, kyiv_post]}]
    assert stories.story_of(ws, kyiv_post) == (reuters, kyiv_post)
    assert stories.story_of(ws, filled.articles[2]) == (filled.articles[2],)


def test_the_casualty_figure_is_corroborated_by_two_independent_sources(ws: Workspace, filled) -> None:  # noqa: ANN001
    analysis = analyse(ws)
    twelve = analysis.claim_of(filled.tag(1, "figure"))
    assert twelve is not None
    assert twelve.tags == (filled.tag(1, "figure"), filled.tag(2, "figure"), filled.tag(3, "figure"))
    assert twelve.independent_sources == 2  # Reuters and its reprint count once
    assert twelve.suggested_credibility == 1


def test_the_conflicting_figure_is_contradicted_and_the_older_one_stands_alone(ws: Workspace, filled) -> None:  # noqa: ANN001
    analysis = analyse(ws)
    forty = analysis.claim_of(filled.tag(4, "figure"))
    older = analysis.claim_of(filled.tag(5, "figure"))
    assert (forty.tags, forty.suggested_credibility) == ((filled.tag(4, "figure"),), 5)  # type: ignore[union-attr]
    assert (older.independent_sources, older.suggested_credibility) == (1, 3)  # type: ignore[union-attr]
    [conflict] = analysis.conflicts
    assert conflict.to_json() == {
        "conflict": 1, "kind": "figure", "about": "killed: Kharkiv (2026-11-20)",
        "values": [{"tag": filled.tag(n, "figure"), "article": filled.articles[n - 1],
                    "value": value, "unit": unit}
                   for n, value, unit in ((1, 12, "killed"), (2, 12, "killed"), (3, 12, "deaths"),
                                          (4, 40, "people killed"))]}


def test_the_quote_reported_by_three_outlets_with_other_words_is_one_claim(ws: Workspace, filled) -> None:  # noqa: ANN001
    quote = analyse(ws).claim_of(filled.tag(1, "quote"))
    assert quote is not None
    assert quote.articles == filled.articles[:4]
    assert (quote.independent_sources, quote.suggested_credibility) == (3, 1)


def test_facts_saying_the_same_are_one_claim(ws: Workspace, filled) -> None:  # noqa: ANN001
    fact = analyse(ws).claim_of(filled.tag(1, "fact"))
    assert fact is not None
    assert fact.tags == (filled.tag(1, "fact"), filled.tag(3, "fact"))


def test_a_brief_counts_the_independent_sources_of_the_whole_workspace(ws: Workspace, filled) -> None:  # noqa: ANN001
    brief = ws.briefs.new("Kharkiv").id
    ws.briefs.add_tags(brief, "figures", [filled.tag(1, "figure"), filled.tag(2, "figure"),
                                          filled.tag(4, "figure")])
    analysis = analyse(ws, brief)
    assert [s.articles for s in analysis.stories] == [filled.articles[:2]]
    [twelve, forty] = analysis.claims
    assert twelve.tags == (filled.tag(1, "figure"), filled.tag(2, "figure"), filled.tag(3, "figure"))
    # The BBC's 12 deaths is not in the brief, yet it corroborates the wire story's 12 killed.
    assert (twelve.independent_sources, twelve.suggested_credibility) == (2, 1)
    assert forty.suggested_credibility == 5
    assert len(analysis.conflicts) == 1
    with pytest.raises(NotFound):
        analyse(ws, 99)


def test_a_brief_lists_only_the_claims_of_its_items_and_the_conflicts_they_are_in(
        ws: Workspace, filled) -> None:  # noqa: ANN001
    brief = ws.briefs.new("Kharkiv").id
    bbc = filled.tag(3, "figure")
    ws.briefs.add_tags(brief, "figures", [bbc, filled.tag(5, "figure")])
    analysis = analyse(ws, brief)
    assert [c.to_json() for c in analysis.claims] == [
        {"claim": 1, "kind": "figure", "tags": [filled.tag(1, "figure"), filled.tag(2, "figure"), bbc],
         "articles": list(filled.articles[:3]), "independent_sources": 2, "suggested_credibility": 1},
        {"claim": 2, "kind": "figure", "tags": [filled.tag(5, "figure")], "articles": [filled.articles[4]],
         "independent_sources": 1, "suggested_credibility": 3}]
    [conflict] = analysis.conflicts  # the Daily Courier's 40 killed, from outside the brief
    assert conflict.number == 1
    assert filled.tag(4, "figure") in {v.tag for v in conflict.values}
    mine, rival = sorted({v.claim for v in conflict.values})
    assert mine == 1
    assert rival > len(analysis.claims)  # the rival claim is not listed: numbered after the brief's
    lone = ws.briefs.new("Older strike").id
    ws.briefs.add_tags(lone, "figures", [filled.tag(5, "figure")])
    assert analyse(ws, lone).conflicts == ()


def test_a_brief_quote_is_corroborated_by_the_same_speakers_words_elsewhere(ws: Workspace, filled) -> None:  # noqa: ANN001
    brief = ws.briefs.new("Mayor").id
    ws.briefs.add_tags(brief, "quotes", [filled.tag(3, "quote")])
    [quote] = analyse(ws, brief).claims
    # Reuters, its reprint and the Courier said it with other words: three stories in all.
    assert quote.articles == filled.articles[:4]
    assert quote.independent_sources == 3
    ws.tags.update(filled.tag(4, "quote"), attributes={"speaker": "Oleh Synehubov"})
    assert analyse(ws, brief).claims[0].articles == filled.articles[:3]  # another speaker: not the same quote


def test_story_clusters_of_many_articles_are_those_of_the_pairwise_pass(
        ws: Workspace, filled, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    some = [*filled.articles[:2], *filled.articles[3:]]
    expected = [s.articles for s in stories.clusters(ws, some)]
    monkeypatch.setattr(stories, "_WHOLE_PASS", 0)  # as for a scope of thousands of articles
    assert [s.articles for s in stories.clusters(ws, some)] == expected == [filled.articles[:2]]
    assert [s.articles for s in stories.clusters(ws, filled.articles[1:])] == []


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (25, "million deaths", (25_000_000, "killed")),
    (12, "People Killed", (12, "killed")),
    (478, "square kilometers", (478, "square kilometre")),
    (3, "civilians wounded", (3, "civilian injured")),
])
def test_units_are_normalised(value: float, unit: str, expected: tuple[float, str]) -> None:
    assert claims.metric(value, unit) == expected


def test_the_tolerance_is_two_percent_of_the_larger_value() -> None:
    assert claims.agree(478, 480)
    assert not claims.agree(12, 13)
    assert not claims.agree(25_000_000, 50_000_000)


def test_time_windows() -> None:
    assert claims.same_window("2026-11-20", "2026-11-23")
    assert not claims.same_window("2026-11-10", "2026-11-20")
    assert claims.same_window(None, "2026-11-20")


def test_tags_of_several_articles_come_in_one_list(ws: Workspace, filled) -> None:  # noqa: ANN001
    tags = ws.tags.of_articles([filled.articles[0], filled.articles[4]])
    assert tags == ws.tags.all(filled.articles[0]) + ws.tags.all(filled.articles[4])
    assert ws.tags.of_articles([]) == []
