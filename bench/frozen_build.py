"""The frozen one-folder build: how long PyInstaller takes, how big it is, how fast it starts.

Builds packaging/briefer.spec from scratch (as ``make bundle`` does, into a
temporary folder), then reports the build's wall time, its size on disk, its
file count and its gzipped-tar size (what a download would weigh), and the best
of 5 starts of ``briefer --version`` and of importing the demo article, frozen
against the virtualenv's ``briefer``.

    python bench/frozen_build.py [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "ukraine-mobilizes.txt"


def _best_of(command: Sequence[str | Path], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(c) for c in command], check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def _import_seconds(briefer: Path, work: Path) -> float:
    ws = work / f"{briefer.parent.name}.briefer"
    subprocess.run([str(briefer), "init", str(ws)], check=True, capture_output=True)
    return _best_of([briefer, "import", ws, SAMPLE])


def measure(out: Path) -> dict[str, float]:
    """Build into ``out`` and measure the result."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
                    str(ROOT / "packaging" / "briefer.spec")], check=True, capture_output=True)
    build_s = time.perf_counter() - start
    folder = out / "dist" / "briefer"
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    with tarfile.open(out / "briefer.tar.gz", "w:gz") as tar:
        tar.add(folder, arcname="briefer")
    frozen, venv = folder / "briefer", Path(sys.executable).parent / "briefer"
    return {
        "build_s": round(build_s, 1),
        "size_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
        "files": len(files),
        "tar_gz_mb": round((out / "briefer.tar.gz").stat().st_size / 2**20, 1),
        "version_frozen_s": round(_best_of([frozen, "--version"]), 2),
        "version_venv_s": round(_best_of([venv, "--version"]), 2),
        "import_frozen_s": round(_import_seconds(frozen, out), 2),
        "import_venv_s": round(_import_seconds(venv, out), 2),
    }


def main() -> None:
    """Print the figures, as a table or one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(Path(tmp))
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:18} {value}")


if __name__ == "__main__":
    main()
