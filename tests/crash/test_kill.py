"""Crashes at any moment: SIGKILL a child that changes a workspace or writes exports.

The full run (1,000 kills) is ``python bench/crash_kill.py``; this is its short version.
"""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

import docx
import pytest
from docx.opc.exceptions import PackageNotFoundError

from bench.crash_kill import (
    _bin_version,
    _docx_version,
    _export_payload,
    check_after_kill,
    run_export_kills,
    run_workspace_kills,
    settle,
    workspace_digest,
)
from briefer.model import Article
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.slow
def test_thirty_kills_lose_no_acknowledged_change(tmp_path: Path) -> None:
    report = run_workspace_kills(tmp_path, kills=30, seed=7)
    assert report.child_errors == []
    assert (report.kills, report.lost, report.corrupt) == (30, 0, 0)
    assert report.acknowledged_changes > 100


@pytest.mark.slow
def test_killed_exports_never_leave_a_partial_file(tmp_path: Path) -> None:
    report = run_export_kills(tmp_path, kills=8, seed=7)
    assert report.errors == []
    assert (report.partial, report.stale) == (0, 0)
    assert report.acknowledged_writes > 8


def test_the_check_tells_a_lost_acknowledged_change_from_one_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "w.briefer"
    with Workspace.create(path) as ws:
        before = workspace_digest(ws)
        try:
            with ws.store.transaction():
                ws.articles.add(Article(title="Announced", text="Announced, then rolled back."))
                announced = workspace_digest(ws)
                raise RuntimeError("killed before the commit")
        except RuntimeError:
            pass

    in_flight = [f"intent {announced} import 1"]
    assert settle(in_flight, before) == (before, 0, announced)
    assert check_after_kill(path, before, announced, readonly=False)[0] == "in flight lost"

    acked, count, pending = settle([*in_flight, "ack"], before)
    assert (acked, count, pending) == (announced, 1, None)
    verdict, _, problem = check_after_kill(path, acked, pending, readonly=True)
    assert verdict == "lost"
    assert problem == "the workspace is not in an acknowledged state"


def test_the_export_readers_reject_partial_files(tmp_path: Path) -> None:
    payload = tmp_path / "export.bin"
    payload.write_bytes(_export_payload(3, 2))
    assert _bin_version(payload) == 3
    payload.write_bytes(_export_payload(3, 2)[:-4096])
    with pytest.raises(ValueError, match="partial"):
        _bin_version(payload)

    document = docx.Document()
    document.add_paragraph("Brief version 4")
    for i in range(900):
        document.add_paragraph(f"Item {i}")
    whole = tmp_path / "export.docx"
    document.save(str(whole))
    assert _docx_version(whole) == 4
    whole.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises((ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError)):
        _docx_version(whole)
