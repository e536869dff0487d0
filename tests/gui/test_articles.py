"""Article details corrected and graded in a dialog, articles deleted; each one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefer.model import Article
from tests.gui.helpers import Keys, focused_name

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.reader.article_dialog import ArticleDialog
    from briefer.gui.window.main_window import MainWindow


def open_dialog(window: MainWindow, keys: Keys, qtbot: QtBot) -> ArticleDialog:
    keys("Ctrl+Shift+I")
    dialog = window.article_work.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused_name() == "article-title"
    return dialog


def retype(qtbot: QtBot, dialog: ArticleDialog, field: str, text: str) -> None:
    edit = dialog.fields[field]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def add_to_brief(window: MainWindow, keys: Keys, words: str) -> int:
    start = window.view.units.text.index(words)
    window.view.select(start, start + len(words))
    keys("n", "a")
    return window.view.current_tag


def test_details_are_saved_shown_at_once_and_undone_in_one_step(window: MainWindow, keys: Keys,
                                                                 qtbot: QtBot) -> None:
    add_to_brief(window, keys, "160,000")
    window.preview.show()
    dialog = open_dialog(window, keys, qtbot)
    assert dialog.fields["title"].text() == window.view.article.title
    retype(qtbot, dialog, "outlet", "Kyiv Independent")
    retype(qtbot, dialog, "author", "Olena Petrenko")
    retype(qtbot, dialog, "published", "2026-11-28")
    dialog.grade.setCurrentIndex(dialog.grade.findData("B"))
    qtbot.keyClick(dialog.fields["published"], Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: focused_name() == "reader")
    article = window.session.ws.articles.get(1)
    assert (article.outlet, article.author, article.published, article.grade) == (
        "Kyiv Independent", "Olena Petrenko", "2026-11-28", "B")
    header = window.reader.header.text()
    assert "Kyiv Independent" in header
    assert "Olena Petrenko" in header
    assert "source grade B" in header
    qtbot.waitUntil(lambda: window.articles.model.rows[0].outlet == "Kyiv Independent")
    qtbot.waitUntil(lambda: "Kyiv Independent" in window.preview.text(), timeout=10000)  # the citation
    assert window.action_table["edit.undo"].text().startswith("Undo Edit article")
    keys("Ctrl+Z")
    article = window.session.ws.articles.get(1)
    assert (article.author, article.grade) == (None, None)
    assert "Kyiv Independent" not in window.reader.header.text()
    qtbot.waitUntil(lambda: "Kyiv Independent" not in window.preview.text(), timeout=10000)
    keys("Ctrl+Shift+Z")
    assert window.session.ws.articles.get(1).grade == "B"


def test_a_bad_value_shows_the_reason_and_nothing_is_saved(window: MainWindow, keys: Keys,
                                                            qtbot: QtBot) -> None:
    before = window.session.ws.articles.get(1)
    dialog = open_dialog(window, keys, qtbot)
    retype(qtbot, dialog, "outlet", "Somewhere")
    retype(qtbot, dialog, "published", "28 Nov")
    retype(qtbot, dialog, "url", "www.example.com")
    assert not dialog.save()
    assert dialog.isVisible()
    assert dialog.errors["published"].isVisible()
    assert "not an ISO date" in dialog.errors["published"].text()
    assert "http:// or https://" in dialog.errors["url"].text()
    assert dialog.message.text() == "Nothing saved: published, url are not right."
    assert dialog.focusWidget() is dialog.fields["published"]
    assert window.session.ws.articles.get(1) == before
    assert window.session.undo_stack.count() == 0
    retype(qtbot, dialog, "published", "2026-11-28T09:30")
    assert not dialog.errors["published"].isVisible()  # typing clears the reason
    retype(qtbot, dialog, "url", "https://example.com/a")
    assert dialog.save()
    assert window.session.ws.articles.get(1).published == "2026-11-28T09:30:00"


def test_an_empty_title_is_refused(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    dialog = open_dialog(window, keys, qtbot)
    retype(qtbot, dialog, "title", "")
    assert not dialog.save()
    assert dialog.errors["title"].text() == "must not be empty"
    dialog.reject()


def test_details_without_an_article_say_so(window: MainWindow, keys: Keys) -> None:
    window.open_article(None)
    keys("Ctrl+Shift+I")
    assert window.article_work.dialog is None
    assert window.status.text() == "No article to show: import one first"


@pytest.fixture
def second(window: MainWindow) -> int:
    """A second article in the window's workspace; its id."""
    added = window.session.ws.articles.add(Article("Talks resume", "Diplomats met in Geneva on Monday."))
    window.reload()
    return added.id


def test_delete_from_the_list_asks_naming_the_briefs_and_undo_restores(
        window: MainWindow, keys: Keys, qtbot: QtBot, second: int, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_article(1)
    tag = add_to_brief(window, keys, "160,000")
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    keys("Ctrl+1")
    assert focused_name() == "articleList"
    keys("Del")
    assert len(asked) == 1
    assert "“Situation report”" in asked[0]
    assert [r.id for r in window.articles.model.rows] == [second]
    assert window.current_article_id() == second
    assert window.briefing.brief().items == ()
    assert "brings it back" in window.status.text()
    keys("Ctrl+Z")
    assert window.session.ws.tags.get(tag).article_id == 1
    assert [i.tag_id for i in window.briefing.brief().items] == [tag]
    assert window.current_article_id() == 1
    qtbot.waitUntil(lambda: [r.id for r in window.articles.model.rows] == [second, 1])
    assert tag in window.view.tags


def test_delete_asks_only_when_briefs_cite_it_and_cancel_keeps_it(
        window: MainWindow, keys: Keys, second: int, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_article(1)
    add_to_brief(window, keys, "160,000")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Cancel)
    window.action_table["article.delete"].trigger()  # from the Article menu
    assert window.session.ws.articles.count() == 2
    window.open_article(second)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("asked without a brief citing it"))
    window.action_table["article.delete"].trigger()
    assert [r.id for r in window.articles.model.rows] == [1]
    assert window.current_article_id() == 1


def test_del_in_the_filter_deletes_text_not_the_article(window: MainWindow, keys: Keys) -> None:
    keys("Ctrl+F")
    keys.type("war")
    keys("Home", "Del")
    assert window.articles.filter.text() == "ar"
    assert window.session.ws.articles.count() == 1


def test_the_tlp_marking_is_set_in_the_dialog_and_undone(window: MainWindow, keys: Keys,
                                                         qtbot: QtBot) -> None:
    dialog = open_dialog(window, keys, qtbot)
    assert dialog.tlp.currentData() is None
    dialog.tlp.setCurrentIndex(dialog.tlp.findData("TLP:AMBER+STRICT"))
    qtbot.keyClick(dialog.fields["title"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: focused_name() == "reader")
    assert window.session.ws.articles.get(1).tlp == "TLP:AMBER+STRICT"
    keys("Ctrl+Z")
    assert window.session.ws.articles.get(1).tlp is None
