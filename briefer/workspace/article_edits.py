"""The analyst's corrections to an article: metadata fields checked, then stored.

The fields are those of :data:`EDITABLE`; each value is checked here so the
command line and the GUI refuse the same things with the same one-line reason.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from briefer.dtg import check_tlp
from briefer.errors import InvalidInput

EDITABLE = ("title", "outlet", "author", "published", "url", "language", "grade", "tlp")
GRADES = ("A", "B", "C", "D", "E", "F")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_NONE = ("", "none")


def _published(value: str) -> str:
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidInput(f"published {value!r}",
                           "is not an ISO date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None


def check(field: str, value: str | None) -> str | None:
    """The stored form of ``value`` for ``field`` (None clears it); raise InvalidInput naming the field."""
    if field not in EDITABLE:
        raise InvalidInput(f"field {field!r}", f"is not one of {', '.join(EDITABLE)}")
    text = (value or "").strip()
    if field == "title":
        if not text:
            raise InvalidInput("title", "must not be empty")
        return " ".join(text.split())
    if text.casefold() in _NONE:
        return None
    if field == "published":
        return _published(text)
    if field == "url" and not re.match(r"^https?://\S+$", text):
        raise InvalidInput(f"url {value!r}", "is not an http:// or https:// address")
    if field == "language":
        if not _LANGUAGE.match(text):
            raise InvalidInput(f"language {value!r}", "is not a language code such as en or uk-UA")
        primary, _, region = text.partition("-")
        return primary.lower() + (f"-{region}" if region else "")
    if field == "grade":
        if text.upper() not in GRADES:
            raise InvalidInput(f"grade {value!r}", "must be one of A, B, C, D, E, F, or none")
        return text.upper()
    if field == "tlp":
        return tlp_value(text)
    return " ".join(text.split())


def tlp_value(value: str) -> str:
    """``value`` if it is a TLP 2.0 label spelled exactly; raise InvalidInput naming it otherwise."""
    try:
        return check_tlp(value)
    except ValueError as exc:
        raise InvalidInput(f"tlp {value!r}", str(exc)) from None


def checked(fields: dict[str, str | None]) -> dict[str, str | None]:
    """Every field of ``fields`` checked (see :func:`check`)."""
    return {field: check(field, value) for field, value in fields.items()}
