"""The open workspace as the GUI sees it: one connection, one undo stack, one signal.

Every change goes through :meth:`Session.push` (an undoable command) and ends in
``changed(Changes)``; views reload exactly what a Changes value names. Writes
happen only here, on the GUI thread's connection; background jobs open their own
connection and hand their Changes back through :meth:`notify`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefer import taxonomy
from briefer.errors import WorkspaceError
from briefer.model import Changes
from briefer.paths import user_config_dir
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from briefer.gui.commands import Command


def load_taxonomy() -> taxonomy.Taxonomy:
    """The shipped taxonomy merged with the user's taxonomy.yaml when there is one."""
    user_file = user_config_dir() / "taxonomy.yaml"
    return taxonomy.load(user_file if user_file.is_file() else None)


class Session(QObject):
    """The workspace open in a window, its undo history and its change signal."""

    changed = Signal(object)  # Changes
    workspaceOpened = Signal(object)  # Workspace
    errorReported = Signal(str)  # one line for the status bar

    def __init__(self, kinds: taxonomy.Taxonomy | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kinds = kinds or load_taxonomy()
        self.undo_stack = QUndoStack(self)
        self._ws: Workspace | None = None

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

    def open(self, path: Path, *, create: bool = False) -> Workspace:
        """Open (or create) a workspace, closing the previous one and its undo history."""
        ws = Workspace.open(path, create=create)
        self.close()
        self._ws = ws
        self.workspaceOpened.emit(ws)
        return ws

    def close(self) -> None:
        """Close the workspace; its undo history goes with it."""
        self.undo_stack.clear()
        if self._ws is not None:
            self._ws.close()
            self._ws = None

    def push(self, command: Command) -> None:
        """Apply ``command`` now and put it on the undo stack.

        A BrieferError from the first application propagates (nothing is pushed),
        so the caller can show its one line.
        """
        command.execute()
        self.undo_stack.push(command)

    def notify(self, changes: Changes) -> None:
        """Tell every view what changed (nothing is emitted for an empty Changes)."""
        if changes:
            self.changed.emit(changes)
