"""The tag panel: grouped by kind, fields edited in place and from the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from briefer import render
from tests.gui.helpers import Keys, focused_name

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow


def tag_quote(window: MainWindow, keys: Keys) -> int:
    text = window.view.units.text
    window.view.move_to(text.index("Zelensky expressed"))
    keys("i", "q")
    return window.view.current_tag


def test_tags_are_grouped_by_kind(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    tag_quote(window, keys)
    keys("j", "f")
    model = window.tags.model

    def groups() -> list[str]:
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: groups()[:3] == ["Fact (1)", "Quote (1)", "Figure (0)"])
    quote_row = model.index(0, 0, model.index(1, 0))
    assert quote_row.data().startswith("The conclusion is clear")


def test_e_edits_the_speaker_without_the_mouse(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    tag_id = tag_quote(window, keys)
    keys("e")
    assert focused_name() == "field-speaker"
    keys.type("Zelensky")
    keys("Return")
    assert window.session.ws.tags.get(tag_id).attributes == {"speaker": "Zelensky"}
    assert focused_name() == "reader"
    qtbot.waitUntil(lambda: window.tags.model.tag_index(tag_id, 1).data() == "Zelensky")
    keys("Ctrl+Z")
    assert window.session.ws.tags.get(tag_id).attributes == {}
    qtbot.waitUntil(lambda: window.tags.details.fields["speaker"].text() == "")


def test_speaker_edited_in_place_in_the_tree(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    tag_id = tag_quote(window, keys)
    window.sync_tag_panel()
    tree = window.tags.tree
    index = window.tags.model.tag_index(tag_id, 1)
    tree.setFocus()
    tree.setCurrentIndex(index)
    keys("F2")
    editor = tree.focusWidget()
    assert editor is not tree
    keys.type("Volodymyr Zelensky")
    keys("Return")  # the delegate commits on the next turn of the event loop
    speaker = {"speaker": "Volodymyr Zelensky"}
    qtbot.waitUntil(lambda: window.session.ws.tags.get(tag_id).attributes == speaker)
    note = window.tags.model.tag_index(tag_id, 2)
    tree.setCurrentIndex(note)
    keys("F2")
    keys.type("key line")
    keys("Return")
    qtbot.waitUntil(lambda: window.session.ws.tags.get(tag_id).note == "key line")
    assert window.tags.model.tag_index(tag_id, 2).data() == "key line"


def test_kinds_without_fields_are_not_editable_in_column_two(window: MainWindow, keys: Keys) -> None:
    keys("f")
    window.sync_tag_panel()
    index = window.tags.model.tag_index(window.view.current_tag, 1)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert window.tags.model.tag_index(window.view.current_tag, 2).flags() & Qt.ItemFlag.ItemIsEditable


def test_choosing_a_tag_in_the_tree_selects_it_in_the_reader(window: MainWindow, keys: Keys) -> None:
    tag_id = tag_quote(window, keys)
    keys("j", "f")
    window.sync_tag_panel()
    window.tags.tree.setFocus()
    window.tags.tree.setCurrentIndex(window.tags.model.tag_index(tag_id))
    assert window.view.current_tag == tag_id
    span = window.view.selection()
    assert window.view.units.text[span[0]:span[1]].startswith("The conclusion")


def test_note_and_all_fields_in_the_details_form(window: MainWindow, keys: Keys) -> None:
    text = window.view.units.text
    window.view.move_to(text.index("160,000"))
    keys("w", "n", "e")
    assert focused_name() == "field-value"
    keys.type("160000")
    keys("Tab")
    keys.type("personnel")
    keys("Tab")
    keys.type("recruitment target")
    keys("Return")
    tag = window.session.ws.tags.all(1)[0]
    assert tag.attributes == {"value": 160000, "unit": "personnel"}  # a number field holds a number
    assert tag.note == "recruitment target"


def test_editing_only_the_note_keeps_a_figures_number(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    text = window.view.units.text
    start = text.index("160,000 personnel")
    window.view.select(start, start + len("160,000 personnel"))
    keys("n")
    tag_id = window.view.current_tag
    keys("e")
    assert focused_name() == "field-value"
    keys("Ctrl+A")
    keys.type("160,000")
    keys("Return")  # the panel sends text; the core reads it by the field's type
    ws = window.session.ws
    assert ws.tags.get(tag_id).attributes["value"] == 160000
    window.tags.details.note.setFocus()
    keys.type("Ministry of Defence figure")
    keys("Return")
    tag = ws.tags.get(tag_id)
    assert tag.note == "Ministry of Defence figure"
    assert tag.attributes["value"] == 160000
    assert type(tag.attributes["value"]) is int
    keys("a")
    brief = window.briefing.brief_id
    markdown = render.render_brief(ws, brief).markdown
    assert "160,000" in markdown
    assert "160000" not in markdown


def test_a_value_not_of_its_type_is_refused_in_one_line(window: MainWindow, keys: Keys) -> None:
    text = window.view.units.text
    start = text.index("478 square kilometers")
    window.view.select(start, start + len("478 square kilometers"))
    keys("n", "e")
    keys("Ctrl+A")
    keys.type("many")
    keys("Return")
    assert window.session.ws.tags.get(window.view.current_tag).attributes.get("value") != "many"
    assert window.status.text() == "value=many: is not a number"
