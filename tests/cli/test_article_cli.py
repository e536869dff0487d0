"""The analyst puts sources right: ``article set``, ``article remove``, ``brief note``, end to end."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import docx
import pytest

from briefer.cli import main
from briefer.demo import ensure_demo
from tests.cli.test_briefs_cli import QUOTE, run
from tests.render.docx_helpers import footnote_texts

if TYPE_CHECKING:
    from pathlib import Path


def fail(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must fail; return its one error line."""
    assert main(list(argv)) != 0
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert "Traceback" not in err
    return err


def _brief_with_quote(capsys: pytest.CaptureFixture[str], ws: str) -> tuple[int, int]:
    tag = json.loads(run(capsys, "tag", "add", ws, "1", "--kind", "quote", "--text", QUOTE,
                         "--speaker", "Volodymyr Zelensky", "--json"))["id"]
    brief = json.loads(run(capsys, "brief", "new", ws, "--title", "Ukraine SITREP", "--json"))["id"]
    run(capsys, "brief", "add", ws, str(brief), str(tag))
    return brief, tag


def test_set_corrects_metadata_and_the_citation_follows(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    brief, _ = _brief_with_quote(capsys, ws)
    out = run(capsys, "article", "set", ws, "1", "outlet=Kyiv Independent", "author=Olena Petrenko",
              "published=2026-11-28", "url=https://kyivindependent.com/mobilization",
              "language=uk-UA", "grade=b", "title=Ukraine mobilizes")
    assert out.startswith("Updated article 1")
    shown = json.loads(run(capsys, "show", ws, "1", "--json"))
    assert {k: shown[k] for k in ("title", "outlet", "author", "published", "url", "language", "grade")} == {
        "title": "Ukraine mobilizes", "outlet": "Kyiv Independent", "author": "Olena Petrenko",
        "published": "2026-11-28", "url": "https://kyivindependent.com/mobilization",
        "language": "uk-UA", "grade": "B"}
    path = tmp_path / "brief.docx"
    run(capsys, "render", ws, str(brief), "--format", "docx", "-o", str(path))
    note = footnote_texts(path)[0]
    assert "Kyiv Independent" in note
    assert "Ukraine mobilizes" in note
    markdown = tmp_path / "brief.md"
    run(capsys, "render", ws, str(brief), "--format", "md", "-o", str(markdown))
    quoted = next(line for line in markdown.read_text(encoding="utf-8").splitlines() if "Zelensky" in line)
    assert quoted.endswith("[^1] [B]")  # the source's grade beside its citation

    run(capsys, "article", "set", ws, "1", "grade=none", "published=2026-11-28T09:30+02:00")
    shown = json.loads(run(capsys, "show", ws, "1", "--json"))
    assert (shown["grade"], shown["published"]) == (None, "2026-11-28T09:30:00+02:00")


@pytest.mark.parametrize(("pair", "field"), [
    ("published=28 Nov", "published"), ("grade=G", "grade"), ("url=kyiv.example", "url"),
    ("language=Ukrainian!", "language"), ("title=", "title"), ("colour=red", "colour"),
])
def test_a_bad_value_is_one_line_naming_the_field(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  pair: str, field: str) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    before = json.loads(run(capsys, "show", ws, "1", "--json"))
    err = fail(capsys, "article", "set", ws, "1", "outlet=Changed", pair)
    assert err.startswith(f"briefer: error: {field}") or f"field '{field}'" in err
    assert json.loads(run(capsys, "show", ws, "1", "--json")) == before  # nothing stored


def test_remove_refuses_while_a_brief_uses_it_unless_forced(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    brief, _ = _brief_with_quote(capsys, ws)
    err = fail(capsys, "article", "remove", ws, "1")
    assert f"brief {brief} (Ukraine SITREP)" in err
    assert json.loads(run(capsys, "list", ws, "--json"))[0]["id"] == 1
    out = run(capsys, "article", "remove", ws, "1", "--force")
    assert out == "Removed article 1 (1 tags, 1 brief items)\n"
    assert json.loads(run(capsys, "list", ws, "--json")) == []
    assert json.loads(run(capsys, "brief", "show", ws, str(brief), "--json"))["items"] == []
    assert "no such article" in fail(capsys, "article", "remove", ws, "1")


def test_an_analyst_note_is_marked_and_never_cited(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    brief, _ = _brief_with_quote(capsys, ws)
    point = "Mobilisation will not change the front line before spring."
    assert run(capsys, "brief", "note", ws, str(brief), "outlook", point).startswith("Added note")
    assert "is not a section of template sitrep" in fail(capsys, "brief", "note", ws, str(brief),
                                                         "nowhere", point)
    items = json.loads(run(capsys, "brief", "show", ws, str(brief), "--json"))["items"]
    assert [(i["kind"], i["section"], i["text"]) for i in items if i["kind"] == "note"] == [
        ("note", "outlook", point)]
    for fmt in ("md", "html", "docx"):
        path = tmp_path / f"brief.{fmt}"
        run(capsys, "render", ws, str(brief), "--format", fmt, "-o", str(path))
        if fmt == "docx":
            lines = [p.text for p in docx.Document(str(path)).paragraphs]
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
        line = next(text for text in lines if point in text)
        assert "Analyst" in line
        assert "[^" not in line
        assert "<sup" not in line
