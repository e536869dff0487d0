"""The open workspace's life in a window: new, open, recent, damage, backups, changes made elsewhere.

What is wrong with a file, reading it read-only and recovering what is readable
are the core's (:mod:`briefer.workspace`, :func:`briefer.workspace.recover.recover`);
this module asks the user which they want and shows the outcome. Recovery runs in
the background behind a progress dialog; the damaged file is never written. While
a workspace is open it is backed up (:mod:`briefer.gui.background.backups`) and watched for
changes made by other processes (:mod:`briefer.gui.background.watch`), which the window
then shows in place; a workspace linked to a team library is kept in sync with it
(:mod:`briefer.gui.background.team_live`) and refreshed the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from briefer.errors import BrieferError, WorkspaceDamaged
from briefer.gui.background.backups import Backups
from briefer.gui.background.jobs import RecoverJob
from briefer.gui.background.watch import ChangeWatch
from briefer.gui.files.team_conflicts import ConflictDialog
from briefer.gui.settings import LAST_WORKSPACE, Settings
from briefer.team.names import is_linked
from briefer.workspace import SUFFIX, Workspace

if TYPE_CHECKING:
    from briefer.gui.actions import Actions
    from briefer.gui.background.team_live import TeamLive
    from briefer.gui.session import Session
    from briefer.team import SyncResult
    from briefer.workspace.recover import Recovery

SHOWN_PROBLEMS = 3
WORKSPACE_FILTER = f"Briefer workspaces (*{SUFFIX});;All files (*)"


class OpeningWindow(Protocol):
    """What opening workspaces needs of its window."""

    def show_message(self, text: str) -> None:
        """Show one line in the status bar."""
        ...

    def reload(self) -> None:
        """Show the workspace as it is now (it changed elsewhere)."""
        ...


class Opening(QObject):
    """Opens workspaces in a window (new, chosen, recent), with a way out when one is damaged."""

    recovered = Signal(object)  # the core's Recovery, once its workspace is open
    recoveryFailed = Signal(str)

    def __init__(self, session: Session, settings: Settings, window: OpeningWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.window = window
        self.parent_widget = parent
        self.last_message = ""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: RecoverJob | None = None
        self.progress: QProgressDialog | None = None
        self.recent_menu = QMenu("Open &recent", parent)
        self.backups = Backups(settings, self)
        self.watch = ChangeWatch(session, self)
        self.team_live: TeamLive | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self._team_failure = ""
        self._conflicts_shown: set[tuple[str, str, str]] = set()
        session.workspaceOpened.connect(self._on_session_workspace_opened)
        session.workspaceClosed.connect(self.backups.stop)
        session.workspaceClosed.connect(self._stop_team_live)
        self.backups.failed.connect(self._say)
        self.watch.changedElsewhere.connect(self._on_watch_changed_elsewhere)
        self.update_recent_menu()

    def connect_actions(self, actions: Actions) -> None:
        """Connect the File menu's workspace actions."""
        actions.on_trigger("workspace.new", self.new_dialog)
        actions.on_trigger("workspace.open", self.open_dialog)
        actions.on_trigger("workspace.open-readonly", lambda: self.open_dialog(readonly=True))
        actions.on_trigger("workspace.recover", self.recover_dialog)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.window.show_message(text)

    # choosing a workspace -----------------------------------------------------------------
    def _start_folder(self) -> str:
        last = self.settings.get(LAST_WORKSPACE)
        return str(Path(last).parent) if last else str(Path.home())

    def new_dialog(self) -> None:
        """Ask for a file name and create a workspace there."""
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, "New workspace", self._start_folder(),
                                              WORKSPACE_FILTER)
        if name:
            path = Path(name)
            if path.suffix != SUFFIX:
                path = path.with_name(path.name + SUFFIX)
            self.open(path, create=True)

    def open_dialog(self, *, readonly: bool = False) -> None:
        """Ask for a workspace file and open it (read-only: it is read, never changed)."""
        title = "Open workspace read-only" if readonly else "Open workspace"
        name, _ = QFileDialog.getOpenFileName(self.parent_widget, title, self._start_folder(),
                                              WORKSPACE_FILTER)
        if name:
            self.open(Path(name), readonly=readonly)

    def recover_dialog(self) -> None:
        """Copy what is readable from the open workspace (or one chosen) into a new one and open it."""
        if self.session.is_open:
            path = self.session.ws.path
        else:
            name, _ = QFileDialog.getOpenFileName(self.parent_widget, "Recover workspace",
                                                  self._start_folder(), WORKSPACE_FILTER)
            if not name:
                return
            path = Path(name)
        self.recover(path)

    def update_recent_menu(self) -> None:
        """Rebuild the Open recent menu from the settings."""
        self.recent_menu.clear()
        recent = self.settings.recent()
        for i, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{i} {path.name}  —  {path.parent}")
            action.triggered.connect(lambda _checked=False, p=path: self.open(p))
        self.recent_menu.setEnabled(bool(recent))

    # the workspace's life -------------------------------------------------------------------

    def _on_session_workspace_opened(self, ws: Workspace) -> None:
        if not ws.store.readonly:  # a damaged file must not push good backups out
            self.backups.start(ws.path)
        if not ws.store.readonly and is_linked(ws):
            # Imported here: it loads the PostgreSQL driver, which only team workspaces need.
            from briefer.gui.background.team_live import TeamLive

            self._stop_team_live()
            self.team_live = TeamLive(ws.path, self)
            self.team_live.synced.connect(self._on_team_live_synced)
            self.team_live.failed.connect(self._on_team_live_failed)
            self.team_live.start()

    def _stop_team_live(self) -> None:
        if self.team_live is not None:
            self.team_live.stop()
            self.team_live = None

    def _on_team_live_synced(self, result: SyncResult) -> None:
        self._team_failure = ""
        if result.pulled:
            self.watch.check()  # the thread's connection wrote: refresh as for any change made elsewhere
        seen = {(c.uid, c.field, repr(c.theirs)) for c in result.conflicts}
        if seen - self._conflicts_shown:  # new ones: show them all (once, not after every sync)
            self._say(f"Team library: {len(result.conflicts)} conflicts to resolve")
            if self.conflict_dialog is None:
                self.conflict_dialog = ConflictDialog(lambda: self.session.ws, self.window.reload,
                                                      self.parent_widget)
            self.conflict_dialog.show_conflicts(result.conflicts)
            self.conflict_dialog.show()
        self._conflicts_shown = seen

    def _on_team_live_failed(self, text: str) -> None:
        if text != self._team_failure:  # once per failure, not once per retry
            self._team_failure = text
            self._say(f"Team library: {text}")

    def _on_watch_changed_elsewhere(self) -> None:
        self.window.reload()
        self.session.retry_kept()  # the other writer is done: save what was refused

    def open(self, path: Path, *, create: bool = False, readonly: bool = False) -> bool:
        """Open a workspace; a damaged one asks what to do. False when nothing was opened."""
        try:
            self.session.open(path, create=create, readonly=readonly)
        except WorkspaceDamaged as exc:
            return self.offer_damaged(path, exc)
        except BrieferError as exc:
            self._say(str(exc))
            return False
        self.settings.add_recent(path)
        self.update_recent_menu()
        if readonly:
            self._say(f"{path.name} is open read-only: it can be read, not changed")
        return True

    def offer_damaged(self, path: Path, error: WorkspaceDamaged) -> bool:
        """Say what is wrong with a damaged workspace; recover it, open it read-only, or not."""
        problems = list(error.problems)
        box = QMessageBox(QMessageBox.Icon.Warning, "Damaged workspace",
                          f"{path.name} is damaged.", parent=self.parent_widget)
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
        self._say(str(error))
        return False

    def recover(self, path: Path) -> bool:
        """Start copying what is readable into a new workspace; it opens when done."""
        if self.job is not None:
            return False
        self.job = RecoverJob(path)
        self.job.setAutoDelete(False)
        self.job.signals.finished.connect(self._on_job_finished)
        self.job.signals.failed.connect(self._on_job_failed)
        self.progress = QProgressDialog(f"Recovering what is readable in {path.name}…", "", 0, 0,
                                        self.parent_widget)
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
        self._say(message)
        self.recoveryFailed.emit(message)

    def _on_job_finished(self, recovery: Recovery) -> None:
        self._end_job()
        if not self.open(recovery.output):
            self.recoveryFailed.emit(self.last_message)
            return
        self._say(f"Recovered into {recovery.output.name}: {recovery.summary()}")
        self.recovered.emit(recovery)

    def shutdown(self) -> None:
        """On closing the window: let a recovery or backup in progress finish, then stop."""
        self.watch.timer.stop()
        self.pool.waitForDone()
        self.backups.shutdown()
