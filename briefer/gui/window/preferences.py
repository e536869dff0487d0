"""Preferences: key bindings (rebind, reset, conflicts shown), appearance, backups.

Changes are kept in the dialog until OK; then only what differs from the
defaults is saved (see :mod:`briefer.gui.settings`) and applied to the actions.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.actions import CONTEXTS, PORTABLE, Actions, find_conflicts, key_text
from briefer.gui.settings import BACKUP_EVERY_MINUTES, BACKUP_KEEP, Settings
from briefer.gui.window.appearance import AppearanceTab
from briefer.gui.window.keymap_dialog import fill_table


class Preferences(QDialog):
    """The preferences dialog."""

    def __init__(self, actions: Actions, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.resize(680, 560)
        self.action_table = actions
        self.settings = settings
        self.overrides = settings.key_overrides()
        self._ids = list(actions.specs)
        tabs = QTabWidget()
        tabs.addTab(self._keys_tab(), "Keys")
        self.appearance = AppearanceTab(settings)
        tabs.addTab(self.appearance, "Appearance")
        tabs.addTab(self._backups_tab(), "Backups")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self._refresh()

    # keys ------------------------------------------------------------------------------
    def _keys_tab(self) -> QWidget:
        page = QWidget()
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Actions and their keys")
        self.table.setHorizontalHeaderLabels(["Action", "Keys", "Where"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.key_edit = QKeySequenceEdit()
        self.key_edit.setAccessibleName("New key for the selected action")
        self.key_edit.setMaximumSequenceLength(1)
        self.conflict = QLabel()
        self.conflict.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("New key:"))
        row.addWidget(self.key_edit, 1)
        for text, slot in (("Set", self.set_key), ("Add", self.add_key), ("Clear", self.clear_keys),
                           ("Reset", self.reset_keys)):
            button = QPushButton(text)
            button.setAccessibleName(f"{text} keys of the selected action")
            button.clicked.connect(slot)
            row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.conflict)
        return page

    def keys_of(self, action_id: str) -> list[str]:
        """The keys an action would have with the pending changes (portable text)."""
        if action_id in self.overrides:
            return list(self.overrides[action_id])
        return [s.toString(PORTABLE) for s in self.action_table.defaults(action_id)]

    def _refresh(self) -> None:
        current = self.table.currentRow()
        rows = [(s.label, key_text(QKeySequence(k) for k in self.keys_of(i)), CONTEXTS[s.context])
                for i, s in self.action_table.specs.items()]
        fill_table(self.table, rows)
        self.table.resizeColumnToContents(1)
        if current >= 0:
            self.table.selectRow(current)
        clashes = self.conflicts()
        self.conflict.setText(
            "Keys bound twice: " + "; ".join(f"{k} ({a} / {b})" for k, a, b in clashes) if clashes else ""
        )

    def conflicts(self) -> list[tuple[str, str, str]]:
        """Keys that would fire two actions at once, with the pending changes."""
        return find_conflicts(self.action_table.specs, self.keys_of)

    def select_action(self, action_id: str) -> None:
        """Select an action's row (for the keyboard and for tests)."""
        self.table.selectRow(self._ids.index(action_id))

    def _selected(self) -> str | None:
        row = self.table.currentRow()
        return self._ids[row] if row >= 0 else None

    def _new_key(self) -> str | None:
        seq = self.key_edit.keySequence()
        return None if seq.isEmpty() else seq.toString(PORTABLE)

    def set_key(self) -> None:
        """Bind the selected action to the new key only."""
        action_id, key = self._selected(), self._new_key()
        if action_id and key:
            self._store(action_id, [key])

    def add_key(self) -> None:
        """Bind the new key to the selected action as well."""
        action_id, key = self._selected(), self._new_key()
        if action_id and key and key not in self.keys_of(action_id):
            self._store(action_id, [*self.keys_of(action_id), key])

    def clear_keys(self) -> None:
        """Leave the selected action without keys."""
        action_id = self._selected()
        if action_id:
            self._store(action_id, [])

    def reset_keys(self) -> None:
        """Give the selected action its default keys back."""
        action_id = self._selected()
        if action_id:
            self.overrides.pop(action_id, None)
            self._refresh()

    def _store(self, action_id: str, keys: list[str]) -> None:
        defaults = [s.toString(PORTABLE) for s in self.action_table.defaults(action_id)]
        if keys == defaults:
            self.overrides.pop(action_id, None)
        else:
            self.overrides[action_id] = keys
        self.key_edit.clear()
        self._refresh()

    # backups ---------------------------------------------------------------------------
    def _backups_tab(self) -> QWidget:
        page = QWidget()
        self.backup_every = QSpinBox()
        self.backup_every.setAccessibleName("Minutes of changes between backups")
        self.backup_every.setRange(1, 24 * 60)
        self.backup_every.setSuffix(" min")
        self.backup_every.setValue(self.settings.get(BACKUP_EVERY_MINUTES))
        self.backup_keep = QSpinBox()
        self.backup_keep.setAccessibleName("Backups kept per workspace")
        self.backup_keep.setRange(1, 100)
        self.backup_keep.setValue(self.settings.get(BACKUP_KEEP))
        about = QLabel("A copy of the workspace is made when it is opened and then after every "
                       "stretch of changes, in Briefer's data folder; the oldest go first.")
        about.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(about)
        form.addRow("Back up after", self.backup_every)
        form.addRow("Keep the last", self.backup_keep)
        return page

    def accept(self) -> None:
        """Save what differs from the defaults and apply the keys."""
        stored = self.settings.key_overrides()
        for action_id in set(stored) | set(self.overrides):
            self.settings.set_key_override(action_id, self.overrides.get(action_id))
        self.appearance.save(self.settings)
        self.settings.set(BACKUP_EVERY_MINUTES, self.backup_every.value())
        self.settings.set(BACKUP_KEEP, self.backup_keep.value())
        self.action_table.apply_overrides(self.overrides)
        super().accept()
