"""Moving and selecting in the reader by sentence, paragraph, word, quote, tag and suggestion.

The units come from :mod:`briefer.text.units` (Qt-free); this module only turns
them into cursor moves on an :class:`~briefer.gui.reader.view.ArticleView`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from briefer.gui.actions import Actions
    from briefer.gui.reader.view import ArticleView
    from briefer.text.units import TextUnits


class Navigator:
    """The reader's movement keys."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        #: Told the suggestion a key moved to (None: no more that way), to say what Enter makes of it.
        self.announce: Callable[[Any | None], None] | None = None

    def connect_actions(self, actions: Actions, kinds: Iterable[str]) -> None:
        """Connect the Go menu's reader moves (and the next suggestion of each kind)."""
        a = actions.on_trigger
        a("nav.next-sentence", self.next_sentence)
        a("nav.previous-sentence", self.previous_sentence)
        a("nav.next-paragraph", self.next_paragraph)
        a("nav.previous-paragraph", self.previous_paragraph)
        a("nav.extend-word", self.extend_word)
        a("nav.shrink-word", self.shrink_word)
        a("nav.extend-sentence", self.extend_sentence)
        a("nav.shrink-sentence", self.shrink_sentence)
        a("nav.next-tag", self.next_tag)
        a("nav.previous-tag", lambda: self.next_tag(forward=False))
        a("nav.next-suggestion", self._to_suggestion)
        a("nav.previous-suggestion", partial(self._to_suggestion, forward=False))
        for key in kinds:
            a(f"nav.next-suggestion.{key}", partial(self._to_suggestion, kind=key))

    def _to_suggestion(self, forward: bool = True, kind: str | None = None) -> None:
        found = self.next_suggestion(forward=forward, kind=kind)
        if self.announce is not None:
            self.announce(found)

    @property
    def _units(self) -> TextUnits:
        return self.view.units

    def _anchor(self) -> int:
        """Where a forward move starts: the end of the selection, else the cursor."""
        selection = self.view.selection()
        return selection[1] if selection else self.view.cursor_offset()

    # sentences and paragraphs ----------------------------------------------------
    def next_sentence(self) -> None:
        """Put the cursor at the start of the next sentence."""
        sentence = self._units.next_sentence(self.view.cursor_offset())
        if sentence is not None:
            self.view.move_to(sentence[0])

    def previous_sentence(self) -> None:
        """Put the cursor at the start of the previous sentence."""
        sentence = self._units.previous_sentence(self.view.cursor_offset())
        if sentence is not None:
            self.view.move_to(sentence[0])

    def next_paragraph(self) -> None:
        """Put the cursor at the start of the next paragraph."""
        paragraph = self._units.next_paragraph(self.view.cursor_offset())
        if paragraph is not None:
            self.view.move_to(paragraph[0])

    def previous_paragraph(self) -> None:
        """Put the cursor at the start of this paragraph, or of the one before when there."""
        pos = self.view.cursor_offset()
        here = self._units.paragraph_at(pos)
        if here is not None and pos > here[0]:
            self.view.move_to(here[0])
            return
        paragraph = self._units.previous_paragraph(pos)
        if paragraph is not None:
            self.view.move_to(paragraph[0])

    # selection -----------------------------------------------------------------------
    def _start(self) -> int:
        selection = self.view.selection()
        if selection:
            return selection[0]
        pos = self.view.cursor_offset()
        text = self.view.units.text
        while pos < len(text) and not text[pos].isalnum():
            pos += 1
        return pos

    def extend_word(self) -> None:
        """Grow the selection by the next word (from the cursor when nothing is selected)."""
        start = self._start()
        end = self._units.word_end_after(max(self._anchor(), start))
        self.view.select(start, end)

    def shrink_word(self) -> None:
        """Drop the last word of the selection."""
        selection = self.view.selection()
        if not selection:
            return
        start, end = selection
        end = self._units.word_start_before(end)
        text = self.view.units.text
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if end > start:
            self.view.select(start, end)
        else:
            self.view.move_to(start)

    def extend_sentence(self) -> None:
        """Select the current sentence, or grow the selection by the next sentence."""
        selection = self.view.selection()
        if not selection:
            sentence = self._units.sentence_at(self.view.cursor_offset())
            if sentence is not None:
                self.view.select(*sentence)
            return
        following = self._units.next_sentence(selection[1] - 1)
        if following is not None:
            self.view.select(selection[0], following[1])

    def shrink_sentence(self) -> None:
        """Drop the last sentence of the selection."""
        selection = self.view.selection()
        if not selection:
            return
        last = self._units.sentence_at(selection[1])
        if last is None or last[0] <= selection[0]:
            self.view.move_to(selection[0])
            return
        previous = self._units.previous_sentence(last[0])
        end = previous[1] if previous is not None and previous[1] > selection[0] else selection[0]
        if end > selection[0]:
            self.view.select(selection[0], end)
        else:
            self.view.move_to(selection[0])

    def select_quote(self) -> bool:
        """Select the quoted words at the cursor (or of its sentence); False when none."""
        quote = self._units.quotation_at(self.view.cursor_offset())
        if quote is None:
            return False
        self.view.select(*quote)
        return True

    # tags and suggestions -----------------------------------------------------------
    def next_tag(self, forward: bool = True) -> None:
        """Select the next (or previous) tag and make it current."""
        pos = self._current_start()
        tags = sorted(self.view.tags.values(), key=lambda t: (t.start, t.end, t.id))
        candidates = [t for t in tags if t.start > pos] if forward else [t for t in tags if t.start < pos]
        if not candidates:
            return
        tag = candidates[0] if forward else candidates[-1]
        with self.view.moving():
            self.view.select(tag.start, tag.end)
        self.view.set_current_tag(tag.id)

    def _current_start(self) -> int:
        selection = self.view.selection()
        return selection[0] if selection else self.view.cursor_offset()

    def next_suggestion(self, forward: bool = True, kind: str | None = None) -> Any | None:
        """Select the next (or previous) suggestion, of ``kind`` when given; return it."""
        pos = self._current_start()
        found = [s for s in self.view.suggestions if kind is None or s.kind == kind]
        found.sort(key=lambda s: (s.start, s.end))
        candidates = [s for s in found if s.start > pos] if forward else [s for s in found if s.start < pos]
        if not candidates:
            return None
        suggestion = candidates[0] if forward else candidates[-1]
        self.view.select(suggestion.start, suggestion.end)
        return suggestion

    def current_suggestion(self) -> Any | None:
        """The suggestion the selection is exactly on, else one holding the cursor."""
        selection = self.view.selection()
        if selection:
            for suggestion in self.view.suggestions:
                if (suggestion.start, suggestion.end) == selection:
                    return suggestion
        pos = self.view.cursor_offset()
        holding = [s for s in self.view.suggestions if s.start <= pos <= s.end]
        return min(holding, key=lambda s: s.end - s.start, default=None)
