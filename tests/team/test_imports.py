"""The command line does not load the PostgreSQL driver unless a team command runs."""

from __future__ import annotations

import subprocess
import sys


def test_building_the_parser_leaves_psycopg_unloaded() -> None:
    code = ("import sys\nfrom briefer import team\nfrom briefer.cli import build_parser\nbuild_parser()\n"
            "print(sorted(n for n in sys.modules if n.startswith('psycopg')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
