"""The core never imports Qt: the command line and tests run without it."""

from __future__ import annotations

import subprocess
import sys


def test_core_modules_do_not_load_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, briefer\n"
        "for m in pkgutil.walk_packages(briefer.__path__, 'briefer.'):\n"
        "    if not m.name.startswith('briefer.gui') and m.name != 'briefer.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "from briefer.cli import build_parser; build_parser()\n"
        "loaded = sorted(n for n in sys.modules if n.startswith('PySide6'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
