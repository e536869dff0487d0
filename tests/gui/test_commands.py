"""Undoable commands: push, check the workspace, undo, check, redo, check."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.errors import InvalidInput
from briefer.gui.session import Session
from briefer.gui.undo.tags import AddTag, EditTag, RemoveTag

if TYPE_CHECKING:
    from briefer.model import Changes
    from briefer.workspace import Workspace


@pytest.fixture
def session(qtbot, demo_ws: Workspace) -> Session:  # noqa: ANN001 - qtbot
    session = Session()
    session.open(demo_ws.path)
    yield session
    session.close()


def test_add_tag_undo_redo_keeps_the_id(session: Session) -> None:
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    text = session.ws.articles.text(1)
    start = text.index("160,000")
    command = AddTag(session, 1, "figure", start, start + 7, {"value": 160000})
    session.push(command)
    tag_id = command.tag_id
    assert session.ws.tags.get(tag_id).attributes == {"value": 160000}
    assert seen[-1].tags == {tag_id}
    assert session.undo_stack.undoText() == "Tag figure"
    session.undo_stack.undo()
    assert session.ws.tags.all(1) == []
    session.undo_stack.redo()
    assert session.ws.tags.get(tag_id).exact == "160,000"
    assert len(seen) == 3


def test_a_failing_command_is_not_pushed(session: Session) -> None:
    with pytest.raises(InvalidInput):
        session.push(AddTag(session, 1, "fact", 5, 5))
    assert session.undo_stack.count() == 0


def test_remove_and_edit_tag(session: Session) -> None:
    tag_id = session.ws.tags.add(1, "quote", 0, 10).id
    session.push(EditTag(session, tag_id, attributes={"speaker": "Zelensky"}, note="key line"))
    assert session.ws.tags.get(tag_id).attributes == {"speaker": "Zelensky"}
    session.push(RemoveTag(session, tag_id))
    assert session.ws.tags.all(1) == []
    session.undo_stack.undo()
    assert session.ws.tags.get(tag_id).note == "key line"
    session.undo_stack.undo()
    restored = session.ws.tags.get(tag_id)
    assert restored.attributes == {}
    assert restored.note == ""


def test_opening_another_workspace_clears_the_history(session: Session, tmp_path) -> None:  # noqa: ANN001
    session.push(AddTag(session, 1, "fact", 0, 10))
    session.open(tmp_path / "other.briefer", create=True)
    assert session.undo_stack.count() == 0
