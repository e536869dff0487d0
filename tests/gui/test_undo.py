"""Undo everywhere: briefs created and deleted, and an undo shows what it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QInputDialog

from briefer.errors import NotFound
from briefer.model import Article
from tests.gui.conftest import open_window

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings
    from briefer.gui.window.main_window import MainWindow
    from briefer.workspace import Workspace
    from tests.gui.helpers import Keys


def tag_words(window: MainWindow, keys: Keys, words: str, kind_key: str) -> int:
    start = window.view.units.text.index(words)
    window.view.select(start, start + len(words))
    keys(kind_key)
    return window.view.current_tag


def brief_ids(window: MainWindow) -> list[int]:
    return sorted(b.id for b in window.session.ws.briefs.all())


@pytest.fixture
def two_articles(qtbot: QtBot, demo_ws: Workspace, settings: Settings) -> MainWindow:
    demo_ws.articles.add(Article(title="Second report", text="Kyiv was quiet. Talks resumed in Geneva."))
    path = demo_ws.path
    demo_ws.close()
    return open_window(qtbot, path, settings)


def test_new_brief_is_undone_and_redone_with_its_id(window: MainWindow, keys: Keys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Evening brief", True))
    keys("Ctrl+Shift+N")
    created = window.briefing.brief_id
    assert window.composer.chooser.currentText() == "Evening brief (0)"
    assert window.action_table["edit.undo"].text() == "Undo New brief"
    keys("Ctrl+Z")
    assert brief_ids(window) == []
    assert window.briefing.brief() is None
    assert window.composer.chooser.count() == 0
    keys("Ctrl+Shift+Z")
    assert brief_ids(window) == [created]
    assert window.briefing.brief_id == created
    assert window.composer.chooser.currentText() == "Evening brief (0)"


def test_the_first_a_makes_a_brief_and_one_undo_takes_both_back(window: MainWindow, keys: Keys) -> None:
    tag_words(window, keys, "160,000", "n")
    keys("a")
    [brief] = window.session.ws.briefs.all()
    assert brief.item_count == 1
    keys("Ctrl+Z")
    assert window.session.ws.briefs.all() == []
    assert len(window.session.ws.tags.all(1)) == 1  # the tag stays: it was its own step
    keys("Ctrl+Shift+Z")
    assert [(b.id, b.item_count) for b in window.session.ws.briefs.all()] == [(brief.id, 1)]


def test_delete_brief_shows_the_next_one_and_undo_restores_it_exactly(window: MainWindow, keys: Keys,
                                                                       monkeypatch) -> None:  # noqa: ANN001
    figure = tag_words(window, keys, "160,000", "n")
    keys("a")
    first = window.briefing.brief_id
    window.session.ws.briefs.set(first, bluf="Ukraine mobilises.")
    before = window.session.ws.briefs.get(first)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Second brief", True))
    keys("Ctrl+Shift+N")
    second = window.briefing.brief_id
    window.briefing.choose(first)
    keys("Ctrl+Shift+Del")
    assert brief_ids(window) == [second]
    assert window.briefing.brief_id == second
    assert "Deleted the brief “Situation report”" in window.status.text()
    keys("Ctrl+Z")
    assert window.session.ws.briefs.get(first) == before
    assert window.briefing.brief_id == first  # the undo shows the brief it brought back
    assert [i.tag_id for i in window.briefing.brief().items] == [figure]
    keys("Ctrl+Shift+Z")
    with pytest.raises(NotFound):
        window.session.ws.briefs.get(first)


def test_delete_without_a_brief_says_so(window: MainWindow, keys: Keys) -> None:
    keys("Ctrl+Shift+Del")
    assert window.status.text() == "No brief to delete"


def test_undo_in_another_article_opens_it_at_the_change(two_articles: MainWindow, keys: Keys,
                                                        qtbot: QtBot) -> None:
    window = two_articles
    window.open_article(1)
    window.focus_reader()
    figure = tag_words(window, keys, "160,000", "n")
    second = next(r.id for r in window.articles.model.rows if r.id != 1)
    window.open_article(second)
    window.focus_reader()
    keys("Ctrl+Z")  # the figure tag goes: the reader goes to where it was
    assert window.current_article_id() == 1
    assert window.articles.current_id() == 1
    assert window.view.cursor_offset() == window.view.units.text.index("160,000")
    window.open_article(second)
    window.focus_reader()
    keys("Ctrl+Shift+Z")  # and comes back: the reader shows it as the current tag
    assert window.current_article_id() == 1
    assert window.view.current_tag == figure
    assert window.view.selection() == (window.view.units.text.index("160,000"),
                                       window.view.units.text.index("160,000") + 7)
    qtbot.waitUntil(lambda: window.tags.details.tag is not None and window.tags.details.tag.id == figure)


def test_undoing_an_edit_to_another_brief_shows_that_brief(window: MainWindow, keys: Keys,
                                                           monkeypatch) -> None:  # noqa: ANN001
    tag_words(window, keys, "160,000", "n")
    keys("a")
    first = window.briefing.brief_id
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Other", True))
    keys("Ctrl+Shift+N")
    other = window.briefing.brief_id
    window.briefing.choose(first)
    keys("Ctrl+4")
    window.composer.select_item(window.briefing.brief().items[0].id)
    keys("Del")  # takes the item out of the first brief
    assert window.briefing.brief().items == ()
    window.briefing.choose(other)
    keys("Ctrl+Z")  # puts the item back in the first brief, which is shown
    assert window.briefing.brief_id == first
    assert len(window.briefing.brief().items) == 1
    assert window.composer.chooser.currentText() == "Situation report (1)"
