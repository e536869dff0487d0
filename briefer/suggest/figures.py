"""Figures: counts, money, percentages, measures, ranges and approximations.

A figure is a number (digits or words) with what makes it a quantity: a currency
(``$1.5 billion``), a unit (``478 square kilometers``), a percentage, or the noun
it counts (``160,000 personnel``). ``value`` is normalised (multipliers applied,
a range's lower bound with ``upper``), ``unit`` normalised where a lexicon knows it.
Years, times, dates, ordinals, scores and identifiers (F-16, Article 5) are not
figures. Each number runs through the named rules of ``figure_rules.RULES``;
shares (``almost a third``, ``eight out of ten``) and single units (``a metre``,
``within a month``) are found beside them.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from briefer.suggest import wordlists
from briefer.suggest.base import Occupancy, Suggestion
from briefer.suggest.counted import noun_after
from briefer.suggest.figure_lang import FigureLang, S, figure_lang
from briefer.suggest.figure_rules import RULES, Candidate
from briefer.suggest.numbers import words_value

if TYPE_CHECKING:
    from briefer.model import AttrValue
    from briefer.suggest.document import Document


def _number(value: float) -> int | float:
    rounded = round(value, 9)
    return int(rounded) if rounded == int(rounded) else rounded


def _shares(doc: Document, cfg: FigureLang, occupied: Occupancy) -> list[Suggestion]:
    """Fractions stating a share.

    ``almost a third`` of X = 33.3 %, ``half a hectare`` = 0.5 ha, ``half the size`` = 50 %.

    A fraction counts when an approximation word precedes it, ``of`` or ``the``
    follows it (English), or a noun follows it (Ukrainian and Russian: ``дві
    третини підприємств``); not after ``the``/an ordinal (``the second half``).
    """
    text, out = doc.text, []
    ordinal = wordlists.phrase_pattern(doc.lang, "ordinal_before")
    for m in cfg.fraction.finditer(text):
        start, end = m.start(), m.end("f")
        before = ordinal.search(text, max(0, start - 12), start)
        if not occupied.free(start, end) or (before and not text[before.end() : start].strip(" \u00a0\\w")):
            continue
        approx = cfg.approx.search(text, max(0, start - 25), start)
        if approx and " ".join(approx.group().lower().split()) in cfg.openers:
            approx = None
        joined = (m.group("of") or "").strip().lower()
        attributes: dict[str, AttrValue]
        if joined in ("a", "an"):  # half a hectare
            unit = cfg.after.match(text, m.end())
            noun = (
                (m.end() + len(unit.group()), cfg.units[unit.group("unit").lower()])
                if unit and unit.group("unit")
                else noun_after(text, m.end(), doc.lang)
            )
            if noun is None or cfg.fractions[m.group("f").lower()] != 50:
                continue
            end = noun[0]
            attributes = {"value": 0.5, "unit": noun[1]}
        else:
            follows = re.match(r"[ \u00a0]+[a-zа-яёіїєґ]", text[end : end + 3]) and doc.lang != "en"
            if not (approx or joined in ("of", "the") or follows):
                continue
            attributes = {"value": cfg.fractions[" ".join(m.group("f").lower().split())], "unit": "%"}
        if approx:
            attributes["qualifier"] = cfg.approximations.get(
                " ".join(approx.group().lower().split()), "about"
            )
            start = approx.start()
        occupied.take(start, end)
        out.append(Suggestion("figure", start, end, text[start:end], attributes, "figure-fraction", 0.7))
    return out


def _out_of(doc: Document, cfg: FigureLang, occupied: Occupancy) -> list[Suggestion]:
    """``eight out of ten`` (companies): a share, 80 %."""
    joiners = "|".join(re.escape(j) for j in wordlists.words(doc.lang, "share_joiners"))
    if not joiners:
        return []
    number = r"(?:\d+|[^\W\d_]+)"
    out = []
    for m in re.finditer(rf"\b(?P<a>{number}){S}+(?:{joiners}){S}+(?P<b>{number})\b", doc.text):
        a, b = (_count(m.group(g), doc.lang) for g in ("a", "b"))
        if not a or not b or a > b or b < 2 or not occupied.free(m.start(), m.end()):
            continue
        occupied.take(m.start(), m.end())
        share = {"value": _number(100 * a / b), "unit": "%"}
        out.append(Suggestion("figure", m.start(), m.end(), m.group(), share, "figure-share", 0.7))
    return out


def _count(written: str, lang: str) -> float | None:
    return float(written) if written.isdigit() else words_value(written, lang)


def _single_units(doc: Document, cfg: FigureLang, occupied: Occupancy) -> list[Suggestion]:
    """One of a unit after ``a``/``an``: ``rose by a metre`` is 1 m.

    ``within a month``, ``a year later``: one of a time unit (not a rate: ``eight hours a day``).
    """
    out = []
    units = wordlists.table(doc.lang, "one_time_units")
    after = wordlists.phrase_pattern(doc.lang, "a_unit_after")
    before = wordlists.phrase_pattern(doc.lang, "a_unit_before")
    times = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) or "(?!)"
    time_unit = re.compile(rf"\b(?:an?){S}(?P<unit>{times})\b", re.IGNORECASE)
    for pattern, rule in ((cfg.one_unit, "figure-a-unit"), (time_unit, "figure-a-time")):
        for m in pattern.finditer(doc.text):
            if not occupied.free(m.start(), m.end()):
                continue
            if pattern is time_unit:
                window = after.finditer(doc.text, max(0, m.start() - 14), m.start())
                led = any(x.end() == m.start() - 1 for x in window)
                if not (led or before.match(doc.text, m.end() + 1)):
                    continue  # "eight hours a day": a rate
            occupied.take(m.start(), m.end())
            written = " ".join(m.group("unit").lower().split())
            unit = cfg.units.get(written) or str(units.get(written, written))
            start = m.start()
            qualifier = cfg.approx.search(doc.text, max(0, start - 25), start)
            attributes: dict[str, AttrValue] = {"value": 1, "unit": unit}
            if qualifier and " ".join(qualifier.group().lower().split()) not in cfg.openers:
                attributes["qualifier"] = cfg.approximations.get(" ".join(qualifier.group().lower().split()))
                start = qualifier.start()
            out.append(Suggestion("figure", start, m.end(), doc.text[start : m.end()], attributes, rule, 0.6))
    return out


def _suggestion(text: str, f: Candidate) -> Suggestion:
    attributes: dict[str, AttrValue] = {"value": _number(f.value)}
    if f.upper is not None:
        attributes["upper"] = _number(f.upper)
    if f.unit:
        attributes["unit"] = f.unit
    attributes.update(f.attributes)
    kind = "words" if f.words_only else "digits"
    rule = f"figure-{kind}" + ("-range" if f.upper is not None else "")
    return Suggestion(
        "figure", f.start, f.end, text[f.start : f.end], attributes, rule, 0.8 if f.unit else 0.5
    )


def find_figures(doc: Document, taken: list[tuple[int, int]]) -> list[Suggestion]:
    """Every figure in the document outside the ``taken`` spans (dates, times)."""
    text = doc.text
    cfg = figure_lang(doc.lang)
    occupied = Occupancy(len(text))
    for s, e in taken:
        occupied.take(s, e)
    out = _shares(doc, cfg, occupied) + _out_of(doc, cfg, occupied)
    pos = 0
    while (m := cfg.number.search(text, pos)) is not None:
        if not occupied.free(m.start(), m.end()):
            pos = m.start() + 1  # "November 3—nine days": the number after a date still counts
            continue
        pos = m.end()
        f = Candidate(m, m.start(), m.end())
        if all(rule(text, cfg, f) for _, rule in RULES) and occupied.free(f.start, f.end):
            pos = max(f.end, m.start() + 1) if f.end < m.end() else pos
            if f.value is None or not math.isfinite(f.value):
                continue  # a 400-digit "number" is no quantity
            out.append(_suggestion(text, f))
            occupied.take(f.start, max(f.end, f.reach))
    return sorted(out + _single_units(doc, cfg, occupied), key=lambda s: s.start)
