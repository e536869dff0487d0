"""Single-source claims in the BLUF: where the analyst's bottom line rests on one source.

A claim (:mod:`briefer.analysis.claims`) with one independent source is found in
the BLUF text when: a figure's value is written there (``12``, ``160,000`` or
``160000``); a quote's words are there (rapidfuzz partial ratio ≥
:data:`QUOTE_IN_TEXT`); or most of a fact's content words are (≥
:data:`FACT_IN_TEXT`). Each finding gives the BLUF span, to flag where it appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from briefer.analysis.claims import Claim, content_words, quote_words
from briefer.text.quotes import paragraphs
from briefer.text.units import split_sentences

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from briefer.model import Tag

QUOTE_IN_TEXT = 90.0
FACT_IN_TEXT = 0.7
_NUMBER = re.compile(r"\d[\d,.\u00a0\u202f]*\d|\d")


@dataclass(frozen=True, slots=True)
class Flag:
    """A single-source claim seen in the BLUF at ``start``–``end``."""

    claim: int
    start: int
    end: int
    text: str


def _numbers(text: str) -> list[tuple[int, int, float]]:
    found = []
    for match in _NUMBER.finditer(text):
        raw = re.sub(r"[,\u00a0\u202f]", "", match.group()).rstrip(".")
        try:
            found.append((match.start(), match.start() + len(match.group().rstrip(".,")), float(raw)))
        except ValueError:
            continue
    return found


def single_source(bluf: str, claims: Sequence[Claim], tags: Mapping[int, Tag]) -> list[Flag]:
    """The single-source claims the BLUF states, in BLUF order (read through their tags in ``tags``)."""
    flags: list[Flag] = []
    numbers = _numbers(bluf)
    sentences = [span for lo, hi in paragraphs(bluf) for span in split_sentences(bluf, lo, hi)]
    for claim in claims:
        tag = next((tags[t] for t in claim.tags if t in tags), None)
        if claim.independent_sources != 1 or tag is None:
            continue
        if claim.kind == "figure":
            value = tag.attributes.get("value")
            flags += [Flag(claim.number, a, b, bluf[a:b]) for a, b, n in numbers
                      if isinstance(value, int | float) and n == float(value)]
            continue
        for a, b in sentences:
            sentence = bluf[a:b]
            if claim.kind == "quote":
                hit = fuzz.partial_ratio(quote_words(tag.exact), quote_words(sentence)) >= QUOTE_IN_TEXT
            else:
                words = content_words(tag.exact)
                hit = bool(words) and len(words & content_words(sentence)) / len(words) >= FACT_IN_TEXT
            if hit:
                flags.append(Flag(claim.number, a, b, sentence.strip()))
    return sorted(flags, key=lambda f: (f.start, f.claim))
