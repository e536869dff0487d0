"""The action table, the `?` keymap, rebinding keys in Preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from briefer.gui.actions import Actions, find_conflicts, tag_actions
from briefer.gui.settings import Settings
from briefer.gui.window.keymap_dialog import KeymapDialog
from briefer.gui.window.preferences import Preferences
from briefer.taxonomy import load_default
from tests.gui.conftest import open_window
from tests.gui.helpers import Keys

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow


def test_tag_keys_come_from_the_taxonomy() -> None:
    kinds = load_default()
    keys = {s.id: s.keys for s in tag_actions(kinds)}
    assert {k: keys[f"tag.as.{k}"] for k in ("fact", "quote", "figure", "date", "person", "organisation",
                                             "location")} == {
        "fact": ("F",), "quote": ("Q",), "figure": ("N",), "date": ("D",), "person": ("P",),
        "organisation": ("O",), "location": ("L",)}
    assert keys["nav.next-suggestion.quote"] == ("Shift+Q",)


def test_default_table_has_no_conflicts(qtbot: QtBot) -> None:
    actions = Actions(load_default())
    assert actions.conflicts() == []


def test_standard_shortcuts_follow_the_platform(qtbot: QtBot) -> None:
    actions = Actions(load_default())
    assert QKeySequence(QKeySequence.StandardKey.Open) in actions["workspace.open"].shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Undo) in actions["edit.undo"].shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Find) in actions["edit.find"].shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Save) in actions["brief.export"].shortcuts()


def test_question_mark_opens_the_full_keymap(window: MainWindow, qtbot: QtBot, monkeypatch) -> None:  # noqa: ANN001
    shown: list[KeymapDialog] = []
    monkeypatch.setattr(KeymapDialog, "exec", lambda self: shown.append(self) or 0)
    Keys(qtbot)("?")
    [dialog] = shown
    labels = dialog.visible_rows()
    assert len(labels) == len(window.action_table.specs)
    assert "Next sentence" in labels
    assert "Tag as quote" in labels
    dialog.filter.setText("sugg")
    assert set(dialog.visible_rows()) >= {"Next suggestion", "Accept suggestion", "Reject suggestion"}
    assert "Next sentence" not in dialog.visible_rows()


def test_rebinding_in_preferences_is_saved_and_applied(window: MainWindow, qtbot: QtBot,
                                                       settings: Settings, monkeypatch) -> None:  # noqa: ANN001
    def edit(dialog: Preferences) -> int:
        dialog.select_action("nav.next-sentence")
        dialog.key_edit.setKeySequence(QKeySequence("Ctrl+J"))
        dialog.set_key()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(Preferences, "exec", edit)
    window.show_preferences()
    assert settings.key_overrides() == {"nav.next-sentence": ["Ctrl+J"]}
    start = window.view.cursor_offset()
    keys = Keys(qtbot)
    keys("j")
    assert window.view.cursor_offset() == start
    keys("Ctrl+J")
    assert window.view.cursor_offset() > start
    second = open_window(qtbot, window.session.ws.path, Settings())
    assert second.action_table["nav.next-sentence"].shortcuts() == [QKeySequence("Ctrl+J")]


def test_preferences_show_conflicts_and_reset(window: MainWindow, settings: Settings) -> None:
    dialog = Preferences(window.action_table, settings, window)
    dialog.select_action("nav.next-sentence")
    dialog.key_edit.setKeySequence(QKeySequence("Q"))
    dialog.add_key()
    assert dialog.keys_of("nav.next-sentence") == ["J", "Alt+Down", "Q"]
    assert dialog.conflict.text() == "Keys bound twice: Q (Next sentence / Tag as quote)"
    dialog.reset_keys()
    assert dialog.conflict.text() == ""
    dialog.clear_keys()
    dialog.accept()
    assert settings.key_overrides() == {"nav.next-sentence": []}
    assert window.action_table["nav.next-sentence"].shortcuts() == []


def test_conflicts_respect_contexts() -> None:
    kinds = load_default()
    specs = Actions(kinds).specs
    keys = {"brief.item-up": ["Alt+Up"], "nav.previous-sentence": ["Alt+Up"], "edit.undo": ["X"],
            "suggestion.reject": ["X"]}
    found = find_conflicts(specs, lambda i: keys.get(i, []))
    assert [k for k, *_ in found] == ["X"]
