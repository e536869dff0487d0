"""The undo command base: apply once, then undo and redo, reporting a failure in one line.

A command is applied once by :meth:`Session.push` (so a BrieferError reaches the
caller before anything lands on the stack); the stack's first ``redo()`` is then
skipped. Later redo/undo failures (say, the article was removed meanwhile) are
reported as one line and the command is dropped from the history.

After an undo or redo the session asks the window to reveal the command's
:class:`Place` (the article and tag, or the brief, it changed), so the user sees
what changed even when it was in another article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from briefer.errors import BrieferError

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefer.gui.session import Session
    from briefer.model import Changes


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

    def _run(self, step: Callable[[], Changes]) -> None:
        try:
            changes = step()
        except BrieferError as exc:
            self.setObsolete(True)
            self.session.errorReported.emit(f"Cannot {self.text().lower()}: {exc}")
            return
        self.session.notify(changes)
        place = self.place()
        if place is not None:
            self.session.revealRequested.emit(place)
