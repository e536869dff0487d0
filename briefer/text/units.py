"""Sentences, paragraphs, words and quotations of an article text, for moving by keys.

All offsets are code-point offsets into the text (as everywhere in the core). A
paragraph is a non-blank line; sentences never cross paragraphs. Sentences of a
paragraph are found the first time they are asked for, so opening a long article
costs only the paragraph scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from briefer.text.quotes import find_quotes, paragraphs

Span = tuple[int, int]

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj sgt capt adm cmdr sen rep gov pres st jr sr inc corp ltd co no nos"
    " vs etc e.g i.e u.s u.k u.n a.m p.m jan feb mar apr jun jul aug sept sep oct nov dec approx est"
    " dept fig ft mt brig rev fr м р т ім вул тис млн млрд грн руб ст див ін др г гг д ул проф акад".split()
)
# A sentence ends at . ! ? or … (with closing quotes or brackets) before a space
# and a capital letter, a digit or an opening quote.
_BOUNDARY = re.compile(r"[.!?…]+[)\]\"”»’']*(?=\s+(?:[\"“«„‘']|[(–—-]?\s?[A-ZА-ЯЁІЇЄҐ0-9]))")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORD = re.compile(r"\w+(?:[.,'’\-]\w+)*")


def _ends_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` ends an abbreviation or an initial (Maj., U.S., J.)."""
    word = _WORD_BEFORE.search(text, max(0, stop - 30), stop)
    token = word.group(1).lower().strip(".") if word else ""
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]`` (one paragraph), trimmed of surrounding spaces.

    The one sentence splitter of Briefer: the reader moves by it and the
    suggesters read by it (on text with quotations blanked, so never inside one).
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _ends_abbreviation(text, match.start()):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s is not None]


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


class TextUnits:
    """Paragraphs, sentences, words and quotations of one text, looked up by position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: list[Span] = [
            span for a, b in paragraphs(text) if (span := _trim(text, a, b)) is not None
        ]
        self._starts = [p[0] for p in self.paragraphs]
        self._sentences: dict[int, list[Span]] = {}

    # paragraphs -----------------------------------------------------------------
    def _paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding ``pos``, or of the last one before it (-1: none)."""
        return bisect_right(self._starts, pos) - 1

    def paragraph_at(self, pos: int) -> Span | None:
        """The paragraph holding ``pos`` (or ending right at it), or None between paragraphs."""
        index = self._paragraph_index(pos)
        if index >= 0 and pos <= self.paragraphs[index][1]:
            return self.paragraphs[index]
        return None

    def next_paragraph(self, pos: int) -> Span | None:
        """The first paragraph starting after ``pos``; None at the last."""
        index = self._paragraph_index(pos) + 1
        return self.paragraphs[index] if index < len(self.paragraphs) else None

    def previous_paragraph(self, pos: int) -> Span | None:
        """The paragraph before the one holding ``pos`` (or the one ``pos`` follows)."""
        index = self._paragraph_index(pos)
        if index >= 0 and pos > self.paragraphs[index][1]:
            return self.paragraphs[index]
        return self.paragraphs[index - 1] if index >= 1 else None

    # sentences ------------------------------------------------------------------
    def _sentences_of(self, index: int) -> list[Span]:
        if index not in self._sentences:
            start, end = self.paragraphs[index]
            self._sentences[index] = split_sentences(self.text, start, end)
        return self._sentences[index]

    def sentence_at(self, pos: int) -> Span | None:
        """The sentence holding ``pos`` (a position at its end counts), or None."""
        index = self._paragraph_index(pos)
        if index < 0 or pos > self.paragraphs[index][1]:
            return None
        sentences = self._sentences_of(index)
        for sentence in sentences:
            if pos <= sentence[1]:
                return sentence
        return sentences[-1]

    def next_sentence(self, pos: int) -> Span | None:
        """The first sentence starting after ``pos``; None at the end of the text."""
        index = max(self._paragraph_index(pos), 0)
        while index < len(self.paragraphs):
            for sentence in self._sentences_of(index):
                if sentence[0] > pos:
                    return sentence
            index += 1
        return None

    def previous_sentence(self, pos: int) -> Span | None:
        """The last sentence starting before the one holding ``pos``; None at the start."""
        current = self.sentence_at(pos)
        limit = current[0] if current is not None else pos
        index = min(self._paragraph_index(pos), len(self.paragraphs) - 1)
        while index >= 0:
            for sentence in reversed(self._sentences_of(index)):
                if sentence[0] < limit:
                    return sentence
            index -= 1
        return None

    # words and quotations -------------------------------------------------------
    def word_end_after(self, pos: int) -> int:
        """The end of the next word that ends after ``pos`` (numbers like 160,000 are one word)."""
        match = _WORD.search(self.text, pos)
        return len(self.text) if match is None else match.end()

    def word_start_before(self, pos: int) -> int:
        """The start of the last word that starts before ``pos``; 0 when there is none."""
        paragraph = self.paragraph_at(pos) or self.previous_paragraph(pos)
        lo = paragraph[0] if paragraph is not None else 0
        best = lo
        for match in _WORD.finditer(self.text, lo, pos):
            if match.start() < pos:
                best = match.start()
        return best

    @cached_property
    def quotations(self) -> list[Span]:
        """The words inside every quotation of the text (as the quote suggester finds them)."""
        return [(q.start, q.end) for q in find_quotes(self.text) if q.end > q.start]

    def quotation_at(self, pos: int) -> Span | None:
        """The quoted words around ``pos``, else the first quotation of its sentence, or None."""
        quotes = self.quotations
        for quote in quotes:
            if quote[0] <= pos <= quote[1]:
                return quote
        sentence = self.sentence_at(pos)
        if sentence is None:
            return None
        return next((q for q in quotes if sentence[0] <= q[0] < sentence[1]), None)
