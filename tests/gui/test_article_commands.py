"""Article and note commands: push, check the workspace, undo, check, redo, check."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.errors import InvalidInput
from briefer.gui.session import Session
from briefer.gui.undo.articles import EditArticle, ImportArticles, RemoveArticles
from briefer.gui.undo.briefs import AddNote, SetCredibility
from briefer.model import Article

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefer.workspace import Workspace


@pytest.fixture
def session(qtbot, demo_ws: Workspace) -> Iterator[Session]:  # noqa: ANN001 - qtbot
    session = Session()
    session.open(demo_ws.path)
    yield session
    session.close()


def test_edit_article_is_one_step_and_undo_restores_every_field(session: Session) -> None:
    session.push(EditArticle(session, 1, {"outlet": "Reuters", "grade": "c", "language": "EN"}))
    article = session.ws.articles.get(1)
    assert (article.outlet, article.grade, article.language) == ("Reuters", "C", "en")
    assert session.undo_stack.undoText() == "Edit article outlet, grade, language"
    session.undo_stack.undo()
    article = session.ws.articles.get(1)
    assert (article.outlet, article.grade, article.language) == (None, None, None)
    session.undo_stack.redo()
    assert session.ws.articles.get(1).grade == "C"


def test_undo_puts_back_an_imported_value_an_edit_would_refuse(session: Session) -> None:
    # An importer stored an address of another scheme; the analyst corrects it, then undoes.
    session.ws.store.conn.execute("UPDATE articles SET url = 'ftp://archive.example/1' WHERE id = 1")
    session.ws.store.conn.commit()
    session.push(EditArticle(session, 1, {"url": "https://example.org/1"}))
    session.undo_stack.undo()
    assert session.ws.articles.get(1).url == "ftp://archive.example/1"
    assert session.undo_stack.canRedo()


def test_a_wrong_value_is_not_pushed(session: Session) -> None:
    with pytest.raises(InvalidInput, match="grade"):
        session.push(EditArticle(session, 1, {"grade": "G"}))
    assert session.undo_stack.count() == 0


def test_remove_article_takes_its_brief_items_and_undo_puts_all_back(session: Session) -> None:
    ws = session.ws
    tag = ws.tags.add(1, "figure", 0, 10).id
    brief = ws.briefs.new("Daily").id
    ws.briefs.add_tags(brief, "figures", [tag])
    session.push(RemoveArticles(session, [1], "Delete article"))
    assert ws.articles.count() == 0
    assert ws.briefs.get(brief).items == ()
    session.undo_stack.undo()
    assert ws.tags.get(tag).article_id == 1
    assert [i.tag_id for i in ws.briefs.get(brief).items] == [tag]


def test_an_import_undone_and_redone_skips_an_article_gone_meanwhile(session: Session) -> None:
    ws = session.ws
    ids = [ws.articles.add(Article(f"Report {n}", f"Text of report {n} from the front.")).id
           for n in range(3)]
    session.push(ImportArticles(session, ids))  # stored by the import already: nothing changes
    assert ws.articles.count() == 4
    assert session.undo_stack.undoText() == "Import 3 articles"
    ws.articles.remove(ids[1])  # the command line removes one
    session.undo_stack.undo()
    assert [a.id for a in ws.articles.all()] == [1]
    session.undo_stack.redo()
    assert sorted(a.id for a in ws.articles.all()) == [1, ids[0], ids[2]]


def test_note_and_credibility(session: Session) -> None:
    ws = session.ws
    brief = ws.briefs.new("Daily").id
    command = AddNote(session, brief, "outlook", "Expect more strikes on the grid.")
    session.push(command)
    item = ws.briefs.item(command.item_id)
    assert (item.section, item.tag_id, item.text) == ("outlook", None, "Expect more strikes on the grid.")
    session.push(SetCredibility(session, item.id, 3))
    assert ws.briefs.item(item.id).credibility == 3
    session.undo_stack.undo()
    assert ws.briefs.item(item.id).credibility is None
    session.undo_stack.undo()
    assert ws.briefs.get(brief).items == ()
    session.undo_stack.redo()
    assert ws.briefs.item(item.id).text == "Expect more strikes on the grid."
