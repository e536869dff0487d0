"""End to end: ``briefer check``, ``backup``, ``backups``, ``restore`` and ``recover``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.cli import main
from tests.workspace.damage import filled_workspace, overwrite_pages, pages_of

if TYPE_CHECKING:
    import pytest


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_a_healthy_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(filled_workspace(tmp_path / "w.briefer", articles=4))
    assert run(capsys, "check", path) == (0, f"ok: {path} (4 articles, 12 tags)\n", "")
    _code, out, _ = run(capsys, "check", path, "--json")
    assert json.loads(out) == {"ok": True, "problems": [], "articles": 4, "tags": 12}


def test_check_and_recover_a_damaged_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=60)
    overwrite_pages(path, pages_of(path, "articles")[5:6])

    code, out, err = run(capsys, "check", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"damaged: {path}: ")
    assert lines[1].startswith("readable: articles ")
    assert lines[2] == f"copy it into a new workspace with: briefer recover {path}"

    code, out, err = run(capsys, "list", str(path))  # reading the damaged page: one clear line
    assert code == 1
    assert err.startswith("briefer: error: ")
    assert "damaged" in err
    assert err.count("\n") == 1

    code, out, _ = run(capsys, "recover", str(path), "--json")
    report = json.loads(out)
    assert code == 0
    assert report["output"] == str(tmp_path / "w-recovered.briefer")
    assert report["problems"]
    assert 50 <= report["tables"]["articles"]["recovered"] < 60
    assert run(capsys, "check", report["output"])[0] == 0


def test_recover_prints_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=3)
    code, out, _ = run(capsys, "recover", str(path), str(tmp_path / "copy.briefer"))
    assert code == 0
    assert out.splitlines() == [
        f"Recovered into {tmp_path / 'copy.briefer'} (the source was healthy)",
        "articles 3, briefs 0, feeds 0, sync_base 0, sync_conflicts 0, sync_state 0, tombstones 0,"
        " article_versions 0, evidence 0, feed_entries 0, rejected_suggestions 0, tags 9, brief_items 0,"
        " vanished_tags 0",
    ]


def test_backup_list_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(filled_workspace(tmp_path / "w.briefer", articles=2))
    code, out, _ = run(capsys, "backup", path)
    assert code == 0
    rolling = Path(out.split("Backed up to ", 1)[1].strip())
    assert rolling.is_file()
    assert run(capsys, "backups", path)[1] == f"{rolling}\n"

    code, out, _ = run(capsys, "backup", path, str(tmp_path / "copy.briefer"))
    assert out == f"Backed up to {tmp_path / 'copy.briefer'}\n"

    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "ukraine-mobilizes.txt"
    assert run(capsys, "import", path, str(sample))[0] == 0
    code, out, _ = run(capsys, "restore", str(rolling), path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Restored {path} from {rolling}"
    kept = Path(lines[1].removeprefix("The previous content is kept in "))
    assert kept.is_file()
    assert lines[2] == "2 articles, 6 tags"
    assert run(capsys, "list", str(kept), "--json")[1].count('"id"') == 3


def test_backup_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.briefer"
    notes.write_text("not a workspace\n" * 20)
    code, _out, err = run(capsys, "backup", str(notes), str(tmp_path / "copy.briefer"))
    assert code == 1
    assert err == f"briefer: error: {notes}: not a Briefer workspace (not an SQLite database)\n"
    assert not (tmp_path / "copy.briefer").exists()
