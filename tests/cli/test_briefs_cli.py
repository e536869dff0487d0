"""The brief, templates and render commands, end to end through ``briefer.cli.main``."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import docx
import markdown
import pytest
from lxml import html as lxml_html

from briefer.cli import main
from briefer.demo import ensure_demo
from briefer.render import user_templates_dir
from tests.render.docx_helpers import footnote_texts

if TYPE_CHECKING:
    from pathlib import Path

QUOTE = "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."
TITLE = "Ukraine Mobilizes Amidst Russian Gains and North Korean Troop Deployment"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the command line; return what it printed (fail on a non-zero status)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def _text(fragment: str) -> str:
    return " ".join(lxml_html.fromstring(f"<div>{fragment}</div>").text_content().split())


def test_done_when_zelensky_quote_and_figures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    tags = [
        json.loads(run(capsys, "tag", "add", ws, "1", "--kind", "quote", "--text", QUOTE,
                       "--speaker", "Volodymyr Zelensky", "--json"))["id"],
        json.loads(run(capsys, "tag", "add", ws, "1", "--kind", "figure", "--text", "160,000 personnel",
                       "--attr", "value=160000", "--json"))["id"],
        json.loads(run(capsys, "tag", "add", ws, "1", "--kind", "figure", "--text", "478 square kilometers",
                       "--attr", "value=478", "--attr", "unit=km²", "--json"))["id"],
    ]
    brief = json.loads(run(capsys, "brief", "new", ws, "--title", "Ukraine SITREP", "--marking", "TLP:AMBER",
                           "--json"))["id"]
    run(capsys, "brief", "add", ws, str(brief), *map(str, tags))
    outputs = {fmt: tmp_path / f"brief.{fmt}" for fmt in ("docx", "md", "html")}
    for fmt, path in outputs.items():
        assert run(capsys, "render", ws, str(brief), "--format", fmt, "-o", str(path)) == f"Wrote {path}\n"

    document = docx.Document(str(outputs["docx"]))
    attributed = [p.text for p in document.paragraphs if "Volodymyr Zelensky" in p.text]
    assert any(QUOTE in text for text in attributed)
    assert footnote_texts(outputs["docx"])
    assert all(TITLE in note for note in footnote_texts(outputs["docx"]))
    section = document.sections[0]
    assert "TLP:AMBER" in section.header.paragraphs[0].text
    assert "TLP:AMBER" in section.footer.paragraphs[0].text

    md = outputs["md"].read_text()
    md_text = _text(markdown.markdown(md, extensions=["footnotes", "tables"]))
    html_text = _text(re.sub(r"(?s).*<body>|</body>.*", "", outputs["html"].read_text()))
    for needle in ("Volodymyr Zelensky", QUOTE, "160,000 personnel", "478 square kilometers", "478 km²",
                   TITLE, "TLP:AMBER"):
        assert needle in md_text
        assert needle in html_text
    docx_text = " ".join(p.text for p in document.paragraphs) + " ".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "160,000 personnel" in docx_text
    assert "478 square kilometers" in docx_text


def test_brief_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "tag", "add", ws, "1", "--kind", "fact", "--text", "Russia seized the crucial mining hub")
    assert run(capsys, "brief", "new", ws, "--title", "First") == "1\n"
    assert run(capsys, "brief", "auto", ws, "1") == "Added 1 item(s) to brief 1\n"
    run(capsys, "brief", "set", ws, "1", "marking=tlp:green", "dtg=011200ZDEC26", "bluf=**Key**")
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    assert (shown["marking"], shown["dtg"], shown["bluf"]) == ("TLP:GREEN", "011200ZDEC26", "**Key**")
    [item] = shown["items"]
    assert (item["section"], item["kind"]) == ("situation", "fact")
    run(capsys, "brief", "item", ws, str(item["id"]), "--credibility", "3", "--comment", "verify")
    listed = json.loads(run(capsys, "brief", "list", ws, "--json"))
    assert [(b["id"], b["items"]) for b in listed] == [(1, 1)]
    assert "TLP:GREEN" in run(capsys, "brief", "show", ws, "1")


def test_templates_lists_origins(capsys: pytest.CaptureFixture[str]) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "mine.md.j2").write_text("---\ndescription: Mine\n---\n# {{ brief.title }}\n")
    (folder / "broken.md.j2").write_text("---\nsections: 3\n---\n")
    rows = {r["name"]: r for r in json.loads(run(capsys, "templates", "--json"))}
    assert rows["sitrep"]["origin"] == "built-in"
    assert (rows["mine"]["origin"], rows["mine"]["description"]) == ("user", "Mine")
    assert rows["broken"]["error"].endswith("broken.md.j2:2: 'sections' must be a list")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["brief", "new", "{ws}", "--title", "X", "--template", "nope"], "template 'nope': no such template"),
        (["brief", "set", "{ws}", "1", "marking=TLP:PINK"], "not a TLP 2.0 label"),
        (["brief", "set", "{ws}", "1", "template=nope"], "template 'nope': no such template"),
        (["brief", "add", "{ws}", "1", "1", "--position", "0"], "--position: needs --section"),
        (["render", "{ws}", "9", "--format", "md", "-o", "{out}"], "brief 9: no such brief"),
    ],
)
def test_errors_are_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "brief", "new", ws, "--title", "First")
    status = main([a.format(ws=ws, out=tmp_path / "x.md") for a in argv])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("briefer: error: ")
    assert message in err
    assert err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()


def test_broken_template_names_file_and_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "brief", "new", ws, "--title", "First")
    template = tmp_path / "bad.md.j2"
    template.write_text("---\nname: bad\n---\n# {{ brief.title }}\n{{ brief.nothing.here }}\n")
    out = str(tmp_path / "x.md")
    status = main(["render", ws, "1", "--format", "md", "-o", out, "--template", str(template)])
    assert status == 1
    assert f"{template}:5: " in capsys.readouterr().err


def _sitrep_brief(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, dict[str, int]]:
    """A demo workspace with a sitrep brief: a date, a fact and a quote, auto-filled; item ids by kind."""
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "tag", "add", ws, "1", "--kind", "date", "--text", "October")
    run(capsys, "tag", "add", ws, "1", "--kind", "fact", "--text",
        "Russia seized the crucial mining hub of Selydove")
    run(capsys, "tag", "add", ws, "1", "--kind", "quote", "--text", QUOTE, "--speaker", "Volodymyr Zelensky")
    run(capsys, "brief", "new", ws, "--title", "Order")
    run(capsys, "brief", "auto", ws, "1")
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    return ws, {item["kind"]: item["id"] for item in shown["items"]}


def test_brief_show_lists_sections_in_the_templates_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws, _ = _sitrep_brief(capsys, tmp_path)
    printed = run(capsys, "brief", "show", ws, "1")
    headings = re.findall(r"^\[(\S+)\]", printed, re.M)
    assert headings == ["situation", "statements", "outlook"]  # not alphabetical
    assert "[outlook] Key dates" in printed
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    assert [i["section"] for i in shown["items"]] == ["situation", "statements", "outlook"]


def test_brief_move_puts_an_item_where_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws, items = _sitrep_brief(capsys, tmp_path)
    out = run(capsys, "brief", "move", ws, str(items["date"]), "--to", "situation", "--position", "0")
    assert out.strip() == f"Moved item {items['date']} to situation, position 0"
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    placed = [(i["section"], i["kind"]) for i in shown["items"]]
    assert placed[:2] == [("situation", "date"), ("situation", "fact")]
    run(capsys, "brief", "move", ws, str(items["date"]), "--to", "statements")  # default: the end
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    assert [i["kind"] for i in shown["items"] if i["section"] == "statements"] == ["quote", "date"]
    markdown_out = tmp_path / "brief.md"
    run(capsys, "render", ws, "1", "--format", "md", "-o", str(markdown_out))
    statements = markdown_out.read_text().split("## Key statements")[1].split("##")[0]
    assert "Oct" in statements  # the rendered brief shows the date where it was moved


@pytest.mark.parametrize(("argv", "message"), [
    (("--to", "nowhere"), "section 'nowhere': not in template sitrep (situation, statements"),
    (("--to", "situation", "--position", "5"), "--position 5: must be 0 to 1 in section situation"),
])
def test_brief_move_refuses_in_one_line(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws, items = _sitrep_brief(capsys, tmp_path)
    assert main(["brief", "move", ws, str(items["date"]), *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefer: error: {message}")
    assert len(err.strip().splitlines()) == 1
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    assert [i["section"] for i in shown["items"]] == ["situation", "statements", "outlook"]  # unchanged
