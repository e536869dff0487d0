"""The window's actions wired to what they do, and its menus, both from the action table.

Kept apart from the window so the one place that says "this key does that" reads
as a list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from briefer.gui.actions import key_text
from briefer.gui.keymap_dialog import MENU_ORDER
from briefer.gui.suggestion_text import enter_makes

if TYPE_CHECKING:
    from briefer.gui.main_window import MainWindow


def connect_actions(window: MainWindow) -> None:
    """Give each part of the window its keys and connect every action to its slot."""
    actions, nav, tagger = window.actions, window.navigator, window.tagger
    actions.attach("window", window)
    actions.attach("reader", window.view)
    actions.attach("articles", window.articles)
    a = actions.connect
    a("app.quit", window.close)
    a("edit.undo", window.session.undo_stack.undo)
    a("edit.redo", window.session.undo_stack.redo)
    a("edit.find", window.focus_filter)
    a("app.preferences", window.show_preferences)
    a("help.keymap", window.show_keymap)
    a("nav.next-sentence", nav.next_sentence)
    a("nav.previous-sentence", nav.previous_sentence)
    a("nav.next-paragraph", nav.next_paragraph)
    a("nav.previous-paragraph", nav.previous_paragraph)
    a("nav.extend-word", nav.extend_word)
    a("nav.shrink-word", nav.shrink_word)
    a("nav.extend-sentence", nav.extend_sentence)
    a("nav.shrink-sentence", nav.shrink_sentence)
    a("nav.select-quote", window.select_quote)
    a("nav.next-tag", nav.next_tag)
    a("nav.previous-tag", lambda: nav.next_tag(forward=False))
    def to_suggestion(forward: bool = True, kind: str | None = None) -> None:
        # Say what Enter will make of it: kind, speaker and role, value and unit, date.
        found = nav.next_suggestion(forward=forward, kind=kind)
        if found is None:
            window.show_message("No more suggestions this way.")
            return
        accept = key_text(actions["suggestion.accept"].shortcuts()[:1]) or "Enter"
        reject = key_text(actions["suggestion.reject"].shortcuts()[:1]) or "x"
        window.show_message(enter_makes(found, window.session.kinds, accept, reject))

    a("nav.next-suggestion", to_suggestion)
    a("nav.previous-suggestion", lambda: to_suggestion(forward=False))
    a("nav.next-article", lambda: window.articles.step(1))
    a("nav.previous-article", lambda: window.articles.step(-1))
    a("focus.articles", window.articles.view.setFocus)
    a("focus.reader", window.focus_reader)
    a("focus.tags", window.tags.tree.setFocus)
    a("tag.remove", tagger.remove_current)
    a("suggestion.accept", tagger.accept_suggestion)
    a("suggestion.reject", tagger.reject_suggestion)
    a("tag.edit", window.edit_current_tag)
    for kind in window.session.kinds:
        a(f"tag.as.{kind.key}", lambda key=kind.key: tagger.tag_as(key))
        a(f"nav.next-suggestion.{kind.key}", lambda key=kind.key: to_suggestion(kind=key))
    window.files.connect_actions(actions)
    window.briefing.connect_actions()
    stack = window.session.undo_stack
    undo, redo = actions["edit.undo"], actions["edit.redo"]
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo.setText(f"Undo {text}".strip()))
    stack.redoTextChanged.connect(lambda text: redo.setText(f"Redo {text}".strip()))
    undo.setEnabled(False)
    redo.setEnabled(False)


def build_menus(window: MainWindow) -> dict[str, QMenu]:
    """The menu bar: one menu per table menu, every action in it (plus Open recent)."""
    menus: dict[str, QMenu] = {}
    for name in MENU_ORDER:
        menus[name] = window.menuBar().addMenu(f"&{name}")
    for spec in window.actions.specs.values():
        if spec.id.startswith("nav.next-suggestion."):
            continue  # listed in the keymap; seven more rows would crowd the menu
        menus[spec.menu].addAction(window.actions[spec.id])
        if spec.id == "workspace.open":
            menus["File"].addMenu(window.files.recent_menu)
    return menus
