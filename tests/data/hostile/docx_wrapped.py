"""Word documents whose text sits where python-docx's ``.text`` does not look.

Content controls, tracked changes, text boxes, smart tags, simple and complex
fields, custom XML, nested tables and odd grid spans, each as real Word writes
them; plus a document without a body and content types without a namespace.
Built at test time from python-docx's own template.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tests.data.hostile.corpus import Case, write
from tests.data.hostile.docx_cases import _base, _zip

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "docx"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')


def r(text: str) -> str:
    """A run of text."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs: str, style: str = "") -> str:
    """A paragraph of runs (or of any inline XML)."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def tc(inner: str, span: int = 1) -> str:
    """A table cell (spanning ``span`` grid columns)."""
    props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{props}{inner}</w:tc>"


def tbl(*rows: str, columns: int = 2) -> str:
    """A table of rows on a grid of ``columns``."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(columns))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def text_box(text: str) -> str:
    """A run holding a text box, as Word writes it: DrawingML with a VML fallback copy."""
    box = f"<w:txbxContent>{p(r(text))}</w:txbxContent>"
    return (f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
            f"<a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
            f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}"
            f"</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


INNER = tbl(f"<w:tr>{tc(p(r('ministry')))}{tc(p(r('40')))}</w:tr>",
            f"<w:tr>{tc(p(r('monitors')))}{tc(p(r('52')))}</w:tr>")

#: (body XML, the text it must import as): each shape of wrapped text, in reading order.
WRAPPED = {
    "content-control-block": (
        f"<w:sdt><w:sdtPr><w:alias w:val=\"Summary\"/></w:sdtPr><w:sdtContent>"
        f"{p(r('Kyiv said the talks would resume.'))}</w:sdtContent></w:sdt>",
        "Kyiv said the talks would resume."),
    "content-control-inline": (
        p(r("The minister was "),
          f"<w:sdt><w:sdtPr/><w:sdtContent>{r('Denys Shmyhal')}</w:sdtContent></w:sdt>",
          r(", officials said.")),
        "The minister was Denys Shmyhal, officials said."),
    "tracked-changes": (
        p(r("Troops took "), '<w:del w:id="1" w:author="A"><w:r><w:delText>12</w:delText></w:r></w:del>',
          f'<w:ins w:id="2" w:author="A">{r("14")}</w:ins>', r(" villages."),
          '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>'),
        "Troops took 14 villages."),
    "text-box": (
        p(r("The report is below."), text_box("Casualties rose to 40.")) + p(r("After the box.")),
        "The report is below.\n\nCasualties rose to 40.\n\nAfter the box."),
    "smart-tag": (
        p(r("Shelling hit "), f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
          f'w:element="City">{r("Kharkiv")}</w:smartTag>', r(" on Monday.")),
        "Shelling hit Kharkiv on Monday."),
    "fields": (
        p(r("Dated "), f'<w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; ">{r("28 November 2026")}'
          f"</w:fldSimple>", r(", page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("3"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>', r(".")),
        "Dated 28 November 2026, page 3."),
    "custom-xml": (
        f'<w:customXml w:element="briefing">{p(r("Grain exports fell by a third."))}</w:customXml>',
        "Grain exports fell by a third."),
    "hyperlink-and-breaks": (
        p(f'<w:hyperlink w:anchor="x">{r("Read the statement")}</w:hyperlink>', "<w:r><w:br/></w:r>",
          r("in full.")),
        "Read the statement\nin full."),
    "nested-table": (
        tbl(f"<w:tr>{tc(p(r('Region')))}{tc(p(r('Losses')))}</w:tr>",
            f"<w:tr>{tc(p(r('Donetsk')))}{tc(p(r('Two sources:')) + INNER)}</w:tr>"),
        "Region | Losses\nDonetsk | Two sources: ministry, 40; monitors, 52"),
    "odd-grid-span": (
        tbl(f"<w:tr>{tc(p(r('Wide heading')), span=3)}</w:tr>",
            f"<w:tr>{tc(p(r('a')))}{tc(p(r('b')), span=2)}{tc(p(r('overflowing cell')), span=5)}</w:tr>",
            columns=2),
        "Wide heading\na | b | overflowing cell"),
    "content-control-rows-and-cells": (
        tbl(f"<w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtContent>{tc(p(r('Kherson')))}</w:sdtContent></w:sdt>"
            f"{tc(p(r('12 strikes')))}</w:tr></w:sdtContent></w:sdt>"),
        "Kherson | 12 strikes"),
}
HEAD = p(r("Wrapped text"), style="Heading1")


def document(body: str) -> bytes:
    """A whole Word file whose body is ``body`` (after a heading), on python-docx's template."""
    members = _base()
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{HEAD}{body}'
           f"<w:sectPr/></w:body></w:document>")
    members["word/document.xml"] = xml.encode()
    return _zip(members)


def cases(folder: Path) -> Iterator[Case]:
    """Write the wrapped-text documents, one per shape and one with all, and the two malformed ones."""
    for name, (body, expected) in WRAPPED.items():
        write(folder, f"{G}/wrapped-{name}.docx", document(body))
        yield Case(f"{G}/wrapped-{name}.docx", G, "import", "ok", contains=tuple(expected.split("\n")),
                   absent=("moved away", "12 villages", " PAGE "),
                   note=f"text inside {name.replace('-', ' ')}")
    write(folder, f"{G}/wrapped-all.docx", document("".join(body for body, _ in WRAPPED.values())))
    yield Case(f"{G}/wrapped-all.docx", G, "import", "ok",
               contains=tuple(line for _, text in WRAPPED.values() for line in text.split("\n")),
               note="every shape of wrapped text in one document")
    members = _base()
    members["word/document.xml"] = (f'<?xml version="1.0"?><w:document {NS}></w:document>').encode()
    write(folder, f"{G}/no-body.docx", _zip(members))
    yield Case(f"{G}/no-body.docx", G, "import", "error", reason="no body", note="a document without w:body")
    members = _base()
    members["[Content_Types].xml"] = re.sub(rb' xmlns="[^"]*"', b"", members["[Content_Types].xml"])
    write(folder, f"{G}/content-types-no-namespace.docx", _zip(members))
    yield Case(f"{G}/content-types-no-namespace.docx", G, "import", "error", reason="not Office Open XML",
               note="[Content_Types].xml without its namespace")
