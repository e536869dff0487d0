"""The five-source brief reads like a report, in every built-in template and format.

Golden Markdown fixes the whole text; the tests below name the points a reader
checks: the analyst's words apart from the sources', dates spelled, actors in
an annex, figure points with their sentence, quotes closed, every footnote
cited, each source listed once, the marking where readers look for it.
"""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING

import docx
import pytest
from lxml import html as lxml_html

from briefer.render.docx.custom import read_custom_properties
from tests.render.docx_helpers import NS, footnote_texts, part_xml
from tests.render.multi_source import NOTE, fill_multi_source_brief
from tests.render.test_golden import TEMPLATES, _compare

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.render import Renderer
    from briefer.workspace import Workspace

_DEFINITION_RE = re.compile(r"^\[\^(\w+)\]:", re.M)
_REFERENCE_RE = re.compile(r"\[\^(\w+)\](?!:)")


@pytest.fixture
def five(demo_ws: Workspace) -> Workspace:
    """``demo_ws`` with the four more sources (briefs are made per test)."""
    return demo_ws


@pytest.mark.parametrize("template", TEMPLATES)
def test_five_source_brief_matches_golden_markdown(
    template: str, five: Workspace, renderer: Renderer
) -> None:
    brief_id = fill_multi_source_brief(five, template)
    _compare(f"multi-{template}.md", renderer.render(five, brief_id).markdown)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_footnote_is_cited_and_the_marking_opens_and_closes(
    template: str, five: Workspace, renderer: Renderer, tmp_path: Path
) -> None:
    brief_id = fill_multi_source_brief(five, template)
    markdown = renderer.render(five, brief_id).markdown
    defined = _DEFINITION_RE.findall(markdown)
    cited = set(_REFERENCE_RE.findall(_DEFINITION_RE.sub("", markdown)))
    assert defined
    assert set(defined) <= cited
    lines = markdown.strip().splitlines()
    assert lines[0] == lines[-1] == "**TLP:AMBER**"
    out = renderer.export(five, brief_id, "docx", tmp_path / "brief.docx")
    assert len(footnote_texts(out)) == len(set(defined))
    body = [p.text for p in docx.Document(str(out)).paragraphs]
    assert not any("TLP:AMBER" in text for text in body)  # once: in the header and footer


def test_sitrep_keeps_the_analysts_words_apart(five: Workspace, renderer: Renderer, tmp_path: Path) -> None:
    brief_id = fill_multi_source_brief(five)
    markdown = renderer.render(five, brief_id).markdown
    dates = markdown.split("## Key dates")[1].split("\n## ")[0]
    assert "likely" not in dates  # the assessment is not among the sources' items
    assessment = markdown.split("## Assessment")[1].split("\n## ")[0]
    assert assessment.strip().startswith("::: analyst\nTalks with the Taliban will **likely**")
    out = renderer.export(five, brief_id, "docx", tmp_path / "brief.docx")
    paragraphs = docx.Document(str(out)).paragraphs
    styles = {p.text: p.style.name for p in paragraphs}
    assert styles["Talks with the Taliban will likely resume within weeks."] == "Analyst Text"
    assert styles[f"Analyst's note: {NOTE}"] == "Analyst Text"
    listed = [p.text for p in paragraphs if p.style.name.startswith("List")]
    assert not any("likely" in text or NOTE in text for text in listed)


def test_dates_are_spelled_and_actors_go_to_the_annex(five: Workspace, renderer: Renderer) -> None:
    brief_id = fill_multi_source_brief(five)
    markdown = renderer.render(five, brief_id).markdown
    assert "- **Wed 20 Nov 2019 (“Wednesday”)**: Two United States service members" in markdown
    situation = markdown.split("## Situation")[1].split("\n## ")[0]
    assert "Taliban[^" not in situation
    assert "Logar" not in situation
    annex = markdown.split("## Annex A: actors and places")[1].split("\n## ")[0]
    assert "| Logar province | Place | [^2] |" in annex
    assert "| Taliban | Organisation | [^2] |" in annex


def test_bluf_memo_points_carry_their_sentence(five: Workspace, renderer: Renderer) -> None:
    brief_id = fill_multi_source_brief(five, "bluf-memo")
    markdown = renderer.render(five, brief_id).markdown
    assert ("1. Roughly **13,000 US troops** remain in Afghanistan, 18 years after Washington invaded"
            in markdown)
    assert not re.search(r"^1\. [\d,]+ \w+\[\^", markdown, re.M)  # no bare figure fragment


def test_quote_digest_closes_a_quote_running_on(five: Workspace, renderer: Renderer) -> None:
    brief_id = fill_multi_source_brief(five, "quote-digest")
    markdown = renderer.render(five, brief_id).markdown
    assert ("said: “**These rioters, they are also criminals. They have to face the consequences of"
            " their acts.**”[^") in markdown


def test_docx_lists_each_source_once_in_a_table(five: Workspace, renderer: Renderer, tmp_path: Path) -> None:
    brief_id = fill_multi_source_brief(five)
    out = renderer.export(five, brief_id, "docx", tmp_path / "brief.docx")
    document = docx.Document(str(out))
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["No.", "Outlet", "Title", "Date", "Grade", "Link"]
    assert [c.text for c in table.rows[2].cells] == [
        "2", "Al Jazeera", "US service members killed in Afghanistan helicopter crash", "20 Nov 2019", "B",
        "aljazeera.com"]
    assert not any(p.style.name == "List Number" for p in document.paragraphs)  # no Sources list
    notes = footnote_texts(out)
    assert notes[1] == ("Al Jazeera, “US service members killed in Afghanistan helicopter crash”,"
                        " 20 November 2019.")
    widths = [int(w) for w in part_xml(out, "word/document.xml").xpath(
        "(//w:tbl)[1]/w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
    assert widths[0] > 2 * widths[2]  # "As reported" is wider than "Source": sized to content
    header_rows = part_xml(out, "word/document.xml").xpath("//w:tr[w:trPr/w:tblHeader]", namespaces=NS)
    assert len(header_rows) == len(document.tables)  # every table's header row repeats on each page


def test_docx_properties_read_back(five: Workspace, renderer: Renderer, tmp_path: Path) -> None:
    brief_id = fill_multi_source_brief(five)
    out = renderer.export(five, brief_id, "docx", tmp_path / "brief.docx")
    with zipfile.ZipFile(out) as archive:
        custom = read_custom_properties(archive.read("docProps/custom.xml"))
    assert custom == {"TLP": "TLP:AMBER", "Marking": "TLP:AMBER", "DTG": "251430ZNOV26",
                      "BriefID": str(brief_id), "BriefVersion": "2026-11-25T14:30:00Z"}
    core = docx.Document(str(out)).core_properties
    assert core.subject == "Situation report, 18-20 November 2019"
    assert core.language == "en-GB"
    assert "Benjamin Netanyahu" in core.keywords.split("; ")
    assert "Logar province" in core.keywords.split("; ")
    lang = part_xml(out, "word/styles.xml").xpath("//w:docDefaults//w:lang/@w:val", namespaces=NS)
    assert lang == ["en-GB"]


def test_html_marking_in_tlp_colours_top_and_bottom_and_on_every_printed_page(
    five: Workspace, renderer: Renderer
) -> None:
    brief_id = fill_multi_source_brief(five)
    page = renderer.render(five, brief_id).html
    tree = lxml_html.fromstring(page)
    banners = tree.xpath("//div[contains(@class, 'marking')]")
    assert [b.get("class") for b in banners] == ["marking top", "marking bottom"]
    assert banners[0] is tree.body[0]
    assert banners[1] is tree.body[-1]
    for banner in banners:
        assert banner.text_content() == "TLP:AMBER"
        assert banner[0].get("style") == "color:#FFC000;background-color:#000000"
    print_css = page.split("@media print")[1]
    assert ".marking { position: fixed;" in print_css  # fixed boxes repeat on every printed page
    assert "prefers-color-scheme: dark" in page
    assert tree.get("lang") == "en-GB"


def test_a_quote_in_another_language_is_marked_as_that_language(
    five: Workspace, renderer: Renderer, tmp_path: Path
) -> None:
    from briefer.model import Article

    text = "Der Kanzler sagte: \u201eWir stehen fest an der Seite der Ukraine.\u201c"
    article = five.articles.add(Article(title="Scholz in Kyjiw", text=text, outlet="Tagesschau",
                                        language="de-DE")).id
    words = "Wir stehen fest an der Seite der Ukraine."
    start = text.index(words)
    five.tags.add(article, "quote", start, start + len(words), attributes={"speaker": "Olaf Scholz"})
    brief_id = fill_multi_source_brief(five)
    out = renderer.export(five, brief_id, "docx", tmp_path / "brief.docx")
    runs = part_xml(out, "word/document.xml").xpath("//w:r[w:t]", namespaces=NS)
    language = {"".join(r.itertext()): r.xpath("string(w:rPr/w:lang/@w:val)", namespaces=NS) for r in runs}
    assert language[f"\u201c{words}\u201d"] == "de-DE"
    assert language["Olaf Scholz"] == ""  # the brief's own language (en-GB, from the styles)
    assert language["Benjamin Netanyahu"] == ""
    markdown = renderer.render(five, brief_id).markdown
    assert f"**Olaf Scholz**: \u201c{words}\u201d[^" in markdown  # no marker left in the .md
