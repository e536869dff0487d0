"""The analyst's own points and the items' credibility, in the brief composer.

A note is a bullet that is the analyst's judgement, not a source's (no citation);
it goes into the composer's current section, after the selected item. The
credibility of an item is the Admiralty scale's 1–6 (or none). Both are
undoable commands (:mod:`briefer.gui.undo.briefs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QWidget

from briefer.errors import BrieferError
from briefer.gui.background.feed import LatestFeed
from briefer.gui.background.jobs import ClaimOfJob
from briefer.gui.undo.briefs import AddNote, SetCredibility

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefer.analysis.claims import Claim
    from briefer.gui.actions import Actions
    from briefer.gui.brief.composer import BriefComposer
    from briefer.gui.session import Session
    from briefer.gui.undo.command import Command

#: Information credibility on the Admiralty scale, as the choice offers it.
CREDIBILITY_CHOICES = (
    (None, "None (not rated)"),
    (1, "1 — confirmed by other sources"),
    (2, "2 — probably true"),
    (3, "3 — possibly true"),
    (4, "4 — doubtful"),
    (5, "5 — improbable"),
    (6, "6 — truth cannot be judged"),
)


class ItemsWindow(Protocol):
    """What the item work needs of its window."""

    def show_message(self, text: str) -> None:
        """Show one line in the status bar."""
        ...


class ItemWork(QObject):
    """Adds the analyst's notes to the current brief and rates its items."""

    def __init__(self, session: Session, composer: BriefComposer, brief_id: Callable[[], int | None],
                 window: ItemsWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.composer = composer
        self.brief_id = brief_id
        self.window = window
        self.parent_widget = parent
        self.suggested = LatestFeed(ClaimOfJob, 0, self)  # analysed off the window's thread
        self.suggested.resultReady.connect(self._on_suggested_ready)
        self.suggested.failed.connect(window.show_message)
        session.workspaceClosed.connect(self._forget_asked)
        #: Items whose suggested credibility was asked for and not yet set: item id -> tag id,
        #: with their brief; each request carries them all, so a quick second key loses none.
        self._asked: dict[int, int] = {}
        self._asked_brief: int | None = None

    def connect_actions(self, actions: Actions) -> None:
        """Connect the Brief menu's note and credibility actions."""
        actions.on_trigger("brief.add-note", self.add_note)
        actions.on_trigger("brief.item-credibility", self.rate_current)
        actions.on_trigger("brief.item-accept-credibility", self.accept_suggested)

    def _push(self, command: Command) -> bool:
        return self.session.try_push(command, self.window.show_message)

    def add_note(self, text: str | None = None) -> int | None:
        """Add the analyst's note (asked for unless given) after the selected item; its item id."""
        brief_id = self.brief_id()
        place = self.composer.insertion_point()
        if brief_id is None or place is None:
            self.window.show_message("No brief to add a note to: start one with Ctrl+Shift+N")
            return None
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self.parent_widget, "Analyst's note", "Your own point (no citation):")
            if not ok:
                return None
        if not text.strip():
            self.window.show_message("An empty note is no note: nothing added")
            return None
        command = AddNote(self.session, brief_id, place[0], text, place[1])
        if not self._push(command):
            return None
        assert command.item_id is not None
        self.composer.select_item(command.item_id)
        return command.item_id

    def _current_item(self) -> tuple[int, int | None] | None:
        """The selected item's id and credibility, or None (said in the status bar)."""
        current = self.composer.current_item()
        if current is None:
            self.window.show_message("Select an item of the brief to rate its credibility")
            return None
        return self._item(current[0])

    def _item(self, item_id: int) -> tuple[int, int | None] | None:
        """The item's id and credibility, or None when it cannot be read (said in the status bar)."""
        try:
            return item_id, self.session.ws.briefs.item(item_id).credibility
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return None

    def rate_current(self) -> bool:
        """Ask for the selected item's credibility and set it; False when nothing changed."""
        found = self._current_item()
        if found is None:
            return False
        labels = [label for _value, label in CREDIBILITY_CHOICES]
        values = [value for value, _label in CREDIBILITY_CHOICES]
        chosen, ok = QInputDialog.getItem(self.parent_widget, "Item credibility",
                                          "Information credibility (Admiralty):", labels,
                                          values.index(found[1]), False)
        return ok and self.set_credibility(values[labels.index(chosen)])

    def accept_suggested(self) -> bool:
        """Set the selected item's credibility to the one its corroboration suggests (one key).

        The suggestion (:mod:`briefer.analysis.claims`) is the item's claim's, its
        independent sources counted across the workspace; it is analysed in the
        background and set when it arrives, the status bar saying what it rests on.
        False when there is nothing to analyse.
        """
        found = self._current_item()
        brief_id = self.brief_id()
        if found is None or brief_id is None:
            return False
        tag_id = self.session.ws.briefs.item(found[0]).tag_id
        if tag_id is None:
            self._no_suggestion()
            return False
        if brief_id != self._asked_brief:
            self._asked, self._asked_brief = {}, brief_id
        self._asked[found[0]] = tag_id
        many = len(self._asked) > 1
        self.window.show_message(f"Analysing the corroboration of {len(self._asked)} items…" if many
                                 else "Analysing the item's corroboration…")
        self.suggested.request(self.session.ws.path, brief_id, tuple(self._asked.items()))
        return True

    def _forget_asked(self) -> None:
        self.suggested.cancel()
        self._asked, self._asked_brief = {}, None

    def _no_suggestion(self) -> None:
        self.window.show_message("No suggested credibility: only facts, quotes and figures with a"
                                 " value have one")

    def _on_suggested_ready(self, result: list[tuple[int, Claim | None]]) -> None:
        for item_id, _claim in result:
            self._asked.pop(item_id, None)
        rated = [(item_id, claim) for item_id, claim in result if claim is not None]
        if not rated:
            self._no_suggestion()
            return
        if len(result) > 1:
            changed = sum(self._item(i) is not None and self.set_credibility(c.suggested_credibility, i)
                          for i, c in rated)
            self.window.show_message(f"Suggested credibility set on {changed} of {len(result)} items"
                                     " from their corroboration in the workspace")
            return
        [(item_id, claim)] = rated
        if self._item(item_id) is None:  # gone meanwhile, said in the status bar
            return
        changed_one = self.set_credibility(claim.suggested_credibility, item_id)
        sources = f"{claim.independent_sources} independent source{'s' * (claim.independent_sources != 1)}"
        self.window.show_message(f"Credibility {claim.suggested_credibility} suggested by {sources}"
                                 f" in the workspace{'' if changed_one else ' (already set)'}")

    def shutdown(self) -> None:
        """Wait for the background analysis (on closing the window)."""
        self.suggested.wait()

    def set_credibility(self, credibility: int | None, item_id: int | None = None) -> bool:
        """Set the selected item's (or ``item_id``'s) credibility (1–6, None clears); False when unchanged."""
        found = self._current_item() if item_id is None else self._item(item_id)
        if found is None or found[1] == credibility:
            return False
        if not self._push(SetCredibility(self.session, found[0], credibility)):
            return False
        self.composer.select_item(found[0])
        return True
