"""Which way a sentence points in time: past, future, or no telling.

A yearless date ("in May") or a bare weekday ("on Friday") is resolved against
the publication date in the direction of the tense nearest it in its sentence:
past-tense verbs and words ("confirmed", "was", "ago") point back, future markers
("will", "next", "should") point ahead. With neither, the nearest date wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefer.suggest import wordlists

if TYPE_CHECKING:
    from briefer.suggest.document import Document

PAST, NONE, FUTURE = -1, 0, 1


_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    phrases: dict[str, int]  # word or phrase (lower case, single spaces) -> its tense
    starts: dict[str, int]  # first word of a phrase -> the most words a phrase starting so has
    endings: tuple[str, ...]
    not_past: frozenset[str]


@cache
def _lexicon(lang: str) -> _Lexicon:
    phrases: dict[str, int] = {}
    for name, tense in (("present_words", NONE), ("past_words", PAST), ("future_words", FUTURE)):
        phrases.update((" ".join(w.replace("’", "'").split()), tense) for w in wordlists.words(lang, name))
    starts: dict[str, int] = {}
    for phrase in phrases:
        first, *rest = phrase.split()
        starts[first] = max(starts.get(first, 1), len(rest) + 1)
    endings = tuple(sorted(wordlists.words(lang, "past_endings"), key=len, reverse=True))
    return _Lexicon(phrases, starts, endings, wordlists.words(lang, "not_past"))


def markers(text: str, lang: str) -> list[tuple[int, int]]:
    """``(position, PAST, NONE or FUTURE)`` of every tense marker of ``text``, in order.

    Markers are the listed words and phrases, and lower-case words with a
    past-tense ending (``confirmed``) not listed as exceptions.
    """
    lex = _lexicon(lang)
    low = text.lower().replace("’", "'")  # the same offsets
    tokens = list(_TOKEN.finditer(low))
    found: list[tuple[int, int]] = []
    for i, t in enumerate(tokens):
        word = t.group()
        for n in range(lex.starts.get(word, 0), 1, -1):
            last = tokens[min(i + n, len(tokens)) - 1]
            if " ".join(low[t.start() : last.end()].split()) in lex.phrases:
                found.append((t.start(), lex.phrases[" ".join(low[t.start() : last.end()].split())]))
                break
        else:
            if word in lex.phrases:
                found.append((t.start(), lex.phrases[word]))
            elif (
                word.endswith(lex.endings)
                and len(word) > 3
                and text[t.start()].islower()
                and word not in lex.not_past
            ):
                found.append((t.start(), PAST))
    return found


class Tenses:
    """The tense markers of a document, and the tense nearest any expression in it.

    A date inside a quotation takes its tense from the quoted words, a date
    outside from the narration around them (``«It opens in September», he said``).
    """

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._markers: list[tuple[int, int]] | None = None

    def within(self, start: int, end: int, quoted: bool) -> list[tuple[int, int]]:
        """The markers in ``[start, end)`` inside quotations (``quoted``) or outside them."""
        if self._markers is None:
            self._markers = markers(self._doc.text, self._doc.lang)
        lo = bisect_left(self._markers, (start, -2))
        hi = bisect_left(self._markers, (end, -2))
        return [(p, t) for p, t in self._markers[lo:hi] if self._doc.inside_quote(p) == quoted]

    def at(self, start: int, end: int) -> int:
        """PAST, FUTURE or NONE for the expression ``[start, end)``: its nearest marker's tense."""
        s_start, s_end = self._doc.sentence_at(start)
        found = [
            (p, t)
            for p, t in self.within(s_start, s_end, self._doc.inside_quote(start))
            if not start <= p < end
        ]
        if not found:
            return NONE
        i = bisect_left(found, (start, -2))
        near = [found[j] for j in (i - 1, i) if 0 <= j < len(found)]
        return min(near, key=lambda pt: (abs(pt[0] - start), pt[1]))[1]
