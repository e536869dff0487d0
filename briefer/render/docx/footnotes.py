r"""Real Word footnotes: python-docx has no API, so the part is written here.

The footnotes part (``word/footnotes.xml``) holds the separator footnotes Word
expects (ids -1 and 0) and one ``w:footnote`` per cited note; the document part
relates to it and ``settings.xml`` names the separators.

A note cited again is not a second footnote: as a writer does with Word's
"Insert cross-reference → footnote number", the first citation is the real
footnote, inside a hidden ``_RefN`` bookmark, and every later one is a
``NOTEREF _RefN \f \h`` field (superscript, linked) whose result is the
footnote's number, so the notes list each source once.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from briefer.render.docx.xml import qn, sub, text_element, val

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)
# Children of w:settings that must come after w:footnotePr (schema order), by local name.
_AFTER_FOOTNOTE_PR = frozenset((
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
))


class Footnotes:
    """The document's footnotes part; :meth:`add` appends one footnote."""

    def __init__(self, document: Document, text_style: str, reference_style: str) -> None:
        main = document.part
        for rel_id, rel in list(main.rels.items()):
            if rel.reltype == RELATIONSHIP:  # a reference document's own footnotes: replaced
                main.drop_rel(rel_id)
        element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{_SEPARATORS}</w:footnotes>")
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE, element, main.package)
        main.relate_to(self.part, RELATIONSHIP)
        self._root = element
        self._next_id = 1
        self._text_style = text_style
        self._reference_style = reference_style
        self._cited: dict[str, str] = {}
        self._last_mark: etree._Element | None = None  # the end of the latest citation
        _declare_separators(document)

    def cite(self, parent: etree._Element, key: str, paragraphs: Sequence[etree._Element]) -> None:
        """Cite note ``key`` at the end of ``parent`` (a paragraph or hyperlink).

        The first citation of a key adds its footnote (copies of ``paragraphs``);
        later ones cross-reference it. Marks right after one another are separated by a
        superscript comma (``killed¹,²``), so that they do not read as one number.
        """
        if self._last_mark is not None and len(parent) and parent[-1] is self._last_mark:
            text_element(self._styled_run(parent), ",")
        number = self._cited.get(key)
        if number is not None:
            self._cross_reference(parent, number)
        else:
            number = str(self.add(paragraphs))
            self._cited[key] = number
            sub(parent, "w:bookmarkStart", {"w:id": number, "w:name": f"_Ref{number}"})
            self._styled_run(parent).append(_footnote_reference(number))
            sub(parent, "w:bookmarkEnd", {"w:id": number})
        self._last_mark = parent[-1]

    def _cross_reference(self, parent: etree._Element, number: str) -> None:
        # Footnotes are numbered in document order and added in it, so id == number.
        sub(self._styled_run(parent), "w:fldChar", {"w:fldCharType": "begin"})
        text_element(self._styled_run(parent), f" NOTEREF _Ref{number} \\f \\h ", "w:instrText")
        sub(self._styled_run(parent), "w:fldChar", {"w:fldCharType": "separate"})
        text_element(self._styled_run(parent), number)
        sub(self._styled_run(parent), "w:fldChar", {"w:fldCharType": "end"})

    def _styled_run(self, parent: etree._Element) -> etree._Element:
        run = sub(parent, "w:r")
        val(sub(run, "w:rPr"), "w:rStyle", self._reference_style)
        return run

    def add(self, paragraphs: Sequence[etree._Element]) -> int:
        """Add a footnote holding copies of ``paragraphs``; return its id for the reference."""
        note_id = self._next_id
        self._next_id += 1
        note = sub(self._root, "w:footnote", {"w:id": str(note_id)})
        for paragraph in paragraphs:
            note.append(copy.deepcopy(paragraph))
        if not len(note):
            val(sub(sub(note, "w:p"), "w:pPr"), "w:pStyle", self._text_style)
        first = note[0]
        ppr = first.find(qn("w:pPr"))
        mark = etree.Element(qn("w:r"))
        val(sub(mark, "w:rPr"), "w:rStyle", self._reference_style)
        sub(mark, "w:footnoteRef")
        space = etree.Element(qn("w:r"))
        text_element(space, " ")
        if ppr is not None:
            ppr.addnext(mark)
        else:
            first.insert(0, mark)
        mark.addnext(space)
        return note_id


def _footnote_reference(number: str) -> etree._Element:
    reference = etree.Element(qn("w:footnoteReference"))
    reference.set(qn("w:id"), number)
    return reference


def _declare_separators(document: Document) -> None:
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    for child in settings.iterchildren():
        if etree.QName(child).localname in _AFTER_FOOTNOTE_PR:
            child.addprevious(footnote_pr)
            return
    settings.append(footnote_pr)
