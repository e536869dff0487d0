"""The DOCX writer: Word structures a reader (and Word) relies on, from Markdown."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import docx
import pytest
from docx.shared import RGBColor

from briefer.errors import InvalidInput
from briefer.render.docx import DocMeta, build_document
from briefer.render.escape import comment_marker
from briefer.render.tree import parse
from tests.render.docx_helpers import NS, footnote_texts, part_names, part_xml

if TYPE_CHECKING:
    from pathlib import Path

    from lxml import etree

WHEN = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)
META = DocMeta("Brief", "J. Analyst", "TLP:RED", WHEN, WHEN)
SAMPLE = f"""# Title

Intro with a [link](https://example.org/a?b=1) and a note.[^1]

- one{comment_marker("check this")}
  1. nested a
  2. nested b
- two

3. three
4. four

> A quoted line.

| Name | Count |
|---|---:|
| a | 1 |

[^1]: A source, <https://example.org/src>.
"""


def _save(markdown: str, tmp_path: Path, meta: DocMeta = META, reference: Path | None = None) -> Path:
    out = tmp_path / "out.docx"
    build_document(parse(markdown), meta, reference).save(str(out))
    return out


def test_styles_lists_and_nesting(tmp_path: Path) -> None:
    out = _save(SAMPLE, tmp_path)
    document = docx.Document(str(out))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "Title")
    assert ("List Bullet", "one") in styles
    assert ("List Number", "nested a") in styles
    assert ("Quote", "A quoted line.") in styles
    body = part_xml(out, "word/document.xml")
    levels = {p.xpath("string(.)"): p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS)
              for p in body.xpath("//w:p[w:pPr/w:numPr]", namespaces=NS)}
    assert levels == {"one": "0", "nested a": "1", "nested b": "1", "two": "0", "three": "0", "four": "0"}
    numbering = part_xml(out, "word/numbering.xml")
    starts = numbering.xpath("//w:num/w:lvlOverride/w:startOverride/@w:val", namespaces=NS)
    assert "3" in starts  # the ordered list starting at 3 keeps its start


def test_real_footnotes_and_hyperlinks(tmp_path: Path) -> None:
    out = _save(SAMPLE, tmp_path)
    assert "word/footnotes.xml" in part_names(out)
    assert footnote_texts(out) == ["A source, https://example.org/src."]
    body = part_xml(out, "word/document.xml")
    assert body.xpath("count(//w:footnoteReference)", namespaces=NS) == 1
    settings = part_xml(out, "word/settings.xml")
    assert settings.xpath("count(//w:footnotePr/w:footnote)", namespaces=NS) == 2
    document = docx.Document(str(out))
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert "https://example.org/a?b=1" in targets
    link_style = body.xpath("string(//w:hyperlink/w:r/w:rPr/w:rStyle/@w:val)", namespaces=NS)
    assert link_style == "Hyperlink"


def test_table_has_a_repeating_header_row(tmp_path: Path) -> None:
    out = _save(SAMPLE, tmp_path)
    table = docx.Document(str(out)).tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells] == ["Name", "Count"]
    rows = part_xml(out, "word/document.xml").xpath("//w:tr", namespaces=NS)
    assert rows[0].xpath("boolean(w:trPr/w:tblHeader)", namespaces=NS)
    assert not rows[1].xpath("boolean(w:trPr/w:tblHeader)", namespaces=NS)


def test_marking_on_every_page_and_page_numbers(tmp_path: Path) -> None:
    out = _save(SAMPLE, tmp_path)
    section = docx.Document(str(out)).sections[0]
    header_run = section.header.paragraphs[0].runs[0]
    assert header_run.text.strip() == "TLP:RED"
    assert header_run.font.color.rgb == RGBColor(0xFF, 0x2B, 0x2B)
    assert "TLP:RED" in section.footer.paragraphs[0].text
    assert "".join(section.footer.paragraphs[1]._p.xpath(".//w:t/text()")) == "Page 1 of 1"
    instructions = section.footer._element.xpath(".//w:fldSimple/@w:instr")
    assert any("PAGE" in i for i in instructions)
    assert any("NUMPAGES" in i for i in instructions)


def test_comments_carry_analyst_notes_or_are_left_out(tmp_path: Path) -> None:
    out = _save(SAMPLE, tmp_path)
    comments = docx.Document(str(out)).comments
    [comment] = list(comments)
    assert comment.text == "check this"
    assert comment.author == "J. Analyst"
    assert comment.timestamp == WHEN
    body = part_xml(out, "word/document.xml")
    assert body.xpath("string(//w:p[w:commentRangeStart])", namespaces=NS) == "one"
    # ids apart from the footnotes' (LibreOffice mixes up notes when they overlap)
    note_ids = part_xml(out, "word/footnotes.xml").xpath("//w:footnote/@w:id", namespaces=NS)
    assert int(comment.comment_id) > max(int(i) for i in note_ids)
    quiet = DocMeta("Brief", "J. Analyst", "TLP:RED", WHEN, WHEN, comments=False)
    out = _save(SAMPLE, tmp_path, quiet)
    assert "word/comments.xml" not in part_names(out)
    assert "check this" not in "".join(part_xml(out, "word/document.xml").itertext())


def test_comments_on_one_paragraph_are_one_comment_a_line_each(tmp_path: Path) -> None:
    plain = _save("No comment here.\n", tmp_path)
    assert "word/comments.xml" not in part_names(plain)
    two_lines = comment_marker("second\nline")
    marked = f"- a{comment_marker('first')}{two_lines}\n- b{comment_marker('third')}\n"
    comments = list(docx.Document(str(_save(marked, tmp_path))).comments)
    assert [c.text for c in comments] == ["first\nsecond\nline", "third"]
    assert [c.initials for c in comments] == ["JA", "JA"]
    assert comments[1].comment_id == comments[0].comment_id + 1


def test_core_properties_are_deterministic(tmp_path: Path) -> None:
    first = _save(SAMPLE, tmp_path).read_bytes()
    core = docx.Document(str(tmp_path / "out.docx")).core_properties
    assert (core.title, core.author, core.created) == ("Brief", "J. Analyst", WHEN)
    assert _save(SAMPLE, tmp_path).read_bytes() == first


def test_xml_illegal_characters_do_not_crash(tmp_path: Path) -> None:
    meta = DocMeta("Bad\x01title\x0b", "A\x00uthor", "TLP:CLEAR\x1f", WHEN, WHEN)
    out = _save("# Ti\x02tle\n\nText \x0c with \x1b controls \ufffe.\n", tmp_path, meta)
    text = "".join(part_xml(out, "word/document.xml").itertext())
    assert "Title" in text
    assert "\x0c" not in text
    assert docx.Document(str(out)).core_properties.title == "Badtitle"


def test_user_reference_document_restyles_the_brief(tmp_path: Path) -> None:
    house = docx.Document()
    house.styles["Heading 1"].font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    house.add_paragraph("house body text that must not survive")
    house_path = tmp_path / "house.docx"
    house.save(str(house_path))
    out = _save("# T\n\n## Section\n\nBody.[^1]\n\n[^1]: Note.\n", tmp_path, reference=house_path)
    document = docx.Document(str(out))
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0x12, 0x34, 0x56)
    assert [p.text for p in document.paragraphs] == ["T", "Section", "Body."]
    assert document.styles["footnote text"] is not None  # added where the house document lacks it
    assert footnote_texts(out) == ["Note."]


def test_unreadable_reference_document_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "house.docx"
    bad.write_text("not a zip")
    with pytest.raises(InvalidInput, match=r"house\.docx: damaged or truncated Word file"):
        _save("# T\n", tmp_path, reference=bad)


CITED_AGAIN = """# T

First claim.[^2] Second claim.[^1]

- Again the first source.[^2]
- And the second, twice.[^1][^1]

| Claim | Source |
|---|---|
| a | [^2] |

[^1]: Source one.
[^2]: Source two.
"""


def test_a_source_cited_again_is_a_cross_reference_to_its_one_footnote(tmp_path: Path) -> None:
    out = _save(CITED_AGAIN, tmp_path)
    assert footnote_texts(out) == ["Source two.", "Source one."]  # numbered by first citation
    body = part_xml(out, "word/document.xml")
    references = body.xpath("//w:footnoteReference", namespaces=NS)
    assert [r.get(f"{{{NS['w']}}}id") for r in references] == ["1", "2"]
    bookmarks = {}
    for reference in references:
        start = reference.getparent().getprevious()
        assert start.tag == f"{{{NS['w']}}}bookmarkStart"
        assert reference.getparent().getnext().get(f"{{{NS['w']}}}id") == start.get(f"{{{NS['w']}}}id")
        bookmarks[start.get(f"{{{NS['w']}}}name")] = reference.get(f"{{{NS['w']}}}id")
    fields = _noteref_fields(body)
    # every later citation: NOTEREF to the first one's bookmark, showing its number, superscript
    shown = [(bookmarks[name], number) for name, number in fields]
    assert shown == [("1", "1"), ("2", "2"), ("2", "2"), ("1", "1")]


def _noteref_fields(body: etree._Element) -> list[tuple[str, str]]:
    """(bookmark, shown number) of each NOTEREF field, checking its form and style."""
    fields = []
    for instruction in body.xpath("//w:instrText[contains(., 'NOTEREF')]", namespaces=NS):
        words = instruction.text.split()
        assert words[0] == "NOTEREF", instruction.text
        assert words[2:] == ["\\f", "\\h"], instruction.text
        run = instruction.getparent()
        result = run.getnext().getnext()
        assert run.getprevious().xpath("string(w:fldChar/@w:fldCharType)", namespaces=NS) == "begin"
        assert run.getnext().xpath("string(w:fldChar/@w:fldCharType)", namespaces=NS) == "separate"
        assert result.getnext().xpath("string(w:fldChar/@w:fldCharType)", namespaces=NS) == "end"
        assert result.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS) == "FootnoteReference"
        fields.append((words[1], result.xpath("string(w:t)", namespaces=NS)))
    return fields


def test_marks_side_by_side_are_separated_so_they_do_not_read_as_one_number(tmp_path: Path) -> None:
    out = _save("Twelve were killed.[^1][^2][^1] Forty, said another.[^2]\n\n[^1]: One.\n\n[^2]: Two.\n",
                tmp_path)
    paragraph = part_xml(out, "word/document.xml").xpath("//w:body/w:p[1]", namespaces=NS)[0]
    shown = "".join(
        node.get(f"{{{NS['w']}}}id") if node.tag.endswith("footnoteReference") else node.text
        for node in paragraph.xpath(".//w:t | .//w:footnoteReference", namespaces=NS)
    )
    assert shown == "Twelve were killed.1,2,1 Forty, said another.2"
