"""``briefer timeline``, end to end: item dates from date tags, their sentence, else publication."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.analysis.timeline import period_start, timeline
from briefer.demo import ensure_demo
from briefer.workspace import Workspace
from tests.cli.test_briefs_cli import run

if TYPE_CHECKING:
    import pytest

FACT = "Russia seized the crucial mining hub"
FIGURE = "478 square kilometers"
DATE = "in October"


def _tag(capsys: pytest.CaptureFixture[str], ws: str, kind: str, text: str, *extra: str) -> int:
    return int(json.loads(run(capsys, "tag", "add", ws, "1", "--kind", kind, "--text", text,
                              *extra, "--json"))["id"])


def test_timeline(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "article", "set", ws, "1", "published=2026-11-05")
    fact = _tag(capsys, ws, "fact", FACT)
    figure = _tag(capsys, ws, "figure", FIGURE)
    date = _tag(capsys, ws, "date", DATE, "--attr", "iso=2026-10-31")
    run(capsys, "brief", "new", ws, "--title", "SITREP", "--period", "2026-11-01 to 2026-11-07")
    run(capsys, "brief", "add", ws, "1", str(fact), str(figure))
    expected = [
        {"date": "2026-10-31", "tag": figure, "article": 1, "text": FIGURE},  # the date in its sentence
        {"date": "2026-11-05", "tag": fact, "article": 1, "text": FACT},  # its article's publication
    ]
    assert json.loads(run(capsys, "timeline", ws, "--brief", "1", "--json")) == expected
    everything = json.loads(run(capsys, "timeline", ws, "--json"))
    assert [e["tag"] for e in everything] == [figure, date, fact]
    assert "(before the period)" in run(capsys, "timeline", ws, "--brief", "1").splitlines()[0]
    with Workspace.open(Path(ws), readonly=True) as opened:
        first, second = timeline(opened, 1)
    assert (first.happened, first.published, first.before_period) == ("2026-10-31", "2026-11-05", True)
    assert (second.happened, second.before_period) == (None, False)


def test_the_text_output_names_each_items_outlet_and_title(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "article", "set", ws, "1", "published=2026-11-05", "outlet=The Kyiv Independent",
        "title=Ukraine mobilizes\namid Russian gains and North Korean troop deployments")
    fact = _tag(capsys, ws, "fact", FACT)
    lines = run(capsys, "timeline", ws).splitlines()
    source = "a1 The Kyiv Independent: Ukraine mobilizes amid Russian gains…"  # one line, cut between words
    assert lines == [f"2026-11-05        t{fact:<6} {FACT:50}  {source}"]
    assert json.loads(run(capsys, "timeline", ws, "--json")) == [  # the JSON keeps its shape
        {"date": "2026-11-05", "tag": fact, "article": 1, "text": FACT}]


def test_period_start() -> None:
    assert period_start("2026-11-25 to 2026-12-01") == "2026-11-25"
    assert period_start("last week") is None  # nothing to count back from
    assert period_start("10-21 November 2026") == "2026-11-10"  # a range of days begins on its first
    assert period_start("3\u20139 Nov 2026") == "2026-11-03"
    assert period_start("November 2026") == "2026-11"
    issued = "2026-12-04T10:00:00+00:00"
    assert period_start("last week", issued) == "2026-11-23"  # that week's Monday
    assert period_start("25 November to 1 December", issued) == "2026-11-25"
    assert period_start("25 November to 1 December 2026") is None  # its start has no year: unknown
    assert period_start("the situation now") is None


def test_a_period_in_words_flags_older_items(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "article", "set", ws, "1", "published=2026-11-05")
    fact = _tag(capsys, ws, "fact", FACT)
    figure = _tag(capsys, ws, "figure", FIGURE)
    _tag(capsys, ws, "date", DATE, "--attr", "iso=2026-10-31")
    run(capsys, "brief", "new", ws, "--title", "SITREP", "--period", "1-7 November 2026")
    run(capsys, "brief", "add", ws, "1", str(fact), str(figure))
    lines = run(capsys, "timeline", ws, "--brief", "1").splitlines()
    assert [line.endswith("(before the period)") for line in lines] == [True, False]
    with Workspace.open(Path(ws), readonly=True) as opened:
        assert [e.before_period for e in timeline(opened, 1)] == [True, False]
    run(capsys, "brief", "set", ws, "1", "period=October and November 2026")
    with Workspace.open(Path(ws), readonly=True) as opened:
        assert [e.before_period for e in timeline(opened, 1)] == [False, False]


def test_the_sitrep_shows_the_timeline(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "article", "set", ws, "1", "published=2026-11-05")
    figure = _tag(capsys, ws, "figure", FIGURE)
    _tag(capsys, ws, "date", DATE, "--attr", "iso=2026-10-31")
    run(capsys, "brief", "new", ws, "--title", "SITREP", "--period", "2026-11-01 to 2026-11-07")
    run(capsys, "brief", "add", ws, "1", str(figure))
    out = tmp_path / "brief.md"
    run(capsys, "render", ws, "1", "--format", "md", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "## Timeline" in text
    assert "| 31 Oct 2026 (before the period) | 478 square kilometers | [^1] |" in text
