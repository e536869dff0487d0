"""Files and folders import names as they are: names that are not UTF-8, folders that cannot be read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefer.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator

TEXT = "Kyiv talks\nZelensky said the war is becoming internationalized.\n"


def test_a_file_name_that_is_not_utf8_imports_and_json_stays_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"report-\xff\xfe.txt")
    (folder / name).write_text(TEXT)
    ws = tmp_path / "w.briefer"
    assert main(["init", str(ws)]) == 0
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape"}
    for argv in (["import", str(ws), str(folder)], ["extract", "--json", str(folder / name)],
                 ["list", str(ws), "--json"], ["show", str(ws), "1", "--json"]):
        result = subprocess.run([sys.executable, "-m", "briefer.cli", *argv], capture_output=True, env=env,
                                check=False, timeout=120)
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        if "--json" in argv:
            for line in result.stdout.decode("utf-8").splitlines():  # valid UTF-8, or this raises
                json.loads(line)
    show = subprocess.run([sys.executable, "-m", "briefer.cli", "show", str(ws), "1", "--json"],
                          capture_output=True, check=True, timeout=120)
    assert json.loads(show.stdout.decode("utf-8"))["file"] == "report-\ufffd\ufffd.txt"


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder every user may enter (pytest's own tmp folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="briefer-unreadable-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def _as_another_user() -> list[str]:
    """Root reads every folder: run as an unmapped user in a user namespace, where permissions hold."""
    return ["unshare", "--user"] if os.geteuid() == 0 else []


def test_an_unreadable_subfolder_is_named_not_skipped_silently(shared_folder: Path) -> None:
    (shared_folder / "readable").mkdir()
    (shared_folder / "readable" / "a.txt").write_text(TEXT)
    locked = shared_folder / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(TEXT.replace("Kyiv", "Lviv"))
    locked.chmod(0)
    result = subprocess.run([*_as_another_user(), sys.executable, "-m", "briefer.cli", "extract", "--json",
                             str(shared_folder), str(locked / "b.txt")], capture_output=True, text=True,
                            check=False, timeout=120)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("title") for line in lines] == ["Kyiv talks", None]
    assert lines[1] == {"file": str(locked / "b.txt"), "error": "Permission denied"}
    assert result.stderr == f"briefer: skipped: {locked}: folder cannot be read (Permission denied)\n"
