"""Atomic writes: the final name holds the old file or the whole new one, never a part."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, BinaryIO

import pytest

from briefer import atomic
from briefer.atomic import save_atomic, write_atomic

if TYPE_CHECKING:
    from pathlib import Path


def test_failed_save_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "brief.docx"
    target.write_bytes(b"old brief")

    def failing_save(stream: BinaryIO) -> None:
        stream.write(b"half a bri")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        save_atomic(target, failing_save)
    assert target.read_bytes() == b"old brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]


def test_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.md"
    write_atomic(fresh, "# Brief\n")
    mask = os.umask(0o022)
    os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask

    private = tmp_path / "private.md"
    private.write_text("old")
    private.chmod(0o600)
    write_atomic(private, "new")
    assert private.stat().st_mode & 0o777 == 0o600
    assert private.read_text() == "new"


def test_leftovers_of_an_interrupted_write_are_cleared_once_stale(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    stale = tmp_path / ".brief.md.k3j2.part"
    fresh = tmp_path / ".brief.md.x9y8.part"  # might belong to a write in progress
    other = tmp_path / ".notes.md.a1b2.part"
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"partial")
    old = time.time() - atomic.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))

    write_atomic(target, "# Brief\n")

    assert not stale.exists()
    assert fresh.exists()
    assert other.exists()  # another file's leftovers are not ours to judge
