"""Date-time groups (military style ``DDHHMMZMONYY``) and brief markings (TLP 2.0)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
#: A date-time group: day, hours, minutes, time-zone letter, month, two-digit year.
DTG_RE = re.compile(
    r"^(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d[A-IK-Z](?:" + "|".join(MONTHS) + r")\d\d$"
)

#: The Traffic Light Protocol 2.0 labels, least to most restricted.
TLP_LABELS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
#: FIRST's TLP 2.0 label colours: the label's text colour, always on black (hex RGB).
TLP_COLOURS = {
    "TLP:CLEAR": "FFFFFF", "TLP:GREEN": "33FF00", "TLP:AMBER": "FFC000",
    "TLP:AMBER+STRICT": "FFC000", "TLP:RED": "FF2B2B",
}
MAX_MARKING = 120


def parse_iso(value: str) -> datetime:
    """An ISO 8601 date or date-time as an aware UTC datetime (naive values are UTC).

    Raises ValueError when ``value`` is not ISO 8601.
    """
    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_dtg(value: str | datetime) -> str:
    """The date-time group of an ISO date-time in UTC ("Zulu"), e.g. ``251430ZNOV26``."""
    moment = parse_iso(value) if isinstance(value, str) else value.astimezone(UTC)
    return f"{moment:%d%H%M}Z{MONTHS[moment.month - 1]}{moment:%y}"


def normalize_dtg(text: str) -> str:
    """A typed date-time group in canonical upper case; ValueError when it is not one."""
    dtg = re.sub(r"\s+", "", text).upper()
    if not DTG_RE.match(dtg):
        raise ValueError("is not a date-time group like 251430ZNOV26")
    return dtg


def normalize_marking(text: str) -> str:
    """A marking as stored: a TLP 2.0 label in canonical spelling, or one free line.

    ``tlp:amber`` becomes ``TLP:AMBER`` and TLP 1.0's ``TLP:WHITE`` becomes
    ``TLP:CLEAR``. Raises ValueError for an empty, multi-line or over-long marking.
    """
    line = " ".join(text.split())
    if "\n" in text.strip() or "\r" in text.strip():
        raise ValueError("must be a single line")
    if not line:
        raise ValueError("must not be empty")
    if len(line) > MAX_MARKING:
        raise ValueError(f"must be at most {MAX_MARKING} characters")
    label = line.upper().replace(" ", "")
    if label == "TLP:WHITE":
        return "TLP:CLEAR"
    if label in TLP_LABELS:
        return label
    if label.startswith("TLP:"):
        raise ValueError(f"is not a TLP 2.0 label ({', '.join(TLP_LABELS)})")
    return line


def is_tlp(marking: str) -> bool:
    """Whether a (normalised) marking is one of the TLP 2.0 labels."""
    return marking in TLP_LABELS


def check_tlp(value: str) -> str:
    """A TLP 2.0 label exactly as FIRST spells it (``TLP:AMBER+STRICT``); ValueError otherwise."""
    if value not in TLP_LABELS:
        raise ValueError(f"is not a TLP 2.0 label ({', '.join(TLP_LABELS)}), spelled exactly")
    return value


def restriction(label: str) -> int:
    """How restricted a TLP 2.0 label is: 0 for TLP:CLEAR up to 4 for TLP:RED."""
    return TLP_LABELS.index(label)
