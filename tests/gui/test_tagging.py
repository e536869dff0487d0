"""Tagging from the keyboard: kind keys, remove, undo/redo across articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from briefer.model import Article
from tests.gui.conftest import open_window

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings
    from briefer.gui.window.main_window import MainWindow
    from briefer.workspace import Workspace
    from tests.gui.helpers import Keys


def test_kind_key_tags_the_selection_and_highlights_it(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    text = window.view.units.text
    start = text.index("160,000")
    window.view.move_to(start)
    keys("w", "n")
    [tag] = window.session.ws.tags.all(1)
    assert (tag.kind, tag.exact) == ("figure", "160,000")
    fmt = window.view.highlighter.format_at(window.view.offsets.to_document(start + 1))
    assert fmt.background().color().rgb() == QColor(window.session.kinds["figure"].colour).rgb()
    assert window.view.current_tag == tag.id
    qtbot.waitUntil(lambda: window.tags.model.tag_index(tag.id).isValid())
    assert window.tags.details.tag.id == tag.id


def test_kind_key_without_selection_tags_the_current_sentence(window: MainWindow, keys: Keys) -> None:
    keys("j", "f")
    [tag] = window.session.ws.tags.all(1)
    assert tag.kind == "fact"
    assert tag.exact.startswith("This move has raised alarms")
    assert tag.exact.endswith("on their way.")


def test_every_taxonomy_key_tags_with_its_kind(window: MainWindow, keys: Keys) -> None:
    expected = {}
    for kind in window.session.kinds:
        keys("j", kind.shortcut)
        expected[kind.key] = True
    assert {t.kind for t in window.session.ws.tags.all(1)} == set(expected)


def test_remove_undo_redo(window: MainWindow, keys: Keys) -> None:
    keys("j", "f")
    tag_id = window.view.current_tag
    keys("Backspace")
    assert window.session.ws.tags.all(1) == []
    assert tag_id not in window.view.tags
    window.sync_tag_panel()
    assert not window.tags.model.tag_index(tag_id).isValid()
    keys("Ctrl+Z")
    assert window.session.ws.tags.get(tag_id).kind == "fact"
    assert tag_id in window.view.tags
    keys("Ctrl+Z")
    assert window.session.ws.tags.all(1) == []
    keys("Ctrl+Shift+Z")
    assert window.view.tags[tag_id].kind == "fact"
    assert window.action_table["edit.undo"].text() == "Undo Tag fact"


def test_undo_history_survives_switching_articles(qtbot: QtBot, demo_ws: Workspace, settings: Settings,
                                                  keys: Keys) -> None:
    other = demo_ws.articles.add(Article(title="Second", text="Another article. With two sentences.")).id
    path = demo_ws.path
    demo_ws.close()
    window = open_window(qtbot, path, settings)
    window.open_article(1)
    window.focus_reader()
    keys("f")
    window.open_article(other)
    window.focus_reader()
    keys("j", "q")
    assert [t.article_id for t in window.session.ws.tags.all()] == [1, other]
    keys("Ctrl+Z", "Ctrl+Z")
    assert window.session.ws.tags.all() == []
    assert window.view.tags == {}
    keys("Ctrl+Shift+Z")
    assert [t.article_id for t in window.session.ws.tags.all()] == [1]


def test_tag_count_in_the_list_follows(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    keys("f", "j", "f")
    qtbot.waitUntil(lambda: window.articles.model.rows[0].tag_count == 2)


def test_nothing_to_tag_reports_a_line(qtbot: QtBot, ws: Workspace, settings: Settings, keys: Keys) -> None:
    ws.articles.add(Article(title="Blank start", text="\n\nOnly text."))
    path = ws.path
    ws.close()
    window = open_window(qtbot, path, settings)
    window.view.move_to(0)
    keys("f")
    assert window.session.ws.tags.all() == []
    assert "Nothing to tag" in window.status.text()
