"""End-to-end command line over workspaces and tags (real files, real subprocess-free runs)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from briefer.cli import main

if TYPE_CHECKING:
    from pathlib import Path

QUOTE = "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "demo.briefer")
    assert run(capsys, "init", path)[0] == 0
    assert run(capsys, "import", path, str(sample_path))[0] == 0
    return path


def test_tag_the_zelensky_quote_by_its_words_in_one_command(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "tag", "add", demo, "1", "--kind", "quote", "--text", QUOTE,
                       "--speaker", "Volodymyr Zelensky", "--attr", "role=Ukrainian President", "--json")
    assert code == 0
    tag = json.loads(out)
    assert tag["kind"] == "quote"
    assert tag["text"] == QUOTE
    assert (tag["speaker"], tag["role"]) == ("Volodymyr Zelensky", "Ukrainian President")

    code, out, _ = run(capsys, "show", demo, "1", "--json")
    article = json.loads(out)
    assert article["text"][tag["start"] : tag["end"]] == QUOTE

    code, out, _ = run(capsys, "tag", "list", demo, "1", "--json")
    listed = json.loads(out)
    assert [(t["id"], t["kind"], t["start"], t["end"], t["text"], t["speaker"]) for t in listed] == [
        (tag["id"], "quote", tag["start"], tag["end"], QUOTE, "Volodymyr Zelensky")]


def test_tag_by_offsets_and_number_attribute(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", demo, "1", "--json")
    text = json.loads(out)["text"]
    start = text.index("160,000")
    code, out, _ = run(capsys, "tag", "add", demo, "1", "--kind", "figure", "--start", str(start),
                       "--end", str(start + 7), "--attr", "value=160,000", "--attr", "unit=personnel",
                       "--json")
    assert code == 0
    tag = json.loads(out)
    assert (tag["text"], tag["value"], tag["unit"], tag["speaker"]) == ("160,000", 160000, "personnel", None)


def test_nth_occurrence_and_removal(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "tag", "add", demo, "1", "--kind", "person", "--text", "Zelensky",
                       "--nth", "2", "--json")
    tag = json.loads(out)
    _code, out, _ = run(capsys, "show", demo, "1", "--json")
    text = json.loads(out)["text"]
    first = text.index("Zelensky")
    assert tag["start"] == text.index("Zelensky", first + 1)
    assert run(capsys, "tag", "remove", demo, str(tag["id"]))[0] == 0
    assert json.loads(run(capsys, "tag", "list", demo, "--json")[1]) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kind", "rumour", "--text", "Kyiv"], "kind 'rumour': not in the taxonomy"),
        (["--kind", "location", "--text", "Atlantis"], "'Atlantis': does not occur in the article"),
        (["--kind", "location", "--text", "Kyiv", "--nth", "5"], "occurs 1 time(s), not 5"),
        (["--kind", "location", "--start", "5", "--end", "2"], "offsets 5-2: must satisfy"),
        (["--kind", "location"], "give --text, or both --start and --end"),
        (["--kind", "figure", "--text", "Kyiv", "--attr", "value=many"], "value=many: is not a number"),
    ],
)
def test_tag_errors_are_one_clear_line(
    demo: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "tag", "add", demo, "1", *argv)
    assert code == 1
    assert out == ""
    assert err.startswith("briefer: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_missing_article_and_workspace(tmp_path: Path, demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", demo, "42")
    assert (code, err) == (1, "briefer: error: article 42: no such article in this workspace\n")
    missing = tmp_path / "nope.briefer"
    code, _, err = run(capsys, "list", str(missing))
    assert code == 1
    assert err == f"briefer: error: {missing}: no such workspace (create one with 'briefer init')\n"
    assert not missing.exists()


def test_debug_shows_the_traceback(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    from briefer.errors import NotFound

    with pytest.raises(NotFound):
        main(["--debug", "show", demo, "42"])


def test_list_show_and_search(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "list", demo, "--json")
    rows = json.loads(out)
    title = "Ukraine Mobilizes Amidst Russian Gains and North Korean Troop Deployment"
    assert rows == [{"id": 1, "title": title, "outlet": None, "published": None, "tags": 0,
                     "grade": None, "near_duplicate_of": None}]
    _code, out, _ = run(capsys, "show", demo, "1", "--json")
    shown = json.loads(out)
    assert set(shown) == {"id", "file", "title", "author", "outlet", "url", "published", "language",
                          "text", "grade", "near_duplicate_of", "similarity", "tlp"}
    assert shown["file"] == "ukraine-mobilizes.txt"
    assert shown["text"].startswith("In a significant escalation")
    _code, out, _ = run(capsys, "search", demo, "Vladivostok", "--json")
    hits = json.loads(out)
    assert [h["id"] for h in hits] == [1]
    assert "[Vladivostok]" in hits[0]["snippet"]
    _code, out, _ = run(capsys, "search", demo, "Vladivostok")
    assert "[Vladivostok]" in out
