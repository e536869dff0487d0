"""The window says it like a person: sentences, keys as typed, what Enter will make."""

from __future__ import annotations

from typing import TYPE_CHECKING
from unittest.mock import patch

from PySide6.QtWidgets import QDialog

from briefer.gui.settings import PREVIEW_FONT_FAMILY
from briefer.gui.tags.suggestion_text import field_text
from briefer.gui.window.keymap_dialog import KeymapDialog, keymap_rows
from briefer.gui.window.preferences import Preferences

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys


def test_a_current_suggestion_says_what_enter_will_make_of_it(
    window: MainWindow, keys: Keys, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: len(window.view.suggestions) > 10, timeout=20000)
    keys("Shift+Q")
    quote = window.navigator.current_suggestion()
    assert quote.attributes["speaker"] == "Volodymyr Zelensky"
    assert window.status.text() == (f"Enter makes a quote by Volodymyr Zelensky ({quote.attributes['role']});"
                                    " x rejects it.")
    keys("Shift+N")
    figure = window.navigator.current_suggestion()
    assert figure.kind == "figure"
    assert window.status.text().startswith("Enter makes a figure: ")
    assert f"{figure.attributes['value']:,}" in window.status.text()


def test_keys_are_shown_as_typed(window: MainWindow) -> None:
    rows = {label: keys for _, label, keys, _ in keymap_rows(window.action_table)}
    assert rows["Next sentence"].split(", ")[0] == "j"
    assert rows["Accept suggestion"] == "Enter"
    assert "Shift+Q" in {k for row in rows.values() for k in row.split(", ")}
    dialog = KeymapDialog(window.action_table, window)
    assert "J" not in {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}


def test_appearance_has_palette_and_reader_and_preview_fonts(window: MainWindow, qtbot: QtBot) -> None:
    chosen: list[str] = []

    def choose_and_accept(dialog: Preferences) -> int:
        tab = dialog.appearance
        tab.preview_family.setCurrentIndex(1)
        chosen.append(str(tab.preview_family.currentData()))
        tab.preview_size.setValue(15)
        tab.font_size.setValue(13)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    with patch.object(Preferences, "exec", choose_and_accept):
        window.show_preferences()
    assert window.settings.get(PREVIEW_FONT_FAMILY) == chosen[0]
    assert window.preview.browser.font().family() == chosen[0]
    assert window.preview.browser.font().pointSize() == 15
    assert window.view.font().pointSize() == 13


def test_tag_fields_read_as_a_person_says_them(window: MainWindow, keys: Keys) -> None:
    from tests.gui.test_briefs import tag_words

    tag_id = tag_words(window, keys, "160,000 personnel", "n")
    window.session.ws.tags.update(tag_id, attributes={"value": 160000, "unit": "personnel"})
    keys("a")
    tree = window.composer.tree
    rows = [tree.topLevelItem(i).child(j).text(0) for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())]
    assert "Figure: 160,000 personnel — 160,000 personnel" in rows
    assert field_text("date", {"iso": "2024-11-05"}) == "Tue 5 Nov 2024"
    assert field_text("quote", {"speaker": "Pat Ryder", "role": "Pentagon spokesman"}) == \
        "Pat Ryder (Pentagon spokesman)"
