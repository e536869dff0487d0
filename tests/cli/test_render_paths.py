"""Where ``render -o`` writes: never a half file, never a device replaced, one line when it cannot."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest

from briefer.cli import main
from briefer.demo import sample_article_path

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("ws") / "w.briefer")
    assert main(["init", path]) == 0
    assert main(["import", path, str(sample_article_path())]) == 0
    assert main(["brief", "new", path, "--title", "Ukraine mobilizes"]) == 0
    assert main(["tag", "add", path, "1", "--kind", "fact", "--start", "0", "--end", "40"]) == 0
    assert main(["brief", "auto", path, "1"]) == 0
    return path


def render(ws: str, output: str, fmt: str = "md") -> int:
    return main(["render", ws, "1", "--format", fmt, "-o", output])


@pytest.mark.parametrize(
    ("make", "output", "reason"),
    [
        (lambda d: (d / "folder").mkdir(), "folder", "is a folder; give a file name"),
        (
            lambda d: (d / "file").write_text("x"),
            "file/brief.md",
            "a part of the path is a file, not a folder",
        ),
        (lambda d: None, "/proc/brief.md", "cannot create a file in /proc"),
    ],
    ids=["folder", "under-a-file", "proc"],
)
def test_an_output_that_cannot_be_a_file_is_one_line(
    ws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, output: str, reason: str
) -> None:
    make(tmp_path)  # type: ignore[operator]
    target = output if output.startswith("/") else str(tmp_path / output)
    capsys.readouterr()
    assert render(ws, target) == 1
    assert capsys.readouterr().err == f"briefer: error: {target}: {reason}\n"
    assert not [p for p in tmp_path.rglob("*.part")]


def test_an_empty_output_name_is_refused(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert render(ws, "") == 1
    assert capsys.readouterr().err == "briefer: error: -o: an empty file name\n"


def _device(tmp_path: Path) -> Path:
    """A null device of our own (as root), else a link to /dev/null (a bug would replace the link only)."""
    path = tmp_path / "null"
    if os.geteuid() == 0:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return path
    path.symlink_to("/dev/null")
    return path


@pytest.mark.parametrize("fmt", ["md", "docx", "html"])
def test_a_device_is_written_through_never_replaced(
    ws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    device = _device(tmp_path)
    assert render(ws, str(device), fmt) == 0
    assert stat.S_ISCHR(device.stat().st_mode)
    assert list(tmp_path.iterdir()) == [device]
    assert capsys.readouterr().err == f"Wrote {device}\n"


def test_a_fifo_receives_the_whole_document(
    ws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert render(ws, str(fifo)) == 0
    reader.join(10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received[0].decode().startswith("**TLP:CLEAR**\n\n# Ukraine mobilizes")


def test_stdout_gets_the_document_and_the_note_goes_to_stderr(ws: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefer.cli", "render", ws, "1", "--format", "md", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("**TLP:CLEAR**\n\n# Ukraine mobilizes")
    assert "Wrote" not in result.stdout
    assert result.stderr == "Wrote /dev/stdout\n"


def test_a_symlink_keeps_pointing_at_the_file_it_names(ws: str, tmp_path: Path) -> None:
    real = tmp_path / "briefs" / "latest.md"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "brief.md"
    link.symlink_to(real)
    assert render(ws, str(link)) == 0
    assert link.is_symlink()
    assert real.read_text().startswith("**TLP:CLEAR**")


#: Mount a small tmpfs over $1 in a private namespace, put an old brief there, render onto it, report.
SMALL_DISK = """
set -u
disk=$1; shift
mount -t tmpfs -o "$MOUNT_OPTIONS" tmpfs "$disk" || exit 90
printf old > "$disk/brief.docx"
[ -n "${REMOUNT:-}" ] && { mount -o remount,ro "$disk" || exit 91; }
"$@" -o "$disk/brief.docx"
echo "status=$?"
echo "kept=$(cat "$disk/brief.docx")"
echo "files=$(ls -A "$disk" | tr '\\n' ' ')"
"""


def _on_small_disk(ws: str, tmp_path: Path, options: str, remount: bool) -> tuple[list[str], str]:
    disk = tmp_path / "disk"
    disk.mkdir()
    env = {**os.environ, "MOUNT_OPTIONS": options, "REMOUNT": "1" if remount else ""}
    command = [
        "unshare",
        "--map-root-user",
        "--mount",
        "sh",
        "-c",
        SMALL_DISK,
        "sh",
        str(disk),
        sys.executable,
        "-m",
        "briefer.cli",
        "render",
        ws,
        "1",
        "--format",
        "docx",
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180, check=False)
    assert "status=" in result.stdout, f"could not set up the small disk: {result.returncode} {result.stderr}"
    return result.stdout.splitlines(), result.stderr


@pytest.mark.parametrize(
    ("options", "remount", "reason"),
    [
        ("size=16k", False, "could not write: the disk is full"),
        ("size=1m", True, "could not write: the file system is read-only"),
    ],
    ids=["disk-full", "read-only"],
)
def test_a_full_or_read_only_disk_fails_in_one_line_and_keeps_the_old_brief(
    ws: str, tmp_path: Path, options: str, remount: bool, reason: str
) -> None:
    """A real file system (tmpfs in a private user and mount namespace), not a simulated error."""
    lines, err = _on_small_disk(ws, tmp_path, options, remount)
    assert lines == ["status=1", "kept=old", "files=brief.docx "]
    assert err == f"briefer: error: {tmp_path / 'disk' / 'brief.docx'}: {reason}\n"
