"""Dates and times, absolute and relative, normalised against the publication date.

``on Monday`` gives ``Monday`` with the Monday on or before publication in
past-tense reporting, after it with a future marker, the nearer one with neither
(``tense``); ``last October``, ``earlier this month``, ``two days ago`` likewise.
Without a publication date only what the text fixes (``March 2022``,
``5 October 2024``) gets an ISO value. The patterns are in ``daterules``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from briefer.suggest import datecalc, lexicon, wordlists
from briefer.suggest.base import Occupancy, Suggestion
from briefer.suggest.daterules import NOT_A_DATE, rules
from briefer.suggest.tense import NONE
from briefer.suggest.times import clock, find_times

if TYPE_CHECKING:
    from briefer.suggest.document import Document

# "the end of the year" is dated by "the year"; the edge words stay outside the span
_EDGE_OF = re.compile(r"(?i:(?:at[ \u00a0])?the[ \u00a0](?:end|start|beginning|close)[ \u00a0]of[ \u00a0])")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    iso: str | None
    rule: str
    day: date | None = None  # set when the expression names one day
    shift: tuple[str, int] | None = None  # counted from the date before it: unit, amount
    yearless: bool = False  # a day and month the tense did not place (it may continue a list)


def find_dates(doc: Document, published: str | None) -> list[Suggestion]:
    """Every date and time expression of the document, with ISO values where known."""
    anchor = datecalc.parse_published(published)
    text, lang = doc.text, doc.lang
    found: list[_Found] = []
    tenses = doc.tenses
    for name, pattern, resolve in rules(lang):
        for m in pattern.finditer(text):
            if name == "month" and _not_a_month(text, m, lang):
                continue
            if name == "year" and _after_name(text, m.start()):
                continue  # Mirage 2000
            tense = tenses.at(m.start(), m.end())
            iso, day_ = resolve(m, anchor, tense)
            if iso == NOT_A_DATE[0]:
                continue
            edge = _EDGE_OF.match(text, m.start(), m.end())
            start = edge.end() if edge and edge.end() < m.end() else m.start()
            yearless = name in ("month-day", "day-month") and not m.group("y") and tense == NONE
            shift = _shift_of(name, m, lang)
            found.append(_Found(start, m.end(), iso, f"date-{name}", day_, shift, yearless))
    times = [(m, clock(m, lang)) for m in find_times(text) if not _countdown(text, m.end(), lang)]
    found += [_Found(m.start(), m.end(), None, "date-time") for m, hm in times if hm is not None]
    kept = _continue_lists(_count_from_before(_longest(found, len(text))))
    clocks = {m.start(): hm for m, hm in times if hm is not None}
    return _merge_times(text, _date_times(doc, kept, clocks, anchor), clocks)


def _shift_of(name: str, m: re.Match[str], lang: str) -> tuple[str, int] | None:
    """How an expression counts from the date before it ("the previous week", "that day")."""
    phrase = " ".join(m.group().lower().split())
    anaphoric = wordlists.words(lang, "anaphoric")
    w = lexicon.words(lang)
    if name == "relative" and "rel" in m.groupdict():
        rel = " ".join(m.group("rel").lower().split())
        if rel in anaphoric and m.group("unit").lower() != "weekend":
            return m.group("unit").lower(), int(w["relative_words"].get(rel, 0))
    if name == "relative-day" and phrase in anaphoric:
        return "day", int(w["relative_days"].get(phrase, 0))
    if name == "that-unit":
        return m.group("unit").lower(), 0
    return None


def _count_from_before(found: list[_Found], reach: int = 1500) -> list[_Found]:
    """Expressions that count from the date before them get their value from it."""
    out: list[_Found] = []
    for f in found:
        if f.shift is not None:
            unit, amount = f.shift
            before = next((g for g in reversed(out) if g.iso and f.start - g.end < reach), None)
            parsed = datecalc.parse_iso(before.iso) if before and before.iso else None
            if parsed and datecalc.covers(parsed[1], unit):
                d, _precision = parsed
                iso = datecalc.shift(d, datecalc.unit_precision(unit), unit, amount)
                day_ = datecalc.parse_iso(iso)
                f = replace(f, iso=iso, day=day_[0] if day_ and day_[1] == "day" else None)
        out.append(f)
    return out


def _continue_lists(found: list[_Found], reach: int = 400) -> list[_Found]:
    """A yearless day after a later one close before it continues a dated list into the next year.

    A tour that resumes ``February 7th`` then plays ``June 9``, ``June 10``…
    """
    out: list[_Found] = []
    for f in found:
        before = next((g for g in reversed(out) if g.day and f.start - g.end < reach), None)
        if f.yearless and f.day and before and before.day and f.day < before.day:
            try:
                later = f.day.replace(year=f.day.year + 1)
            except ValueError:
                later = None
            if later and before.day <= later <= before.day + timedelta(days=366):
                f = replace(f, iso=later.isoformat(), day=later)
        out.append(f)
    return out


def _countdown(text: str, end: int, lang: str) -> bool:
    """``3:08 to play``, ``1:24 left``: a game clock, not a time of day."""
    after = wordlists.phrase_pattern(lang, "countdown_words").match(text, end + 1)
    return bool(after) and text[end : end + 1] == " "


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
    """Whether a month word is a name.

    ``May`` opening a sentence, a capitalised Ukrainian or Russian month (the name
    Марта), a name around it (``Jan Kavan``, ``Theresa May``, ``March for Life``).
    """
    if m.group("y") or m.groupdict().get("rel") or m.groupdict().get("ry"):
        return False
    if lang != "en":
        return m.group("mon")[:1].isupper()
    if m.group("mon") == "May" and _sentence_start(text, m.start()):
        return True
    joiners = "|".join(map(re.escape, wordlists.words(lang, "name_joiners")))
    named_after = re.match(rf"[ \u00a0]+(?:(?:{joiners})[ \u00a0]+)?[A-Z][a-z]", text[m.end() : m.end() + 20])
    dated = wordlists.phrase_pattern(lang, "date_prepositions").search(text, max(0, m.start() - 9), m.start())
    return (named_after is not None and not (dated and dated.end() == m.start() - 1)) or _after_name(
        text, m.start()
    )


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


_TIME_THEN_DAY = re.compile(r"[ \u00a0]+(?:on[ \u00a0]+|,[ \u00a0]*)?|[ \u00a0]*,[ \u00a0]*")
_DAY_THEN_TIME = re.compile(r",?[ \u00a0]+(?:at|from)[ \u00a0]+|,[ \u00a0]*")
_WEEKDAY_THEN_DATE = re.compile(r",?[ \u00a0]+")


def _same_day(text: str, found: list[_Found]) -> list[_Found]:
    """``Friday, December 6th``: a weekday and the date after it naming that weekday are one."""
    out: list[_Found] = []
    for f in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.rule == "date-weekday"
            and last.day is not None
            and f.day is not None
            and last.day.weekday() == f.day.weekday()
            and _WEEKDAY_THEN_DATE.fullmatch(text, last.end, f.start)
        ):
            out[-1] = replace(f, start=last.start)
            continue
        out.append(f)
    return out


def _merge_times(text: str, found: list[_Found], clocks: dict[int, tuple[int, int]]) -> list[Suggestion]:
    """A time and the day it falls on, written together, become one date-time.

    ``6pm on Monday``, ``Friday, December 6th, at 10 a.m.``
    """
    out = []
    found = _same_day(text, found)
    i = 0
    while i < len(found):
        f = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        pair = None
        if nxt is not None and f.rule == "date-time" and nxt.day is not None:
            pair = (f, nxt) if _TIME_THEN_DAY.fullmatch(text, f.end, nxt.start) else None
        elif nxt is not None and nxt.rule == "date-time" and f.day is not None and nxt.start in clocks:
            pair = (nxt, f) if _DAY_THEN_TIME.fullmatch(text, f.end, nxt.start) else None
        if pair is not None and nxt is not None:
            time_, day_ = pair
            hour, minute = clocks[time_.start]
            assert day_.day is not None
            iso = f"{day_.day.isoformat()}T{hour:02d}:{minute:02d}"
            span = (f.start, nxt.end)
            out.append(Suggestion("date", *span, text[span[0] : span[1]], {"iso": iso}, "date-time+day", 0.8))
            i += 2
            continue
        attributes = {"iso": f.iso} if f.iso else {}
        confidence = 0.85 if f.iso else 0.6
        out.append(Suggestion("date", f.start, f.end, text[f.start : f.end], attributes, f.rule, confidence))
        i += 1
    return out
