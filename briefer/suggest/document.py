"""One article prepared for the suggesters: language, quotes, masked text, sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from briefer.suggest.base import detect_language
from briefer.suggest.quotes import Quote, find_quotes, masked, paragraphs

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj sgt capt adm sen rep gov st jr sr inc corp ltd co no vs "
    "etc e.g i.e u.s u.k u.n a.m p.m jan feb mar apr aug sept sep oct nov dec approx est dept "
    "ft mt brig rev fr м р т ім вул тис млн млрд грн руб ст див ін др г гг д ул проф акад".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[)\"”»’']*(?=\s+(?:[\"“«„‘']|[(–—-]?\s?[A-ZА-ЯЁІЇЄҐ0-9]))|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


class Document:
    """An article's text with what several suggesters need, computed once.

    ``masked`` is the text with quotation interiors blanked (same offsets);
    ``sentences`` are ``(start, end)`` spans that never break inside a quote.
    """

    def __init__(self, text: str, lang: str | None = None) -> None:
        self.text = text
        self.lang = lang or detect_language(text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each non-blank line."""
        return paragraphs(self.text)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every outermost quotation, in order."""
        return find_quotes(self.text)

    @cached_property
    def masked(self) -> str:
        """The text with quotation interiors replaced by ``·``."""
        return masked(self.text, self.quotes)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans over the masked text (so never inside a quote)."""
        text = self.masked
        spans = []
        start = 0
        for m in _BOUNDARY.finditer(text):
            if m.group() != "\n":
                word = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                token = word.group(1).lower().strip(".") if word else ""
                if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
            end = m.end()
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                spans.append((start, end))
            start = end
        while start < len(text) and text[start].isspace():
            start += 1
        if start < len(text):
            spans.append((start, len(text)))
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence span holding ``pos`` (the nearest one before it otherwise)."""
        i = max(0, bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The paragraph span holding ``pos``."""
        starts = [s for s, _ in self.paragraphs]
        i = max(0, bisect_right(starts, pos) - 1)
        return self.paragraphs[i] if self.paragraphs else (0, len(self.text))

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies between a quotation's marks."""
        return self.masked[pos] == "·"
