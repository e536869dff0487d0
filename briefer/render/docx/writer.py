"""Walks the parsed Markdown tree and writes WordprocessingML body elements.

Block mapping: ``#`` → Title, ``##`` → Heading 1, ``###`` → Heading 2, deeper →
Heading 3; paragraphs → Normal; list items → List Bullet / List Number with
real numbering (nested lists one level deeper); block quotes → Quote; code →
Macro Text; tables → Table Grid with a repeating header row; footnote
references → real footnotes (one per note; a note cited again is a
cross-reference to it). Elements are built with lxml directly and style ids
are resolved once, which keeps a 5000-item brief well under pandoc's time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefer.render.docx.xml import qn, sub, text_element, val, xml_text
from briefer.render.escape import LANG_END, MARKER_RE, decode_comment
from briefer.render.links import allowed_href

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docx.document import Document
    from docx.opc.part import Part

    from briefer.render.docx.comments import Comments
    from briefer.render.docx.footnotes import Footnotes
    from briefer.render.docx.numbering import Numbering
    from briefer.render.docx.styles import StyleIds
    from briefer.render.tree import Node

_HEADINGS = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2"}
_ALIGN = {"text-align:right": "right", "text-align:center": "center", "text-align:left": "left"}
_MONO = "Courier New"
_CONTAINERS = {"container_analyst": "Analyst Text"}
# Column widths follow the cells' text (in characters of about 100 twips at 11 pt).
_MIN_CHARS, _MAX_CHARS, _MAX_WORD, _SHORT_CELL, _PAD_CHARS, _CHAR_TWIPS = 2, 80, 24, 12, 3, 110


class Format(NamedTuple):
    """Character formatting in effect while writing runs."""

    bold: bool = False
    italic: bool = False
    code: bool = False
    style: str | None = None


class BodyWriter:
    """Writes one parsed tree into a document whose styles, numbering and footnotes are ready."""

    def __init__(
        self, document: Document, styles: StyleIds, numbering: Numbering, footnotes: Footnotes,
        comments: Comments | None, text_width: int,
    ) -> None:
        self._document = document
        self._styles = styles
        self._numbering = numbering
        self._footnotes = footnotes
        self._comments = comments
        self._text_width = text_width
        self._notes: dict[str, list[etree._Element]] = {}
        self._pending_comments: list[str] = []
        self._language: str | None = None  # of the text being written, when not the document's

    # -- blocks -------------------------------------------------------------

    def write(self, root: Node, body: etree._Element) -> None:
        """Append the tree's blocks to ``body`` (before its final ``w:sectPr``)."""
        for node in root.children:
            if node.type == "footnote_block":
                self._collect_notes(node)
        section = body.find(qn("w:sectPr"))
        if section is not None:
            body.remove(section)
        self._blocks(root.children, body, self._document.part, None, 0)
        if section is not None:
            body.append(section)

    def _collect_notes(self, block: Node) -> None:
        holder = etree.Element(qn("w:body"))
        for note in block.children:
            start = len(holder)
            self._blocks(note.children, holder, self._footnotes.part, "Footnote Text", 0)
            self._notes[str(note.meta.get("id"))] = list(holder)[start:]

    def _blocks(
        self, nodes: Iterable[Node], container: etree._Element, part: Part,
        style: str | None, depth: int,
    ) -> None:
        for node in nodes:
            kind = node.type
            if kind == "paragraph":
                self._paragraph(container, style or "Normal", node.children, part)
            elif kind == "heading":
                self._paragraph(container, _HEADINGS.get(node.tag, "Heading 3"), node.children, part)
            elif kind in ("bullet_list", "ordered_list"):
                self._list(node, container, part, style, depth)
            elif kind == "blockquote":
                self._blocks(node.children, container, part, "Quote", depth)
            elif kind.startswith("container_"):
                self._blocks(node.children, container, part, style or _CONTAINERS.get(kind), depth)
            elif kind in ("fence", "code_block"):
                for line in node.content.rstrip("\n").split("\n"):
                    p = self._new_paragraph(container, "Macro Text")
                    text_element(sub(p, "w:r"), line)
            elif kind == "hr":
                p = self._new_paragraph(container, style or "Normal")
                border = sub(sub(p[0], "w:pBdr"), "w:bottom")
                for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
                    border.set(qn(key), value)
            elif kind == "table":
                self._table(node, container, part)
            elif kind == "footnote_block":
                continue
            elif node.children:
                self._blocks(node.children, container, part, style, depth)

    def _new_paragraph(self, container: etree._Element, style: str) -> etree._Element:
        p = sub(container, "w:p")
        val(sub(p, "w:pPr"), "w:pStyle", self._styles[style])
        return p

    def _paragraph(
        self, container: etree._Element, style: str, inlines: list[Node], part: Part,
        numbering: tuple[int, int] | None = None,
    ) -> etree._Element:
        p = self._new_paragraph(container, style)
        if numbering is not None:
            num_pr = sub(p[0], "w:numPr")
            val(num_pr, "w:ilvl", str(numbering[1]))
            val(num_pr, "w:numId", str(numbering[0]))
        for inline in inlines:
            self._runs(inline.children, p, part, Format())
        if self._pending_comments:
            self._comment(p, self._pending_comments)
            self._pending_comments = []
        return p

    def _list(
        self, node: Node, container: etree._Element, part: Part, style: str | None, depth: int
    ) -> None:
        ordered = node.type == "ordered_list"
        level = min(depth, 8)
        start = int(node.attrs.get("start", 1) or 1) if ordered else 1
        num_id = self._numbering.new_list(ordered, level, start)
        list_style = "List Number" if ordered else "List Bullet"
        for item in node.children:
            numbered = False
            for child in item.children:
                if child.type == "paragraph" and not numbered:
                    self._paragraph(container, style or list_style, child.children, part, (num_id, level))
                    numbered = True
                elif child.type == "paragraph":
                    self._paragraph(container, "List Continue", child.children, part)
                else:
                    self._blocks([child], container, part, style, depth + 1)

    def _table(self, node: Node, container: etree._Element, part: Part) -> None:
        rows = [(section.type == "thead", row) for section in node.children for row in section.children]
        columns = max((len(row.children) for _, row in rows), default=1) or 1
        tbl = sub(container, "w:tbl")
        tbl_pr = sub(tbl, "w:tblPr")
        val(tbl_pr, "w:tblStyle", self._styles["Table Grid"])
        sub(tbl_pr, "w:tblW", {"w:w": "5000", "w:type": "pct"})
        sub(tbl_pr, "w:tblLook", {"w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0",
                                   "w:firstColumn": "0", "w:lastColumn": "0", "w:noHBand": "0",
                                   "w:noVBand": "1"})
        grid = sub(tbl, "w:tblGrid")
        widths = self._column_widths(rows, columns)
        for width in widths:
            sub(grid, "w:gridCol", {"w:w": width})
        for header, row in rows:
            tr = sub(tbl, "w:tr")
            tr_pr = sub(tr, "w:trPr")
            sub(tr_pr, "w:cantSplit")  # a row stays on one page
            if header:
                sub(tr_pr, "w:tblHeader")  # and the header row repeats on every page
            cells = list(row.children) + [None] * (columns - len(row.children))
            for cell, width in zip(cells, widths, strict=True):
                tc = sub(tr, "w:tc")
                sub(sub(tc, "w:tcPr"), "w:tcW", {"w:w": width, "w:type": "dxa"})
                p = self._new_paragraph(tc, "Normal")
                if cell is None:
                    continue
                align = _ALIGN.get(str(cell.attrs.get("style", "")))
                if align:
                    val(p[0], "w:jc", align)
                for inline in cell.children:
                    self._runs(inline.children, p, part, Format(bold=header))
                if self._pending_comments:
                    self._comment(p, self._pending_comments)
                    self._pending_comments = []

    def _column_widths(self, rows: list[tuple[bool, Node]], columns: int) -> list[str]:
        """Column widths (twips) by content, so that short columns never wrap mid-word.

        Each column gets its longest word, then a share of the rest by its longest cell (bounded).
        """
        floor = [_MIN_CHARS] * columns
        want = [_MIN_CHARS] * columns
        for _, row in rows:
            for n, cell in enumerate(row.children[:columns]):
                text = _plain(cell)
                # a short cell (a date, a grade) keeps to one line; a long one its longest word
                unbroken = len(text) if len(text) <= _SHORT_CELL else max(map(len, text.split()), default=0)
                floor[n] = max(floor[n], min(unbroken, _MAX_WORD))
                want[n] = max(want[n], min(len(text), _MAX_CHARS))
        floor_twips = [(c + _PAD_CHARS) * _CHAR_TWIPS for c in floor]
        want_twips = [max(f, (c + _PAD_CHARS) * _CHAR_TWIPS) for f, c in zip(floor_twips, want, strict=True)]
        width = self._text_width
        if sum(floor_twips) >= width:
            total = sum(floor_twips)
            return [str(width * f // total) for f in floor_twips]
        spare = width - sum(floor_twips)
        extra = [w - f for w, f in zip(want_twips, floor_twips, strict=True)]
        if sum(extra) <= spare:  # everything fits on one line: the widest columns take the slack
            total = sum(want_twips)
            return [str(width * w // total) for w in want_twips]
        return [str(f + spare * e // sum(extra)) for f, e in zip(floor_twips, extra, strict=True)]

    # -- inlines ------------------------------------------------------------

    def _runs(self, nodes: Iterable[Node], parent: etree._Element, part: Part, fmt: Format) -> None:
        for node in nodes:
            kind = node.type
            if kind == "text":
                self._text(node.content, parent, fmt)
            elif kind == "softbreak":
                self._run(parent, fmt, " ")
            elif kind == "hardbreak":
                sub(self._run(parent, fmt, None), "w:br")
            elif kind == "strong":
                self._runs(node.children, parent, part, Format(True, fmt.italic, fmt.code, fmt.style))
            elif kind == "em":
                self._runs(node.children, parent, part, Format(fmt.bold, True, fmt.code, fmt.style))
            elif kind == "code_inline":
                self._run(parent, Format(fmt.bold, fmt.italic, True, fmt.style), node.content)
            elif kind == "link":
                self._link(node, parent, part, fmt)
            elif kind == "image":
                self._run(parent, fmt, node.content)
            elif kind == "footnote_ref":
                key = str(node.meta.get("id"))
                self._footnotes.cite(parent, key, self._notes.get(key, []))
            elif kind == "footnote_anchor":
                continue
            elif node.children:
                self._runs(node.children, parent, part, fmt)

    def _text(self, text: str, parent: etree._Element, fmt: Format) -> None:
        last = 0
        for match in MARKER_RE.finditer(text):
            if match.start() > last:
                self._run(parent, fmt, text[last : match.start()])
            if match.group(1) is not None:
                comment = decode_comment(match.group(1))
                if comment:
                    self._pending_comments.append(comment)
            elif match.group(0) == LANG_END:
                self._language = None
            else:
                self._language = decode_comment(match.group(2)) or None
            last = match.end()
        if last < len(text):
            self._run(parent, fmt, text[last:])

    def _run(self, parent: etree._Element, fmt: Format, text: str | None) -> etree._Element:
        r = sub(parent, "w:r")
        if fmt.style or fmt.bold or fmt.italic or fmt.code or self._language:
            rpr = sub(r, "w:rPr")
            if fmt.style:
                val(rpr, "w:rStyle", self._styles[fmt.style])
            if fmt.code:
                sub(rpr, "w:rFonts", {"w:ascii": _MONO, "w:hAnsi": _MONO, "w:cs": _MONO})
            if fmt.bold:
                sub(rpr, "w:b")
            if fmt.italic:
                sub(rpr, "w:i")
            if self._language:
                val(rpr, "w:lang", xml_text(self._language))
        if text is not None:
            text_element(r, text)
        return r

    def _link(self, node: Node, parent: etree._Element, part: Part, fmt: Format) -> None:
        href = xml_text(str(node.attrs.get("href", "")))
        if not allowed_href(href):  # the same allow-list as the HTML export: the text, unlinked
            self._runs(node.children, parent, part, fmt)
            return
        link = sub(parent, "w:hyperlink")
        if href.startswith("#"):
            link.set(qn("w:anchor"), href[1:])
        else:
            link.set(qn("r:id"), part.relate_to(href, RT.HYPERLINK, is_external=True))
        self._runs(node.children, link, part, Format(fmt.bold, fmt.italic, fmt.code, "Hyperlink"))

    def _comment(self, p: etree._Element, texts: list[str]) -> None:
        if self._comments is not None:
            self._comments.add(p, "\n".join(texts))


def _plain(node: Node) -> str:
    """The text of a node as a reader sees it (a footnote reference counts as two characters)."""
    if node.type in ("text", "code_inline"):
        return MARKER_RE.sub("", node.content)
    if node.type == "footnote_ref":
        return "00"
    return "".join(_plain(child) for child in node.children)
