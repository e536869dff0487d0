"""The open workspace's life in a window: opening, damage, backups, changes made elsewhere.

What is wrong with a file, reading it read-only and recovering what is readable
are the core's (:mod:`briefer.workspace`, :func:`briefer.workspace.recover.recover`);
this module asks the user which they want and shows the outcome. Recovery runs in
the background behind a progress dialog; the damaged file is never written. While
a workspace is open it is backed up (:mod:`briefer.gui.background.backups`) and watched for
changes made by other processes (:mod:`briefer.gui.background.watch`), which the window
then shows in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from briefer.errors import BrieferError, WorkspaceDamaged
from briefer.gui.background.backups import Backups
from briefer.gui.background.jobs import RecoverJob
from briefer.gui.background.watch import ChangeWatch
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from briefer.gui.window.main_window import MainWindow
    from briefer.workspace.recover import Recovery

SHOWN_PROBLEMS = 3


class Opening(QObject):
    """Opens workspaces in a window, with a way out when one is damaged."""

    recovered = Signal(object)  # the core's Recovery, once its workspace is open
    recoveryFailed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: RecoverJob | None = None
        self.progress: QProgressDialog | None = None
        self.backups = Backups(window.settings, self)
        self.watch = ChangeWatch(window.session, self)
        window.session.workspaceOpened.connect(self._on_session_workspace_opened)
        window.session.workspaceClosed.connect(self.backups.stop)
        self.backups.failed.connect(window.show_message)
        self.watch.changedElsewhere.connect(self._on_watch_changed_elsewhere)

    def _on_session_workspace_opened(self, ws: Workspace) -> None:
        if not ws.store.readonly:  # a damaged file must not push good backups out
            self.backups.start(ws.path)

    def _on_watch_changed_elsewhere(self) -> None:
        self.window.reload()
        self.window.session.retry_kept()  # the other writer is done: save what was refused

    def open(self, path: Path, *, create: bool = False, readonly: bool = False) -> bool:
        """Open a workspace; a damaged one asks what to do. False when nothing was opened."""
        window = self.window
        try:
            window.session.open(path, create=create, readonly=readonly)
        except WorkspaceDamaged as exc:
            return self.offer_damaged(path, exc)
        except BrieferError as exc:
            window.show_message(str(exc))
            return False
        window.settings.add_recent(path)
        window.files.update_recent_menu()
        if readonly:
            window.show_message(f"{path.name} is open read-only: it can be read, not changed")
        return True

    def offer_damaged(self, path: Path, error: WorkspaceDamaged) -> bool:
        """Say what is wrong with a damaged workspace; recover it, open it read-only, or not."""
        problems = list(error.problems)
        box = QMessageBox(QMessageBox.Icon.Warning, "Damaged workspace",
                          f"{path.name} is damaged.", parent=self.window)
        box.setObjectName("damagedWorkspace")
        shown = "\n".join(f"• {p}" for p in problems[:SHOWN_PROBLEMS])
        more = f"\n… and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
        box.setInformativeText(
            f"What is wrong:\n{shown}{more}\n\nRecover copies everything that can still be read into a "
            "new workspace beside it and opens that. Open read-only shows what can still be read.")
        box.setDetailedText(f"{path}\n\n" + "\n".join(problems))
        recover = box.addButton("Recover…", QMessageBox.ButtonRole.AcceptRole)
        readonly = box.addButton("Open read-only", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(recover)
        box.exec()
        if box.clickedButton() is recover:
            return self.recover(path)
        if box.clickedButton() is readonly:
            return self.open(path, readonly=True)
        self.window.show_message(str(error))
        return False

    def recover(self, path: Path) -> bool:
        """Start copying what is readable into a new workspace; it opens when done."""
        if self.job is not None:
            return False
        self.job = RecoverJob(path)
        self.job.setAutoDelete(False)
        self.job.signals.finished.connect(self._on_job_finished)
        self.job.signals.failed.connect(self._on_job_failed)
        self.progress = QProgressDialog(f"Recovering what is readable in {path.name}…", "", 0, 0, self.window)
        self.progress.setObjectName("recovering")
        self.progress.setWindowTitle("Recover workspace")
        self.progress.setCancelButton(None)  # the core's recovery runs to its end
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.pool.start(self.job)
        return True

    def _end_job(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_job_failed(self, message: str) -> None:
        self._end_job()
        self.window.show_message(message)
        self.recoveryFailed.emit(message)

    def _on_job_finished(self, recovery: Recovery) -> None:
        self._end_job()
        if not self.open(recovery.output):
            self.recoveryFailed.emit(self.window.status.text())
            return
        self.window.show_message(f"Recovered into {recovery.output.name}: {recovery.summary()}")
        self.recovered.emit(recovery)

    def shutdown(self) -> None:
        """On closing the window: let a recovery or backup in progress finish, then stop."""
        self.watch.timer.stop()
        self.pool.waitForDone()
        self.backups.shutdown()
