"""The command line and the window load the PostgreSQL driver only when a team library is used."""

from __future__ import annotations

import os
import subprocess
import sys


def test_building_the_parser_leaves_psycopg_unloaded() -> None:
    code = ("import sys\nfrom briefer import team\nfrom briefer.cli import build_parser\nbuild_parser()\n"
            "print(sorted(n for n in sys.modules if n.startswith('psycopg')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_window_leaves_psycopg_unloaded_until_a_team_workspace_opens() -> None:
    code = ("import sys\nimport briefer.gui.window.main_window\n"
            "print(sorted(n for n in sys.modules if n.startswith('psycopg')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.strip() == "[]"
