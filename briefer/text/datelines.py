"""Publication dates written out in a dateline or byline ("Nov. 28, 2026 —").

Finds the first calendar date in a short piece of text, in the forms news
articles print near their top: "Nov. 28, 2026", "November 18th, 2019",
"28 November 2026", "25. September 2018", "24 сентября 2018", "2026-11-28",
"28.11.2026", and a wire dateline without a year ("KYIV, Nov 28 (Reuters) -")
when the caller knows the year. Nothing is resolved against today.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "jan january januar janvier enero gennaio janeiro января январь січня styczeń stycznia",
    "feb february februar février fevrier febrero febbraio fevereiro февраля февраль лютого lutego",
    "mar march märz maerz mars marzo março марта март березня marca",
    "apr april avril abril aprile апреля апрель квітня kwietnia",
    "may mai mayo maggio maio мая май травня maja",
    "jun june juni juin junio giugno junho июня июнь червня czerwca",
    "jul july juli juillet julio luglio julho июля июль липня lipca",
    "aug august août aout agosto августа август серпня sierpnia",
    "sep sept september septembre septiembre settembre setembro сентября сентябрь вересня września",
    "oct october oktober octobre octubre ottobre outubro октября октябрь жовтня października",
    "nov november novembre noviembre novembro ноября ноябрь листопада listopada",
    "dec december dezember décembre decembre diciembre dicembre dezembro декабря декабрь грудня grudnia",
), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>[^\W\d_]{3,11})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FORMS = (
    re.compile(rf"\b{_YEAR}-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b"),
    re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.{_YEAR}\b"),
)
_NO_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY}\b")


def _make(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(groups: dict[str, str | None]) -> int | None:
    if groups.get("mon"):
        return int(groups["mon"] or 0)
    return _MONTHS.get((groups.get("month") or "").casefold())


def find_date(text: str, year: int | None = None) -> date | None:
    """The first calendar date written in ``text``, or None.

    ``year`` completes a month and day printed without one (a wire dateline);
    without it such a date is unknown.
    """
    best: tuple[int, date] | None = None
    for form in _FORMS:
        for match in form.finditer(text):
            found = _make(int(match["year"]), _month(match.groupdict()), int(match["day"]))
            if found is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), found)
                break
    if best is None and year is not None:
        for match in _NO_YEAR.finditer(text):
            found = _make(year, _month(match.groupdict()), int(match["day"]))
            if found is not None:
                return found
    return best[1] if best else None


def dateline(text: str, year: int | None = None, lines: int = 5, chars: int = 300) -> date | None:
    """The date in the first ``lines`` lines (at most ``chars`` characters each) of an article."""
    head = [line[:chars] for line in text.splitlines() if line.strip()][:lines]
    for line in head:
        found = find_date(line, year)
        if found is not None:
            return found
    return None
