"""Importing a folder never follows a link to a file outside it, and says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.cli import main
from briefer.workspace import Workspace

if TYPE_CHECKING:
    import pytest


def test_a_link_out_of_the_folder_is_skipped_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    secret = tmp_path / "home" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("Private notes\n\nThe password is hunter2.\n")
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "report.txt").write_text("A report\n\nThe troops moved.\n")
    (folder / "sub" / "inside.txt").write_text("Inside\n\nAnother report.\n")
    (folder / "notes.txt").symlink_to(secret)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "same.txt").symlink_to(folder / "sub" / "inside.txt")  # inside the folder: followed
    ws = tmp_path / "w.briefer"
    Workspace.create(ws).close()

    assert main(["import", str(ws), str(folder), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"briefer: skipped: {folder / 'notes.txt'}: a link to a file outside the folder; not followed",
        f"briefer: skipped: {folder / 'passwd.txt'}: a link to a file outside the folder; not followed",
    ]
    statuses = {Path(o["file"]).name: o["status"] for o in map(json.loads, out.splitlines())}
    assert statuses == {"report.txt": "imported", "same.txt": "imported", "inside.txt": "duplicate"}
    with Workspace.open(ws, readonly=True) as opened:
        assert all("hunter2" not in a.title for a in opened.articles.all())
        assert opened.articles.search("hunter2") == []
