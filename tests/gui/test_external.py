"""Another Briefer or the command line changes the workspace: the window follows, in place."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from briefer.model import Article
from briefer.workspace import Workspace
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
