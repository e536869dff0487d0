"""Headers and footers: the brief's marking on every page, and page numbers.

TLP labels are written as the TLP 2.0 standard shows them: bold, in the label's
colour on black. Page numbers are ``PAGE`` / ``NUMPAGES`` fields Word and
LibreOffice fill in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml.ns import qn
from lxml import etree

from briefer.dtg import TLP_COLOURS
from briefer.render.docx.xml import sub, text_element, val

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import _Footer, _Header


def _paragraph(part: _Header | _Footer, style_id: str, *, first: bool) -> etree._Element:
    """An empty paragraph to write in: the part's lone empty one, or a new one."""
    container: etree._Element = part._element
    paragraphs = container.findall(qn("w:p"))
    if len(paragraphs) == 1 and not "".join(paragraphs[0].itertext()).strip():
        p = paragraphs[0]
        for child in list(p):
            p.remove(child)
    else:
        p = etree.Element(qn("w:p"))
        if first:
            container.insert(0, p)
        else:
            container.append(p)
    ppr = sub(p, "w:pPr")
    val(ppr, "w:pStyle", style_id)
    val(ppr, "w:jc", "center")
    return p


def marking_run(p: etree._Element, marking: str) -> None:
    """Append the marking as a bold run, in TLP colours when it is a TLP label."""
    r = sub(p, "w:r")
    rpr = sub(r, "w:rPr")
    sub(rpr, "w:b")
    colour = TLP_COLOURS.get(marking)
    if colour:
        val(rpr, "w:color", colour)
        sub(rpr, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": "000000"})
    text_element(r, f" {marking} " if colour else marking)


def _field(p: etree._Element, instruction: str, placeholder: str) -> None:
    field = sub(p, "w:fldSimple", {"w:instr": f" {instruction} \\* MERGEFORMAT "})
    text_element(sub(field, "w:r"), placeholder)


def _page_number(p: etree._Element) -> None:
    text_element(sub(p, "w:r"), "Page ")
    _field(p, "PAGE", "1")
    text_element(sub(p, "w:r"), " of ")
    _field(p, "NUMPAGES", "1")


def mark_pages(
    document: Document, marking: str, header_style: str, footer_style: str, *, header: bool, footer: bool
) -> None:
    """Put the marking in the header and footer of every page, and page numbers in the footer."""
    even = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        first = section.different_first_page_header_footer
        headers = [section.header, *([section.first_page_header] if first else []),
                   *([section.even_page_header] if even else [])]
        footers = [section.footer, *([section.first_page_footer] if first else []),
                   *([section.even_page_footer] if even else [])]
        for part in headers:
            part.is_linked_to_previous = False
            if header:
                marking_run(_paragraph(part, header_style, first=True), marking)
        for foot in footers:
            foot.is_linked_to_previous = False
            if footer:
                marking_run(_paragraph(foot, footer_style, first=False), marking)
            _page_number(_paragraph(foot, footer_style, first=False))


def mark_body(body: etree._Element, marking: str, style_id: str) -> None:
    """The marking as the body's first paragraph (for a template without header and footer marking)."""
    p = etree.Element(qn("w:p"))
    body.insert(0, p)
    ppr = sub(p, "w:pPr")
    val(ppr, "w:pStyle", style_id)
    val(ppr, "w:jc", "center")
    marking_run(p, marking)
