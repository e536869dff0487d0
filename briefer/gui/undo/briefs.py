"""Undoable brief commands: header fields; items added, moved, removed, rated; notes; briefs.

Each shows its brief again after an undo or redo (its :class:`~briefer.gui.undo.command.Place`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.gui.undo.command import Command, Place
from briefer.model import Changes, DeletedBrief, RemovedItem

if TYPE_CHECKING:
    from briefer.gui.session import Session


class BriefCommand(Command):
    """A change to one brief."""

    def __init__(self, session: Session, brief_id: int, text: str) -> None:
        super().__init__(session, text)
        self.brief_id = brief_id

    def place(self) -> Place:
        return Place(brief_id=self.brief_id)


class CreateBrief(Command):
    """Create a brief; undo deletes it, redo brings the same brief back (same id)."""

    def __init__(self, session: Session, title: str, **fields: Any) -> None:
        super().__init__(session, "New brief")
        self.title = title
        self.fields = fields
        self.brief_id: int | None = None
        self._deleted: DeletedBrief | None = None

    def place(self) -> Place:
        return Place(brief_id=self.brief_id)

    def apply(self) -> Changes:
        briefs = self.session.ws.briefs
        if self._deleted is not None:
            return briefs.restore(self._deleted)
        created = briefs.new(self.title, **self.fields)
        self.brief_id = created.id
        return created.changes

    def revert(self) -> Changes:
        assert self.brief_id is not None
        self._deleted = self.session.ws.briefs.delete(self.brief_id)
        return self._deleted.changes


class DeleteBrief(BriefCommand):
    """Delete a brief with its items; undo restores it exactly."""

    def __init__(self, session: Session, brief_id: int) -> None:
        title = session.ws.briefs.get(brief_id).title
        super().__init__(session, brief_id, f"Delete brief “{title}”")
        self._deleted: DeletedBrief | None = None

    def apply(self) -> Changes:
        self._deleted = self.session.ws.briefs.delete(self.brief_id)
        return self._deleted.changes

    def revert(self) -> Changes:
        assert self._deleted is not None
        return self.session.ws.briefs.restore(self._deleted)


class SetBriefFields(BriefCommand):
    """Change brief header fields (title, marking, BLUF, assessment…); undo restores them."""

    def __init__(self, session: Session, brief_id: int, **fields: Any) -> None:
        brief = session.ws.briefs.get(brief_id)
        names = ", ".join(n.upper() if n == "bluf" else n for n in fields)
        super().__init__(session, brief_id, f"Edit brief {names}")
        self._new = fields
        self._old = {name: getattr(brief, name) for name in fields}

    def apply(self) -> Changes:
        return self.session.ws.briefs.set(self.brief_id, **self._new)

    def revert(self) -> Changes:
        return self.session.ws.briefs.set(self.brief_id, **self._old)


class AddToBrief(BriefCommand):
    """Add tags to a section of a brief; undo takes the new items out again."""

    def __init__(self, session: Session, brief_id: int, section: str, tag_ids: list[int],
                 label: str = "tag") -> None:
        super().__init__(session, brief_id, f"Add {label} to brief")
        self.section = section
        self.tag_ids = list(tag_ids)
        self.item_ids: tuple[int, ...] = ()
        self._removed: list[RemovedItem] = []

    def apply(self) -> Changes:
        briefs = self.session.ws.briefs
        if self._removed:
            changes = Changes()
            for removed in self._removed:
                changes |= briefs.restore(removed)
            self._removed = []
            return changes
        added = briefs.add_tags(self.brief_id, self.section, self.tag_ids)
        self.item_ids = added.ids
        return added.changes

    def revert(self) -> Changes:
        briefs = self.session.ws.briefs
        self._removed = [briefs.remove(item_id) for item_id in reversed(self.item_ids)]
        self._removed.reverse()
        changes = Changes()
        for removed in self._removed:
            changes |= removed.changes
        return changes


class MoveItem(BriefCommand):
    """Move a brief item within or between sections; undo moves it back."""

    def __init__(self, session: Session, item_id: int, section: str, position: int) -> None:
        super().__init__(session, session.ws.briefs.item(item_id).brief_id, "Move brief item")
        self.item_id = item_id
        self.target = (section, position)
        self._origin: tuple[str, int] | None = None

    def apply(self) -> Changes:
        moved = self.session.ws.briefs.move(self.item_id, *self.target)
        self._origin = (moved.section, moved.position)
        return moved.changes

    def revert(self) -> Changes:
        assert self._origin is not None
        return self.session.ws.briefs.move(self.item_id, *self._origin).changes


class RemoveItem(BriefCommand):
    """Take an item out of its brief; undo puts it back in its place."""

    def __init__(self, session: Session, item_id: int) -> None:
        super().__init__(session, session.ws.briefs.item(item_id).brief_id, "Remove brief item")
        self.item_id = item_id
        self._removed: RemovedItem | None = None

    def apply(self) -> Changes:
        self._removed = self.session.ws.briefs.remove(self.item_id)
        return self._removed.changes

    def revert(self) -> Changes:
        assert self._removed is not None
        return self.session.ws.briefs.restore(self._removed)


class AddNote(BriefCommand):
    """Add the analyst's own point (a note, no citation) to a section; undo takes it out."""

    def __init__(self, session: Session, brief_id: int, section: str, text: str,
                 position: int | None = None) -> None:
        super().__init__(session, brief_id, "Add analyst's note")
        self.section = section
        self.note = text
        self.position = position
        self.item_id: int | None = None
        self._removed: RemovedItem | None = None

    def apply(self) -> Changes:
        briefs = self.session.ws.briefs
        if self._removed is not None:
            return briefs.restore(self._removed)
        created = briefs.add_note(self.brief_id, self.section, self.note, self.position)
        self.item_id = created.id
        return created.changes

    def revert(self) -> Changes:
        assert self.item_id is not None
        self._removed = self.session.ws.briefs.remove(self.item_id)
        return self._removed.changes


class SetCredibility(BriefCommand):
    """Rate an item's information credibility (1–6, None clears it); undo restores the old one."""

    def __init__(self, session: Session, item_id: int, credibility: int | None) -> None:
        item = session.ws.briefs.item(item_id)
        super().__init__(session, item.brief_id, "Set item credibility")
        self.item_id = item_id
        self._new = credibility
        self._old = item.credibility

    def apply(self) -> Changes:
        return self.session.ws.briefs.set_item(self.item_id, credibility=self._new)

    def revert(self) -> Changes:
        return self.session.ws.briefs.set_item(self.item_id, credibility=self._old)
