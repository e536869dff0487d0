"""Highlighting of tags, suggestions and the current sentence, block by block.

A QSyntaxHighlighter formats only the blocks (paragraphs) Qt lays out, and a
change re-formats only the blocks the changed span touches: adding one tag to a
50,000-word article costs one paragraph, not the document (extra selections
would re-apply all 2,000 spans each time).

Spans arrive in document positions (see :mod:`briefer.gui.reader.offsets`).
Layers, bottom to top: current sentence, suggestions, tags (longer first, so a
tag inside a quote shows), the current tag.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable

    from briefer.taxonomy import Taxonomy

SENTENCE, SUGGESTION, TAG, CURRENT = range(4)
_TAG_ALPHA = 110
_SUGGESTION_ALPHA = 28


def _colour(hex_colour: str, alpha: int) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


class SpanHighlighter(QSyntaxHighlighter):
    """Formats spans of a plain-text document; each span has a key, a layer and a style."""

    def __init__(self, document: QTextDocument, kinds: Taxonomy, palette: QPalette) -> None:
        super().__init__(document)
        self._formats: dict[tuple[int, str], QTextCharFormat] = {}
        self.set_styles(kinds, palette)
        self._block_starts: list[int] = [0]
        self._spans: dict[Hashable, tuple[int, int, int, str]] = {}
        self._by_block: dict[int, set[Hashable]] = {}

    def set_styles(self, kinds: Taxonomy, palette: QPalette) -> None:
        """Build the formats for every kind (call again when the palette changes)."""
        self._formats.clear()
        sentence = QTextCharFormat()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        highlight.setAlpha(45)
        sentence.setBackground(highlight)
        self._formats[(SENTENCE, "")] = sentence
        for kind in kinds:
            tag = QTextCharFormat()
            tag.setBackground(_colour(kind.colour, _TAG_ALPHA))
            self._formats[(TAG, kind.key)] = tag
            current = QTextCharFormat(tag)
            current.setBackground(_colour(kind.colour, 200))
            current.setFontUnderline(True)
            current.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
            self._formats[(CURRENT, kind.key)] = current
            suggestion = QTextCharFormat()
            suggestion.setBackground(_colour(kind.colour, _SUGGESTION_ALPHA))
            suggestion.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            suggestion.setUnderlineColor(QColor(kind.colour))
            self._formats[(SUGGESTION, kind.key)] = suggestion

    def reset(self, text: str, spans: Iterable[tuple[Hashable, int, int, int, str]]) -> None:
        """Forget all spans and take new ones for ``text`` before it is shown.

        Each span is ``(key, start, end, layer, kind)`` in document positions. The
        document is re-highlighted when its text is set, so this does not.
        """
        starts = [0]
        pos = 0
        for line in text.split("\n")[:-1]:
            pos += len(line.encode("utf-16-le")) // 2 + 1
            starts.append(pos)
        self._block_starts = starts
        self._spans.clear()
        self._by_block.clear()
        for key, start, end, layer, kind in spans:
            self._insert(key, start, end, layer, kind)

    def _blocks(self, start: int, end: int) -> range:
        first = bisect_right(self._block_starts, start) - 1
        last = bisect_right(self._block_starts, max(start, end - 1)) - 1
        return range(first, last + 1)

    def _insert(self, key: Hashable, start: int, end: int, layer: int, kind: str) -> range:
        self._spans[key] = (start, end, layer, kind)
        blocks = self._blocks(start, end)
        for block in blocks:
            self._by_block.setdefault(block, set()).add(key)
        return blocks

    def _remove(self, key: Hashable) -> range:
        span = self._spans.pop(key, None)
        if span is None:
            return range(0)
        blocks = self._blocks(span[0], span[1])
        for block in blocks:
            self._by_block.get(block, set()).discard(key)
        return blocks

    def set_span(self, key: Hashable, start: int, end: int, layer: int, kind: str = "") -> None:
        """Add or move one span and re-highlight only the blocks it left and entered."""
        if self._spans.get(key) == (start, end, layer, kind):
            return
        touched = set(self._remove(key)) | set(self._insert(key, start, end, layer, kind))
        self._rehighlight(touched)

    def replace_spans(
        self, old: Iterable[Hashable], new: Iterable[tuple[Hashable, int, int, int, str]]
    ) -> None:
        """Remove spans and add others, re-highlighting each touched block once."""
        touched: set[int] = set()
        for key in old:
            touched.update(self._remove(key))
        for key, start, end, layer, kind in new:
            touched.update(self._insert(key, start, end, layer, kind))
        self._rehighlight(touched)

    def remove_span(self, key: Hashable) -> None:
        """Remove one span (if present) and re-highlight its blocks."""
        self._rehighlight(set(self._remove(key)))

    def span(self, key: Hashable) -> tuple[int, int, int, str] | None:
        """``(start, end, layer, kind)`` of a span, or None."""
        return self._spans.get(key)

    def _rehighlight(self, blocks: set[int]) -> None:
        document = self.document()
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def format_at(self, position: int) -> QTextCharFormat | None:
        """The format a span gives the character at ``position`` (for tests), or None."""
        block = self.document().findBlock(position)
        for fmt_range in block.layout().formats():
            if fmt_range.start <= position - block.position() < fmt_range.start + fmt_range.length:
                return QTextCharFormat(fmt_range.format)
        return None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        block = self.currentBlock()
        keys = self._by_block.get(block.blockNumber())
        if not keys:
            return
        base = block.position()
        length = block.length() - 1
        spans = sorted(
            (self._spans[k] for k in keys),
            key=lambda s: (s[2], -(s[1] - s[0])),
        )
        for start, end, layer, kind in spans:
            fmt = self._formats.get((layer, kind))
            if fmt is None:
                continue
            lo = max(start - base, 0)
            hi = min(end - base, length)
            if hi > lo:
                self.setFormat(lo, hi - lo, fmt)

