"""Numbers as written in news text: digits with any separators, and number words.

``1,200`` and ``1.200`` and ``1 200`` are 1200 where the language writes them so;
``1,8`` is 1.8 in Ukrainian and Russian; ``a couple of thousand`` is 2000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefer.suggest import lexicon, wordlists

_SPACE = "[ \u00a0\u202f]"
_DIGITS = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?",
    "uk": rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?",
}


def digits_pattern(lang: str) -> str:
    """A regex (no groups) for a number in digits as ``lang`` writes it."""
    return _DIGITS["en" if lang == "en" else "uk"]


def digits_value(written: str, lang: str, *, scaled: bool = False) -> float:
    """The value of a digit number; ``scaled`` when a multiplier follows (1.200 billion)."""
    s = written.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if lang == "en":
        if re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", s) and not scaled:
            return float(s.replace(".", ""))  # European thousands in English text
        return float(s.replace(",", "")) if s.count(".") <= 1 else float(s.replace(".", ""))
    if "," in s:
        whole, _, frac = s.partition(",")
        return float(whole.replace(".", "") + "." + frac)
    return float(s.replace(".", ""))


@dataclass(frozen=True, slots=True)
class NumberWords:
    """Compiled number words of one language: the regex and the value table."""

    pattern: str
    values: dict[str, float]
    multipliers: dict[str, float]


@cache
def number_words(lang: str) -> NumberWords:
    """Number words and multipliers of a language, as a regex and value tables."""
    w = lexicon.words(lang)
    values = {str(k).lower(): float(v) for k, v in w["numbers"].items()}
    mults = {str(k).lower(): float(v) for k, v in w["multipliers"].items() if len(str(k)) > 2}
    # "several thousand" (3000), "a few hundred": a vague count only before a multiplier
    for vague, count in wordlists.table(lang, "vague_counts").items():
        for word, mult in mults.items():
            if mult >= 100 and word.isalpha():
                values[f"{vague} {word}"] = float(count) * mult
    word = lexicon.alternation(list(values) + list(mults))
    boundary = r"(?<![\w'’])"
    pattern = rf"{boundary}(?:{word})(?:(?:[- ]|[ ]and[ ])(?:{word}))*(?![\w'’])"
    return NumberWords(pattern, values, mults)


def words_value(written: str, lang: str) -> float | None:
    """The value of a number in words (``twenty-five``, ``a couple of thousand``)."""
    table = number_words(lang)
    text = written.lower().replace("-", " ").replace(" and ", " ")
    total = current = 0.0
    rest = text.split()
    seen = False
    while rest:
        for size in (3, 2, 1):
            phrase = " ".join(rest[:size])
            if phrase in table.values:
                current += table.values[phrase]
                break
            if phrase in table.multipliers:
                mult = table.multipliers[phrase]
                if mult < 1000:
                    current = (current or 1) * mult
                else:
                    total += (current or 1) * mult
                    current = 0.0
                break
        else:
            return None
        seen = True
        rest = rest[size:]
    return total + current if seen else None
