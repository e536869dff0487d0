"""Figures: counts, money, percentages, measures, ranges and approximations.

A figure is a number (digits or words) with what makes it a quantity: a currency
(``$1.5 billion``), a unit (``478 square kilometers``), a percentage, or the noun
it counts (``160,000 personnel``). ``value`` is normalised (multipliers applied,
a range's lower bound with ``upper``), ``unit`` normalised where a lexicon knows it.
Years, times, dates, ordinals and identifiers (F-16, Article 5) are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefer.suggest import lexicon
from briefer.suggest.base import Occupancy, Suggestion
from briefer.suggest.document import Document
from briefer.suggest.numbers import digits_pattern, digits_value, number_words, words_value

_S = r"[ \u00a0]"
_STOP_NOUNS = frozenset(
    "of the a an and or but to in on at by for from with as than that which who whom whose "
    "were was are is be been being have has had will would could should may might can do did "
    "not no so more most less least over under about around after before since until per each "
    "today yesterday tomorrow now then ago last next here there ago alone across into onto through "
    "throughout within along near inside outside toward towards against among between beyond during "
    "via without since while when where if because "
    "this these those it its their his her our they he she we you i also only just still "
    "і й та в у на з із до за по від що як не а але ще вже це би ж и с со к о об от для при "
    "был была были было будет є був була були буде".split()
)
_VERB_ENDINGS = ("ть", "ться", "тися", "ла", "ли", "ло", "лася", "лись", "лося")
_WORDS = re.compile(r"[\w'’-]+|[^\w\s]")
_ADJ_ENDINGS = (
    "ed",
    "ing",
    "al",
    "ary",
    "ive",
    "ic",
    "ian",
    "ish",
    "ese",
    "ful",
    "less",
    "ous",
    "ern",
    "ий",
    "ій",
    "ый",
    "ой",
    "ая",
    "яя",
    "ое",
    "ее",
    "ые",
    "ие",
    "і",
    "их",
    "іх",
    "ых",
    "ої",
    "ної",
)
_ADJECTIVES = frozenset(
    "port air fighter apartment new more military civilian foreign armed local senior "
    "young old small large big major heavy light nuclear additional other".split()
)
_WORD_BEFORE = re.compile(r"([\w.]+)[ \u00a0]$")
_ONE_NOUNS = frozenset("person year month week day hour minute child civilian soldier".split())
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
        rf"(?P<cur>{symbols})?{_S}?(?:(?P<d>{digits})|(?P<w>{words}))"
        rf"(?:{_S}?(?P<m>{mult})(?![\w]))?"
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
    return _Lang(
        number,
        approx,
        after,
        tail,
        {str(k).lower(): str(v) for k, v in w["approximations"].items()},
        units,
        mults,
    )


def _value(m: re.Match[str], lang: str, suffix: str, cfg: _Lang) -> float | None:
    mult = cfg.multipliers.get((m.group(f"m{suffix}") or "").lower().rstrip("."), 1.0)
    if m.group(f"m{suffix}") and mult == 1.0:
        mult = cfg.multipliers.get(m.group(f"m{suffix}").lower(), 1.0)
    if m.group(f"d{suffix}"):
        return digits_value(m.group(f"d{suffix}"), lang, scaled=bool(m.group(f"m{suffix}"))) * mult
    words = m.group(f"w{suffix}")
    value = words_value(words, lang) if words else None
    return None if value is None else value * mult


def _noun(text: str, pos: int) -> tuple[int, str] | None:
    """The counted noun after a number: a lower-case word, after adjectives or capitalised names."""
    gap = pos
    for w in list(_WORDS.finditer(text, pos, min(len(text), pos + 80)))[:4]:
        word = w.group()
        if text[gap : w.start()].strip(" \u00a0") or not word[0].isalpha():
            return None
        low = word.lower()
        if low in ("more", "other", "більше", "больше") and gap == pos:
            gap = w.end()
            continue
        if low in _STOP_NOUNS or (low.endswith(_VERB_ENDINGS) and not word[0].isupper()):
            return None
        gap = w.end()
        if (
            word[0].isupper()
            or (low in _ADJECTIVES or low.endswith(_ADJ_ENDINGS))
            and _next_is_word(text, gap)
        ):
            continue
        if low.endswith(("ed", "ing", "'s", "’s")):
            return None
        return w.end(), low
    return None


def _next_is_word(text: str, pos: int) -> bool:
    m = re.match(r"[ \u00a0]+([\w'’-]+)", text[pos : pos + 40])
    return bool(m) and m.group(1).lower() not in _STOP_NOUNS


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
        if low in ("one", "один", "одна", "одне", "одно") and not m.group("m"):
            nxt = re.match(r"[ \u00a0]+(\w+)", text[m.end() : m.end() + 20])
            if not nxt or nxt.group(1).lower().rstrip("s") not in _ONE_NOUNS:
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


def find_figures(doc: Document, taken: list[tuple[int, int]]) -> list[Suggestion]:
    """Every figure in the document outside the ``taken`` spans (dates, times)."""
    text, lang = doc.text, doc.lang
    cfg = _lang(lang)
    out = []
    occupied = Occupancy(len(text))
    for s, e in taken:
        occupied.take(s, e)
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
        if tail and (tail.group("per") or tail.group("per2")):
            unit = f"{unit or ''} per {tail.group('per') or tail.group('per2')}".strip()
            end = tail.end()
        elif tail and tail.group("compound"):
            unit = unit or tail.group("compound").replace("-", " ")
            end = tail.end()
        elif unit is None:
            noun = _noun(text, end)
            of_the = re.match(r" of (?:the|its|their) ", text[end : end + 14])
            if noun is None and of_the:
                noun = _noun(text, end + of_the.end())
            if noun:
                end, unit = noun
            elif m.group("d") and not m.group("m") and _identifier(text, start):
                continue
            elif (
                m.group("w")
                and not m.group("d")
                and (
                    value < 2
                    or re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.IGNORECASE)
                    or text[end : end + 4] == " of "
                )
            ):
                continue  # a number word counting nothing ("the three", "two of them")
        if text[end - 1] == "." and not re.match(r"\s*[a-zа-яёіїєґ0-9]", text[end : end + 3]):
            end -= 1  # the full stop ends the sentence, not an abbreviation
        approx = cfg.approx.search(text, max(0, start - 25), start)
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
    return out
