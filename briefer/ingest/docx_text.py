"""The text of a Word document's body in reading order, from its XML.

python-docx's ``Paragraph.text`` and ``Table.rows`` see only runs and cells that
are direct children, so they silently drop what real Word documents are full
of: content controls (``w:sdt``), tracked insertions (``w:ins``), smart tags,
custom XML, simple fields (``w:fldSimple``), text boxes, nested tables and
rows whose cells span an odd number of grid columns. This walks the XML
itself: every run's text wherever it is wrapped, without what is not shown
(tracked deletions, text moved away, field instructions, the fallback copy of
an ``mc:AlternateContent``). Text boxes follow the paragraph they are anchored
in. The walk keeps its own stack, so nesting depth costs no recursion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _T = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}t"
_TEXT_BOX = f"{W}txbxContent"
#: Elements whose content is not part of the text a reader sees.
_HIDDEN = frozenset({
    f"{W}{name}" for name in (
        "del", "moveFrom", "delText", "instrText", "delInstrText", "fldData", "pPr", "rPr", "sectPr",
        "sdtPr", "sdtEndPr", "tblPr", "tblGrid", "trPr", "tcPr", "footnoteReference", "endnoteReference",
        "commentReference",
    )
} | {_MC_FALLBACK})
_CHARACTERS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
#: Tables nested deeper than this are read as plain text (no cell separators).
MAX_TABLE_DEPTH = 20


def _paragraph(p: _Element) -> tuple[str, list[_Element]]:
    """The paragraph's own text, and the text boxes anchored in it."""
    parts: list[str] = []
    boxes: list[_Element] = []
    stack: list[Iterator[_Element]] = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        elif tag == _TEXT_BOX:
            boxes.append(el)
        elif tag not in _HIDDEN and isinstance(tag, str):
            stack.append(iter(el))
    return "".join(parts), boxes


def _children(el: _Element, wanted: str) -> Iterator[_Element]:
    """The ``wanted`` elements under ``el``, looking through wrappers (``w:sdt``, ``w:customXml``…)."""
    stack: list[Iterator[_Element]] = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == wanted:
            yield child
        elif child.tag not in _HIDDEN and child.tag not in (_P, _TBL) and isinstance(child.tag, str):
            stack.append(iter(child))


def _plain(el: _Element) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(_T)).split())


def table_text(tbl: _Element, styles: dict[str, str], depth: int = 0) -> str:
    """One line per row, cells joined by `` | ``; a nested table inside its cell as ``a, b; c, d``."""
    if depth > MAX_TABLE_DEPTH:
        return _plain(tbl)
    cell_separator, row_separator = (" | ", "\n") if depth == 0 else (", ", "; ")
    rows = []
    for tr in _children(tbl, _TR):
        cells = [" ".join(" ".join(text for _, text in blocks(tc, styles, depth + 1)).split())
                 for tc in _children(tr, _TC)]
        row = cell_separator.join(cells).strip(cell_separator)
        if row:
            rows.append(row)
    return row_separator.join(rows)


def blocks(container: _Element, styles: dict[str, str], depth: int = 0) -> Iterator[tuple[str, str]]:
    """``(style name, text)`` per paragraph and ``("table", rows)`` per table under ``container``.

    ``styles`` maps style ids to lower-case style names.
    """
    stack: list[Iterator[_Element]] = [iter(container)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if el.tag == _P:
            text, boxes = _paragraph(el)
            style = el.find(f"{W}pPr/{W}pStyle")
            yield styles.get(style.get(f"{W}val", "") if style is not None else "", ""), text
            if boxes:
                stack.append(_chain(boxes))
        elif el.tag == _TBL:
            yield "table", table_text(el, styles, depth)
        elif el.tag not in _HIDDEN and isinstance(el.tag, str):
            stack.append(iter(el))


def _chain(boxes: Iterable[_Element]) -> Iterator[_Element]:
    for box in boxes:
        yield from box
