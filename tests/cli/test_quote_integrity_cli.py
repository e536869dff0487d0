"""Quote integrity, end to end: a quote edited in the workspace file is never exported."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

import pytest

from briefer.demo import ensure_demo
from tests.cli.test_briefs_cli import QUOTE, run
from tests.cli.test_markings_cli import fail

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def quoted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, int, int]:
    """A demo workspace whose brief 1 quotes Zelensky: (workspace, tag id, item id)."""
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    tag = json.loads(run(capsys, "tag", "add", ws, "1", "--kind", "quote", "--text", QUOTE,
                         "--speaker", "Volodymyr Zelensky", "--json"))["id"]
    run(capsys, "brief", "new", ws, "--title", "SITREP")
    run(capsys, "brief", "add", ws, "1", str(tag))
    item = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))["items"][0]["id"]
    return ws, tag, item


def _sql(ws: str, statement: str, *params: object) -> None:
    conn = sqlite3.connect(ws)
    with conn:
        conn.execute(statement, params)
    conn.close()


def test_an_intact_quote_exports(capsys: pytest.CaptureFixture[str], quoted: tuple[str, int, int],
                                 tmp_path: Path) -> None:
    ws, _, _ = quoted
    run(capsys, "render", ws, "1", "--format", "md", "-o", str(tmp_path / "ok.md"))
    assert QUOTE in (tmp_path / "ok.md").read_text(encoding="utf-8")


def test_an_edited_quote_stops_every_export(capsys: pytest.CaptureFixture[str],
                                            quoted: tuple[str, int, int], tmp_path: Path) -> None:
    ws, tag, item = quoted
    _sql(ws, "UPDATE tags SET exact = replace(exact, 'internationalized', 'globalised') WHERE id = ?", tag)
    for fmt in ("md", "docx", "html"):
        out = tmp_path / f"brief.{fmt}"
        err = fail(capsys, "render", ws, "1", "--format", fmt, "-o", str(out))
        assert err == (f"briefer: error: item {item} (quote tag {tag}, article 1): no longer matches its"
                       " source: the quote has 'is becoming globalised, extending beyon…' but the article"
                       " has 'is becoming internationalized, extendin…'")
        assert not out.exists()


def test_an_edited_article_text_stops_the_export(capsys: pytest.CaptureFixture[str],
                                                 quoted: tuple[str, int, int], tmp_path: Path) -> None:
    ws, _, item = quoted
    _sql(ws, "UPDATE articles SET text = replace(text, 'The conclusion is clear', 'The conclusion is"
             " unclear') WHERE id = 1")
    err = fail(capsys, "render", ws, "1", "--format", "md", "-o", str(tmp_path / "brief.md"))
    assert err.startswith(f"briefer: error: item {item} (quote tag")
    assert "no longer matches its source: the quote has 'conclusion is clear: this war" in err


def test_changed_context_around_the_quote_stops_the_export(
    capsys: pytest.CaptureFixture[str], quoted: tuple[str, int, int], tmp_path: Path
) -> None:
    ws, tag, item = quoted
    _sql(ws, "UPDATE tags SET suffix = ' And more words here' WHERE id = ?", tag)
    err = fail(capsys, "render", ws, "1", "--format", "md", "-o", str(tmp_path / "brief.md"))
    assert err.startswith(f"briefer: error: item {item} (quote tag {tag}, article 1): no longer matches"
                          " its source: the words after it were 'And more words here', now")
