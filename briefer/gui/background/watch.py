"""Changes made elsewhere: another Briefer window or the command line writing the workspace.

The core's check (:meth:`Workspace.changed_externally`) reads no table, so it is
polled on a timer, but only while the application is active, and once more the
moment it becomes active again (the user comes back from the other window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from briefer.errors import BrieferError

if TYPE_CHECKING:
    from briefer.gui.session import Session

POLL_MS = 1500


class ChangeWatch(QObject):
    """Tells when the session's workspace was changed by another process."""

    changedElsewhere = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.applicationStateChanged.connect(self._on_application_state_changed)
        self._on_application_state_changed(app.applicationState())

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
            self.timer.start()
        else:
            self.timer.stop()

    def check(self) -> bool:
        """Look now; emit :attr:`changedElsewhere` and return True when something changed."""
        if not self.session.is_open:
            return False
        try:
            changed = self.session.ws.changed_externally()
        except BrieferError:
            return False
        if changed:
            self.changedElsewhere.emit()
        return changed
