"""Single-source claims are flagged where the BLUF states them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.analysis.bluf import single_source
from briefer.analysis.corroboration import analyse
from tests.analysis.multi_outlet import fill

if TYPE_CHECKING:
    from briefer.workspace import Workspace


def test_the_bluf_flags_the_single_source_figure_not_the_corroborated_one(ws: Workspace) -> None:
    filled = fill(ws)
    analysis = analyse(ws)
    tags = {t.id: t for t in ws.tags.all() if t.id is not None}
    bluf = "Russian drones killed 12 in Kharkiv; a volunteer group claims 40 dead."
    [flag] = single_source(bluf, analysis.claims, tags)
    assert flag.claim == analysis.claim_of(filled.tag(4, "figure")).number  # type: ignore[union-attr]
    assert bluf[flag.start:flag.end] == "40"


def test_a_fact_in_the_bluf_is_flagged_only_while_no_other_article_says_it(ws: Workspace) -> None:
    filled = fill(ws)
    brief = ws.briefs.new("Kharkiv").id
    ws.briefs.add_tags(brief, "situation", [filled.tag(1, "fact")])
    bluf = "Overnight, Russian drones hit a residential district of Kharkiv. Talks stall."

    def flags() -> list[str]:
        analysis = analyse(ws, brief)
        tags = {t.id: t for t in ws.tags.all() if t.id is not None}
        return [f.text for f in single_source(bluf, analysis.claims, tags)]

    assert flags() == []  # the BBC, outside the brief, reports it too: two independent sources
    ws.tags.remove(filled.tag(3, "fact"))
    assert flags() == ["Overnight, Russian drones hit a residential district of Kharkiv."]
