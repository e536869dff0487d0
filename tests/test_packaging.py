"""The built wheel carries templates and resources and runs outside the checkout."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (built,) = out.glob("briefer-*.whl")
    return built


@pytest.mark.slow
def test_wheel_installs_and_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)
    # Dependencies come from the test environment; its .pth files (and so the
    # editable checkout) are not processed from a path added this way.
    (purelib,) = (env_dir / "lib").glob("python*/site-packages")
    (purelib / "test_deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")

    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    version = subprocess.run([str(bin_dir / "briefer"), "--version"], cwd=run_dir,
                             capture_output=True, text=True, check=True)
    assert version.stdout.startswith("briefer ")
    probe = (
        "import briefer, briefer.paths as p, briefer.taxonomy as t\n"
        "print(briefer.__file__)\n"
        "print(p.resource('taxonomy.yaml').is_file(),"
        " p.resource('samples/ukraine-mobilizes.txt').is_file())\n"
        "print(p.templates_dir().is_dir(), p.templates_dir().is_relative_to(p.resources_dir().parent))\n"
        "print(len(t.load()))\n"
    )
    result = subprocess.run([str(python), "-c", probe], cwd=run_dir, capture_output=True, text=True,
                            check=True)
    location, resources, templates, kinds = result.stdout.splitlines()
    assert Path(location).is_relative_to(env_dir)
    assert resources == "True True"
    assert templates == "True True"
    assert kinds == "7"


def test_wheel_ships_its_type_information(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "briefer/py.typed" in names
    assert not any(n.startswith(("briefer/suggest/evaluate", "briefer/render/reference_doc")) for n in names)
