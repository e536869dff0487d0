"""One article prepared for the suggesters: language, quotes, masked text, sentences."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from briefer.suggest.base import detect_language
from briefer.suggest.tense import Tenses
from briefer.text.quotes import Quote, find_quotes, masked, paragraphs
from briefer.text.units import split_sentences


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
        return [s for p in self.paragraphs for s in split_sentences(self.masked, *p)]

    @cached_property
    def tenses(self) -> Tenses:
        """The tense markers of the text (found once, on first use)."""
        return Tenses(self)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence span holding ``pos`` (the nearest one before it otherwise)."""
        i = max(0, bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The paragraph span holding ``pos``."""
        i = max(0, bisect_right(self._paragraph_starts, pos) - 1)
        return self.paragraphs[i] if self.paragraphs else (0, len(self.text))

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies between a quotation's marks."""
        return self.masked[pos] == "·"
