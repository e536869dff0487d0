"""``briefer stories|claims|conflicts`` end to end on the five-outlet set: the JSON contracts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from briefer.cli import main
from briefer.workspace import Workspace
from tests.analysis.multi_outlet import Filled, fill

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path: Path) -> tuple[str, Filled]:
    path = tmp_path / "desk.briefer"
    with Workspace.create(path) as ws:
        filled = fill(ws)
    return str(path), filled


def test_stories_lists_the_wire_story(desk: tuple[str, Filled], capsys: pytest.CaptureFixture[str]) -> None:
    path, filled = desk
    code, out, err = run(capsys, "stories", path, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == [{"story": 1, "articles": list(filled.articles[:2])}]
    assert run(capsys, "stories", path)[1] == "story 1: articles 1, 2\n"


def test_claims_count_independent_sources_and_suggest_credibility(
        desk: tuple[str, Filled], capsys: pytest.CaptureFixture[str]) -> None:
    path, filled = desk
    code, out, _ = run(capsys, "claims", path, "--json")
    assert code == 0
    claims = json.loads(out)
    assert [sorted(c) for c in claims] == [sorted(["claim", "kind", "tags", "articles",
                                                   "independent_sources", "suggested_credibility"])] * 5
    twelve = next(c for c in claims if filled.tag(1, "figure") in c["tags"])
    assert twelve == {"claim": 1, "kind": "figure",
                      "tags": [filled.tag(n, "figure") for n in (1, 2, 3)],
                      "articles": list(filled.articles[:3]), "independent_sources": 2,
                      "suggested_credibility": 1}
    quote = next(c for c in claims if c["kind"] == "quote")
    assert (quote["independent_sources"], quote["suggested_credibility"]) == (3, 1)
    forty = next(c for c in claims if c["tags"] == [filled.tag(4, "figure")])
    assert forty["suggested_credibility"] == 5
    assert "suggested credibility 1 (confirmed)" in run(capsys, "claims", path)[1]


def test_conflicts_cite_both_sides(desk: tuple[str, Filled], capsys: pytest.CaptureFixture[str]) -> None:
    path, filled = desk
    code, out, _ = run(capsys, "conflicts", path, "--json")
    assert code == 0
    [conflict] = json.loads(out)
    assert conflict["conflict"] == 1
    assert conflict["kind"] == "figure"
    assert conflict["about"] == "killed: Kharkiv (2026-11-20)"
    assert [(v["article"], v["value"], v["unit"]) for v in conflict["values"]] == [
        (1, 12, "killed"), (2, 12, "killed"), (3, 12, "deaths"), (4, 40, "people killed")]
    assert [v["tag"] for v in conflict["values"]] == [filled.tag(n, "figure") for n in (1, 2, 3, 4)]


def test_a_brief_counts_independent_sources_across_the_workspace(
        desk: tuple[str, Filled], capsys: pytest.CaptureFixture[str]) -> None:
    path, filled = desk
    with Workspace.open(path) as ws:
        brief = ws.briefs.new("Kharkiv").id
        ws.briefs.add_tags(brief, "figures", [filled.tag(2, "figure")])  # only the Kyiv Post's reprint
    _, out, _ = run(capsys, "claims", path, "--brief", str(brief), "--json")
    # Reuters (the same story) and the BBC (another) say 12 killed too, outside the brief.
    assert json.loads(out) == [{"claim": 1, "kind": "figure",
                                "tags": [filled.tag(n, "figure") for n in (1, 2, 3)],
                                "articles": [1, 2, 3], "independent_sources": 2, "suggested_credibility": 1}]
    _, out, _ = run(capsys, "conflicts", path, "--brief", str(brief), "--json")
    [conflict] = json.loads(out)  # the Daily Courier's 40 killed contradicts the brief's figure
    assert conflict["about"] == "killed: Kharkiv (2026-11-20)"
    assert [v["tag"] for v in conflict["values"]] == [filled.tag(n, "figure") for n in (1, 2, 3, 4)]
    with Workspace.open(path) as ws:
        older = ws.briefs.new("Earlier strike").id
        ws.briefs.add_tags(older, "figures", [filled.tag(5, "figure")])
    _, out, _ = run(capsys, "claims", path, "--brief", str(older), "--json")
    assert [(c["independent_sources"], c["suggested_credibility"]) for c in json.loads(out)] == [(1, 3)]
    _, out, _ = run(capsys, "conflicts", path, "--brief", str(older), "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize("command", ["claims", "conflicts"])
def test_an_unknown_brief_is_a_one_line_error(
        command: str, desk: tuple[str, Filled], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, command, desk[0], "--brief", "9", "--json")
    assert (code, out) == (1, "")
    assert err == "briefer: error: brief 9: no such brief in this workspace\n"


@pytest.mark.parametrize("command", ["stories", "claims", "conflicts"])
def test_an_unknown_workspace_is_a_one_line_error(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, command, str(tmp_path / "none.briefer"), "--json")
    assert (code, out) == (1, "")
    assert err.startswith("briefer: error: ")
    assert err.count("\n") == 1
    assert "no such workspace" in err
