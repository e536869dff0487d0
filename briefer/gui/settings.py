"""The app's settings: each key typed, defaults in one place; only differences are stored.

Preferences (palette, reader and preview fonts, key bindings, export choices,
backups) are :class:`Key` constants whose default gives the value's type, so
``settings.get(READER_FONT_SIZE)`` is an ``int`` with no cast at the caller.
Window geometry and splitter state are kept apart in :class:`WindowState`
(``settings.window``, under ``state/``), so a reset of preferences leaves the
layout alone. The current brief is remembered per workspace. A value of the
wrong type (a hand-edited or corrupt file) is logged and the default used instead.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Literal, TypeVar

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

ORGANISATION = "Briefer"
APPLICATION = "Briefer"
MAX_RECENT = 8

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    """One preference: where it is stored and its default (whose type is the value's)."""

    name: str
    default: T


PALETTE = Key("ui/palette", "system")  # system | light | dark
READER_FONT_SIZE = Key("reader/font_size", 0)  # points; 0 = one point above the interface font
READER_FONT_FAMILY = Key("reader/font_family", "")  # "" = the interface font
PREVIEW_FONT_SIZE = Key("preview/font_size", 0)  # points; 0 = the interface font's size
PREVIEW_FONT_FAMILY = Key("preview/font_family", "")  # "" = the interface font
LAST_WORKSPACE = Key("workspace/last", "")
RECENT_WORKSPACES = Key("workspace/recent", "")  # newline-separated paths, newest first
EXPORT_FOLDER = Key("export/folder", "")
EXPORT_FORMAT = Key("export/format", "docx")
EXPORT_TEMPLATE = Key("export/template", "sitrep")
EXPORT_OPEN_FOLDER = Key("export/open_folder", False)
BACKUP_EVERY_MINUTES = Key("backup/every_minutes", 10)  # a rolling backup after this many minutes of changes
BACKUP_KEEP = Key("backup/keep", 5)  # rolling backups kept per workspace
FETCH_DELAY_SECONDS = Key("web/delay_seconds", 2)  # least time between two requests to one host
FEED_POLL_MINUTES = Key("feeds/poll_minutes", 0)  # poll feeds this often while open; 0 = on request

PALETTES = ("system", "light", "dark")
StateName = Literal["geometry", "window", "splitter", "right"]
_KEYS_GROUP = "keys/"
_STATE_GROUP = "state/"
_BRIEF_GROUP = "current-brief/"


def _workspace_key(path: Path) -> str:
    """A settings key for one workspace file (its resolved path, hashed: no slashes)."""
    return hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:20]


class WindowState:
    """The window's layout as it was left (geometry, docks, splitters): not preferences."""

    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings

    def get(self, name: StateName) -> QByteArray | None:
        """One saved piece of window state, or None."""
        value = self._q.value(_STATE_GROUP + name)
        return value if isinstance(value, QByteArray) else None

    def set(self, name: StateName, value: QByteArray) -> None:
        """Save one piece of window state."""
        self._q.setValue(_STATE_GROUP + name, value)


class Settings:
    """Typed access to the user's QSettings (INI format, user scope)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )
        if self._q.status() != QSettings.Status.NoError:
            log.warning("settings file %s is unreadable; using defaults", self._q.fileName())
        self.window = WindowState(self._q)

    def get(self, key: Key[T]) -> T:
        """The value of a preference, of its default's type."""
        raw = self._q.value(key.name)
        if raw is None:
            return key.default
        default = key.default
        try:
            if isinstance(default, bool):
                return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            if isinstance(default, int):
                return int(raw)
            return str(raw)
        except (TypeError, ValueError):
            log.warning("setting %s has an unreadable value %r; using the default", key.name, raw)
            return default

    def set(self, key: Key[T], value: T) -> None:
        """Store a preference; a value equal to the default removes the stored one."""
        if type(value) is not type(key.default):
            raise TypeError(f"setting {key.name} takes {type(key.default).__name__}, "
                            f"not {type(value).__name__}")
        if value == key.default:
            self._q.remove(key.name)
        else:
            self._q.setValue(key.name, value)

    # the current brief, per workspace -----------------------------------------------
    def current_brief(self, workspace: Path) -> int | None:
        """The brief last current in this workspace, or None."""
        raw = self._q.value(_BRIEF_GROUP + _workspace_key(workspace))
        try:
            return int(raw) if raw is not None else None
        except (TypeError, ValueError):
            return None

    def set_current_brief(self, workspace: Path, brief_id: int | None) -> None:
        """Remember the current brief of this workspace (None: none)."""
        key = _BRIEF_GROUP + _workspace_key(workspace)
        if brief_id is None:
            self._q.remove(key)
        else:
            self._q.setValue(key, brief_id)

    # key bindings -----------------------------------------------------------------
    def key_overrides(self) -> dict[str, list[str]]:
        """Action id -> the user's key sequences (portable text) for every rebound action."""
        self._q.beginGroup(_KEYS_GROUP.rstrip("/"))
        try:
            return {
                action: [k for k in str(self._q.value(action) or "").split("\t") if k]
                for action in self._q.childKeys()
            }
        finally:
            self._q.endGroup()

    def set_key_override(self, action: str, keys: list[str] | None) -> None:
        """Rebind an action (an empty list unbinds it); None returns it to its defaults."""
        if keys is None:
            self._q.remove(_KEYS_GROUP + action)
        else:
            self._q.setValue(_KEYS_GROUP + action, "\t".join(keys))

    # recent workspaces --------------------------------------------------------------
    def recent(self) -> list[Path]:
        """Recently opened workspaces, newest first."""
        return [Path(p) for p in self.get(RECENT_WORKSPACES).split("\n") if p]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent list and remember it as the last workspace."""
        resolved = str(path.resolve())
        paths = [resolved] + [str(p) for p in self.recent() if str(p) != resolved]
        self.set(RECENT_WORKSPACES, "\n".join(paths[:MAX_RECENT]))
        self.set(LAST_WORKSPACE, resolved)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._q.sync()
