"""Word comments carrying the analyst's notes on items, written into the comments part.

python-docx's ``add_comment`` scans every existing comment to number the next
one, so a brief with a comment on each of 5000 items took 13 s; here the ids
are counted. They start after the footnotes' ids: LibreOffice (7.4) gives
footnotes another note's text, or none, when comment and footnote ids overlap.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from briefer.render.docx.xml import qn, sub, text_element, val, xml_text

if TYPE_CHECKING:
    from docx.document import Document

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


class Comments:
    """The document's comments part, created with the first comment."""

    def __init__(
        self, document: Document, author: str, date: dt.datetime, first_id: int,
        text_style: str, reference_style: str,
    ) -> None:
        self._document = document
        self._author = xml_text(author)
        self._initials = _initials(self._author)
        self._date = date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._next_id = first_id
        self._text_style = text_style
        self._reference_style = reference_style
        self._root: etree._Element | None = None
        main = document.part
        for rel_id, rel in list(main.rels.items()):
            if rel.reltype == RELATIONSHIP:  # a reference document's own comments: dropped
                main.drop_rel(rel_id)

    def add(self, paragraph: etree._Element, text: str) -> None:
        """Comment on the whole of ``paragraph`` with ``text`` (one comment paragraph per line)."""
        cid = str(self._next_id)
        self._next_id += 1
        comment = sub(self._part_root(), "w:comment", {
            "w:id": cid, "w:author": self._author, "w:date": self._date, "w:initials": self._initials,
        })
        for number, line in enumerate(text.split("\n")):
            p = sub(comment, "w:p")
            val(sub(p, "w:pPr"), "w:pStyle", self._text_style)
            if number == 0:
                sub(self._reference_run(p), "w:annotationRef")
            text_element(sub(p, "w:r"), line)
        start = etree.Element(qn("w:commentRangeStart"))
        start.set(qn("w:id"), cid)
        properties = paragraph.find(qn("w:pPr"))
        if properties is not None:
            properties.addnext(start)
        else:
            paragraph.insert(0, start)
        sub(paragraph, "w:commentRangeEnd", {"w:id": cid})
        sub(self._reference_run(paragraph), "w:commentReference", {"w:id": cid})

    def _reference_run(self, parent: etree._Element) -> etree._Element:
        run = sub(parent, "w:r")
        val(sub(run, "w:rPr"), "w:rStyle", self._reference_style)
        return run

    def _part_root(self) -> etree._Element:
        if self._root is None:
            self._root = parse_xml(f"<w:comments {nsdecls('w')}/>")
            main = self._document.part
            part = XmlPart(PackURI("/word/comments.xml"), CONTENT_TYPE, self._root, main.package)
            main.relate_to(part, RELATIONSHIP)
        return self._root


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part[:1].isalpha()).upper()[:4] or "A"
