"""Drive an installed ``briefer`` the way a new user would, outside the checkout.

The installs under test (stock pip, pipx, the frozen build) each get a command
to run; these helpers give it an environment without the test venv and check
what it produces.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import briefer

if TYPE_CHECKING:
    from collections.abc import Sequence

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "ukraine-mobilizes.txt"
QUOTE = "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."
SPEAKER = "Volodymyr Zelensky"

_DROPPED = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV"}


def bare_env(**extra: str) -> dict[str, str]:
    """This process's environment without the test venv on PATH, PYTHONPATH or VIRTUAL_ENV."""
    venv_bin = Path(sys.executable).parent
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and Path(p) != venv_bin]
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env["PATH"] = os.pathsep.join(path)
    env.update(extra)
    return env


def run(command: Sequence[str | Path], cwd: Path, env: dict[str, str], timeout: float = 600) -> str:
    """Run a command; fail the test with its output unless it exits 0. Returns stdout."""
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{command} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def check_version_and_render(briefer_cmd: Path, work: Path, env: dict[str, str]) -> None:
    """``briefer --version``, then import the demo article, tag a quote and render it to Markdown."""
    work.mkdir(exist_ok=True)
    assert run([briefer_cmd, "--version"], work, env).strip() == f"briefer {briefer.__version__}"
    ws = work / "work.briefer"
    run([briefer_cmd, "init", ws], work, env)
    run([briefer_cmd, "import", ws, SAMPLE], work, env)
    run([briefer_cmd, "tag", "add", ws, "1", "--kind", "quote", "--text", QUOTE, "--speaker", SPEAKER],
        work, env)
    run([briefer_cmd, "brief", "new", ws, "--title", "Ukraine: mobilization"], work, env)
    run([briefer_cmd, "brief", "auto", ws, "1"], work, env)
    run([briefer_cmd, "render", ws, "1", "--format", "md", "-o", work / "brief.md"], work, env)
    text = (work / "brief.md").read_text(encoding="utf-8")
    assert "# Ukraine: mobilization" in text
    assert f"**{SPEAKER}**: “{QUOTE}”" in text
