"""A plain ``python3 -m venv v && v/bin/pip install .`` works with the pip Python ships."""

from __future__ import annotations

import ensurepip
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests.install.flow import ROOT, bare_env, check_version_and_render, run

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.slow
def test_stock_pip_installs_the_checkout(tmp_path: Path) -> None:
    env = bare_env()
    venv_dir = tmp_path / "v"
    subprocess.run([sys.executable, "-m", "venv", str(venv_dir)], check=True, env=env)
    pip = [venv_dir / "bin" / "python", "-m", "pip"]
    # The pip this Python bundles, not upgraded: the one a new user gets.
    assert run([*pip, "--version"], tmp_path, env).split()[1] == ensurepip.version()
    run([*pip, "install", "--quiet", ROOT], tmp_path, env)
    check_version_and_render(venv_dir / "bin" / "briefer", tmp_path / "elsewhere", env)
