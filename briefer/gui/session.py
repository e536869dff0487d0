"""The open workspace as the GUI sees it: one connection, one undo stack, one signal.

Every change goes through :meth:`Session.push` (an undoable command) and ends in
``changed(Changes)``; views reload exactly what a Changes value names. Writes
happen only here, on the GUI thread's connection; background jobs open their own
connection and hand their Changes back through :meth:`notify`. An edit of typed
text the workspace refuses (another process is writing) is kept and saved later
(:meth:`Session.push_or_keep`), so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefer import taxonomy
from briefer.errors import BrieferError, WorkspaceError
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable
    from pathlib import Path

    from briefer.gui.undo.command import Command
    from briefer.model import Changes

#: How long a change made in the window waits for another Briefer's write to
#: finish before saying so: short, because the window cannot respond meanwhile.
WRITE_WAIT_MS = 750


class Session(QObject):
    """The workspace open in a window, its undo history and its change signal."""

    changed = Signal(object)  # Changes
    workspaceOpened = Signal(object)  # Workspace
    workspaceClosed = Signal()
    errorReported = Signal(str)  # one line for the status bar
    revealRequested = Signal(object)  # an undo.command.Place: show what an undo/redo changed

    def __init__(self, kinds: taxonomy.Taxonomy | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kinds = kinds or taxonomy.load_default()
        self.undo_stack = QUndoStack(self)
        self._ws: Workspace | None = None
        self.kept: dict[Hashable, Command] = {}  # edits the workspace refused, to save later

    @property
    def ws(self) -> Workspace:
        """The open workspace; raise WorkspaceError when none is open."""
        if self._ws is None:
            raise WorkspaceError("workspace", "none is open")
        return self._ws

    @property
    def is_open(self) -> bool:
        """Whether a workspace is open."""
        return self._ws is not None

    @property
    def readonly(self) -> bool:
        """Whether the open workspace was opened read-only (changes are refused)."""
        return self._ws is not None and self._ws.store.readonly

    def open(self, path: Path, *, create: bool = False, readonly: bool = False) -> Workspace:
        """Open (or create) a workspace, closing the previous one and its undo history.

        Raises WorkspaceError (WorkspaceDamaged for a damaged file); the open one stays open then.
        """
        ws = Workspace.open(path, create=create, readonly=readonly,
                            busy_timeout_ms=WRITE_WAIT_MS, kinds=self.kinds)
        self.close()
        self._ws = ws
        self.workspaceOpened.emit(ws)
        return ws

    def close(self) -> None:
        """Close the workspace; its undo history (and edits not saved) go with it."""
        self.undo_stack.clear()
        self.kept.clear()
        if self._ws is not None:
            self._ws.close()
            self._ws = None
            self.workspaceClosed.emit()

    def push(self, command: Command) -> None:
        """Apply ``command`` now and put it on the undo stack.

        A BrieferError from the first application propagates (nothing is pushed),
        so the caller can show its one line. Once it is saved, kept edits are
        tried again (the workspace takes writes again).
        """
        self._apply(command)
        self.retry_kept()

    def try_push(self, command: Command, report: Callable[[str], None]) -> bool:
        """Push ``command``; on a BrieferError give its one line to ``report`` and return False."""
        try:
            self.push(command)
        except BrieferError as exc:
            report(str(exc))
            return False
        return True

    def _apply(self, command: Command) -> None:
        command.execute()
        self.undo_stack.push(command)

    def push_or_keep(self, command: Command, key: Hashable) -> bool:
        """Push an edit of typed text; when the workspace refuses the write, keep it.

        A kept edit (the newest per ``key``, say a brief's BLUF) is tried again by
        :meth:`retry_kept`: after the next change that is saved, and when the
        workspace changed elsewhere (the other writer is done). Returns whether it
        was saved now. Other errors are reported and the edit dropped.
        """
        try:
            self._apply(command)
        except WorkspaceError as exc:
            if self._ws is None or self.readonly:
                self.errorReported.emit(str(exc))
                return False
            self.kept[key] = command
            self.errorReported.emit(f"{exc} — your edit is kept and will be saved when it is free")
            return False
        except BrieferError as exc:
            self.errorReported.emit(str(exc))
            return False
        self.kept.pop(key, None)
        self.retry_kept()
        return True

    def retry_kept(self) -> None:
        """Save the kept edits, oldest first; stop at the first the workspace still refuses."""
        while self.kept:
            key, command = next(iter(self.kept.items()))
            try:
                self._apply(command)
            except WorkspaceError:
                return
            except BrieferError as exc:  # no longer applies (say, the tag was removed meanwhile)
                self.errorReported.emit(f"Cannot {command.text().lower()}: {exc}")
            self.kept.pop(key, None)

    def notify(self, changes: Changes) -> None:
        """Tell every view what changed (nothing is emitted for an empty Changes)."""
        if changes:
            self.changed.emit(changes)
