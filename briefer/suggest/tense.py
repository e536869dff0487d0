"""Which way a sentence points in time: past, future, or no telling.

A yearless date ("in May") or a bare weekday ("on Friday") is resolved against
the publication date in the direction of the tense nearest it in its sentence:
past-tense verbs and words ("confirmed", "was", "ago") point back, future markers
("will", "next", "should") point ahead. With neither, the nearest date wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from briefer.suggest import wordlists
from briefer.suggest.document import Document

PAST, NONE, FUTURE = -1, 0, 1
_WORD = re.compile(r"[\w'’-]+")


@cache
def _past_ending(lang: str) -> re.Pattern[str]:
    endings = "|".join(sorted(wordlists.words(lang, "past_endings"), key=len, reverse=True))
    return re.compile(rf"\w{{2,}}(?:{endings})", re.IGNORECASE)


def markers(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """``(position, PAST, NONE or FUTURE)`` of every tense marker in ``text[start:end]``, in order."""
    found: list[tuple[int, int]] = []
    for m in wordlists.phrase_pattern(lang, "future_words").finditer(text, start, end):
        found.append((m.start(), FUTURE))
    for m in wordlists.phrase_pattern(lang, "past_words").finditer(text, start, end):
        found.append((m.start(), PAST))
    for m in wordlists.phrase_pattern(lang, "present_words").finditer(text, start, end):
        found.append((m.start(), NONE))
    not_past = wordlists.words(lang, "not_past")
    ending = _past_ending(lang)
    for w in _WORD.finditer(text, start, end):
        word = w.group()
        if word[0].islower() and ending.fullmatch(word) and word.lower() not in not_past:
            found.append((w.start(), PAST))
    return sorted(found)


class Tenses:
    """The tense nearest each position of a document, sentence by sentence (cached).

    A date inside a quotation takes its tense from the quoted words, a date
    outside from the narration around them (``«It opens in September», he said``).
    """

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._by_sentence: dict[tuple[int, bool], list[tuple[int, int]]] = {}

    def at(self, start: int, end: int) -> int:
        """PAST, FUTURE or NONE for the expression ``[start, end)``: its nearest marker's tense."""
        doc = self._doc
        s_start, s_end = doc.sentence_at(start)
        quoted = doc.inside_quote(start)
        key = (s_start, quoted)
        if key not in self._by_sentence:
            every = markers(doc.text, s_start, s_end, doc.lang)
            self._by_sentence[key] = [(p, t) for p, t in every if doc.inside_quote(p) == quoted]
        found = [(p, t) for p, t in self._by_sentence[key] if not start <= p < end]
        if not found:
            return NONE
        i = bisect_left(found, (start, -2))
        near = [found[j] for j in (i - 1, i) if 0 <= j < len(found)]
        return min(near, key=lambda pt: (abs(pt[0] - start), pt[1]))[1]
