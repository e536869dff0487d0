"""Starting the app: QApplication, crash dialog, the first workspace (palettes: :mod:`briefer.gui.theme`).

With no workspace given, the last one opened is reopened; on the very first
start (or when the last one is gone) the demo workspace is created and opened.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from briefer import __version__
from briefer.errors import BrieferError
from briefer.gui.session import Session
from briefer.gui.settings import APPLICATION, LAST_WORKSPACE, ORGANISATION, PALETTE, Settings
from briefer.gui.theme import apply_palette
from briefer.gui.window.main_window import MainWindow
from briefer.workspace.health import is_damage

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import TracebackType

    from briefer.taxonomy import Taxonomy

log = logging.getLogger(__name__)


def show_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Report an unexpected exception (a bug) in a dialog instead of dying silently.

    A Briefer error, or damage SQLite met in the workspace, is no bug: its one line
    goes to the window's status bar instead.
    """
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
                  None)
    if window is not None and (isinstance(exc, BrieferError) or is_damage(exc)):
        log.warning("%s", exc)
        window.show_message(str(exc) if isinstance(exc, BrieferError) else
                            f"The workspace is damaged ({exc}): File ▸ Recover workspace… copies what is "
                            "readable into a new one")
        return
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error:\n%s", text)
    box = QMessageBox(QMessageBox.Icon.Critical, "Briefer — unexpected error",
                      f"Something went wrong: {exc_type.__name__}: {exc}\n\n"
                      "Your work up to the last change is saved. Please report this with the "
                      "details below.")
    box.setDetailedText(text)
    box.exec()


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication (created once) with Briefer's names."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "briefer", *argv])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("Briefer")
    return app


def first_workspace(settings: Settings, given: Path | None) -> Path:
    """The workspace to open: the one given, else the last one, else the demo."""
    if given is not None:
        return given
    last = settings.get(LAST_WORKSPACE)
    if last and Path(last).is_file():
        return Path(last)
    from briefer.demo import ensure_demo  # loads the importers: only on a first start

    return ensure_demo()


def create_window(workspace: Path | None = None, palette: str | None = None,
                  kinds: Taxonomy | None = None) -> MainWindow:
    """Set up the application and a main window on the first workspace (not shown yet)."""
    make_application()
    settings = Settings()
    apply_palette(palette or settings.get(PALETTE))
    window = MainWindow(settings, Session(kinds))
    window.open_workspace(first_workspace(settings, workspace))
    window.focus_reader()
    return window


def run(workspace: Path | None = None, palette: str | None = None,
        kinds: Taxonomy | None = None) -> int:
    """Run the app until its window closes; return the exit status."""
    app = make_application()
    sys.excepthook = show_crash
    window = create_window(workspace, palette, kinds)
    if window.first_start:
        window.showMaximized()
    else:
        window.show()
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    return app.exec()
