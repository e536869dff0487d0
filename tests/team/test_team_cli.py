"""``briefer team …`` end to end in child processes against a real server: JSON shapes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import psycopg
import pytest

from briefer.model import Article
from briefer.team.schema import SCHEMA_VERSION
from briefer.workspace import Workspace
from tests.team.pgserver import free_port

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.team.pgserver import PgServer

TEXT = "Ukraine plans to recruit 160,000 personnel. Russia took 478 square kilometers in October."


def briefer(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    return subprocess.run([sys.executable, "-m", "briefer", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120, check=False)


def ok(*args: str) -> str:
    done = briefer(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def one_line_error(*args: str) -> str:
    done = briefer(*args)
    assert done.returncode == 1, done.stdout
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("briefer: error: ")
    return lines[0]


@pytest.fixture
def workspace(tmp_path: Path) -> str:
    path = tmp_path / "desk.briefer"
    with Workspace.create(path) as ws:
        article = ws.articles.add(Article(title="Mobilizes", text=TEXT)).id
        ws.tags.add(article, "figure", 25, 32)
        ws.briefs.new("Sitrep", bluf="Ukraine mobilizes.")
    return str(path)


def test_init_join_sync_status_leave_with_their_json_shapes(
        tmp_path: Path, pg: PgServer, monkeypatch: pytest.MonkeyPatch, workspace: str) -> None:
    monkeypatch.setenv("PGPASSFILE", str(pg.pgpass))
    init = ("team", "init", pg.admin_dsn(), "--library", "clilib")
    assert ok(*init) == f"Library clilib created (schema {SCHEMA_VERSION})\n"
    assert ok(*init) == f"Library clilib is up to date (schema {SCHEMA_VERSION})\n"
    pg.add_login("cli_ann", "s3cret-ann")
    assert ok("team", "grant", pg.admin_dsn(), "cli_ann", "--as", "editor", "--library", "clilib") \
        == "cli_ann is now editor of library clilib\n"

    done = briefer("team", "join", workspace, pg.dsn("cli_ann", "s3cret-ann"), "--library", "clilib")
    assert done.returncode == 0, done.stderr
    assert "password in the DSN was not stored" in done.stderr
    with Workspace.open(workspace) as ws:
        (stored,) = ws.store.conn.execute("SELECT dsn FROM sync_state").fetchone()
    assert "s3cret" not in stored
    assert "s3cret" not in (tmp_path / "desk.briefer").read_bytes().decode("latin-1")

    status = json.loads(ok("team", "status", workspace, "--json"))
    assert status == {"library": "clilib", "last_sync": None, "pending": 3}
    result = json.loads(ok("team", "sync", workspace, "--json"))
    assert result == {"pushed": 3, "pulled": 0, "conflicts": []}
    status = json.loads(ok("team", "status", workspace, "--json"))
    assert list(status) == ["library", "last_sync", "pending"]
    assert (status["library"], status["pending"]) == ("clilib", 0)
    assert status["last_sync"].endswith("Z")

    other = tmp_path / "other.briefer"
    Workspace.create(other).close()
    ok("team", "join", str(other), pg.dsn("cli_ann"), "--library", "clilib")
    assert json.loads(ok("team", "sync", str(other), "--json")) == {"pushed": 0, "pulled": 3, "conflicts": []}
    with Workspace.open(other) as ws:
        ws.briefs.set(ws.briefs.all()[0].id, bluf="Other's BLUF.")
    with Workspace.open(workspace) as ws:
        ws.briefs.set(ws.briefs.all()[0].id, bluf="Desk's BLUF.")
        uid = ws.store.conn.execute("SELECT uid FROM briefs").fetchone()[0]
    ok("team", "sync", str(other))
    assert json.loads(ok("team", "sync", workspace, "--json")) == {"pushed": 0, "pulled": 1, "conflicts": [
        {"what": "brief.bluf", "uid": uid, "mine": "Desk's BLUF.", "theirs": "Other's BLUF."}]}
    assert "Resolved 1 conflicts" in ok("team", "resolve", workspace, uid, "--keep", "mine")

    assert ok("team", "leave", workspace) == "Left library clilib; the workspace keeps its rows\n"
    assert "not linked to a team library" in one_line_error("team", "status", workspace, "--json")


def test_failures_are_one_line_and_lose_nothing(
        pg: PgServer, library: str, analyst: Callable[..., str], workspace: str) -> None:
    dsn = analyst("eve")
    ok("team", "join", workspace, dsn, "--library", library)

    with Workspace.open(workspace) as ws:
        down = f"host=127.0.0.1 port={free_port()} dbname=x"
        ws.store.conn.execute("UPDATE sync_state SET dsn = ?", (down,))
    assert "cannot reach the server" in one_line_error("team", "sync", workspace)

    with Workspace.open(workspace) as ws:
        ws.store.conn.execute("UPDATE sync_state SET dsn = ?", (pg.dsn(f"{library}_eve", "wrong"),))
    assert "refused the password" in one_line_error("team", "sync", workspace)

    with Workspace.open(workspace) as ws:
        ws.store.conn.execute("UPDATE sync_state SET dsn = ?", (dsn,))
    with psycopg.connect(pg.admin_dsn()) as conn:
        conn.execute(f"UPDATE {library}.meta SET value = %s WHERE key = 'schema'", (str(SCHEMA_VERSION + 1),))
    line = one_line_error("team", "sync", workspace)
    assert f"library {library}" in line
    assert "made by a newer Briefer" in line
    with psycopg.connect(pg.admin_dsn()) as conn:
        conn.execute(f"UPDATE {library}.meta SET value = %s WHERE key = 'schema'", (str(SCHEMA_VERSION),))

    assert json.loads(ok("team", "status", workspace, "--json"))["pending"] == 3  # nothing lost
    assert json.loads(ok("team", "sync", workspace, "--json"))["pushed"] == 3  # and the next sync catches up


def test_a_missing_library_and_a_bad_name_are_one_line(pg: PgServer, workspace: str) -> None:
    line = one_line_error("team", "join", workspace, pg.admin_dsn(), "--library", "nolib")
    assert "no such library" in line
    assert "library name" in one_line_error("team", "init", pg.admin_dsn(), "--library", "Bad-Name")


def test_a_tagger_syncing_a_brief_gets_one_line_and_keeps_it(
        library: str, analyst: Callable[..., str], workspace: str) -> None:
    ok("team", "join", workspace, analyst("tim", "tagger"), "--library", library)
    line = one_line_error("team", "sync", workspace)
    assert "no permission" in line
    assert "briefs" in line
    assert json.loads(ok("team", "status", workspace, "--json"))["pending"] == 1


def test_only_an_owner_grants_roles(pg: PgServer, library: str, analyst: Callable[..., str]) -> None:
    editor = analyst("ed", "editor")
    owner = analyst("olga", "owner")
    pg.add_login(f"{library}_new", "pw-new")
    line = one_line_error("team", "grant", editor, f"{library}_new", "--as", "reader", "--library", library)
    assert "no permission" in line
    ok("team", "grant", owner, f"{library}_new", "--as", "reader", "--library", library)
    assert "no role nobody" in one_line_error("team", "grant", owner, "nobody", "--as", "reader",
                                              "--library", library)


def test_share_lists_the_roles_of_a_red_row(workspace: str) -> None:
    assert ok("team", "share", workspace, "article", "1", "lead", "deputy") \
        == "article 1, when TLP:RED, is shown to lead, deputy; pushed at the next sync\n"
    with Workspace.open(workspace) as ws:
        assert ws.store.conn.execute("SELECT red_roles FROM articles").fetchone()[0] == '["deputy", "lead"]'
    assert "no such row" in one_line_error("team", "share", workspace, "tag", "99")
