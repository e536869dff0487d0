"""Tagging keys: a kind's key tags the selection (or the current sentence); remove a tag.

Each key becomes one undoable command through the session. After tagging, the
cursor sits at the end of the new tag and the tag is current, so the next jump
starts after it and `a` / `e` act on it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from briefer.errors import BrieferError
from briefer.gui.undo.tags import AcceptSuggestion, AddTag, RejectSuggestion, RemoveTag

if TYPE_CHECKING:
    from briefer.gui.actions import Actions
    from briefer.gui.reader.navigation import Navigator
    from briefer.gui.reader.view import ArticleView
    from briefer.gui.session import Session


class Tagger:
    """Turns the reader's tagging keys into commands."""

    def __init__(self, session: Session, view: ArticleView, navigator: Navigator) -> None:
        self.session = session
        self.view = view
        self.navigator = navigator

    def connect_actions(self, actions: Actions) -> None:
        """Connect the tagging keys: a kind's key, remove, accept and reject a suggestion."""
        actions.on_trigger("tag.remove", self.remove_current)
        actions.on_trigger("suggestion.accept", self.accept_suggestion)
        actions.on_trigger("suggestion.reject", self.reject_suggestion)
        for kind in self.session.kinds:
            actions.on_trigger(f"tag.as.{kind.key}", partial(self.tag_as, kind.key))

    def _report(self, message: str) -> None:
        self.session.errorReported.emit(message)

    def target_span(self) -> tuple[int, int] | None:
        """The selection trimmed of spaces, else the current sentence; None when empty."""
        span = self.view.selection() or self.view.units.sentence_at(self.view.cursor_offset())
        if span is None:
            return None
        start, end = span
        text = self.view.units.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def _suggested_attributes(self, kind: str, span: tuple[int, int]) -> dict[str, Any]:
        """Attributes of a suggestion of ``kind`` overlapping ``span`` (a quote's speaker)."""
        for suggestion in self.view.suggestions:
            if suggestion.kind == kind and suggestion.overlaps(*span):
                return dict(suggestion.attributes)
        return {}

    def tag_as(self, kind: str) -> int | None:
        """Tag the selection or current sentence with ``kind``; return the new tag's id."""
        article = self.view.article
        span = self.target_span()
        if article is None or article.id is None or span is None:
            self._report("Nothing to tag: select some words or move to a sentence")
            return None
        command = AddTag(self.session, article.id, kind, *span, self._suggested_attributes(kind, span))
        return self._push_and_focus(command)

    def _push_and_focus(self, command: AddTag) -> int | None:
        try:
            self.session.push(command)
        except BrieferError as exc:
            self._report(str(exc))
            return None
        self.focus_tag(command.tag_id)
        return command.tag_id

    def focus_tag(self, tag_id: int | None) -> None:
        """Put the cursor at the end of a tag of this article and make it current."""
        tag = self.view.tags.get(tag_id) if tag_id is not None else None
        if tag is None:
            return
        with self.view.moving():
            self.view.move_to(tag.end)
        self.view.set_current_tag(tag.id)

    def accept_suggestion(self) -> int | None:
        """Accept the suggestion at the cursor (or selected) as a tag; return the tag's id."""
        article, suggestion = self.view.article, self.navigator.current_suggestion()
        if article is None or article.id is None or suggestion is None:
            self._report("No suggestion here: jump to one with s (or Shift and a tag key)")
            return None
        return self._push_and_focus(AcceptSuggestion(self.session, article.id, suggestion))

    def reject_suggestion(self) -> None:
        """Reject the suggestion at the cursor (or selected); it is not proposed again."""
        article, suggestion = self.view.article, self.navigator.current_suggestion()
        if article is None or article.id is None or suggestion is None:
            self._report("No suggestion here to reject")
            return
        try:
            self.session.push(RejectSuggestion(self.session, article.id, suggestion))
        except BrieferError as exc:
            self._report(str(exc))
            return
        self.view.drop_suggestion(suggestion)
        with self.view.moving():
            self.view.move_to(suggestion.end)

    def remove_current(self) -> None:
        """Remove the current tag."""
        tag_id = self.view.current_tag
        if tag_id is None:
            self._report("No tag here to remove")
            return
        try:
            self.session.push(RemoveTag(self.session, tag_id))
        except BrieferError as exc:
            self._report(str(exc))
