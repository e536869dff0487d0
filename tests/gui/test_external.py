"""Another Briefer or the command line changes the workspace: the window follows, in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QMessageBox

from briefer.model import Article
from briefer.workspace import Workspace, store
from tests.gui.conftest import open_window

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings
    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys


def test_reload_shows_their_changes_and_keeps_the_place(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    keys("q", "a")  # a quote and a brief here
    brief_id = window.briefing.brief_id
    text = window.view.units.text
    start = text.index("160,000")
    window.view.select(start, start + 7)
    place = window.view.place()
    with Workspace.open(window.session.ws.path) as other:  # what the CLI or another window does
        other.articles.add(Article(title="Kharkiv update", text="Shelling resumed overnight."))
        figure = other.tags.add(1, "figure", text.index("478"), text.index("478") + 3).id
        other.briefs.set(brief_id, bluf="Written elsewhere.")
    window.reload()
    assert window.current_article_id() == 1
    assert window.articles.current_id() == 1
    assert "Kharkiv update" in [r.title for r in window.articles.model.rows]
    assert figure in window.view.tags
    assert window.view.selection() == (start, start + 7)
    assert window.view.place() == place
    assert window.composer.bluf.toPlainText() == "Written elsewhere."
    assert window.briefing.brief_id == brief_id


def test_reload_leaves_the_field_being_typed_in_alone(window: MainWindow, keys: Keys) -> None:
    keys("q", "a")
    composer = window.composer
    composer.tabs.setCurrentWidget(composer.bluf)
    composer.bluf.setFocus()
    keys.type("Half a thought")
    with Workspace.open(window.session.ws.path) as other:
        other.briefs.set(window.briefing.brief_id, assessment="Likely.")
    window.reload()
    assert composer.bluf.toPlainText() == "Half a thought"
    assert composer.assessment.toPlainText() == "Likely."
    window.focus_reader()  # leaving the field saves it
    assert window.briefing.brief().bluf == "Half a thought"


def test_reload_after_their_deletions_moves_on(window: MainWindow, keys: Keys) -> None:
    keys("q", "a")
    with Workspace.open(window.session.ws.path) as other:
        second = other.articles.add(Article(title="Kharkiv update", text="Shelling resumed overnight.")).id
        other.briefs.delete(window.briefing.brief_id)
        other.articles.remove(1)
    window.reload()
    assert window.current_article_id() == second
    assert [r.id for r in window.articles.model.rows] == [second]
    assert window.briefing.brief() is None
    assert window.composer.chooser.count() == 0


@pytest.fixture
def busy_window(qtbot: QtBot, demo_ws: Workspace, settings: Settings,
                monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window whose writes give up after 0.2 s when another process holds the lock."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    path = demo_ws.path
    demo_ws.close()
    return open_window(qtbot, path, settings)


def test_a_write_refused_by_the_lock_says_so_and_loses_nothing(busy_window: MainWindow, keys: Keys) -> None:
    window = busy_window
    keys("q", "a")
    quote = window.view.current_tag
    composer = window.composer
    with Workspace.open(window.session.ws.path) as other, other.store.transaction():  # another writer
        keys("j", "f")
        assert window.status.text().endswith("another Briefer is writing to this workspace; try again")
        assert len(window.view.tags) == 1
        assert window.action_table["edit.undo"].text() == "Undo Add quote to a new brief"
        composer.tabs.setCurrentWidget(composer.bluf)
        composer.bluf.setFocus()
        keys.type("Kyiv calls it internationalised.")
        window.focus_reader()  # leaving the field asks to save it
        assert "your edit is kept" in window.status.text()
        assert composer.bluf.toPlainText() == "Kyiv calls it internationalised."
        window.view.set_current_tag(quote)
        keys("e")
        keys.type("Zelensky")
        keys("Return")
        assert "your edit is kept" in window.status.text()
        assert window.session.ws.briefs.get(window.briefing.brief_id).bluf == ""
    keys("k", "f")  # the lock is gone: this change is saved, and the kept edits after it
    ws = window.session.ws
    assert ws.briefs.get(window.briefing.brief_id).bluf == "Kyiv calls it internationalised."
    assert ws.tags.get(quote).attributes["speaker"] == "Zelensky"
    assert composer.bluf.toPlainText() == "Kyiv calls it internationalised."
    assert window.session.kept == {}
    keys("Ctrl+Z")  # each saved edit is its own undo step, the last saved first
    assert ws.tags.get(quote).attributes.get("speaker") != "Zelensky"


def test_closing_with_edits_not_saved_asks_first(busy_window: MainWindow, keys: Keys,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = busy_window
    keys("q", "a")
    path = window.session.ws.path
    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    with Workspace.open(path) as other, other.store.transaction():
        window.composer.tabs.setCurrentWidget(window.composer.bluf)
        window.composer.bluf.setFocus()
        keys.type("Not yet saved")
        window.focus_reader()
        window.close()
        assert window.isVisible()  # cancelled: still open, the edit still kept
        assert asked[0].startswith("1 edit(s) could not be saved yet")
    window.close()  # the lock is gone: saved on the way out
    assert not window.isVisible()
    with Workspace.open(path) as ws:
        assert ws.briefs.get(ws.briefs.all()[0].id).bluf == "Not yet saved"
