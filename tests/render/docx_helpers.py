"""Reading produced DOCX files back for tests."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part_xml(path: Path, name: str) -> etree._Element:
    """One XML part of a DOCX, parsed."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def pretty(path: Path, name: str) -> str:
    """One XML part pretty-printed, for golden comparison."""
    return etree.tostring(part_xml(path, name), pretty_print=True, encoding="unicode")


def footnote_texts(path: Path) -> list[str]:
    """The text of each real (non-separator) footnote."""
    root = part_xml(path, "word/footnotes.xml")
    notes = root.xpath("w:footnote[not(@w:type)]", namespaces=NS)
    return ["".join(n.itertext()).strip() for n in notes]


def part_names(path: Path) -> list[str]:
    """The names of the parts in a DOCX."""
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()
