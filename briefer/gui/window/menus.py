"""The window's menus from the action table, and the Undo/Redo actions following the stack.

Each part connects its own actions (``connect_actions`` on the navigator, the
tagger, opening, importing and the brief work; the window's own in
:class:`~briefer.gui.window.main_window.MainWindow`); this module only lays the
table out as menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.gui.window.keymap_dialog import MENU_ORDER

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMenu, QMenuBar

    from briefer.gui.actions import Actions


def follow_undo_stack(actions: Actions, stack: QUndoStack) -> None:
    """Undo and Redo run the stack, are enabled when it can, and name what they would do."""
    undo, redo = actions["edit.undo"], actions["edit.redo"]
    actions.on_trigger("edit.undo", stack.undo)
    actions.on_trigger("edit.redo", stack.redo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo.setText(f"Undo {text}".strip()))
    stack.redoTextChanged.connect(lambda text: redo.setText(f"Redo {text}".strip()))
    undo.setEnabled(False)
    redo.setEnabled(False)


def build_menus(menu_bar: QMenuBar, actions: Actions, recent_menu: QMenu) -> dict[str, QMenu]:
    """The menu bar: one menu per table menu, every action in it (plus Open recent)."""
    menus: dict[str, QMenu] = {}
    for name in MENU_ORDER:
        menus[name] = menu_bar.addMenu(f"&{name}")
    for spec in actions.specs.values():
        if spec.id.startswith("nav.next-suggestion."):
            continue  # listed in the keymap; seven more rows would crowd the menu
        menus[spec.menu].addAction(actions[spec.id])
        if spec.id == "workspace.open":
            menus["File"].addMenu(recent_menu)
    return menus
