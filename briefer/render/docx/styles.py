"""The Word styles Briefer writes with, found once by name and added when missing.

Every paragraph and run refers to a built-in Word style (Title, Heading 1–3,
List Bullet, List Number, Quote, Table Grid, Footnote Text, Hyperlink…), so a
house reference document restyles the whole brief. Looking styles up by name
through python-docx costs about a millisecond a paragraph; :class:`StyleIds`
resolves each name once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

if TYPE_CHECKING:
    from docx.document import Document

# UI name -> (type, name Word stores, style id, properties XML) for styles we may add.
_W = nsdecls("w")
_CENTERED = '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
_MONO = '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>'
REQUIRED: dict[str, tuple[str, str, str, str]] = {
    "Normal": ("paragraph", "Normal", "Normal", ""),
    "Title": ("paragraph", "Title", "Title",
              '<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="48"/></w:rPr>'),
    "Heading 1": ("paragraph", "heading 1", "Heading1",
                  '<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>'
                  '</w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr>'),
    "Heading 2": ("paragraph", "heading 2", "Heading2",
                  '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>'
                  '</w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'),
    "Heading 3": ("paragraph", "heading 3", "Heading3",
                  '<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/>'
                  '</w:pPr><w:rPr><w:b/><w:i/><w:sz w:val="24"/></w:rPr>'),
    "List Bullet": ("paragraph", "List Bullet", "ListBullet", '<w:pPr><w:spacing w:after="60"/></w:pPr>'),
    "List Number": ("paragraph", "List Number", "ListNumber", '<w:pPr><w:spacing w:after="60"/></w:pPr>'),
    "List Continue": ("paragraph", "List Continue", "ListContinue",
                      '<w:pPr><w:spacing w:after="60"/><w:ind w:left="360"/></w:pPr>'),
    "Quote": ("paragraph", "Quote", "Quote",
              '<w:pPr><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:i/></w:rPr>'),
    "Analyst Text": ("paragraph", "Analyst Text", "AnalystText",
                     '<w:pPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="4A6FA5"/></w:pBdr>'
                     '<w:shd w:val="clear" w:color="auto" w:fill="EEF3F8"/><w:ind w:left="240"/></w:pPr>'),
    "Macro Text": ("paragraph", "macro", "MacroText",
                   '<w:pPr><w:spacing w:after="0"/></w:pPr>'
                   f'<w:rPr>{_MONO}<w:sz w:val="20"/></w:rPr>'),
    "Footnote Text": ("paragraph", "footnote text", "FootnoteText",
                      '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                      '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'),
    "Header": ("paragraph", "header", "Header", _CENTERED),
    "Footer": ("paragraph", "footer", "Footer", _CENTERED),
    "Footnote Reference": ("character", "footnote reference", "FootnoteReference",
                           '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
    "Comment Text": ("paragraph", "annotation text", "CommentText",
                     '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'),
    "Comment Reference": ("character", "annotation reference", "CommentReference",
                          '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'),
    "Hyperlink": ("character", "Hyperlink", "Hyperlink",
                  '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'),
    "Table Grid": ("table", "Table Grid", "TableGrid",
                   '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                   '<w:tblPr><w:tblBorders>'
                   + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                             for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
                   + '</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
                   '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'),
}


def _key(name: str) -> str:
    return name.replace(" ", "").lower()


def ensure_styles(document: Document) -> StyleIds:
    """Add any :data:`REQUIRED` style the document lacks; return the ids of all of them."""
    styles_element = document.styles.element
    found: dict[str, str] = {}
    for style in styles_element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if style_id is None:
            continue
        found.setdefault(_key(style_id), style_id)
        if name is not None:
            found[_key(name.get(qn("w:val")))] = style_id
    ids: dict[str, str] = {}
    for ui_name, (kind, stored, style_id, props) in REQUIRED.items():
        existing = found.get(_key(ui_name)) or found.get(_key(stored))
        if existing is None:
            based = '<w:basedOn w:val="Normal"/>' if kind == "paragraph" and ui_name != "Normal" else ""
            styles_element.append(parse_xml(
                f'<w:style {_W} w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{stored}"/>'
                f'{based}<w:uiPriority w:val="9"/><w:qFormat/>{props}</w:style>'
            ))
            existing = style_id
        ids[ui_name] = existing
    return StyleIds(ids)


class StyleIds:
    """Style ids by UI name, resolved once per document."""

    def __init__(self, ids: dict[str, str]) -> None:
        self._ids = ids

    def __getitem__(self, ui_name: str) -> str:
        return self._ids[ui_name]


def set_language(document: Document, language: str) -> None:
    """Make ``language`` (BCP 47, ``en-GB``) the language of all text, in the document defaults."""
    root = document.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {_W}/>")
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {_W}/>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {_W}/>")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {_W}/>")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
