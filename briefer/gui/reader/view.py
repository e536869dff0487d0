"""The reader: an article's metadata above its read-only text, tags highlighted.

The reader shows core objects and keeps them in step with Changes; it never
writes. Positions cross the Qt boundary only here: the core's code-point offsets become
document positions (UTF-16, a blank line between paragraphs) through
:class:`~briefer.gui.reader.offsets.DocumentMap`.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefer.gui.reader.highlighter import CURRENT, SENTENCE, SUGGESTION, TAG, SpanHighlighter
from briefer.gui.reader.offsets import DocumentMap, document_text
from briefer.suggest import Suggestion, facts
from briefer.text.units import Span, TextUnits

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefer.model import Article, Tag
    from briefer.taxonomy import Taxonomy

_SENTENCE_KEY = ("sentence",)
_CURRENT_KEY = ("current",)


class ArticleView(QPlainTextEdit):
    """The article text: selectable by keyboard and mouse, never editable."""

    currentTagChanged = Signal(object)  # tag id or None

    def __init__(self, kinds: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(10)
        self.kinds = kinds
        self.highlighter = SpanHighlighter(self.document(), kinds, self.palette())
        self.article: Article | None = None
        self.tags: dict[int, Tag] = {}
        self.suggestions: list[Suggestion] = []
        self.units = TextUnits("")
        self.offsets = DocumentMap("")
        self.current_tag: int | None = None
        self._moving = False
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # loading --------------------------------------------------------------------------
    def show_article(self, article: Article | None, tags: Sequence[Tag] = ()) -> None:
        """Show an article with its tags (None: show nothing); suggestions come later."""
        text = article.text if article is not None else ""
        self.article = article
        self.tags = {t.id: t for t in tags if t.id is not None}
        self.suggestions = []
        self.units = TextUnits(text)
        self.offsets = DocumentMap(text)
        self.current_tag = None
        spans = [(("tag", t.id), *self._u16(t.start, t.end), TAG, t.kind) for t in self.tags.values()]
        shown = document_text(text)
        self.highlighter.reset(shown, spans)
        self._moving = True
        self.setPlainText(shown)
        self._moving = False
        self._on_cursor_moved()

    def _u16(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_document(start), self.offsets.to_document(end)

    def put_tag(self, tag: Tag) -> None:
        """Show a new or changed tag of this article (hiding suggestions it settles)."""
        assert tag.id is not None
        self.tags[tag.id] = tag
        self.highlighter.set_span(("tag", tag.id), *self._u16(tag.start, tag.end), TAG, tag.kind)
        if self.current_tag == tag.id:
            self._mark_current(tag.id)
        if any(s.kind == tag.kind and s.overlaps(tag.start, tag.end) for s in self.suggestions):
            self.set_suggestions(self.suggestions)

    def drop_suggestion(self, suggestion: Suggestion) -> None:
        """Stop showing one suggestion (rejected)."""
        self.set_suggestions([s for s in self.suggestions if s != suggestion])

    def drop_tag(self, tag_id: int) -> None:
        """Stop showing a tag that was removed."""
        if self.tags.pop(tag_id, None) is not None:
            self.highlighter.remove_span(("tag", tag_id))
        if self.current_tag == tag_id:
            self.set_current_tag(None)

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        """Replace the suggestions shown faintly (those overlapping a tag of their kind are left out).

        Nearly every sentence is some kind of fact candidate, so only strong facts are drawn;
        the weaker ones are still visited by the keys.
        """
        old = [("suggestion", i) for i in range(len(self.suggestions))]
        tagged = _TaggedSpans(self.tags.values())
        self.suggestions = [s for s in suggestions if not tagged.overlaps(s.kind, s.start, s.end)]
        new = [(("suggestion", i), *self._u16(s.start, s.end), SUGGESTION, s.kind)
               for i, s in enumerate(self.suggestions) if s.kind != "fact" or s.confidence >= facts.STRONG]
        self.highlighter.replace_spans(old, new)

    # positions in code points ----------------------------------------------------
    def cursor_offset(self) -> int:
        """The cursor's code-point offset."""
        return self.offsets.to_code_point(self.textCursor().position())

    def selection(self) -> Span | None:
        """The selected span in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self.offsets.to_code_point(cursor.selectionStart()),
                self.offsets.to_code_point(cursor.selectionEnd()))

    def select(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (code points), the cursor at the end, and show it."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_document(start))
        cursor.setPosition(self.offsets.to_document(end), QTextCursor.MoveMode.KeepAnchor)
        self._place(cursor)

    def move_to(self, pos: int) -> None:
        """Put the cursor at code-point offset ``pos`` without a selection, and show it."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_document(pos))
        self._place(cursor)

    def _place(self, cursor: QTextCursor) -> None:
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # current sentence and tag -----------------------------------------------------
    def tag_at(self, pos: int) -> Tag | None:
        """The innermost tag holding ``pos`` (its end included), or None."""
        holding = [t for t in self.tags.values() if t.start <= pos <= t.end]
        return min(holding, key=lambda t: (t.end - t.start, t.start), default=None)

    def set_current_tag(self, tag_id: int | None) -> None:
        """Make a tag the current one (what `a`, `e` and the tag panel act on)."""
        if tag_id == self.current_tag:
            return
        self.current_tag = tag_id
        self._mark_current(tag_id)
        self.currentTagChanged.emit(tag_id)

    def _mark_current(self, tag_id: int | None) -> None:
        tag = self.tags.get(tag_id) if tag_id is not None else None
        if tag is None:
            self.highlighter.remove_span(_CURRENT_KEY)
        else:
            self.highlighter.set_span(_CURRENT_KEY, *self._u16(tag.start, tag.end), CURRENT, tag.kind)

    def _on_cursor_moved(self) -> None:
        pos = self.cursor_offset()
        sentence = self.units.sentence_at(pos)
        if sentence is None:
            self.highlighter.remove_span(_SENTENCE_KEY)
        else:
            self.highlighter.set_span(_SENTENCE_KEY, *self._u16(*sentence), SENTENCE)
        if not self._moving:
            tag = self.tag_at(pos)
            self.set_current_tag(tag.id if tag is not None else None)

    def moving(self) -> _Moving:
        """A context in which cursor moves keep the current tag as set explicitly."""
        return _Moving(self)

    def place(self) -> ReaderPlace:
        """Where the reader is: selection (or cursor), scroll position and current tag."""
        cursor = self.textCursor()
        return ReaderPlace(self.offsets.to_code_point(cursor.anchor()),
                           self.offsets.to_code_point(cursor.position()),
                           self.verticalScrollBar().value(), self.current_tag)

    def return_to(self, place: ReaderPlace) -> None:
        """Go back to a place in this article (after it was shown again)."""
        end = len(self.units.text)
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_document(min(place.anchor, end)))
        cursor.setPosition(self.offsets.to_document(min(place.position, end)),
                           QTextCursor.MoveMode.KeepAnchor)
        with self.moving():
            self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(place.scroll)
        self.set_current_tag(place.tag_id if place.tag_id in self.tags else None)


@dataclass(frozen=True, slots=True)
class ReaderPlace:
    """A place in the reader: selection anchor and cursor (code points), scroll, current tag."""

    anchor: int
    position: int
    scroll: int
    tag_id: int | None


class _TaggedSpans:
    """Answers "does a tag of this kind overlap this span?" in logarithmic time."""

    def __init__(self, tags: Iterable[Tag]) -> None:
        by_kind: dict[str, list[tuple[int, int]]] = {}
        for tag in tags:
            by_kind.setdefault(tag.kind, []).append((tag.start, tag.end))
        self._starts: dict[str, list[int]] = {}
        self._max_end: dict[str, list[int]] = {}
        for kind, spans in by_kind.items():
            spans.sort()
            self._starts[kind] = [s for s, _ in spans]
            self._max_end[kind] = list(accumulate((e for _, e in spans), max))

    def overlaps(self, kind: str, start: int, end: int) -> bool:
        starts = self._starts.get(kind)
        if not starts:
            return False
        before = bisect_left(starts, end)  # tags starting before the span ends
        return before > 0 and self._max_end[kind][before - 1] > start


class _Moving:
    def __init__(self, view: ArticleView) -> None:
        self._view = view

    def __enter__(self) -> None:
        self._view._moving = True

    def __exit__(self, *exc: object) -> None:
        self._view._moving = False


def header_html(article: Article | None) -> str:
    """The metadata lines above the text: title, outlet · author · date · grade, url, near-duplicate."""
    if article is None:
        return "<i>No article. Import one with Ctrl+I, or drop files on the list.</i>"
    facts = [article.outlet, article.author, (article.published or "")[:10] or None]
    if article.grade:
        facts.append(f"source grade {article.grade}")
    line = " · ".join(html.escape(f) for f in facts if f) or "no source details"
    parts = [f"<b style='font-size:large'>{html.escape(article.title)}</b>", line]
    if article.url:
        url = html.escape(article.url, quote=True)
        parts.append(f"<a href='{url}'>{html.escape(article.url)}</a>")
    near = near_duplicate_text(article)
    if near:
        parts.append(f"<i>{html.escape(near)}</i>")
    return "<br>".join(parts)


def near_duplicate_text(article: Article) -> str | None:
    """``Near-duplicate of article 3 (93 %)`` when the import found it repeats one, else None."""
    if article.near_duplicate_of is None:
        return None
    share = f" ({round(article.similarity * 100)} %)" if article.similarity is not None else ""
    return f"Near-duplicate of article {article.near_duplicate_of}{share}"


class ReaderPane(QWidget):
    """The reader column: metadata header and the article view."""

    def __init__(self, kinds: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(header_html(None))
        self.header.setObjectName("articleHeader")
        self.header.setAccessibleName("Article details")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setOpenExternalLinks(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.header.setContentsMargins(6, 4, 6, 4)
        self.view = ArticleView(kinds, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    def show_article(self, article: Article | None, tags: Sequence[Tag] = ()) -> None:
        """Show an article's details and text."""
        self.header.setText(header_html(article))
        self.view.show_article(article, tags)

    def show_details(self, article: Article) -> None:
        """Show the shown article's metadata as stored now (its text is the same)."""
        self.header.setText(header_html(article))
        self.view.article = article
