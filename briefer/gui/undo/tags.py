"""Undoable tag commands: tag a span, remove or edit a tag, accept or reject a suggestion.

Each calls one workspace method to apply and its inverse to undo; the base
(applied once, then undone and redone, failures in one line) is
:class:`~briefer.gui.undo.command.Command`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer import suggest
from briefer.gui.undo.command import Command, Place

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefer.gui.session import Session
    from briefer.model import AttrValue, Changes
    from briefer.suggest import Suggestion
    from briefer.workspace import Removed


class AddTag(Command):
    """Tag a span; undo removes the tag, redo restores it with the same id."""

    def __init__(
        self,
        session: Session,
        article_id: int,
        kind: str,
        start: int,
        end: int,
        attributes: Mapping[str, AttrValue] | None = None,
    ) -> None:
        label = session.kinds[kind].label if kind in session.kinds else kind
        super().__init__(session, f"Tag {label.lower()}")
        self.article_id = article_id
        self.kind = kind
        self.span = (start, end)
        self.attributes = dict(attributes or {})
        self.tag_id: int | None = None
        self._removed: Removed | None = None

    def place(self) -> Place:
        return Place(self.article_id, self.span, self.tag_id)

    def apply(self) -> Changes:
        ws = self.session.ws
        if self._removed is not None:
            return ws.tags.restore(self._removed)
        created = ws.tags.add(self.article_id, self.kind, *self.span, attributes=self.attributes)
        self.tag_id = created.id
        return created.changes

    def revert(self) -> Changes:
        assert self.tag_id is not None
        self._removed = self.session.ws.tags.remove(self.tag_id)
        return self._removed.changes


class RemoveTag(Command):
    """Remove a tag (and the brief items citing it); undo puts both back."""

    def __init__(self, session: Session, tag_id: int) -> None:
        tag = session.ws.tags.get(tag_id)
        label = session.kinds[tag.kind].label if tag.kind in session.kinds else tag.kind
        super().__init__(session, f"Remove {label.lower()} tag")
        self.tag_id = tag_id
        self._place = Place(tag.article_id, (tag.start, tag.end), tag_id)
        self._removed: Removed | None = None

    def place(self) -> Place:
        return self._place

    def apply(self) -> Changes:
        self._removed = self.session.ws.tags.remove(self.tag_id)
        return self._removed.changes

    def revert(self) -> Changes:
        assert self._removed is not None
        return self.session.ws.tags.restore(self._removed)


class EditTag(Command):
    """Change a tag's kind, attributes or note; undo restores the old values."""

    def __init__(
        self,
        session: Session,
        tag_id: int,
        *,
        kind: str | None = None,
        attributes: Mapping[str, AttrValue] | None = None,
        note: str | None = None,
    ) -> None:
        old = session.ws.tags.get(tag_id)
        label = session.kinds[old.kind].label if old.kind in session.kinds else old.kind
        super().__init__(session, f"Edit {label.lower()}")
        self.tag_id = tag_id
        self._place = Place(old.article_id, (old.start, old.end), tag_id)
        self._old = (old.kind, dict(old.attributes), old.note)
        self._new = (kind, dict(attributes) if attributes is not None else None, note)

    def place(self) -> Place:
        return self._place

    def apply(self) -> Changes:
        kind, attributes, note = self._new
        return self.session.ws.tags.update(self.tag_id, kind=kind, attributes=attributes, note=note)

    def revert(self) -> Changes:
        kind, attributes, note = self._old
        return self.session.ws.tags.update(self.tag_id, kind=kind, attributes=attributes, note=note)


class AcceptSuggestion(AddTag):
    """Turn a suggestion into a tag with its attributes; undo removes the tag again."""

    def __init__(self, session: Session, article_id: int, suggestion: Suggestion) -> None:
        super().__init__(session, article_id, suggestion.kind, suggestion.start, suggestion.end,
                         suggestion.attributes)
        label = session.kinds[suggestion.kind].label if suggestion.kind in session.kinds else suggestion.kind
        self.setText(f"Accept {label.lower()} suggestion")
        self.suggestion = suggestion

    def apply(self) -> Changes:
        if self.tag_id is not None:  # redo: the same tag again
            return super().apply()
        created = suggest.accept(self.session.ws, self.article_id, self.suggestion)
        self.tag_id = created.id
        return created.changes


class RejectSuggestion(Command):
    """Remember that a suggestion is wrong for this article; undo forgets that."""

    def __init__(self, session: Session, article_id: int, suggestion: Suggestion) -> None:
        label = session.kinds[suggestion.kind].label if suggestion.kind in session.kinds else suggestion.kind
        super().__init__(session, f"Reject {label.lower()} suggestion")
        self.article_id = article_id
        self.suggestion = suggestion

    def place(self) -> Place:
        return Place(self.article_id, (self.suggestion.start, self.suggestion.end))

    def apply(self) -> Changes:
        s = self.suggestion
        return self.session.ws.rejections.reject(self.article_id, s.kind, s.start, s.end, s.text)

    def revert(self) -> Changes:
        s = self.suggestion
        return self.session.ws.rejections.unreject(self.article_id, s.kind, s.start, s.end)
