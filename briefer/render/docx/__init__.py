"""DOCX output: the parsed Markdown tree written with python-docx onto a reference document.

The reference document (``resources/reference.docx`` or the user's, as with
pandoc's ``--reference-doc``) gives the styles, page setup and any house header;
its body is replaced by the brief. Output is deterministic: dates come from the
brief, never from the clock, so the same brief gives the same file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docx.shared import Emu

from briefer.render.docx.comments import Comments
from briefer.render.docx.custom import set_custom_properties
from briefer.render.docx.fields import mark_body, mark_pages
from briefer.render.docx.footnotes import Footnotes
from briefer.render.docx.numbering import Numbering
from briefer.render.docx.reference import default_reference, open_reference
from briefer.render.docx.styles import ensure_styles, set_language
from briefer.render.docx.writer import BodyWriter
from briefer.render.docx.xml import xml_text
from briefer.render.tree import Tree, paused_gc

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from docx.document import Document

__all__ = ["DocMeta", "build_document", "default_reference", "open_reference"]
_TWIPS_PER_EMU = 1 / 635
_CORE_LIMIT = 255  # characters python-docx (and the format) allow in a core property


@dataclass(frozen=True, slots=True)
class DocMeta:
    """What the DOCX says about itself: core properties, marking, page furniture."""

    title: str
    author: str
    marking: str
    created: dt.datetime
    modified: dt.datetime
    header_marking: bool = True
    footer_marking: bool = True
    comments: bool = True
    subject: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en-GB"
    custom: dict[str, str] = field(default_factory=dict)


def _text_width(document: Document) -> int:
    section = document.sections[-1]
    width = (section.page_width or Emu(0)) - (section.left_margin or 0) - (section.right_margin or 0)
    return max(int(width * _TWIPS_PER_EMU), 1440)


def _fit(text: str) -> str:
    """A core property value: XML-safe, cut to the 255 characters the format allows."""
    value = xml_text(text)
    return value if len(value) <= _CORE_LIMIT else value[: _CORE_LIMIT - 1] + "\u2026"


def _keywords(names: tuple[str, ...]) -> str:
    """As many whole names as fit the Keywords property, ``; `` between them."""
    kept: list[str] = []
    for name in (xml_text(n) for n in names):
        if len("; ".join([*kept, name])) > _CORE_LIMIT:
            break
        kept.append(name)
    return "; ".join(kept)


def build_document(tree: Tree, meta: DocMeta, reference: Path | None = None) -> Document:
    """The brief as a python-docx Document (save it with ``document.save``)."""
    document = open_reference(reference)
    styles = ensure_styles(document)
    footnotes = Footnotes(document, styles["Footnote Text"], styles["Footnote Reference"])
    notes = sum(len(block.children) for block in tree.root.children if block.type == "footnote_block")
    comments = Comments(document, meta.author or "Analyst", meta.created, notes + 1, styles["Comment Text"],
                        styles["Comment Reference"]) if meta.comments else None
    writer = BodyWriter(document, styles, Numbering(document), footnotes, comments, _text_width(document))
    with paused_gc():
        writer.write(tree.root, document.element.body)
    marking = xml_text(meta.marking)
    mark_pages(document, marking, styles["Header"], styles["Footer"],
               header=meta.header_marking, footer=meta.footer_marking)
    if not (meta.header_marking or meta.footer_marking):  # then the body is where readers look
        mark_body(document.element.body, marking, styles["Header"])
    set_language(document, meta.language)
    core = document.core_properties
    core.title = _fit(meta.title)
    core.author = _fit(meta.author)
    core.last_modified_by = _fit(meta.author)
    core.category = _fit(marking)
    core.subject = _fit(meta.subject)
    core.keywords = _keywords(meta.keywords)
    core.language = _fit(meta.language)
    core.comments = ""
    set_custom_properties(document, meta.custom)
    core.created = meta.created
    core.modified = meta.modified
    core.last_printed = meta.created
    core.revision = 1
    return document
