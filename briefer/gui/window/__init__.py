"""The main window and what hangs on it: menus, pane layout, keymap and preferences dialogs."""
