"""Live team sync of the open workspace: a thread listens to the library and syncs.

The thread has its own workspace connection and its own library connections. It
syncs when it starts, whenever the library notifies a change (another analyst's
push), and every :data:`POLL_S` seconds (the fallback: notifications are not
stored, and local edits wait for it to be pushed). After each sync it emits
:attr:`TeamLive.synced`; when the sync pulled something the window refreshes
through its usual "changed elsewhere" path. Failures (server down…) are one line in
:attr:`TeamLive.failed`; the thread keeps trying.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from briefer import team
from briefer.errors import BrieferError
from briefer.team.link import current
from briefer.team.listen import Listener
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path

POLL_S = 30.0
#: How often the thread looks whether it was asked to stop.
TICK_S = 0.5


class TeamLive(QThread):
    """Keeps one team-linked workspace in sync while it is open."""

    synced = Signal(object)  # team.SyncResult
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.syncs = 0  # completed so far
        self._stopping = threading.Event()

    def run(self) -> None:
        try:
            ws = Workspace.open(self.path)
        except BrieferError as exc:
            self.failed.emit(str(exc))
            return
        try:
            self._loop(ws)
        finally:
            ws.close()

    def _loop(self, ws: Workspace) -> None:
        listener: Listener | None = None
        due = 0.0
        while not self._stopping.is_set():
            if listener is None and time.monotonic() >= due:
                listener = self._listen(ws)
                due = 0.0  # (re)connected: sync now
            changed = self._wait(listener)
            if changed is None and listener is not None:  # the listening connection broke
                listener.close()
                listener = None
            if changed or time.monotonic() >= due:
                due = time.monotonic() + POLL_S
                if not self._sync(ws) and listener is not None:
                    listener.close()
                    listener = None
        if listener is not None:
            listener.close()

    def _wait(self, listener: Listener | None) -> bool | None:
        """Wait a tick for a change: True when one came, None when the connection broke."""
        if listener is None:
            self._stopping.wait(TICK_S)
            return False
        try:
            return listener.wait(TICK_S)
        except BrieferError as exc:
            self.failed.emit(str(exc))
            return None

    def _listen(self, ws: Workspace) -> Listener | None:
        try:
            link = current(ws)
            return Listener(link.dsn, link.library)
        except BrieferError as exc:
            self.failed.emit(str(exc))
            return None

    def _sync(self, ws: Workspace) -> bool:
        try:
            result = team.sync(ws)
        except BrieferError as exc:
            self.failed.emit(str(exc))
            return False
        self.syncs += 1
        self.synced.emit(result)
        return True

    def stop(self) -> None:
        """Finish the sync in progress and stop (on the GUI thread: waits for the thread)."""
        self._stopping.set()
        self.wait()
