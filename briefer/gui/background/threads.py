"""Long-lived worker threads that read a workspace through a connection of their own.

SQLite connections belong to the thread that opened them, so a worker opens its
own read-only connection on its thread, keeps it between jobs, and closes it on
that same thread when the thread stops. Jobs arrive as queued signals; results
leave as signals, which Qt delivers on the GUI thread. The worker never touches
widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread

from briefer.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path


class WorkspaceWorker(QObject):
    """A worker with one read-only connection at a time; subclasses add the jobs."""

    def __init__(self) -> None:
        super().__init__()
        self._ws: Workspace | None = None

    def workspace(self, path: Path) -> Workspace:
        """The worker's connection to ``path`` (opened read-only on first use)."""
        if self._ws is None or self._ws.path != path:
            self.release()
            self._ws = Workspace.open(path, readonly=True)
        return self._ws

    def release(self) -> None:
        """Close the connection (the next job opens it again)."""
        if self._ws is not None:
            self._ws.close()
            self._ws = None

    def close(self) -> None:
        """Free everything the worker holds (called on its thread as it stops)."""
        self.release()


class WorkerThread(QThread):
    """Runs a worker's queued jobs; when asked to stop, frees what the worker opened."""

    def __init__(self, worker: WorkspaceWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        worker.moveToThread(self)

    def run(self) -> None:
        self.exec()
        self.worker.close()  # on this thread, which owns the connection

    def stop(self, msecs: int = 10000) -> bool:
        """Finish the job in progress, then stop; False when it did not end in time."""
        self.quit()
        return self.wait(msecs)
