"""Dates and times, absolute and relative, normalised against the publication date.

``on Monday`` gives ``Monday`` with the Monday on or before publication in
past-tense reporting, after it with a future marker, the nearer one with neither
(``tense``); ``last October``, ``earlier this month``, ``two days ago`` likewise.
Without a publication date only what the text fixes (``March 2022``, ``5 October 2024``) gets an ISO value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from briefer.suggest import datecalc, lexicon
from briefer.suggest.base import Occupancy, Suggestion
from briefer.suggest.document import Document
from briefer.suggest.numbers import words_value
from briefer.suggest.tense import Tenses
from briefer.suggest.times import DAY_PARTS, clock, find_times

_YEAR_WORDS = r"(?:року|році|рік|роки|років|р\.|годами|годов|годы|года|году|год|г\.)"
_REL_YEAR = {
    "last year": -1,
    "this year": 0,
    "next year": 1,
    "минулого року": -1,
    "цього року": 0,
    "наступного року": 1,
    "прошлого года": -1,
    "этого года": 0,
    "следующего года": 1,
}
_ABBR_DOT = r"(?:(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?<=Sept))\.)?"


# "the end of the year" is dated by "the year"; the edge words stay outside the span
_EDGE_OF = re.compile(r"(?i:(?:at[ \u00a0])?the[ \u00a0](?:end|start|beginning|close)[ \u00a0]of[ \u00a0])")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    iso: str | None
    rule: str
    day: date | None = None  # set when the expression names one day


Resolver = Callable[[re.Match[str], date | None, int], tuple[str | None, date | None]]


def _months(lang: str) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in lexicon.words(lang)["months"].items()}


def _month_names(lang: str) -> str:
    names = _months(lang)
    if lang == "en":
        return lexicon.alternation(n.capitalize() for n in names if n != "may" and len(n) > 2) + "|May"
    return lexicon.alternation(names)


@cache
def _rules(lang: str) -> list[tuple[str, re.Pattern[str], Resolver]]:
    w = lexicon.words(lang)
    months = _months(lang)
    mon = _month_names(lang)
    weekdays = {str(k).lower(): int(v) for k, v in w["weekdays"].items()}
    if lang == "en":
        wd = lexicon.alternation(k.capitalize() for k in weekdays if len(k) > 3)
    else:
        wd = lexicon.alternation(weekdays)
    rel_days = {str(k).lower(): int(v) for k, v in w["relative_days"].items()}
    ci = "(?i:" if lang == "en" else "(?:"
    flags = 0 if lang == "en" else re.IGNORECASE

    def month_of(m: re.Match[str]) -> int:
        return months[m.group("mon").lower().rstrip(".")]

    def absolute(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        mo = month_of(m)
        d = int(m.group("d")) if m.groupdict().get("d") else None
        year = int(m.group("y")) if m.groupdict().get("y") else None
        rel = (m.groupdict().get("ry") or "").lower()
        if year is None and rel and anchor:
            year = anchor.year + _REL_YEAR.get(" ".join(rel.split()), 0)
        modifier = (m.groupdict().get("rel") or "").lower()
        if d is None:
            if year is None and anchor:
                strict = modifier in ("last", "next")
                year = datecalc.month_year(
                    anchor, mo, 1 if modifier == "next" else (-1 if modifier == "last" else direction), strict
                )
                if modifier == "this":
                    year = anchor.year
            return (datecalc.month(year, mo) if year else None), None
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

    def iso_date(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        try:
            d = date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        except ValueError:
            return None, None
        return d.isoformat(), d

    def on_weekday(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        if anchor is None:
            return None, None
        modifier = (m.group("rel") or "").lower()
        target = weekdays[
            m.group("wd").lower().rstrip("s")
            if m.group("wd").lower().rstrip("s") in weekdays
            else m.group("wd").lower()
        ]
        if modifier == "next":
            d = datecalc.weekday(anchor, target, 1, strict=True)
        elif modifier == "last":
            d = datecalc.weekday(anchor, target, -1, strict=True)
        else:
            d = datecalc.weekday(anchor, target, direction)
        return d.isoformat(), d

    def relative_day(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        if anchor is None:
            return None, None
        from datetime import timedelta

        d = anchor + timedelta(days=rel_days[" ".join(m.group().lower().split())])
        return d.isoformat(), d

    def relative_unit(
        m: re.Match[str], anchor: date | None, direction: int
    ) -> tuple[str | None, date | None]:
        if anchor is None:
            return None, None
        words = " ".join(m.group("rel").lower().split())
        offset = int(lexicon.words(lang)["relative_words"].get(words, 0))
        unit = m.group("unit").lower()
        return datecalc.relative(anchor, "week" if unit == "weekend" else unit, offset), None

    def relative_phrase(
        m: re.Match[str], anchor: date | None, direction: int
    ) -> tuple[str | None, date | None]:
        if anchor is None:
            return None, None
        unit, offset = w["relative_phrases"][" ".join(m.group().lower().split())]
        return datecalc.relative(anchor, str(unit), int(offset)), None

    def ago(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        n = m.group("n")
        amount = (
            int(n) if n.isdigit() else (1 if n.lower() in ("a", "an") else int(words_value(n, lang) or 0))
        )
        if anchor is None or not amount:
            return None, None
        return datecalc.ago(anchor, amount, m.group("unit").lower()), None

    def year(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        if m.group("y2") or m.groupdict().get("s"):
            return None, None
        return m.group("y"), None

    def season(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        if m.group("y"):
            return m.group("y"), None
        return None, None

    def no_iso(m: re.Match[str], anchor: date | None, direction: int) -> tuple[str | None, date | None]:
        return None, None

    rel_words = lexicon.alternation(w.get("relative_words", {}))
    en_rules: list[tuple[str, str, Resolver]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b", iso_date),
        (
            "month-day",
            rf"(?:{ci}(?P<rel>early|late|mid)[ -]))?\b(?P<mon>{mon})\.?[ \u00a0](?P<d>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?:,?[ \u00a0](?P<y>\d{{4}}))?",
            absolute,
        ),
        (
            "day-month",
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?(?P<mon>{mon})\b{_ABBR_DOT}"
            rf"(?:,?[ \u00a0](?P<y>\d{{4}}))?",
            absolute,
        ),
        (
            "month",
            rf"(?:{ci}(?P<rel>last|this|next|early|late|mid|earlier this|later this))[ -])?"
            rf"\b(?P<mon>{mon})\b{_ABBR_DOT}(?:[ \u00a0](?P<y>\d{{4}})\b"
            rf"|[ \u00a0](?P<ry>(?i:last year|this year|next year)))?",
            absolute,
        ),
        (
            "weekday",
            rf"(?:{ci}(?P<rel>last|next|this|late|early))[ \u00a0])?\b(?P<wd>{wd})\b"
            rf"(?:[ \u00a0](?P<part>{DAY_PARTS}))?",
            on_weekday,
        ),
        ("relative-day", rf"\b{ci}{lexicon.alternation(rel_days)})\b", relative_day),
        (
            "relative",
            rf"\b{ci}(?P<rel>{rel_words})[ \u00a0]+(?P<unit>week|month|year|weekend))\b",
            relative_unit,
        ),
        (
            "ago",
            rf"\b(?P<n>\d+|[A-Za-z]+(?:-[a-z]+)?)[ \u00a0]+(?P<unit>{ci}days?|weeks?|months?|years?))"
            rf"[ \u00a0]+{ci}ago)\b",
            ago,
        ),
        (
            "year",
            r"(?<![\w$€£.,/#-])(?P<y>(?:19|20)\d\d)(?:(?:/|–|-)(?P<y2>\d{2}|\d{4}))?(?P<s>s)?"
            r"(?![\w%]|[.,]\d|[ \u00a0](?:percent|per cent|people|tonnes|km)\b)",
            year,
        ),
        (
            "season",
            rf"\b{ci}(?:last|this|next|the|early|late)[ \u00a0](?:spring|summer|autumn|winter)"
            rf"(?:[ \u00a0]of[ \u00a0](?P<y>\d{{4}}))?)\b",
            season,
        ),
        (
            "quarter",
            rf"\b{ci}the[ \u00a0](?:first|second|third|fourth|last)[ \u00a0](?:quarter|half)"
            rf"(?:[ \u00a0]of[ \u00a0](?P<y>\d{{4}}))?)\b",
            season,
        ),
    ]
    if lang == "en":
        return [(name, re.compile(pattern, flags), fn) for name, pattern, fn in en_rules]
    uk_rules: list[tuple[str, str, Resolver]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b", iso_date),
        (
            "day-month",
            rf"\b(?P<d>\d{{1,2}})(?:[ \u00a0]*(?:по|-|–)[ \u00a0]*\d{{1,2}})?[ \u00a0](?P<mon>{mon})\b"
            rf"(?:[ \u00a0](?P<y>\d{{4}})(?:[ \u00a0]{_YEAR_WORDS})?)?",
            absolute,
        ),
        (
            "month",
            rf"\b(?P<mon>{mon})(?:[–-](?:{mon}))?\b(?:[ \u00a0](?P<y>\d{{4}})(?:[ \u00a0]{_YEAR_WORDS})?"
            rf"|[ \u00a0](?P<ry>минулого року|цього року|наступного року|прошлого года|этого года|"
            rf"следующего года))?",
            absolute,
        ),
        ("weekday", rf"\b(?P<rel>)(?P<wd>{wd})\b", on_weekday),
        ("relative-day", rf"\b(?:{lexicon.alternation(rel_days)})\b", relative_day),
        ("relative", rf"(?<![\w])(?:{lexicon.alternation(w['relative_phrases'])})\b", relative_phrase),
        (
            "quarter",
            rf"\b(?:перш|друг|трет|четверт|перв|втор)\w*[ \u00a0](?:квартал|півріччя|полугоди)\w*"
            rf"(?:[ \u00a0](?P<y>\d{{4}})(?:[ \u00a0]{_YEAR_WORDS})?)?",
            season,
        ),
        (
            "year",
            rf"(?<![\w$€£.,/#-])(?P<y>(?:19|20)\d\d)(?:[–-](?P<y2>(?:19|20)\d\d))?(?![\w%]|[.,]\d)"
            rf"(?:[ \u00a0]{_YEAR_WORDS})?",
            year,
        ),
    ]
    return [(name, re.compile(pattern, flags), fn) for name, pattern, fn in uk_rules]


def find_dates(doc: Document, published: str | None) -> list[Suggestion]:
    """Every date and time expression of the document, with ISO values where known."""
    anchor = datecalc.parse_published(published)
    text, lang = doc.text, doc.lang
    found: list[_Found] = []
    tenses = Tenses(doc)
    for name, pattern, resolve in _rules(lang):
        for m in pattern.finditer(text):
            if name == "month" and _not_a_month(text, m, lang):
                continue
            if name == "year" and _after_name(text, m.start()):
                continue  # Mirage 2000
            iso, day_ = resolve(m, anchor, tenses.at(m.start(), m.end()))
            edge = _EDGE_OF.match(text, m.start(), m.end())
            start = edge.end() if edge and edge.end() < m.end() else m.start()
            found.append(_Found(start, m.end(), iso, f"date-{name}", day_))
    times = [(m, clock(m, lang)) for m in find_times(text)]
    found += [_Found(m.start(), m.end(), None, "date-time") for m, hm in times if hm is not None]
    kept = _longest(found, len(text))
    clocks = {m.start(): hm for m, hm in times if hm is not None}
    return _merge_times(text, _date_times(doc, kept, clocks, anchor), clocks)


def _date_times(
    doc: Document, found: list[_Found], clocks: dict[int, tuple[int, int]], anchor: date | None
) -> list[_Found]:
    """A time alone falls on the day its sentence names, else on the publication day."""
    out = []
    for f in found:
        if f.rule == "date-time" and f.iso is None and f.start in clocks:
            s_start, s_end = doc.sentence_at(f.start)
            days = [g.day for g in found if g.day is not None and s_start <= g.start < s_end]
            day_ = days[0] if days else anchor
            if day_ is not None:
                hour, minute = clocks[f.start]
                f = replace(f, iso=f"{day_.isoformat()}T{hour:02d}:{minute:02d}")
        out.append(f)
    return out


def _not_a_month(text: str, m: re.Match[str], lang: str) -> bool:
    """``May`` opening a sentence, or a capitalised Ukrainian/Russian month (the name Марта)."""
    if m.group("y") or m.groupdict().get("rel") or m.groupdict().get("ry"):
        return False
    if lang == "en":
        return m.group("mon") == "May" and _sentence_start(text, m.start())
    return m.group("mon")[:1].isupper()


def _after_name(text: str, pos: int) -> bool:
    word = re.search(r"([\w-]+)[ \u00a0]$", text[max(0, pos - 30) : pos])
    if not word or not word.group(1)[:1].isupper():
        return False
    return not _sentence_start(text, pos - len(word.group(0)))


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"“«„'‘")
    return not before or before[-1] in ".!?\n"


def _longest(found: list[_Found], length: int) -> list[_Found]:
    kept: list[_Found] = []
    taken = Occupancy(length)
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if taken.free(f.start, f.end):
            taken.take(f.start, f.end)
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


_JOIN = re.compile(r"[ \u00a0]+(?:on[ \u00a0]+|,[ \u00a0]*)?$|[ \u00a0]*,[ \u00a0]*$")


def _merge_times(text: str, found: list[_Found], clocks: dict[int, tuple[int, int]]) -> list[Suggestion]:
    """A time followed by the day it falls on (``6pm on Monday``) becomes one date-time."""
    out = []
    i = 0
    while i < len(found):
        f = found[i]
        if f.rule == "date-time" and i + 1 < len(found):
            nxt = found[i + 1]
            between = text[f.end : nxt.start]
            if len(between) <= 5 and _JOIN.search(between) and nxt.day is not None:
                hour, minute = clocks[f.start]
                iso = f"{nxt.day.isoformat()}T{hour:02d}:{minute:02d}"
                out.append(
                    Suggestion(
                        "date", f.start, nxt.end, text[f.start : nxt.end], {"iso": iso}, "date-time+day", 0.8
                    )
                )
                i += 2
                continue
        attributes = {"iso": f.iso} if f.iso else {}
        confidence = 0.85 if f.iso else 0.6
        out.append(Suggestion("date", f.start, f.end, text[f.start : f.end], attributes, f.rule, confidence))
        i += 1
    return out
