"""Undoable commands: each calls one workspace method to apply and its inverse to undo.

A command is applied once by :meth:`Session.push` (so a BrieferError reaches the
caller before anything lands on the stack); the stack's first ``redo()`` is then
skipped. Later redo/undo failures (say, the article was removed meanwhile) are
reported as one line and the command is dropped from the history.

After an undo or redo the session asks the window to reveal the command's
:class:`Place` (the article and tag, or the brief, it changed), so the user sees
what changed even when it was in another article.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from briefer import suggest
from briefer.errors import BrieferError
from briefer.gui.session import Session
from briefer.model import AttrValue, Changes
from briefer.suggest import Suggestion
from briefer.workspace import Removed


@dataclass(frozen=True, slots=True)
class Place:
    """Where a command changed something: an article (a span, a tag in it) or a brief."""

    article_id: int | None = None
    span: tuple[int, int] | None = None
    tag_id: int | None = None
    brief_id: int | None = None


class Command(QUndoCommand):
    """Base: subclasses implement :meth:`apply` and :meth:`revert`, each returning Changes."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._skip_redo = False

    def place(self) -> Place | None:
        """Where this command changes things (shown after an undo or redo)."""
        return None

    def apply(self) -> Changes:
        """Make the change in the workspace."""
        raise NotImplementedError

    def revert(self) -> Changes:
        """Undo what :meth:`apply` did."""
        raise NotImplementedError

    def execute(self) -> None:
        """Apply for the first time (raises BrieferError); called by Session.push."""
        self.session.notify(self.apply())
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: object) -> None:
        try:
            changes = step()  # type: ignore[operator]
        except BrieferError as exc:
            self.setObsolete(True)
            self.session.errorReported.emit(f"Cannot {self.text().lower()}: {exc}")
            return
        self.session.notify(changes)
        place = self.place()
        if place is not None:
            self.session.revealRequested.emit(place)


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
