"""The composer shows the marking the brief's items propose, and says when export would refuse it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from tests.gui.helpers import focused_name
from tests.gui.test_articles import add_to_brief, open_dialog
from tests.gui.test_briefs import tag_words

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys


def _proposed(window: MainWindow) -> str:
    label = window.composer.proposed
    return label.text() if label.isVisible() else ""


def test_the_proposed_marking_follows_the_items_and_the_brief(window: MainWindow, keys: Keys,
                                                              qtbot: QtBot) -> None:
    assert _proposed(window) == ""  # no brief yet
    add_to_brief(window, keys, "160,000")
    [item] = window.briefing.brief().items
    assert _proposed(window) == "Proposed TLP:CLEAR (no item is marked)"
    dialog = open_dialog(window, keys, qtbot)  # the article's marking: its items inherit it
    dialog.tlp.setCurrentIndex(dialog.tlp.findData("TLP:AMBER"))
    qtbot.keyClick(dialog.fields["title"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused_name() == "reader")
    assert _proposed(window) == (
        f"Proposed TLP:AMBER (item {item.id})\n"
        f"Export is refused: the brief is TLP:CLEAR but item {item.id} is TLP:AMBER.")
    marking = window.composer.marking
    marking.setCurrentIndex(marking.findText("TLP:AMBER"))
    marking.activated.emit(marking.currentIndex())  # chosen in the Details tab
    assert window.briefing.brief().marking == "TLP:AMBER"
    assert _proposed(window) == f"Proposed TLP:AMBER (item {item.id})"
    keys("Ctrl+Z", "Ctrl+Z")  # the brief's marking, then the article's
    assert _proposed(window) == "Proposed TLP:CLEAR (no item is marked)"


def test_a_second_item_marked_red_names_itself(window: MainWindow, keys: Keys) -> None:
    add_to_brief(window, keys, "160,000")
    fact = tag_words(window, keys, "Russia seized the crucial mining hub", "f")
    keys("a")
    ws = window.session.ws
    ws.tags.set_tlp(fact, "TLP:RED")
    window.reload()  # as when the CLI marked it
    item = next(i.id for i in window.briefing.brief().items if i.tag_id == fact)
    assert _proposed(window).startswith(f"Proposed TLP:RED (item {item})\nExport is refused:")
