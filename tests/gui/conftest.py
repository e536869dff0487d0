"""GUI fixtures: isolated QSettings, a main window on a workspace, dialogs never block."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings

from briefer.gui.app import make_application
from briefer.gui.session import Session
from briefer.gui.settings import Settings
from briefer.gui.theme import apply_palette
from briefer.gui.window.main_window import MainWindow
from tests.gui.helpers import Keys

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from briefer.workspace import Workspace


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every test gets its own settings folder, and the default palette."""
    folder = tmp_path_factory.mktemp("qsettings")
    make_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
    apply_palette("system")


@pytest.fixture
def keys(qtbot: QtBot) -> Keys:
    """Key presses on the focused widget, counted."""
    return Keys(qtbot)


@pytest.fixture
def settings() -> Settings:
    """The app's settings in the test's own folder."""
    return Settings()


def open_window(qtbot: QtBot, path: Path, settings: Settings) -> MainWindow:
    """A shown main window on the workspace at ``path``."""
    window = MainWindow(settings, Session())
    qtbot.addWidget(window)
    assert window.open_workspace(path)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.focus_reader()
    qtbot.waitUntil(lambda: window.view.hasFocus())
    return window


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, settings: Settings) -> MainWindow:
    """A main window on a copy of the demo workspace (article 1, no tags)."""
    path = demo_ws.path
    demo_ws.close()
    return open_window(qtbot, path, settings)
