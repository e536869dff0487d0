"""The compiled figure patterns of one language, built from its word lists.

Number words, multipliers, approximations, units and currencies come from
``language.yaml``; range joiners, rate words and the like from
``quantities.yaml``. Nothing here names a word of any language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefer.suggest import lexicon, wordlists
from briefer.suggest.numbers import digits_pattern, number_words

S = r"[ \u00a0]"


@dataclass(frozen=True, slots=True)
class FigureLang:
    """Patterns and tables the figure rules of one language share."""

    lang: str
    number: re.Pattern[str]  # a number (digits or words, multiplier, currency, range)
    approx: re.Pattern[str]  # an approximation word or range opener ending right before a number
    after: re.Pattern[str]  # a unit right after a number
    tail: re.Pattern[str]  # a rate ("per day", "-a-month") or a hyphenated compound after it
    approximations: dict[str, str]
    openers: frozenset[str]
    units: dict[str, str]
    multipliers: dict[str, float]
    fraction: re.Pattern[str]
    fractions: dict[str, float]
    one_unit: re.Pattern[str]
    symbols: dict[str, str]


def _alt(words: frozenset[str] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", S + "+") for w in sorted(words, key=len, reverse=True))


@cache
def figure_lang(lang: str) -> FigureLang:
    """The figure patterns of ``lang`` (compiled once)."""
    w = lexicon.words(lang)
    currencies = lexicon.shared("currencies")
    units = {str(k).lower(): str(v) for k, v in lexicon.shared("units").items()}
    units.update({str(k).lower(): str(v) for k, v in currencies["words"].items()})
    mults = {str(k).lower(): float(v) for k, v in w["multipliers"].items()}
    symbols = lexicon.alternation(currencies["symbols"])
    digits = digits_pattern(lang)
    words = number_words(lang).pattern
    mult = lexicon.alternation(mults)
    half = _alt(wordlists.words(lang, "half_words")) or "(?!)"
    core = (
        rf"(?:(?P<cur>{symbols}){S}?)?(?:(?P<d>{digits})|(?P<w>{words}))"
        rf"(?P<half>{S}(?:{half})|-and-a-half)?(?:{S}?(?P<m>{mult})(?![\w]))?"
    )
    second = rf"(?P<cur2>{symbols})?(?:(?P<d2>{digits})|(?P<w2>{words}))(?:{S}?(?P<m2>{mult})(?![\w]))?"
    joiners = _alt(wordlists.words(lang, "range_joiners"))
    rng = rf"(?:(?P<pct>%)?{S}?(?:{joiners}){S}?{second})?"
    number = re.compile(rf"(?<![\w$€£₴₽.,-]){core}{rng}", re.IGNORECASE)
    openers = wordlists.words(lang, "range_openers")
    approx_words = [*w["approximations"], *openers]
    approx = re.compile(rf"(?:\b(?:{lexicon.alternation(approx_words)}){S}+)$", re.IGNORECASE)
    unit_alt = lexicon.alternation(units)
    after = re.compile(rf"(?:{S}?(?P<unit>{unit_alt})(?![\w²]))?", re.IGNORECASE)
    rate = _alt(wordlists.words(lang, "rate_words"))
    targets = _alt(wordlists.words(lang, "rate_targets"))
    time_after = _alt(wordlists.words(lang, "not_a_rate_before")) or "(?!)"
    tail = re.compile(
        rf"(?:{S}(?P<rate>per){S}(?P<any>[a-z]+)\b"
        rf"|{S}(?P<rate2>{rate}){S}(?P<per>{unit_alt}|{targets})\b(?!{S}+(?:{time_after})\b)"
        rf"|-a-(?P<per2>\w+)|-(?P<compound>[a-z]+(?:-[a-z]+)*))?",
        re.IGNORECASE,
    )
    fractions = {str(k).lower(): float(v) for k, v in w["fractions"].items()}
    fraction = re.compile(
        rf"(?<![\w'’-])(?P<f>{lexicon.alternation(fractions)})"
        rf"(?![\w'’-])(?P<of>{S}of{S}|{S}(?:a|an){S}(?=\w)|{S}the{S}(?=\w))?",
        re.IGNORECASE,
    )
    spelled = [u for u in units if len(u) > 3 and u.replace(" ", "").isalpha()]
    one_unit = re.compile(rf"\b(?:a|an){S}(?P<unit>{lexicon.alternation(spelled)})\b", re.IGNORECASE)
    return FigureLang(
        lang,
        number,
        approx,
        after,
        tail,
        {str(k).lower(): str(v) for k, v in w["approximations"].items()},
        openers,
        units,
        mults,
        fraction,
        fractions,
        one_unit,
        {str(k): str(v) for k, v in currencies["symbols"].items()},
    )
