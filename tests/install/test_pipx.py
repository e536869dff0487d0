"""``pipx install`` of the checkout or of a built wheel puts a working ``briefer`` on PATH."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.install.flow import ROOT, bare_env, check_version_and_render, run


def _wheel(out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
                    str(ROOT)], check=True, capture_output=True)
    (built,) = out.glob("briefer-*.whl")
    return built


@pytest.mark.slow
@pytest.mark.parametrize("source", ["checkout", "wheel"])
def test_pipx_install_gives_a_briefer_command(source: str, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    env = bare_env(PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(bin_dir),
                   PIPX_MAN_DIR=str(tmp_path / "man"))
    target = ROOT if source == "checkout" else _wheel(tmp_path / "dist")
    run([sys.executable, "-m", "pipx", "install", "--python", sys.executable, target], tmp_path, env)
    env["PATH"] = f"{bin_dir}:{env['PATH']}"
    found = run(["sh", "-c", "command -v briefer"], tmp_path, env).strip()
    assert Path(found) == bin_dir / "briefer"
    check_version_and_render(Path("briefer"), tmp_path / "elsewhere", env)
