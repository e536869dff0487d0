"""The app's settings: typed defaults in one table; only differences are stored.

Preferences (palette, reader font size, key bindings, export choices) live under
their own keys; window geometry and splitter state under ``state/`` so a reset of
preferences leaves the layout alone. A value of the wrong type (a hand-edited or
corrupt file) is logged and the default used instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

ORGANISATION = "Briefer"
APPLICATION = "Briefer"
MAX_RECENT = 8

#: Every preference with its default; the default's type is the value's type.
DEFAULTS: dict[str, str | int | bool] = {
    "ui/palette": "system",  # system | light | dark
    "reader/font_size": 0,  # points; 0 = one point above the interface font
    "workspace/last": "",
    "workspace/recent": "",  # newline-separated paths, newest first
    "export/folder": "",
    "export/format": "docx",
    "export/template": "sitrep",
    "export/open_folder": False,
    "brief/current": 0,
    "backup/every_minutes": 10,  # a rolling backup after this many minutes of changes
    "backup/keep": 5,  # rolling backups kept per workspace
    "web/delay_seconds": 2,  # least time between two requests to one host (robots.txt may ask more)
    "feeds/poll_minutes": 0,  # poll the feeds this often while the app is open; 0 = only on request
}
PALETTES = ("system", "light", "dark")
_KEYS_GROUP = "keys/"
_STATE_GROUP = "state/"


class Settings:
    """Typed access to the user's QSettings (INI format, user scope)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )
        if self._q.status() != QSettings.Status.NoError:
            log.warning("settings file %s is unreadable; using defaults", self._q.fileName())

    def get(self, key: str) -> str | int | bool:
        """The value of a preference, converted to its default's type."""
        default = DEFAULTS[key]
        raw = self._q.value(key)
        if raw is None:
            return default
        try:
            if isinstance(default, bool):
                return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            if isinstance(default, int):
                return int(raw)
            return str(raw)
        except (TypeError, ValueError):
            log.warning("setting %s has an unreadable value %r; using the default", key, raw)
            return default

    def set(self, key: str, value: str | int | bool) -> None:
        """Store a preference; a value equal to the default removes the stored one."""
        default = DEFAULTS[key]
        if type(value) is not type(default):
            raise TypeError(f"setting {key} takes {type(default).__name__}, not {type(value).__name__}")
        if value == default:
            self._q.remove(key)
        else:
            self._q.setValue(key, value)

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
        return [Path(p) for p in str(self.get("workspace/recent")).split("\n") if p]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent list and remember it as the last workspace."""
        resolved = str(path.resolve())
        paths = [resolved] + [str(p) for p in self.recent() if str(p) != resolved]
        self.set("workspace/recent", "\n".join(paths[:MAX_RECENT]))
        self.set("workspace/last", resolved)

    # window state -------------------------------------------------------------------
    def state(self, name: str) -> QByteArray | None:
        """Saved window state (geometry, dock layout, splitter sizes), or None."""
        value = self._q.value(_STATE_GROUP + name)
        return value if isinstance(value, QByteArray) else None

    def set_state(self, name: str, value: QByteArray) -> None:
        """Save one piece of window state."""
        self._q.setValue(_STATE_GROUP + name, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._q.sync()
