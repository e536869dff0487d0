"""Build ``resources/reference.docx``, the default Word styles of every DOCX brief.

Run ``python -m tools.reference_doc resources/reference.docx`` after
changing the styles here or in :mod:`briefer.render.docx.styles`; the result is
committed. A house reference document made in Word replaces it.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from briefer.atomic import save_atomic
from briefer.render.docx.styles import ensure_styles

if TYPE_CHECKING:
    from docx.document import Document

_FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
#: Word's Calibri; LibreOffice draws it with Carlito, metric-compatible (same widths,
#: same line breaks and page breaks). Courier New likewise with Liberation Mono.
BODY_FONT = "Calibri"
_INK = RGBColor(0x1F, 0x2A, 0x44)


def build_reference_doc() -> Document:
    """A document holding Briefer's styles, A4 page setup and no content."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    ensure_styles(document)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 12.5), ("Heading 3", 11)):
        font = styles[name].font
        font.name = BODY_FONT
        font.size = Pt(size)
        font.bold = True
        font.color.rgb = _INK
    for rfonts in styles.element.iter(qn("w:rFonts")):
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme), None)
    _default_font(document)
    title = styles["Title"].element
    for border in title.findall(f".//{qn('w:pBdr')}"):
        border.getparent().remove(border)
    core = document.core_properties
    core.title, core.author, core.last_modified_by = "Briefer reference document", "Briefer", "Briefer"
    core.created = core.modified = core.last_printed = _FIXED_DATE
    core.revision = 1
    return document


def _default_font(document: Document) -> None:
    """Calibri for any run without a style of its own (the document defaults)."""
    rpr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(key), BODY_FONT)


def main() -> None:
    """Write the reference document to the path given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    save_atomic(args.output, build_reference_doc().save)


if __name__ == "__main__":
    main()
