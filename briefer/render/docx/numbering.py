"""List numbering: one bullet and one decimal definition, a fresh instance per list.

Nesting is real Word numbering: a list inside a list item uses the next level
(``w:ilvl``) of its definition, so Word and LibreOffice indent and number it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart

if TYPE_CHECKING:
    from docx.document import Document

_BULLETS = ("\u2022", "\u25e6", "\u25aa")
_FORMATS = (("decimal", "%{n}."), ("lowerLetter", "%{n}."), ("lowerRoman", "%{n}."))


def _levels(ordered: bool) -> str:
    levels = []
    for lvl in range(9):
        if ordered:
            fmt, text = _FORMATS[lvl % 3]
            text = text.format(n=lvl + 1)
        else:
            fmt, text = "bullet", _BULLETS[lvl % 3]
        levels.append(
            f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{360 * (lvl + 1) + 360}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    return "".join(levels)


def _numbering_part(document: Document) -> NumberingPart:
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING)  # type: ignore[return-value]
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        new = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package)
        part.relate_to(new, RT.NUMBERING)
        return new


class Numbering:
    """Adds Briefer's two list definitions to a document and a ``w:num`` per list."""

    def __init__(self, document: Document) -> None:
        self._root = _numbering_part(document).element
        abstract_ids = [
            int(a.get(qn("w:abstractNumId"))) for a in self._root.iterchildren(qn("w:abstractNum"))
        ]
        num_ids = [int(n.get(qn("w:numId"))) for n in self._root.iterchildren(qn("w:num"))]
        self._next_num = max(num_ids, default=0) + 1
        first = max(abstract_ids, default=-1) + 1
        self._abstract = {False: first, True: first + 1}
        first_num = next(self._root.iterchildren(qn("w:num")), None)
        for ordered, abstract_id in self._abstract.items():
            element = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                f'<w:multiLevelType w:val="hybridMultilevel"/>{_levels(ordered)}</w:abstractNum>'
            )
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self._root.append(element)

    def new_list(self, ordered: bool, level: int, start: int = 1) -> int:
        """A new numbering instance (restarting at ``start`` on ``level``); its ``numId``."""
        num_id = self._next_num
        self._next_num += 1
        self._root.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{self._abstract[ordered]}"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        ))
        return num_id
