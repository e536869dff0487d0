"""Date arithmetic for relative expressions, anchored on the publication date.

Values are ISO 8601 strings of the precision the text gives: ``2024-05-17``
(day), ``2024-05`` (month), ``2024`` (year), ``2024-W20`` (week).
"""

from __future__ import annotations

from datetime import date, timedelta

from briefer.errors import InvalidInput


def parse_published(value: str | None) -> date | None:
    """The date part of an ISO 8601 publication date; raise InvalidInput when malformed."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise InvalidInput(f"published {value!r}", "is not an ISO 8601 date (YYYY-MM-DD)") from exc


def day(d: date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def month(year: int, month_: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{month_:02d}"


def week(d: date) -> str:
    """The ISO week holding ``d``: ``YYYY-Www``."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def shift_month(year: int, month_: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + month_ - 1 + delta
    return index // 12, index % 12 + 1


def weekday(anchor: date, target: int, direction: int, strict: bool = False) -> date:
    """The date of weekday ``target`` (0 = Monday) nearest ``anchor`` in ``direction``.

    ``direction`` -1 looks back (the anchor day itself counts unless ``strict``),
    +1 looks ahead, 0 takes the nearer of the two (back on a tie).
    """
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction < 0 or (direction == 0 and back <= ahead):
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead)


def month_year(anchor: date, month_: int, direction: int, strict: bool = False) -> int:
    """The year of the month ``month_`` nearest the anchor's month in ``direction``.

    ``direction`` 0 takes the nearer of the past and the coming one (the past on a tie).
    """
    before = month_ < anchor.month or (month_ == anchor.month and not strict)
    past = anchor.year if before else anchor.year - 1
    after = month_ > anchor.month or (month_ == anchor.month and not strict)
    coming = anchor.year if after else anchor.year + 1
    if direction == 0:
        back = (anchor.year - past) * 12 + anchor.month - month_
        ahead = (coming - anchor.year) * 12 + month_ - anchor.month
        return past if back <= ahead else coming
    return past if direction < 0 else coming


def day_year(anchor: date, month_: int, day_: int, direction: int) -> date | None:
    """A day and month without a year, placed in the year nearest the anchor.

    ``direction`` -1 prefers the last eleven months, +1 the coming year, 0 the
    nearest date either way.
    """
    candidates = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            candidates.append(date(year, month_, day_))
        except ValueError:
            continue
    if direction == 0 and candidates:
        return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))
    for candidate in candidates:
        if (
            direction < 0
            and candidate <= anchor + timedelta(days=1)
            and candidate > anchor - timedelta(days=330)
        ) or (direction > 0 and anchor <= candidate < anchor + timedelta(days=366)):
            return candidate
    try:
        return date(anchor.year, month_, day_)
    except ValueError:
        return None


def relative(anchor: date, unit: str, offset: int) -> str:
    """``last week`` / ``this month`` / ``next year`` as ISO."""
    if unit == "week":
        return week(anchor + timedelta(days=7 * offset))
    if unit == "month":
        return month(*shift_month(anchor.year, anchor.month, offset))
    return f"{anchor.year + offset:04d}"


def ago(anchor: date, amount: int, unit: str) -> str:
    """``N days/weeks/months/years ago`` as ISO (years ago to the month: ``a year ago``)."""
    return shift(anchor, "day", unit, -amount)


#: How fine each ISO precision is (a smaller number is finer).
_FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3}
# the precision "N units earlier" keeps at most: a year ago is a month, a week ago a day
_NATURAL = {"day": "day", "week": "day", "month": "month", "year": "month"}


def _unit(word: str) -> str:
    return next((u for u in _FINENESS if word.startswith(u)), "year")


def shift(d: date, precision: str, unit: str, amount: int) -> str:
    """``d`` (known to ``precision``) moved by ``amount`` units, as ISO of the coarser precision.

    A year before ``2019-10`` is ``2018-10``; a day before a day is a day.
    """
    unit = _unit(unit)
    natural = _NATURAL[unit]
    kept = max(precision, natural, key=_FINENESS.__getitem__)
    if unit in ("day", "week"):
        moved = d + timedelta(days=amount * (7 if unit == "week" else 1))
        year_, month_ = moved.year, moved.month
    else:
        year_, month_ = shift_month(d.year, d.month, amount * (12 if unit == "year" else 1))
        moved = date(year_, month_, min(d.day, 28))
    if kept == "day":
        return day(moved)
    if kept == "week":
        return week(moved)
    return month(year_, month_) if kept == "month" else f"{year_:04d}"


def parse_iso(value: str) -> tuple[date, str] | None:
    """A date and its precision from an ISO value (``2024-05-17``, ``2024-W20``, ``2024-05``, ``2024``)."""
    value = value.split("T", 1)[0]
    try:
        if len(value) == 10:
            return date.fromisoformat(value), "day"
        if len(value) == 8 and value[5] == "W":
            return date.fromisocalendar(int(value[:4]), int(value[6:]), 1), "week"
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:]), 1), "month"
        if len(value) == 4:
            return date(int(value), 1, 1), "year"
    except ValueError:
        return None
    return None


def unit_precision(unit: str) -> str:
    """The precision a count of ``unit``s names (``the previous week`` is a week)."""
    return _unit(unit)


def covers(precision: str, unit: str) -> bool:
    """Whether a date known to ``precision`` is fine enough to count ``unit``s from."""
    return _FINENESS[precision] <= _FINENESS[_unit(unit)]
