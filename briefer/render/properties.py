"""What a rendered brief says about itself: document properties for DOCX, PDF and ODT.

Title, author, subject, keywords (the actors and places the brief names) and
language go into the core properties; the marking, date-time group, brief id
and version into custom properties (``TLP``, ``DTG``, ``BriefID``,
``BriefVersion``) that records systems and labelling tools read. LibreOffice
carries them into the PDF and ODT.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.dtg import is_tlp, parse_iso
from briefer.render.docx import DocMeta

if TYPE_CHECKING:
    from briefer.render.api import Rendered

_EPOCH = "1970-01-01T00:00:00Z"
_MAX_KEYWORDS = 40


def keywords(context: dict[str, Any]) -> list[str]:
    """The people, organisations and places of a brief's context, each once, in index order."""
    names: list[str] = []
    for index in ("people", "organisations", "places"):
        for entry in context.get(index, []):
            if entry["name"] not in names:
                names.append(entry["name"])
    return names[:_MAX_KEYWORDS]


def subject(rendered: Rendered) -> str:
    """What the brief is, for the Subject property: the template's kind of brief and its period."""
    kind = rendered.template.description.split(" - ")[0].split(":")[0].strip() or rendered.template.name
    period = rendered.brief.period
    return f"{kind}, {period}" if period else kind


def custom_properties(rendered: Rendered) -> dict[str, str]:
    """``TLP`` (the label, or the classification line), ``DTG``, ``BriefID``, ``BriefVersion``."""
    brief, context = rendered.brief, rendered.context.get("brief", {})
    return {
        "TLP": brief.marking if is_tlp(brief.marking) else "",
        "Marking": brief.marking,
        "DTG": str(context.get("dtg") or ""),
        "BriefID": str(brief.id or ""),
        "BriefVersion": brief.updated or brief.created or "",
    }


def doc_meta(rendered: Rendered) -> DocMeta:
    """The DOCX core and custom properties and page furniture of a rendered brief."""
    brief, settings = rendered.brief, rendered.template.docx
    created = parse_iso(brief.issued or brief.created or _EPOCH)
    modified = parse_iso(brief.updated or brief.issued or _EPOCH)
    return DocMeta(
        title=brief.title, author=brief.author, marking=brief.marking, created=created,
        modified=max(created, modified), header_marking=settings.header_marking,
        footer_marking=settings.footer_marking, comments=settings.comments,
        subject=subject(rendered), keywords=tuple(keywords(rendered.context)),
        language=str(rendered.context.get("brief", {}).get("language") or "en-GB"),
        custom=custom_properties(rendered),
    )
