"""The analyst's own notes and the items' credibility in the brief composer, undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys

NOTE = "Russia is likely to keep pressing towards Pokrovsk through the winter."


def tag_and_add(window: MainWindow, keys: Keys, words: str, kind_key: str) -> int:
    start = window.view.units.text.index(words)
    window.view.select(start, start + len(words))
    keys(kind_key, "a")
    return window.view.current_tag


def rows(window: MainWindow) -> dict[str, list[str]]:
    tree = window.composer.tree
    found = {}
    for i, section in enumerate(window.composer.section_ids()):
        top = tree.topLevelItem(i)
        found[section] = [top.child(j).text(0) for j in range(top.childCount())]
    return found


def test_a_note_goes_after_the_selected_item_shown_as_the_analysts(
        window: MainWindow, keys: Keys, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    first = tag_and_add(window, keys, "160,000", "n")
    second = tag_and_add(window, keys, "478 square kilometers", "n")
    window.preview.show()
    keys("Ctrl+4")
    window.composer.select_item(window.briefing.brief().items[0].id)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a, **_k: (NOTE, True))
    keys("Ctrl+Alt+N")
    items = window.briefing.brief().items
    assert [(i.section, i.tag_id) for i in items] == [
        ("figures", first), ("figures", None), ("figures", second)]
    assert items[1].text == NOTE
    shown = rows(window)["figures"]
    assert shown[1].startswith("Analyst's note: Russia is likely")
    note_row = window.composer.tree.currentItem()
    assert note_row.text(0) == shown[1]  # the new note is selected
    assert note_row.font(0).italic()
    qtbot.waitUntil(lambda: f"Analyst's note: {NOTE}" in window.preview.text(), timeout=10000)
    keys("Ctrl+Z")
    assert [i.tag_id for i in window.briefing.brief().items] == [first, second]
    keys("Ctrl+Shift+Z")
    assert window.briefing.brief().items[1].id == items[1].id


def test_a_note_from_the_reader_goes_to_the_end_of_the_first_section(
        window: MainWindow, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    tag_and_add(window, keys, "160,000", "n")
    window.composer.tree.setCurrentItem(None)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a, **_k: (NOTE, True))
    keys("Ctrl+Alt+N")  # the reader has the focus
    first_section = window.composer.section_ids()[0]
    assert [(i.section, i.text) for i in window.briefing.brief().items if i.tag_id is None] == [
        (first_section, NOTE)]


def test_no_note_without_a_brief_and_no_empty_note(window: MainWindow, keys: Keys,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    keys("Ctrl+Alt+N")
    assert window.status.text() == "No brief to add a note to: start one with Ctrl+Shift+N"
    tag_and_add(window, keys, "160,000", "n")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a, **_k: ("  ", True))
    keys("Ctrl+Alt+N")
    assert len(window.briefing.brief().items) == 1
    assert window.session.undo_stack.undoText() == "Add figure to a new brief"


def test_credibility_of_the_selected_item_is_set_shown_and_undone(
        window: MainWindow, keys: Keys, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    tag_and_add(window, keys, "160,000", "n")
    keys("Ctrl+4")
    item = window.briefing.brief().items[0]
    window.composer.select_item(item.id)
    offered: list[list[str]] = []

    def choose(_parent: object, _title: str, _label: str, labels: list[str], current: int,
               _editable: bool) -> tuple[str, bool]:
        offered.append(labels)
        assert current == 0  # not rated yet
        return labels[2], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    keys("Ctrl+Alt+C")
    assert offered[0][2] == "2 — probably true"
    assert window.session.ws.briefs.item(item.id).credibility == 2
    assert rows(window)["figures"][0].endswith("[credibility 2]")
    assert window.composer.current_item()[0] == item.id
    keys("Ctrl+Z")
    assert window.session.ws.briefs.item(item.id).credibility is None
    assert not rows(window)["figures"][0].endswith("]")
    keys("Ctrl+Shift+Z")
    assert window.session.ws.briefs.item(item.id).credibility == 2


def test_credibility_needs_a_selected_item_and_cancel_changes_nothing(
        window: MainWindow, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    tag_and_add(window, keys, "160,000", "n")
    keys("Ctrl+4")
    window.action_table["brief.item-credibility"].trigger()
    assert window.status.text() == "Select an item of the brief to rate its credibility"
    window.composer.select_item(window.briefing.brief().items[0].id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("", False))
    keys("Ctrl+Alt+C")
    assert window.briefing.brief().items[0].credibility is None
    assert window.session.undo_stack.undoText() == "Add figure to a new brief"
