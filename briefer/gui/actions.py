"""Every action of the app in one table: id, label, default keys, context, menu.

The tag keys come from the taxonomy (``f`` fact, ``q`` quote…, and Shift with the
same key to jump to the next suggestion of that kind). The user's rebindings
(from settings) replace an action's defaults. The keymap dialog and Preferences
render this same table.

Contexts: ``window`` keys work anywhere in the window; ``reader``, ``composer``
and ``articles`` keys work only while that part has the focus, so a letter typed
into a text field is text, never a command.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtWidgets import QWidget

    from briefer.taxonomy import Taxonomy

Key = str | QKeySequence.StandardKey
SK = QKeySequence.StandardKey

CONTEXTS = {
    "window": "Anywhere",
    "reader": "Reader",
    "articles": "Article list",
    "composer": "Brief composer",
}


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One row of the action table."""

    id: str
    label: str
    keys: tuple[Key, ...]
    context: str
    menu: str


def _spec(id: str, label: str, keys: Iterable[Key], context: str, menu: str) -> ActionSpec:
    return ActionSpec(id, label, tuple(keys), context, menu)


STATIC_ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _spec("workspace.new", "New workspace…", [SK.New], "window", "File"),
    _spec("workspace.open", "Open workspace…", [SK.Open], "window", "File"),
    _spec("workspace.open-readonly", "Open workspace read-only…", ["Ctrl+Shift+O"], "window", "File"),
    _spec("workspace.recover", "Recover workspace…", [], "window", "File"),
    _spec("article.import", "Import articles…", ["Ctrl+I"], "window", "File"),
    _spec("article.paste", "Paste as new article", ["Ctrl+Shift+V"], "window", "File"),
    _spec("article.fetch", "Fetch URL…", ["Ctrl+Shift+U"], "window", "File"),
    _spec("feeds.poll", "Poll feeds now", ["Ctrl+Shift+F5"], "window", "File"),
    _spec("article.refetch", "Re-fetch article", [], "window", "File"),
    _spec("brief.export", "Export brief…", [SK.Save, "Ctrl+E"], "window", "File"),
    _spec("app.quit", "Quit", [SK.Quit, "Ctrl+Q"], "window", "File"),
    # Edit
    _spec("edit.undo", "Undo", [SK.Undo], "window", "Edit"),
    _spec("edit.redo", "Redo", [SK.Redo, "Ctrl+Shift+Z"], "window", "Edit"),
    _spec("edit.find", "Find articles", [SK.Find], "window", "Edit"),
    _spec("app.preferences", "Preferences…", [SK.Preferences, "Ctrl+,"], "window", "Edit"),
    # Go
    _spec("nav.next-sentence", "Next sentence", ["J", "Alt+Down"], "reader", "Go"),
    _spec("nav.previous-sentence", "Previous sentence", ["K", "Alt+Up"], "reader", "Go"),
    _spec("nav.next-paragraph", "Next paragraph", ["}", "Alt+PgDown"], "reader", "Go"),
    _spec("nav.previous-paragraph", "Previous paragraph", ["{", "Alt+PgUp"], "reader", "Go"),
    _spec("nav.extend-word", "Extend selection by a word", ["W"], "reader", "Go"),
    _spec("nav.shrink-word", "Shrink selection by a word", ["Shift+W"], "reader", "Go"),
    _spec("nav.extend-sentence", "Extend selection by a sentence", ["V"], "reader", "Go"),
    _spec("nav.shrink-sentence", "Shrink selection by a sentence", ["Shift+V"], "reader", "Go"),
    _spec("nav.select-quote", "Select the quoted words", ["I", '"'], "reader", "Go"),
    _spec("nav.next-tag", "Next tag", ["T"], "reader", "Go"),
    _spec("nav.previous-tag", "Previous tag", ["Shift+T"], "reader", "Go"),
    _spec("nav.next-suggestion", "Next suggestion", ["S"], "reader", "Go"),
    _spec("nav.previous-suggestion", "Previous suggestion", ["Shift+S"], "reader", "Go"),
    _spec("nav.next-article", "Next article", ["Ctrl+PgDown"], "window", "Go"),
    _spec("nav.previous-article", "Previous article", ["Ctrl+PgUp"], "window", "Go"),
    _spec("focus.articles", "Go to the article list", ["Ctrl+1"], "window", "Go"),
    _spec("focus.reader", "Go to the reader", ["Ctrl+2", "Esc"], "window", "Go"),
    _spec("focus.tags", "Go to the tag panel", ["Ctrl+3"], "window", "Go"),
    _spec("focus.composer", "Go to the brief composer", ["Ctrl+4"], "window", "Go"),
    # Article
    _spec("article.details", "Article details…", ["Ctrl+Shift+I", "Alt+Return"], "window", "Article"),
    _spec("article.delete", "Delete article", ["Del"], "articles", "Article"),
    # Tag
    _spec("suggestion.accept", "Accept suggestion", ["Return", "Enter"], "reader", "Tag"),
    _spec("suggestion.reject", "Reject suggestion", ["X", "Del"], "reader", "Tag"),
    _spec("tag.remove", "Remove tag", ["Backspace", "Shift+Del"], "reader", "Tag"),
    _spec("tag.edit", "Edit tag fields", ["E", "F2"], "reader", "Tag"),
    _spec("brief.add-tag", "Add tag to brief", ["A"], "reader", "Tag"),
    # Brief
    _spec("brief.new", "New brief…", ["Ctrl+Shift+N"], "window", "Brief"),
    _spec("brief.delete", "Delete brief", ["Ctrl+Shift+Del"], "window", "Brief"),
    _spec("brief.item-up", "Move item up", ["Alt+Up"], "composer", "Brief"),
    _spec("brief.item-down", "Move item down", ["Alt+Down"], "composer", "Brief"),
    _spec("brief.item-next-section", "Move item to next section", ["Alt+Right"], "composer", "Brief"),
    _spec("brief.item-previous-section", "Move item to previous section", ["Alt+Left"], "composer",
          "Brief"),
    _spec("brief.item-remove", "Remove item from brief", ["Del"], "composer", "Brief"),
    _spec("brief.add-note", "Add analyst's note…", ["Ctrl+Alt+N"], "window", "Brief"),
    _spec("brief.item-credibility", "Set item credibility…", ["Ctrl+Alt+C"], "composer", "Brief"),
    _spec("brief.item-accept-credibility", "Accept suggested credibility", ["Ctrl+Alt+A"], "composer",
          "Brief"),
    # View
    _spec("view.preview", "Show brief preview", ["F8"], "window", "View"),
    _spec("view.corroboration", "Corroboration: claims, conflicts, stories…", ["Ctrl+Shift+K"], "window",
          "View"),
    _spec("view.timeline", "Timeline: dated items in order…", ["Ctrl+Shift+T"], "window", "View"),
    # Help
    _spec("help.keymap", "Keyboard shortcuts", ["?", SK.HelpContents], "window", "Help"),
)


def tag_actions(kinds: Taxonomy) -> list[ActionSpec]:
    """One 'tag as' and one 'next suggestion of this kind' action per taxonomy kind."""
    specs = []
    for kind in kinds:
        specs.append(_spec(f"tag.as.{kind.key}", f"Tag as {kind.label.lower()}",
                           [kind.shortcut.upper()], "reader", "Tag"))
    for kind in kinds:
        specs.append(_spec(f"nav.next-suggestion.{kind.key}", f"Next {kind.label.lower()} suggestion",
                           [f"Shift+{kind.shortcut.upper()}"], "reader", "Go"))
    return specs


def sequences(keys: Iterable[Key]) -> list[QKeySequence]:
    """Key sequences for a list of keys (a standard key may give several)."""
    result: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, SK):
            result.extend(q for q in QKeySequence.keyBindings(key) if q not in result)
        else:
            seq = QKeySequence(key)
            if not seq.isEmpty() and seq not in result:
                result.append(seq)
    return result


PORTABLE = QKeySequence.SequenceFormat.PortableText


def typed(seq: QKeySequence) -> str:
    """A key sequence as the user types it: ``j``, ``w``, ``Shift+Q``, ``Alt+Down`` (as the README).

    Qt writes a plain letter key in capitals (``J``), which reads as Shift+J.
    """
    text = seq.toString(QKeySequence.SequenceFormat.NativeText)
    if text == "Return":
        return "Enter"  # the key's name on keyboards (and in the README)
    return text.lower() if len(text) == 1 and text.isalpha() else text


def key_text(seqs: Iterable[QKeySequence]) -> str:
    """Sequences as the user reads them, e.g. ``j, Alt+Down``."""
    return ", ".join(dict.fromkeys(typed(s) for s in seqs))


class Actions(QObject):
    """The QActions of one window, built from the table and kept bound to current keys."""

    def __init__(self, kinds: Taxonomy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.specs: dict[str, ActionSpec] = {s.id: s for s in (*STATIC_ACTIONS, *tag_actions(kinds))}
        self._actions: dict[str, QAction] = {}
        for spec in self.specs.values():
            action = QAction(spec.label, self)
            action.setObjectName(spec.id)
            action.setShortcuts(sequences(spec.keys))
            action.setShortcutContext(
                Qt.ShortcutContext.WindowShortcut if spec.context == "window"
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            self._actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def on_trigger(self, action_id: str, slot: Callable[[], object]) -> None:
        """Run ``slot`` when the action is triggered."""
        self._actions[action_id].triggered.connect(lambda _checked=False: slot())

    def attach(self, context: str, widget: QWidget) -> None:
        """Add every action of ``context`` to ``widget`` (where its keys are live)."""
        widget.addActions([self._actions[s.id] for s in self.specs.values() if s.context == context])

    def defaults(self, action_id: str) -> list[QKeySequence]:
        """The table's key sequences for an action."""
        return sequences(self.specs[action_id].keys)

    def apply_overrides(self, overrides: dict[str, list[str]]) -> None:
        """Bind every action to the user's keys where given, else to its defaults."""
        for action_id, action in self._actions.items():
            if action_id in overrides:
                action.setShortcuts([QKeySequence(k) for k in overrides[action_id] if k])
            else:
                action.setShortcuts(self.defaults(action_id))

    def conflicts(self) -> list[tuple[str, str, str]]:
        """Keys bound to two actions that could fire at once: ``(key, label, label)``."""
        return find_conflicts(self.specs, lambda action_id: [
            s.toString(PORTABLE) for s in self._actions[action_id].shortcuts()])


def find_conflicts(
    specs: dict[str, ActionSpec], keys_of: Callable[[str], Iterable[str]]
) -> list[tuple[str, str, str]]:
    """``(key, label, label)`` for every key two actions share where both are live.

    A window-wide key clashes with the same key anywhere; a key of one part of the
    window only with the same part and with window-wide keys.
    """
    seen: dict[tuple[str, str], str] = {}
    found = []
    for action_id, spec in specs.items():
        for key in keys_of(action_id):
            reach = set(CONTEXTS) if spec.context == "window" else {spec.context, "window"}
            for context in sorted(reach):
                other = seen.get((key, context))
                if other is not None:
                    found.append((key, specs[other].label, spec.label))
                    break
            seen[(key, spec.context)] = action_id
    return found
