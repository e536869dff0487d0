"""Rolling backups of the open workspace, made on a thread of their own.

The core does the work (:class:`~briefer.workspace.backup.RollingBackup`: one on
open unless nothing changed, then one after every stretch of changes, the oldest
dropped); this module runs it off the window's thread, with its own read-only
connection, on a timer, under the policy from Preferences. A read-only
(damaged) workspace is not backed up: good backups are never pushed out by it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from briefer.errors import BrieferError
from briefer.gui.background.threads import WorkerThread, WorkspaceWorker
from briefer.gui.settings import BACKUP_EVERY_MINUTES, BACKUP_KEEP, Settings
from briefer.workspace.backup import BackupPolicy, RollingBackup
from briefer.workspace.store import utc_now

CHECK_MS = 30_000  # how often the timer asks whether a backup is due (cheap when not)
START_DELAY_MS = 1500  # the backup on open waits until the window has settled

Clock = Callable[[], datetime]


def policy_from(settings: Settings) -> BackupPolicy:
    """The backup policy the user chose in Preferences."""
    return BackupPolicy(every=timedelta(minutes=settings.get(BACKUP_EVERY_MINUTES)),
                        keep=settings.get(BACKUP_KEEP))


class BackupWorker(WorkspaceWorker):
    """Makes the rolling backups of one workspace on the backup thread."""

    checked = Signal(str)  # the new backup file, or "" when none was due
    failed = Signal(str)  # one line

    def __init__(self) -> None:
        super().__init__()
        self._rolling: RollingBackup | None = None

    def start(self, path: str, policy: BackupPolicy, clock: Clock) -> None:
        """Start backing up ``path``: one now unless the newest backup holds the same."""
        self._run(lambda: self._open(Path(path), policy, clock).on_open())

    def _open(self, path: Path, policy: BackupPolicy, clock: Clock) -> RollingBackup:
        self._rolling = RollingBackup(self.workspace(path), policy, clock)
        return self._rolling

    def if_due(self) -> None:
        """Back up when the workspace changed and the policy's interval has passed."""
        if self._rolling is not None:
            self._run(self._rolling.if_due)

    def _run(self, job: Callable[[], Path | None]) -> None:
        try:
            made = job()
        except BrieferError as exc:
            self.failed.emit(f"Backup failed: {exc}")
            return
        self.checked.emit(str(made) if made is not None else "")

    def release(self) -> None:
        """Stop backing up and close the connection."""
        self._rolling = None
        super().release()


class Backups(QObject):
    """Keeps rolling backups of the window's workspace while it is open."""

    backedUp = Signal(str)  # a new backup file
    checked = Signal(str)  # after every look: the new backup, or ""
    failed = Signal(str)
    _startRequested = Signal(str, object, object)
    _dueRequested = Signal()
    _releaseRequested = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock
        self.path: Path | None = None
        self._worker = BackupWorker()
        self._thread = WorkerThread(self._worker, self)
        self._startRequested.connect(self._worker.start)
        self._dueRequested.connect(self._worker.if_due)
        self._releaseRequested.connect(self._worker.release)
        self._worker.checked.connect(self._on_worker_checked)
        self._worker.failed.connect(self.failed)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(START_DELAY_MS)
        self._start_timer.timeout.connect(self._start_now)

    def _on_worker_checked(self, made: str) -> None:
        if made:
            self.backedUp.emit(made)
        self.checked.emit(made)

    def start(self, path: Path, *, delay: bool = True) -> None:
        """Back up ``path`` in a moment (unless nothing changed since the newest), then after changes."""
        self.path = path
        self._timer.stop()
        self._start_timer.start(START_DELAY_MS if delay else 0)

    def _start_now(self) -> None:
        if self.path is not None:
            self._startRequested.emit(str(self.path), policy_from(self.settings), self.clock)
            self._timer.start()

    def apply_settings(self) -> None:
        """Use the policy now in Preferences."""
        if self.path is not None:
            self.start(self.path, delay=False)

    def check(self) -> None:
        """Make a backup if one is due (the timer calls this)."""
        if self.path is not None:
            self._dueRequested.emit()

    def stop(self) -> None:
        """Stop backing up (the workspace is being closed)."""
        self.path = None
        self._timer.stop()
        self._start_timer.stop()
        self._releaseRequested.emit()

    def shutdown(self) -> None:
        """Stop the backup thread (on closing the window), after a backup in progress."""
        self.stop()
        self._thread.stop()
