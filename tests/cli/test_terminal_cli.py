"""Source text on a terminal: control characters shown as text, never obeyed; JSON escapes them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from briefer.cli import main
from briefer.model import Article
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path

HOSTILE = "Title \x1b]0;owned\x07 \x1b[2J\x9b31m red \x85 end\r"
SHOWN = "Title \\x1b]0;owned\\x07 \\x1b[2J\\x9b31m red \\x85 end\\x0d"


def _on_a_terminal(*argv: str) -> str:
    """What ``briefer ARGV`` writes to a real terminal (a pseudo-terminal), both streams."""
    leader, follower = pty.openpty()
    briefer = [sys.executable, "-c", "import sys; from briefer.cli import main; sys.exit(main())"]
    proc = subprocess.Popen([*briefer, *argv], stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return seen.decode("utf-8")


@pytest.fixture
def hostile_ws(tmp_path: Path) -> Path:
    path = tmp_path / "w.briefer"
    with Workspace.create(path) as ws:
        ws.articles.add(Article(title=HOSTILE, text=f"{HOSTILE}\n\nThe troops moved.",
                                outlet="\x1b[5mOutlet"))
    return path


@pytest.mark.parametrize("command", [["list"], ["show", "1"], ["search", "troops"]])
def test_titles_with_escapes_are_printed_as_text_on_a_terminal(hostile_ws: Path, command: list[str]) -> None:
    shown = _on_a_terminal(command[0], str(hostile_ws), *command[1:])
    assert "\x1b" not in shown
    assert "\x9b" not in shown
    assert "\x85" not in shown
    assert SHOWN[:40] in shown


def test_import_prints_the_title_as_text_on_a_terminal(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: \"Evil \\e[2J title \\x9b1m\"\n---\nThe troops moved.\n")
    Workspace.create(tmp_path / "w.briefer").close()
    shown = _on_a_terminal("import", str(tmp_path / "w.briefer"), str(article))
    shown = shown.replace("\r\x1b[K", "")  # the progress line's own escape
    assert "imported" in shown
    assert "Evil" in shown
    assert "title" in shown
    assert "\x1b" not in shown
    assert "\x9b" not in shown


def test_json_escapes_every_control_character(hostile_ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(hostile_ws), "--json"]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x9b\x85\x07\r")
    assert json.loads(out)[0]["outlet"] == "\x1b[5mOutlet"
    shown = _on_a_terminal("show", str(hostile_ws), "1", "--json")
    assert "\x1b" not in shown
    assert "\\u001b" in shown


def test_text_goes_out_unchanged_when_not_on_a_terminal(hostile_ws: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import sys; from briefer.cli import main; sys.exit(main())",
                           "list", str(hostile_ws)], capture_output=True, timeout=60)
    assert b"\x1b[2J" in done.stdout  # a file or a pipe gets what the source holds
