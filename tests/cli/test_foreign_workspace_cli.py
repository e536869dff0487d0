"""Received workspaces with SQL of their own, a damaged full-text index, odd paths: one line each."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from briefer.cli import main
from briefer.workspace import SCHEMA_VERSION, Workspace
from tests.workspace.damage import filled_workspace
from tests.workspace.test_health import run_python

if TYPE_CHECKING:
    from pathlib import Path

WIPE = "CREATE TRIGGER wipe_tags AFTER INSERT ON tags BEGIN DELETE FROM tags; END"
SLOW = ("CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
        " INSERT INTO articles_fts(rowid, title, text) SELECT new.id, new.title, new.text FROM"
        " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000)"
        " SELECT max(i) FROM n); END")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        ([WIPE], "foreign trigger 'wipe_tags' (not made by Briefer)"),
        (["DROP TRIGGER articles_fts_insert", SLOW], "foreign trigger 'articles_fts_insert' (changed"),
        (["CREATE VIEW spy AS SELECT text FROM articles"], "foreign view 'spy'"),
        (["CREATE INDEX extra ON tags(note)"], "foreign index 'extra'"),
    ],
)
def test_a_foreign_schema_object_is_refused_named_by_check_and_dropped_by_recover(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], statements: list[str], named: str,
) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=3)
    _sql(path, *statements)
    tags_before = len(Workspace.open(path, readonly=True).tags.all())

    code, out, err = run(capsys, "tag", "add", str(path), "1", "--kind", "fact", "--start", "0", "--end", "3")
    assert code == 1
    assert out == ""
    assert err.startswith(f"briefer: error: {path}: {named}")
    assert err.endswith(": refused; 'briefer recover' copies the workspace without it\n")

    code, out, err = run(capsys, "list", str(path))
    assert (code, out) == (1, "")
    assert err.startswith(f"briefer: error: {path}: {named}")

    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out.splitlines()[0].startswith(f"damaged: {path}: {named}")

    out_path = tmp_path / "clean.briefer"
    assert run(capsys, "recover", str(path), str(out_path))[0] == 0
    with Workspace.open(out_path) as ws:
        assert ws.check() == []
        assert len(ws.tags.all()) == tags_before
        ws.tags.add(1, "fact", 0, 3)
        assert len(ws.tags.all()) == tags_before + 1  # no trigger deletes it any more


def test_recover_refuses_a_workspace_of_a_newer_briefer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=3)
    _sql(path, "CREATE TABLE future_things (id INTEGER PRIMARY KEY)",
         "ALTER TABLE tags ADD COLUMN future TEXT", f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    code, out, err = run(capsys, "recover", str(path))
    assert (code, out) == (1, "")
    assert err == (f"briefer: error: {path}: made by a newer Briefer (schema {SCHEMA_VERSION + 1};"
                   f" this version knows up to {SCHEMA_VERSION}); recover it with that Briefer, this one"
                   " would drop what it does not know\n")
    assert list(tmp_path.glob("*recovered*")) == []


def test_a_damaged_full_text_index_is_found_by_check_and_rebuilt_by_recover(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=5)
    _sql(path, "DELETE FROM articles_fts_config")
    code, _, err = run(capsys, "search", str(path), "front")
    assert code == 1
    assert err.startswith(f"briefer: error: {path}: the workspace is damaged: ")

    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    assert json.loads(out)["problems"][0].startswith("the full-text index is damaged")

    article = tmp_path / "new.txt"
    article.write_text("A new report\n\nThe front line moved again.\n")
    code, _, err = run(capsys, "import", str(path), str(article))
    assert code == 1
    assert err.startswith(f"briefer: error: {path}: the workspace is damaged")  # not the article's fault

    code, out, _ = run(capsys, "recover", str(path), str(tmp_path / "fixed.briefer"))
    assert code == 0
    assert "(the source was damaged)" in out
    assert run(capsys, "check", str(tmp_path / "fixed.briefer"))[0] == 0
    code, out, _ = run(capsys, "search", str(tmp_path / "fixed.briefer"), "front", "--json")
    assert len(json.loads(out)) == 5


def test_a_read_only_workspace_file_is_listed_searched_and_shown(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "ro.briefer", articles=4)
    path.chmod(0o444)
    code = "import sys\nfrom briefer.cli import main\nfor argv in sys.argv[1:]:\n    main(argv.split('|'))\n"
    result = run_python(code, f"list|{path}|--json", f"search|{path}|front|--json", f"show|{path}|2|--json",
                        f"tag|add|{path}|1|--kind|fact|--start|0|--end|3", obey_modes=True)
    lines = result.stdout.splitlines()
    assert len(json.loads(lines[0])) == 4
    assert len(json.loads(lines[1])) == 4
    assert json.loads(lines[2])["id"] == 2
    assert result.stderr == f"briefer: error: {path}: the file is read-only; open it read-only to read it\n"


@pytest.mark.parametrize("command", [
    ["list"], ["check"], ["init"], ["recover"], ["search", "x"], ["show", "1"],
])
def test_a_fifo_as_workspace_is_refused_without_waiting(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "pipe.briefer"
    os.mkfifo(fifo)
    argv = [command[0], str(fifo), *command[1:]]
    done = subprocess.run([sys.executable, "-c", "import sys; from briefer.cli import main; sys.exit(main())",
                           *argv], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == (f"briefer: error: {fifo}: is not a regular file (a pipe, socket or device),"
                           " not a workspace file\n")


@pytest.mark.parametrize("companion", ["-wal", "-shm"])
@pytest.mark.parametrize("command", ["recover", "list", "check"])
def test_a_folder_where_the_log_belongs_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], companion: str, command: str,
) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=2)
    folder = path.with_name(path.name + companion)
    folder.mkdir()
    code, out, err = run(capsys, command, str(path))
    assert (code, out) == (1, "")
    assert err == (f"briefer: error: {folder}: is not a file, where the workspace's log belongs;"
                   " move it away\n")


def test_check_finds_an_index_that_no_longer_matches_the_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=5)
    _sql(path, "UPDATE articles_fts_data SET block = X'0000' WHERE id = 1")  # FTS5's own check passes this
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out.startswith(f"damaged: {path}: the full-text index is damaged")
