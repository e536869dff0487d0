"""``briefer gui`` where no window can open: one line, not Qt's seven and an abort."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefer.commands.gui import display_problem


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {},
            "briefer: error: gui: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)\n",
        ),
        (
            {"DISPLAY": ":97"},
            "briefer: error: gui: cannot reach the display :97 (no X server is listening)\n",
        ),
    ],
    ids=["no-display", "dead-display"],
)
def test_gui_without_a_display_says_so_in_one_line(env: dict[str, str], expected: str) -> None:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "briefer.cli", "gui"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, expected)


@pytest.mark.parametrize(
    ("env", "platform"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({"DISPLAY": "remote.example:0"}, "linux"),
        ({}, "darwin"),
        ({}, "win32"),
    ],
)
def test_a_display_qt_may_use_is_left_to_qt(env: dict[str, str], platform: str) -> None:
    assert display_problem(env, platform) is None
