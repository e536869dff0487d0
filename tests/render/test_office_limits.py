"""The LibreOffice conversion is bounded: a converter that hangs is ended, with a one-line error."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import pytest

from briefer.errors import InvalidInput
from briefer.render.office import convert_docx

if TYPE_CHECKING:
    from pathlib import Path


def _fake_soffice(folder: Path, body: str) -> Path:
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(f"#!/bin/sh\necho $$ > {folder / 'pid'}\n{body}\n")
    program.chmod(0o755)
    return folder


def test_a_hanging_converter_is_ended_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_soffice(tmp_path / "bin", "sleep 60")
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    started = time.monotonic()
    expected = r"could not convert the brief to pdf: LibreOffice took longer than 2 s"
    with pytest.raises(InvalidInput, match=expected):
        convert_docx(b"PK", "pdf", timeout=2)
    assert time.monotonic() - started < 15
    pid = int((folder / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the whole process group is gone


def test_a_failing_converter_says_so_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _fake_soffice(tmp_path / "bin", "echo 'Error: source file could not be loaded'; exit 1")
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(InvalidInput) as caught:
        convert_docx(b"PK", "odt")
    assert str(caught.value).endswith(
        "could not convert the brief to odt: Error: source file could not be loaded")
    assert "\n" not in str(caught.value)
