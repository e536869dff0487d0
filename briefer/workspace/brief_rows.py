"""Brief rows: the columns, row mapping and field validation the brief store uses."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from briefer.dtg import normalize_dtg, normalize_marking, parse_iso
from briefer.errors import InvalidInput
from briefer.model import BriefItem
from briefer.workspace.store import storable

if TYPE_CHECKING:
    import sqlite3

FIELDS = ("title", "marking", "dtg", "issued", "period", "author", "template", "bluf", "assessment")
BRIEF_COLUMNS = "id, " + ", ".join(FIELDS) + ", created, updated"
ITEM_COLUMNS = "id, brief_id, section, position, tag_id, text, credibility, comment"
_SECTION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def item_from_row(row: sqlite3.Row) -> BriefItem:
    """A brief item from a row of :data:`ITEM_COLUMNS`."""
    return BriefItem(
        id=row["id"], brief_id=row["brief_id"], section=row["section"], position=row["position"],
        tag_id=row["tag_id"], text=row["text"], credibility=row["credibility"], comment=row["comment"],
    )


def check_section(section: str) -> str:
    """``section`` if it is a valid section id; raise InvalidInput otherwise."""
    if not _SECTION_RE.match(section or ""):
        raise InvalidInput(f"section {section!r}", "must be letters, digits, - or _")
    return section


def check_credibility(value: int | None) -> int | None:
    """A credibility rating 1–6 or None; raise InvalidInput otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise InvalidInput(f"credibility {value!r}", "must be 1 to 6 (or none)")
    return value


def clean_field(name: str, value: Any) -> Any:
    """A brief field value as stored; raise InvalidInput when it is not acceptable."""
    if name not in FIELDS:
        raise InvalidInput(f"field {name!r}", f"is not a brief field ({', '.join(FIELDS)})")
    if name in ("dtg", "issued") and (value is None or str(value).strip() == ""):
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{name}", "must be text")
    try:
        if name == "marking":
            return normalize_marking(value)
        if name == "dtg":
            return normalize_dtg(value)
        if name == "issued":
            parse_iso(value)
            return value.strip()
    except ValueError as exc:
        raise InvalidInput(f"{name} {value!r}", str(exc)) from None
    if name in ("title", "template") and not value.strip():
        raise InvalidInput(name, "must not be empty")
    if name in ("title", "template", "period", "author"):
        return storable(" ".join(value.split()))
    return storable(value)
