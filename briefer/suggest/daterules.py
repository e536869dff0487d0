"""The date patterns of each language and what each resolves to against an anchor day.

Each rule is ``(name, regex, resolver)``; a resolver takes the match, the
publication date (or None) and the tense around the match (``tense.PAST``,
``NONE`` or ``FUTURE``) and returns ``(iso, day)``: the ISO value of the
precision the text gives, and the day when it names one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from briefer.suggest import datecalc, lexicon, wordlists
from briefer.suggest.numbers import words_value
from briefer.suggest.times import day_parts

_REL_YEAR = {"last year": -1, "this year": 0, "next year": 1}  # and dates.yaml's relative_years
_ABBR_DOT = r"(?:(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?<=Sept))\.)?"


_Result = tuple[str | None, date | None]
Resolver = Callable[[re.Match[str], date | None, int], _Result]
#: What a resolver returns for a match that is no date where it stands ("in three days" as a duration).
NOT_A_DATE: tuple[str | None, date | None] = ("", None)


def _months(lang: str) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in lexicon.words(lang)["months"].items()}


def _month_names(lang: str) -> str:
    names = _months(lang)
    if lang == "en":
        return lexicon.alternation(n.capitalize() for n in names if n != "may" and len(n) > 2) + "|May"
    return lexicon.alternation(names)


class _Resolvers:
    """The resolvers of one language, reading its month, weekday and relative-day words."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.w = lexicon.words(lang)
        self.months = _months(lang)
        self.weekdays = {str(k).lower(): int(v) for k, v in self.w["weekdays"].items()}
        self.rel_days = {str(k).lower(): int(v) for k, v in self.w["relative_days"].items()}
        self.season_starts = wordlists.lists(lang).get("season_starts") or {}
        cyrillic_years = lexicon.date_words()["relative_years"]
        self.rel_year = {**_REL_YEAR, **{str(k): int(v) for k, v in cyrillic_years.items()}}

    def _month_of(self, m: re.Match[str]) -> int:
        return self.months[m.group("mon").lower().rstrip(".")]

    def absolute(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A month, or a day of a month, with or without its year."""
        mo = self._month_of(m)
        d = int(m.group("d")) if m.groupdict().get("d") else None
        year = int(m.group("y")) if m.groupdict().get("y") else None
        rel = (m.groupdict().get("ry") or "").lower()
        if year is None and rel and anchor:
            year = anchor.year + self.rel_year.get(" ".join(rel.split()), 0)
        modifier = (m.groupdict().get("rel") or "").lower()
        if d is None:
            return self._month(mo, year, modifier, anchor, direction), None
        day_: date | None
        try:
            if year is not None:
                day_ = date(year, mo, d)
            elif anchor:
                day_ = datecalc.day_year(anchor, mo, d, direction)
            else:
                return None, None
        except ValueError:
            return None, None
        return (day_.isoformat() if day_ else None), day_

    @staticmethod
    def _month(mo: int, year: int | None, modifier: str, anchor: date | None, direction: int) -> str | None:
        """The ISO month of a month name without a day: "last March", "in May"."""
        if year is None and anchor:
            modifier = "last" if modifier == "this past" else modifier  # "this past May"
            strict = modifier in ("last", "next")
            year = datecalc.month_year(
                anchor, mo, 1 if modifier == "next" else (-1 if modifier == "last" else direction), strict
            )
            if modifier == "this":
                year = anchor.year
        return datecalc.month(year, mo) if year else None

    def iso_date(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A date written as YYYY-MM-DD."""
        try:
            d = date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        except ValueError:
            return None, None
        return d.isoformat(), d

    def on_weekday(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A weekday, the one before or after the anchor by its modifier or the tense."""
        if anchor is None:
            return None, None
        modifier = " ".join((m.group("rel") or "").lower().split())
        if modifier == "this past":
            modifier = "last"  # "this past Monday"
        target = self.weekdays[
            m.group("wd").lower().rstrip("s")
            if m.group("wd").lower().rstrip("s") in self.weekdays
            else m.group("wd").lower()
        ]
        if modifier == "next":
            d = datecalc.weekday(anchor, target, 1, strict=True)
        elif modifier == "last":
            d = datecalc.weekday(anchor, target, -1, strict=True)
        else:
            d = datecalc.weekday(anchor, target, direction)
        return d.isoformat(), d

    def relative_day(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """Yesterday, today, tomorrow and their kin."""
        if anchor is None:
            return None, None
        d = anchor + timedelta(days=self.rel_days[" ".join(m.group().lower().split())])
        return d.isoformat(), d

    def relative_unit(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A unit relative to the anchor: "last week", "next month", "this weekend"."""
        if anchor is None:
            return None, None
        words = " ".join(m.group("rel").lower().split())
        offset = int(lexicon.words(self.lang)["relative_words"].get(words, 0))
        unit = m.group("unit").lower()
        if unit == "weekend":  # the Saturday before, after, or nearest in the sentence's tense
            saturday = datecalc.weekday(anchor, 5, offset or direction, strict=bool(offset))
            return datecalc.week(saturday), None
        return datecalc.relative(anchor, unit, offset), None

    def relative_phrase(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A whole relative phrase of the word lists ("минулого тижня")."""
        if anchor is None:
            return None, None
        unit, offset = self.w["relative_phrases"][" ".join(m.group().lower().split())]
        return datecalc.relative(anchor, str(unit), int(offset)), None

    def ago(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A count of units before the anchor: "three weeks ago"."""
        amount = amount_of(m.group("n"), self.lang)
        if anchor is None or not amount:
            return None, None
        return datecalc.ago(anchor, amount, m.group("unit").lower()), None

    def year(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A year alone; a range of years or a decade ("1990s") gives none."""
        if m.group("y2") or m.groupdict().get("s"):
            return None, None
        return m.group("y"), None

    def season(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """The year of a season or quarter: its own, or the anchor's by the modifier and tense."""
        if m.group("y"):
            return m.group("y"), None
        name = (m.groupdict().get("season") or "").lower()
        if anchor is None or name not in self.season_starts:
            return None, None
        first = int(self.season_starts[name])
        modifier = " ".join((m.groupdict().get("rel") or "").lower().split())
        if modifier == "this":
            return str(anchor.year), None
        ended = first + 2 < anchor.month
        if modifier in ("last", "this past") or (modifier == "the" and direction < 0):
            return str(anchor.year if ended else anchor.year - 1), None
        if modifier == "next" or modifier == "the":
            return str(anchor.year if first > anchor.month else anchor.year + 1), None
        return None, None

    def month_quarter(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """The quarter holding a month: "the March quarter"."""
        if anchor is None:
            return None, None
        mo = self._month_of(m)
        year_ = datecalc.month_year(anchor, mo, direction)
        return f"{year_:04d}-Q{(mo - 1) // 3 + 1}", None

    def within(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A day ahead ("in three days"), or no date for a duration in the past tense."""
        amount = amount_of(m.group("n"), self.lang)
        if direction < 0 or not amount:
            return NOT_A_DATE  # "killed 50 in three days": a duration
        if anchor is None:
            return None, None
        unit = m.group("unit").lower()
        return (anchor + timedelta(days=amount * (7 if unit.startswith("week") else 1))).isoformat(), None

    def no_iso(self, m: re.Match[str], anchor: date | None, direction: int) -> _Result:
        """A time expression with no ISO value (a decade, a century, a fiscal year)."""
        return None, None


def _english_rules(r: _Resolvers) -> list[tuple[str, str, Resolver]]:
    w = r.w
    mon = _month_names("en")
    wd = lexicon.alternation(k.capitalize() for k in r.weekdays if len(k) > 3)
    rel_days = r.rel_days
    ci = "(?i:"
    seasons = "|".join(sorted(map(re.escape, r.season_starts), key=len, reverse=True)) or "(?!)"
    counts = lexicon.alternation(["a", "an", *w["numbers"]])
    rel_words = lexicon.alternation(w.get("relative_words", {}))
    # A pattern with an optional first word opens with "\b(?=\w)": the engine tries
    # each position in turn, and most positions fail that check before the words.
    return [
        ("iso", r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b", r.iso_date),
        (
            "month-day",
            rf"\b(?=\w)(?:{ci}(?P<rel>early|late|mid)[ -]))?\b(?P<mon>{mon})\.?[ \u00a0](?P<d>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?:,?[ \u00a0](?P<y>\d{{4}}))?",
            r.absolute,
        ),
        (
            "day-month",
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?(?P<mon>{mon})\b{_ABBR_DOT}"
            rf"(?:,?[ \u00a0](?P<y>\d{{4}}))?",
            r.absolute,
        ),
        (
            "month",
            rf"\b(?=\w)(?:{ci}(?P<rel>last|this past|this|next|early|late|mid|earlier this|later this))[ -])?"
            rf"\b(?P<mon>{mon})\b{_ABBR_DOT}(?:[ \u00a0](?P<y>\d{{4}})\b"
            rf"|[ \u00a0](?P<ry>(?i:last year|this year|next year)))?",
            r.absolute,
        ),
        (
            "weekday",
            rf"\b(?=\w)(?:{ci}(?P<rel>last|next|this past|this|late|early))[ \u00a0])?\b(?P<wd>{wd})\b"
            rf"(?:[ \u00a0](?P<part>{day_parts()}))?",
            r.on_weekday,
        ),
        ("relative-day", rf"\b{ci}{lexicon.alternation(rel_days)})\b", r.relative_day),
        (
            "relative",
            rf"\b{ci}(?P<rel>{rel_words})[ \u00a0]+(?P<unit>week|month|year|weekend))\b(?!-)",
            r.relative_unit,
        ),
        (
            "that-unit",  # "that day", "later that month": the unit of the date before it
            rf"\b(?:{ci}(?:later|earlier)[ \u00a0]))?{ci}that)[ \u00a0](?P<unit>{ci}day|week|month|year))\b",
            r.no_iso,
        ),
        (
            "ago",
            rf"\b(?P<n>\d+|[A-Za-z]+(?:-[a-z]+)?)[ \u00a0]+(?P<unit>{ci}days?|weeks?|months?|years?))"
            rf"[ \u00a0]+{ci}ago)\b",
            r.ago,
        ),
        (
            "year",
            r"(?<![\w$€£.,/#-])(?P<y>(?:19|20)\d\d)(?:(?:/|–|-)(?P<y2>\d{2}|\d{4}))?(?P<s>s)?"
            r"(?![\w%]|[.,]\d|[ \u00a0](?:percent|per cent|people|tonnes|km)\b)",
            r.year,
        ),
        (
            "season",
            rf"\b{ci}(?P<rel>last|this|next|the|early|late|this past)[ \u00a0](?P<season>{seasons})"
            rf"(?:[ \u00a0]of[ \u00a0](?P<y>\d{{4}}))?)\b",
            r.season,
        ),
        ("month-quarter", rf"\b(?P<mon>{mon})[ \u00a0]quarter\b", r.month_quarter),
        ("decade", rf"\b{ci}the[ \u00a0](?:(?:early|late|mid)[ -])?)(?:1\d|20)\d0s\b", r.no_iso),
        (
            "century",
            rf"\b{ci}the[ \u00a0](?:\d{{1,2}}|[a-z]+-)?[a-z]*(?:st|nd|rd|th|first|second|third)"
            rf"[ \u00a0-]century)\b",
            r.no_iso,
        ),
        (
            "fiscal",
            rf"\b(?:{ci}fiscal[ \u00a0]year[ \u00a0])|FY[ \u00a0]?)(?:19|20)\d\d(?:[-–/]\d{{2,4}})?\b",
            r.no_iso,
        ),
        (
            "sport-season",
            rf"\b(?:{ci}(?:this|last|next|the|that|the current)[ \u00a0])"
            rf"(?:(?:[a-z]+|\d{{4}}(?:[/–-]\d{{2,4}})?)[ \u00a0])?|[A-Z][a-z]+[ \u00a0])(?i:season)\b",
            r.no_iso,
        ),
        (
            "period",
            rf"\b{ci}the[ \u00a0](?:past|last|next|coming|previous|following)[ \u00a0]"
            rf"(?:(?:few|several|\d+|{counts})[ \u00a0])?(?:days|weeks|months|years|decades?|century))\b",
            r.no_iso,
        ),
        ("within", rf"(?<=\bin[ \u00a0])(?P<n>{counts}|\d+)[ \u00a0](?P<unit>days|weeks)\b", r.within),
        (
            "quarter",
            rf"\b{ci}the[ \u00a0](?:first|second|third|fourth|last)[ \u00a0](?:quarter|half)"
            rf"(?:[ \u00a0]of[ \u00a0](?P<y>\d{{4}}))?)\b",
            r.season,
        ),
    ]


def _cyrillic_rules(r: _Resolvers) -> list[tuple[str, str, Resolver]]:
    """Ukrainian and Russian (each language also gets the other's words)."""
    w = r.w
    mon = _month_names(r.lang)
    wd = lexicon.alternation(r.weekdays)
    rel_days = r.rel_days
    d = lexicon.date_words()
    years = rf"(?:{'|'.join(map(re.escape, d['year_words']))})"
    rel_years = "|".join(d["relative_years"])  # words and spaces only
    day_range = "|".join(map(re.escape, d["day_range_words"]))
    ordinals, periods = "|".join(d["ordinal_stems"]), "|".join(d["period_stems"])
    # A pattern with an optional first word opens with "\b(?=\w)": the engine tries
    # each position in turn, and most positions fail that check before the words.
    return [
        ("iso", r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b", r.iso_date),
        (
            "day-month",
            rf"\b(?P<d>\d{{1,2}})(?:[ \u00a0]*(?:{day_range}|-|–)[ \u00a0]*\d{{1,2}})?"
            rf"[ \u00a0](?P<mon>{mon})\b"
            rf"(?:[ \u00a0](?P<y>\d{{4}})(?:[ \u00a0]{years})?)?",
            r.absolute,
        ),
        (
            "month",
            rf"\b(?P<mon>{mon})(?:[–-](?:{mon}))?\b(?:[ \u00a0](?P<y>\d{{4}})(?:[ \u00a0]{years})?"
            rf"|[ \u00a0](?P<ry>{rel_years}))?",
            r.absolute,
        ),
        ("weekday", rf"\b(?P<rel>)(?P<wd>{wd})\b", r.on_weekday),
        ("relative-day", rf"\b(?:{lexicon.alternation(rel_days)})\b", r.relative_day),
        ("relative", rf"(?<![\w])(?:{lexicon.alternation(w['relative_phrases'])})\b", r.relative_phrase),
        (
            "quarter",
            rf"\b(?:{ordinals})\w*[ \u00a0](?:{periods})\w*"
            rf"(?:[ \u00a0](?P<y>\d{{4}})(?:[ \u00a0]{years})?)?",
            r.season,
        ),
        (
            "year",
            rf"(?<![\w$€£.,/#-])(?P<y>(?:19|20)\d\d)(?:[–-](?P<y2>(?:19|20)\d\d))?(?![\w%]|[.,]\d)"
            rf"(?:[ \u00a0]{years})?",
            r.year,
        ),
    ]


@cache
def rules(lang: str) -> list[tuple[str, re.Pattern[str], Resolver]]:
    """The date rules of ``lang``, in the order they are tried."""
    r = _Resolvers(lang)
    if lang == "en":
        return [(name, re.compile(pattern), fn) for name, pattern, fn in _english_rules(r)]
    return [(name, re.compile(pattern, re.IGNORECASE), fn) for name, pattern, fn in _cyrillic_rules(r)]


def amount_of(written: str, lang: str) -> int:
    """A count written in digits, as a number word, or as ``a``/``an`` (one)."""
    if written.isdigit():
        return int(written)
    if written.lower() in ("a", "an"):
        return 1
    return int(words_value(written, lang) or 0)
