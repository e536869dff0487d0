"""The sitrep's "Conflicting reports" block on the five-outlet set: context and golden file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.render import Renderer, load_template
from briefer.render.context import build_context
from tests.analysis.multi_outlet import fill
from tests.render.test_golden import _compare

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.workspace import Workspace


def _brief(ws: Workspace) -> int:
    fill(ws)
    brief_id = ws.briefs.new("Kharkiv strike", template="sitrep", marking="TLP:AMBER",
                             author="J. Analyst", period="10-21 November 2026").id
    ws.briefs.auto_fill(brief_id, load_template("sitrep").layout())
    return brief_id


def test_the_context_holds_both_sides_with_their_sources(ws: Workspace) -> None:
    brief_id = _brief(ws)
    context = build_context(ws, brief_id, load_template("sitrep"))
    [conflict] = context["conflicts"]
    assert conflict["about"] == "killed: Kharkiv (2026-11-20)"
    assert [(s["value"], s["unit"], s["citations"]) for s in conflict["sides"]] == [
        (12, "killed", [1, 2, 3]), (40, "people killed", [4])]
    figures = context["section"]["figures"]["items"]
    assert [(i["independent_sources"], i["suggested_credibility"]) for i in figures] == [
        (2, 1), (2, 1), (2, 1), (1, 5), (1, 3)]


def test_an_item_counts_sources_outside_the_brief_but_only_cited_reports_are_sides(ws: Workspace) -> None:
    filled = fill(ws)
    brief_id = ws.briefs.new("Kharkiv", template="sitrep").id
    ws.briefs.add_tags(brief_id, "figures", [filled.tag(3, "figure")])  # the BBC's 12 deaths alone
    context = build_context(ws, brief_id, load_template("sitrep"))
    [item] = context["section"]["figures"]["items"]
    assert (item["independent_sources"], item["suggested_credibility"]) == (2, 1)
    assert context["conflicts"] == []  # the Daily Courier's 40 is not in the brief: never quoted
    assert [s["id"] for s in context["sources"]] == [filled.articles[2]]
    ws.briefs.add_tags(brief_id, "figures", [filled.tag(4, "figure")])
    context = build_context(ws, brief_id, load_template("sitrep"))
    [conflict] = context["conflicts"]
    assert [(s["value"], s["citations"]) for s in conflict["sides"]] == [(12, [1]), (40, [2])]


def test_the_sitrep_shows_the_conflict_block(ws: Workspace, renderer: Renderer) -> None:
    markdown = renderer.render(ws, _brief(ws)).markdown
    block = ("## Conflicting reports\n\n- **killed: Kharkiv (2026-11-20)**: 12 killed[^1][^2][^3]"
             " vs 40 people killed[^4]\n\n## Timeline")
    assert block in markdown
    _compare("conflicts-sitrep.md", markdown)


def test_no_conflict_no_block(demo_ws: Workspace, renderer: Renderer) -> None:
    from tests.render.conftest import fill_demo_brief

    assert "Conflicting reports" not in renderer.render(demo_ws, fill_demo_brief(demo_ws)).markdown


def test_the_context_flags_a_single_source_figure_in_the_bluf(ws: Workspace) -> None:
    brief_id = _brief(ws)
    ws.briefs.set(brief_id, bluf="Drones killed 12 in Kharkiv; one group claims 40.")
    context = build_context(ws, brief_id, load_template("sitrep"))
    assert [(f["text"], f["start"]) for f in context["bluf_single_source"]] == [("40", 46)]


def test_the_docx_has_the_block_citing_both_sides(
        ws: Workspace, renderer: Renderer, tmp_path: Path) -> None:
    import docx

    out = renderer.export(ws, _brief(ws), "docx", tmp_path / "kharkiv.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    heading = texts.index("Conflicting reports")
    assert texts[heading + 1].startswith("killed: Kharkiv (2026-11-20): 12 killed")
    assert "vs 40 people killed" in texts[heading + 1]
