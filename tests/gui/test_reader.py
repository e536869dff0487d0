"""The reader: metadata, highlighting, moving and selecting by keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCursor

from briefer.model import Article
from tests.gui.conftest import open_window

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings
    from briefer.gui.window.main_window import MainWindow
    from briefer.workspace import Workspace
    from tests.gui.helpers import Keys


def selected_text(window: MainWindow) -> str:
    span = window.view.selection()
    return window.view.units.text[span[0]:span[1]] if span else ""


def sentence_at_cursor(window: MainWindow) -> str:
    text = window.view.units.text
    pos = window.view.cursor_offset()
    end = next((i for i in range(pos, len(text)) if text[i] in ".!?\n"), len(text))
    return text[pos:end + 1]


def test_metadata_is_shown_above_the_text(qtbot: QtBot, ws: Workspace, settings: Settings) -> None:
    ws.articles.add(Article(title="Talks in Kyiv", text="Body text.", outlet="Wire", author="A. Writer",
                            published="2024-11-05", url="https://example.org/a", grade="B"))
    path = ws.path
    ws.close()
    window = open_window(qtbot, path, settings)
    header = window.reader.header.text()
    for part in ("Talks in Kyiv", "Wire", "A. Writer", "2024-11-05", "https://example.org/a",
                 "source grade B"):
        assert part in header


def test_j_and_k_move_by_sentence(window: MainWindow, keys: Keys) -> None:
    keys("j")
    assert sentence_at_cursor(window).startswith("This move has raised alarms")
    keys("j", "Alt+Down")
    assert sentence_at_cursor(window).startswith("Major General Pat Ryder stated")
    keys("k")
    assert sentence_at_cursor(window).startswith("The Pentagon confirmed")
    keys("Alt+Up")
    assert sentence_at_cursor(window).startswith("This move")


def test_paragraph_keys(window: MainWindow, keys: Keys) -> None:
    keys("}", "}")
    assert sentence_at_cursor(window).startswith("Ukrainian President Volodymyr Zelensky")
    keys("j", "{")
    assert sentence_at_cursor(window).startswith("Ukrainian President")
    keys("{")
    assert sentence_at_cursor(window).startswith("The Pentagon confirmed")


def test_current_sentence_is_marked(window: MainWindow, keys: Keys) -> None:
    keys("j")
    view = window.view
    pos = view.offsets.to_document(view.cursor_offset() + 3)
    assert view.highlighter.format_at(pos) is not None
    first_sentence = view.offsets.to_document(3)
    assert view.highlighter.format_at(first_sentence) is None


def test_extend_and_shrink_by_word_and_sentence(window: MainWindow, keys: Keys) -> None:
    text = window.view.units.text
    window.view.move_to(text.index("160,000"))
    keys("w")
    assert selected_text(window) == "160,000"
    keys("w")
    assert selected_text(window) == "160,000 personnel"
    keys("Shift+W")
    assert selected_text(window) == "160,000"
    window.view.move_to(text.index("As the war unfolds"))
    keys("v")
    assert selected_text(window) == (
        "As the war unfolds, Ukraine has been grappling with severe manpower shortages.")
    keys("v")
    assert selected_text(window).endswith("over the next three months.")
    keys("Shift+V")
    assert selected_text(window).endswith("manpower shortages.")


def test_i_selects_the_quoted_words(window: MainWindow, keys: Keys) -> None:
    text = window.view.units.text
    window.view.move_to(text.index("Zelensky expressed"))
    keys("i")
    assert selected_text(window).startswith("The conclusion is clear")
    assert selected_text(window).endswith("beyond two countries.")


def test_tags_are_highlighted_in_their_kind_colour(qtbot: QtBot, demo_ws: Workspace,
                                                   settings: Settings) -> None:
    text = demo_ws.articles.text(1)
    start = text.index("160,000")
    demo_ws.tags.add(1, "figure", start, start + 7)
    path = demo_ws.path
    demo_ws.close()
    window = open_window(qtbot, path, settings)
    pos = window.view.offsets.to_document(start)
    fmt = window.view.highlighter.format_at(pos + 2)
    assert fmt is not None
    figure = QColor(window.session.kinds["figure"].colour)
    assert fmt.background().color().rgb() == figure.rgb()
    assert window.view.highlighter.format_at(pos + 8) is None


def test_next_and_previous_tag(qtbot: QtBot, demo_ws: Workspace, settings: Settings, keys: Keys) -> None:
    text = demo_ws.articles.text(1)
    for word in ("Selydove", "Kursk", "Pentagon"):
        start = text.index(word)
        demo_ws.tags.add(1, "location", start, start + len(word))
    path = demo_ws.path
    demo_ws.close()
    window = open_window(qtbot, path, settings)
    keys("t")
    assert selected_text(window) == "Selydove"
    keys("t", "t")
    assert selected_text(window) == "Pentagon"
    keys("Shift+T")
    assert selected_text(window) == "Kursk"
    assert window.view.tags[window.view.current_tag].exact == "Kursk"


def test_emoji_before_a_tag_keeps_offsets_right(qtbot: QtBot, ws: Workspace, settings: Settings,
                                                keys: Keys) -> None:
    text = "🇺🇦😀 Flags first. Then 160,000 troops 🙂 moved."
    ws.articles.add(Article(title="Emoji", text=text))
    path: Path = ws.path
    ws.close()
    window = open_window(qtbot, path, settings)
    window.view.move_to(text.index("160,000"))
    keys("w")
    assert selected_text(window) == "160,000"
    keys("n")
    tag = window.session.ws.tags.all(1)[0]
    assert (tag.start, tag.end, tag.exact) == (text.index("160,000"), text.index("160,000") + 7, "160,000")
    u16 = window.view.offsets.to_document(tag.start)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(u16)
    cursor.setPosition(u16 + 7, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "160,000"
    figure = QColor(window.session.kinds["figure"].colour).rgb()
    assert window.view.highlighter.format_at(u16).background().color().rgb() == figure
    before = window.view.highlighter.format_at(u16 - 1)
    assert before is None or before.background().color().rgb() != figure
