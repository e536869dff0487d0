"""Settings: typed defaults, only differences stored, bad values ignored."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QByteArray, QSettings

from briefer.gui.settings import (
    EXPORT_OPEN_FOLDER,
    LAST_WORKSPACE,
    MAX_RECENT,
    PALETTE,
    READER_FONT_SIZE,
    Settings,
)

if TYPE_CHECKING:
    from pathlib import Path


def test_defaults_are_not_written(settings: Settings) -> None:
    q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Briefer", "Briefer")
    settings.set(PALETTE, "dark")
    settings.set(READER_FONT_SIZE, 14)
    settings.set(READER_FONT_SIZE, 0)
    settings.sync()
    assert q.allKeys() == ["ui/palette"]
    assert Settings().get(PALETTE) == "dark"


def test_values_come_back_with_their_types(settings: Settings) -> None:
    settings.set(EXPORT_OPEN_FOLDER, True)
    settings.set(READER_FONT_SIZE, 13)
    settings.sync()
    fresh = Settings()
    assert fresh.get(EXPORT_OPEN_FOLDER) is True
    assert fresh.get(READER_FONT_SIZE) == 13


def test_a_bad_value_falls_back_to_the_default(settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Briefer", "Briefer").setValue(
        "reader/font_size", "huge")
    assert Settings().get(READER_FONT_SIZE) == 0
    assert "unreadable value" in caplog.text


def test_wrong_type_is_refused(settings: Settings) -> None:
    with pytest.raises(TypeError):
        settings.set(READER_FONT_SIZE, "12")


def test_recent_workspaces_newest_first_without_duplicates(settings: Settings, tmp_path: Path) -> None:
    paths = [tmp_path / f"w{i}.briefer" for i in range(MAX_RECENT + 2)]
    for p in paths:
        settings.add_recent(p)
    settings.add_recent(paths[-3])
    recent = settings.recent()
    assert recent[0] == paths[-3].resolve()
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT
    assert settings.get(LAST_WORKSPACE) == str(paths[-3].resolve())


def test_the_current_brief_is_remembered_per_workspace(settings: Settings, tmp_path: Path) -> None:
    first, second = tmp_path / "a.briefer", tmp_path / "b.briefer"
    settings.set_current_brief(first, 2)
    settings.set_current_brief(second, 1)
    settings.sync()
    fresh = Settings()
    assert fresh.current_brief(first) == 2
    assert fresh.current_brief(second) == 1
    assert fresh.current_brief(tmp_path / "other.briefer") is None
    fresh.set_current_brief(first, None)
    assert fresh.current_brief(first) is None


def test_window_state_is_kept_apart_from_preferences(settings: Settings) -> None:
    settings.window.set("geometry", QByteArray(b"\x01\x02"))
    settings.set(PALETTE, "dark")
    settings.sync()
    q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Briefer", "Briefer")
    assert sorted(q.allKeys()) == ["state/geometry", "ui/palette"]
    assert Settings().window.get("geometry") == QByteArray(b"\x01\x02")
    assert Settings().window.get("splitter") is None
