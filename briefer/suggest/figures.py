"""Figures: counts, money, percentages, measures, ranges and approximations.

A figure is a number (digits or words) with what makes it a quantity: a currency
(``$1.5 billion``), a unit (``478 square kilometers``), a percentage, or the noun
it counts (``160,000 personnel``). ``value`` is normalised (multipliers applied,
a range's lower bound with ``upper``), ``unit`` normalised where a lexicon knows it.
Years, times, dates, ordinals and identifiers (F-16, Article 5) are not figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from briefer.suggest import lexicon
from briefer.suggest.base import Occupancy, Suggestion
from briefer.suggest.counted import noun_after, plural, plural_after
from briefer.suggest.document import Document
from briefer.suggest.numbers import digits_pattern, digits_value, number_words, words_value

_S = r"[ \u00a0]"
_WORD_BEFORE = re.compile(r"([\w.]+)[ \u00a0]$")
# Nouns that "one" counts in the news ("one child was killed"); elsewhere "one" is a pronoun
# or a determiner ("one official said", "one day").
_ONE_NOUNS = frozenset(
    lexicon.stem(w)
    for w in "person child civilian soldier worker officer resident year month week day hour minute "
    "drone missile mine tank ship vessel aircraft plane helicopter house building hospital school "
    "людина особа дитина цивільний військовий рік місяць тиждень день година хвилина "
    "человек ребенок ребёнок мирный военный год месяц неделя час минута "
    "процентний відсотковий процентный".split()
)
_TIMES_WORDS = frozenset("twice thrice twofold threefold fourfold tenfold".split())
_PARTITIVE = re.compile(r" of (?:the|its|their|his|her|our|(?P<bare>them|those|us|whom))\b ?")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class _Lang:
    number: re.Pattern[str]
    approx: re.Pattern[str]
    after: re.Pattern[str]
    tail: re.Pattern[str]
    approximations: dict[str, str]
    units: dict[str, str]
    multipliers: dict[str, float]
    fraction: re.Pattern[str]
    fractions: dict[str, float]
    one_unit: re.Pattern[str]


@cache
def _lang(lang: str) -> _Lang:
    w = lexicon.words(lang)
    currencies = lexicon.shared("currencies")
    units = {str(k).lower(): str(v) for k, v in lexicon.shared("units").items()}
    units.update({str(k).lower(): str(v) for k, v in currencies["words"].items()})
    mults = {str(k).lower(): float(v) for k, v in w["multipliers"].items()}
    symbols = lexicon.alternation(currencies["symbols"])
    digits = digits_pattern(lang)
    words = number_words(lang).pattern
    mult = lexicon.alternation(mults)
    core = (
        rf"(?:(?P<cur>{symbols}){_S}?)?(?:(?P<d>{digits})|(?P<w>{words}))"
        rf"(?P<half>{_S}(?:and a half|з половиною|с половиной))?(?:{_S}?(?P<m>{mult})(?![\w]))?"
    )
    second = (
        rf"(?P<cur2>{symbols})?(?:(?P<d2>{digits})|(?P<w2>{words}))"
        rf"(?:{_S}?(?P<m2>{mult})(?![\w]))?"
    )
    rng = rf"(?:{_S}?(?:-|–|—|to|and|до|по){_S}?{second})?"
    number = re.compile(rf"(?<![\w$€£₴₽.,-]){core}{rng}", re.IGNORECASE)
    approx = re.compile(
        rf"(?:\b(?:{lexicon.alternation(w['approximations'])}|between|from|від|от)"
        rf"{_S}+)$",
        re.IGNORECASE,
    )
    unit_alt = lexicon.alternation(units)
    after = re.compile(rf"(?:{_S}?(?P<unit>{unit_alt})(?![\w²]))?", re.IGNORECASE)
    tail = re.compile(
        rf"(?:{_S}(?:per|a|за|на){_S}(?P<per>{unit_alt}|barrel|day|year|month|tonne)\b"
        rf"|-a-(?P<per2>\w+)|-(?P<compound>[a-z]+(?:-[a-z]+)*))?",
        re.IGNORECASE,
    )
    fractions = {str(k).lower(): float(v) for k, v in w["fractions"].items()}
    fraction = re.compile(
        rf"(?<![\w'’-])(?P<f>{lexicon.alternation(fractions)})"
        rf"(?![\w'’-])(?P<of>{_S}of{_S}|{_S}(?:a|an){_S}(?=\w))?",
        re.IGNORECASE,
    )
    spelled = [u for u in units if len(u) > 3 and u.replace(" ", "").isalpha()]
    one_unit = re.compile(rf"\b(?:a|an){_S}(?P<unit>{lexicon.alternation(spelled)})\b", re.IGNORECASE)
    return _Lang(
        number,
        approx,
        after,
        tail,
        {str(k).lower(): str(v) for k, v in w["approximations"].items()},
        units,
        mults,
        fraction,
        fractions,
        one_unit,
    )


def _value(m: re.Match[str], lang: str, suffix: str, cfg: _Lang) -> float | None:
    """The figure's value, or None when it has none (or one too large for a float: no figure)."""
    value = _raw_value(m, lang, suffix, cfg)
    return value if value is None or math.isfinite(value) else None


def _raw_value(m: re.Match[str], lang: str, suffix: str, cfg: _Lang) -> float | None:
    mult = cfg.multipliers.get((m.group(f"m{suffix}") or "").lower().rstrip("."), 1.0)
    if m.group(f"m{suffix}") and mult == 1.0:
        mult = cfg.multipliers.get(m.group(f"m{suffix}").lower(), 1.0)
    half = 0.5 if not suffix and m.group("half") else 0.0  # "six and a half", "шести с половиной"
    if m.group(f"d{suffix}"):
        return (digits_value(m.group(f"d{suffix}"), lang, scaled=bool(m.group(f"m{suffix}"))) + half) * mult
    words = m.group(f"w{suffix}")
    value = words_value(words, lang) if words else None
    return None if value is None else (value + half) * mult


def _excluded(text: str, m: re.Match[str]) -> bool:
    start = m.start()
    before = text[max(0, start - 2) : start]
    if before.endswith("-") and before[:1].isalpha():
        return True  # F-16, Su-34
    if m.group("d") and not m.group("cur"):
        written = m.group("d")
        nxt = text[m.end() : m.end() + 2]
        if nxt[:1].isalpha() and not re.match(r"(?:mm|km|kg|m\b|bn|k\b|%)", text[m.end() : m.end() + 3]):
            return True  # 24th, 1990s, 10am
        if _YEAR.fullmatch(written) and not m.group("m"):
            return True
    if m.group("w") and not m.group("d"):
        low = m.group("w").lower()
        if low in ("one", "один", "одна", "одне", "одно", "одну") and not m.group("m"):
            nxt = re.match(r"[ \u00a0]+(\w+)", text[m.end() : m.end() + 20])
            another = re.search(r"(?:\bще|\bеще|\bещё)[ \u00a0]+$", text[max(0, start - 6) : start])
            if another or not nxt or lexicon.stem(nxt.group(1).lower().rstrip("s")) not in _ONE_NOUNS:
                return True
    return False


def _identifier(text: str, start: int) -> bool:
    """A bare number right after a capitalised word mid-sentence: Article 5, Mirage 2000."""
    word = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not word or not word.group(1)[:1].isupper():
        return False
    before = text[max(0, word.start() - 3) : word.start()].strip()
    return (
        before[-1:] not in (".", "!", "?", "") and word.group(1).lower() not in lexicon.words("en")["months"]
    )


def _counted(
    text: str, start: int, end: int, m: re.Match[str], value: float, lang: str
) -> tuple[str | None, int, bool]:
    """What a bare number counts: ``(unit, end, counts_nothing)``.

    The noun after it (running on to a plural head in English), the noun of a
    partitive (``two of the bombs``: the figure is ``two``), ``times`` for
    ``twice``; ``counts_nothing`` for a number word that counts nothing
    (``the three``) or an identifier (``Article 5``).
    """
    noun = noun_after(text, end)
    if noun and lang == "en" and value >= 2 and not plural(noun[1]):
        noun = plural_after(text, noun[0]) or noun
    if noun:
        return noun[1], noun[0], False
    partitive = _PARTITIVE.match(text, end)
    if partitive:
        counted = None if partitive.group("bare") else noun_after(text, partitive.end())
        return (counted[1] if counted else None), end, bool(m.group("w")) and value < 2
    words_only = bool(m.group("w")) and not m.group("d")
    if words_only and m.group("w").lower() in _TIMES_WORDS:
        return "times", end, False
    if m.group("d") and not m.group("m") and _identifier(text, start):
        return None, end, True
    counts_nothing = words_only and (
        value < 2
        or bool(re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.IGNORECASE))
        or text[end : end + 4] == " of "
    )
    return None, end, counts_nothing


_ORDINAL_BEFORE = re.compile(
    r"(?:\b(?:the|first|second|this|last|next)|перш\w*|друг\w*|перв\w*|втор\w*|ця|эта)[ \u00a0]+$",
    re.IGNORECASE,
)


def _shares(doc: Document, cfg: _Lang, occupied: Occupancy) -> list[Suggestion]:
    """Fractions stating a share: ``almost a third`` of X = 33.3 %, ``half a hectare`` = 0.5 ha.

    A fraction counts when an approximation word precedes it, ``of`` follows it
    (English), or a noun follows it (Ukrainian and Russian: ``дві третини
    підприємств``); not after ``the``/an ordinal (``the second half``).
    """
    text, out = doc.text, []
    for m in cfg.fraction.finditer(text):
        start, end = m.start(), m.end("f")
        if not occupied.free(start, end) or _ORDINAL_BEFORE.search(text, max(0, start - 12), start):
            continue
        approx = cfg.approx.search(text, max(0, start - 25), start)
        if approx and approx.group().strip().lower() in ("between", "from", "від", "от"):
            approx = None
        joined = (m.group("of") or "").strip().lower()
        attributes: dict[str, object]
        if joined in ("a", "an"):  # half a hectare
            unit = cfg.after.match(text, m.end())
            noun = (
                (m.end() + len(unit.group()), cfg.units[unit.group("unit").lower()])
                if unit and unit.group("unit")
                else noun_after(text, m.end())
            )
            if noun is None or cfg.fractions[m.group("f").lower()] != 50:
                continue
            end = noun[0]
            attributes = {"value": 0.5, "unit": noun[1]}
        else:
            follows = re.match(r"[ \u00a0]+[a-zа-яёіїєґ]", text[end : end + 3]) and doc.lang != "en"
            if not (approx or joined == "of" or follows):
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


def _single_units(doc: Document, cfg: _Lang, occupied: Occupancy) -> list[Suggestion]:
    """A unit of measure after ``a``/``an``: ``rose by a metre`` is 1 m."""
    out = []
    for m in cfg.one_unit.finditer(doc.text):
        if occupied.free(m.start(), m.end()):
            occupied.take(m.start(), m.end())
            unit = cfg.units[" ".join(m.group("unit").lower().split())]
            out.append(
                Suggestion(
                    "figure", m.start(), m.end(), m.group(), {"value": 1, "unit": unit}, "figure-a-unit", 0.6
                )
            )
    return out


def find_figures(doc: Document, taken: list[tuple[int, int]]) -> list[Suggestion]:
    """Every figure in the document outside the ``taken`` spans (dates, times)."""
    text, lang = doc.text, doc.lang
    cfg = _lang(lang)
    out = []
    occupied = Occupancy(len(text))
    for s, e in taken:
        occupied.take(s, e)
    out += _shares(doc, cfg, occupied)
    pos = 0
    while True:
        m = cfg.number.search(text, pos)
        if m is None:
            break
        start, end = m.start(), m.end()
        pos = end
        if not occupied.free(start, end) or _excluded(text, m):
            continue
        value = _value(m, lang, "", cfg)
        if value is None:
            continue
        upper = _value(m, lang, "2", cfg) if (m.group("d2") or m.group("w2")) else None
        if upper is not None and upper * cfg.multipliers.get((m.group("m2") or "").lower(), 1.0) <= value:
            upper = None  # "from 27 to 25": two figures, not a range
            end = pos = max(m.end(g) for g in ("d", "w", "m") if m.group(g))
        if upper is not None and m.group("m2") and not m.group("m"):
            value *= cfg.multipliers.get(m.group("m2").lower(), 1.0)
        currency = m.group("cur") or m.group("cur2")
        unit = lexicon.shared("currencies")["symbols"].get(currency) if currency else None
        u = cfg.after.match(text, end)
        if u and u.group("unit"):
            unit = unit or cfg.units[u.group("unit").lower()]
            end = u.end()
        tail = cfg.tail.match(text, end)
        if tail and tail.group("per") and unit is None and not tail.group().lstrip().startswith("per"):
            tail = None  # "twice a year": a count, not a rate
        if tail and (tail.group("per") or tail.group("per2")):
            unit = f"{unit or ''} per {tail.group('per') or tail.group('per2')}".strip()
            end = tail.end()
        elif tail and tail.group("compound"):
            unit = unit or tail.group("compound").replace("-", " ")
            end = tail.end()
        elif unit is None:
            unit, end, counts_nothing = _counted(text, start, end, m, value, lang)
            if counts_nothing:
                continue
        if text[end - 1] == "." and not re.match(r"\s*[a-zа-яёіїєґ0-9]", text[end : end + 3]):
            end -= 1  # the full stop ends the sentence, not an abbreviation
        approx = cfg.approx.search(text, max(0, start - 25), start)
        if approx and upper is None and approx.group().strip().lower() in ("between", "from", "від", "от"):
            approx = None  # "up from 15%": a baseline, not a range
        attributes: dict[str, object] = {"value": int(value) if value == int(value) else value}
        if upper is not None:
            attributes["upper"] = int(upper) if upper == int(upper) else upper
        if unit:
            attributes["unit"] = unit
        if approx and approx.group().strip().lower() not in ("between", "from", "від", "от"):
            attributes["qualifier"] = cfg.approximations.get(
                " ".join(approx.group().lower().split()), "about"
            )
        if approx:
            start = approx.start()
        rule = (
            "figure-"
            + ("words" if m.group("w") and not m.group("d") else "digits")
            + ("-range" if upper is not None else "")
        )
        out.append(Suggestion("figure", start, end, text[start:end], attributes, rule, 0.8 if unit else 0.5))
        occupied.take(start, end)
    return sorted(out + _single_units(doc, cfg, occupied), key=lambda f: f.start)
