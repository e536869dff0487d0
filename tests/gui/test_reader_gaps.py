"""The reader shows one blank line between paragraphs, and tables and lists line by line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.ingest.registry import extract_file
from briefer.model import Article

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow

MARKDOWN = """# Talks in Geneva

Diplomats met on Monday.

The talks went on all night.

| Delegation | Members |
|---|---|
| Ukraine | 12 |
| Russia | 9 |

- a ceasefire
- a prisoner swap
"""


def test_markdown_shows_one_gap_and_readable_table(window: MainWindow, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "talks.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    stored = window.session.ws.articles.add(extract_file(path))
    window.open_article(stored.id)
    shown = window.view.toPlainText()
    assert "\n\n\n" not in shown
    assert "Diplomats met on Monday.\n\nThe talks went on all night." in shown
    assert "Delegation | Members\nUkraine | 12\nRussia | 9" in shown
    assert "- a ceasefire\n- a prisoner swap" in shown
    assert "|---|" not in shown
    start = window.session.ws.articles.text(stored.id).index("Ukraine")
    window.view.select(start, start + len("Ukraine"))
    assert window.view.textCursor().selectedText() == "Ukraine"


def test_a_text_with_single_newlines_still_gets_a_gap(window: MainWindow) -> None:
    stored = window.session.ws.articles.add(
        Article(title="Wire", text="First paragraph of the wire.\nSecond paragraph of it."))
    window.open_article(stored.id)
    assert window.view.toPlainText() == "First paragraph of the wire.\n\nSecond paragraph of it."
