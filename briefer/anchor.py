"""Anchoring tags into text: W3C-style quote selectors and re-anchoring.

A tag keeps its offsets (TextPositionSelector) and its exact words with a little
context (TextQuoteSelector). When an article is re-imported with a changed text,
:func:`reanchor` finds the tag again: an exact match near the old position first,
preferring the one whose context agrees, then a fuzzy match.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from briefer.errors import InvalidInput

CONTEXT = 32
_FUZZY_MIN_SCORE = 80.0
_WINDOW = 4000


@dataclass(frozen=True, slots=True)
class Selector:
    """A TextQuoteSelector: the exact words and the text just before and after."""

    exact: str
    prefix: str = ""
    suffix: str = ""


def select(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """The quote selector for ``text[start:end]``; raise InvalidInput when out of range."""
    if not 0 <= start < end <= len(text):
        raise InvalidInput(
            f"offsets {start}-{end}", f"must satisfy 0 <= start < end <= {len(text)}"
        )
    return Selector(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def find_occurrence(text: str, exact: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the ``nth`` (1-based) occurrence of ``exact`` in ``text``.

    Raises InvalidInput when the words do not occur, or occur fewer than ``nth`` times.
    """
    if not exact:
        raise InvalidInput("text", "must not be empty")
    if nth < 1:
        raise InvalidInput("--nth", "must be 1 or more")
    found = -1
    count = 0
    for _ in range(nth):
        found = text.find(exact, found + 1)
        if found < 0:
            break
        count += 1
    if found < 0:
        shown = exact if len(exact) <= 60 else exact[:57] + "…"
        if count == 0:
            raise InvalidInput(repr(shown), "does not occur in the article")
        raise InvalidInput(repr(shown), f"occurs {count} time(s), not {nth}")
    return found, found + len(exact)


def _context_score(text: str, start: int, end: int, sel: Selector) -> int:
    """How many characters of prefix (backwards) and suffix (forwards) agree."""
    score = 0
    before = text[max(0, start - len(sel.prefix)) : start]
    for a, b in zip(reversed(before), reversed(sel.prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(text[end : end + len(sel.suffix)], sel.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def reanchor(text: str, sel: Selector, hint: int = 0) -> tuple[int, int] | None:
    """Where ``sel`` lies in ``text`` now, or None when it cannot be found.

    Exact occurrences win, ranked by agreeing context and then by closeness to
    ``hint`` (the old start). Without one, the best fuzzy match scoring at least
    80/100 is taken, searched near the hint first, then in the whole text.
    """
    if not sel.exact:
        return None
    candidates = []
    pos = text.find(sel.exact)
    while pos >= 0:
        end = pos + len(sel.exact)
        candidates.append((-_context_score(text, pos, end, sel), abs(pos - hint), pos))
        pos = text.find(sel.exact, pos + 1)
    if candidates:
        best = min(candidates)[2]
        return best, best + len(sel.exact)
    lo = max(0, hint - _WINDOW)
    for base, window in ((lo, text[lo : hint + _WINDOW + len(sel.exact)]), (0, text)):
        match = fuzz.partial_ratio_alignment(sel.exact, window, score_cutoff=_FUZZY_MIN_SCORE)
        if match is not None:
            start, end = base + match.dest_start, base + match.dest_end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                return start, end
    return None
