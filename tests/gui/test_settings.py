"""Settings: typed defaults, only differences stored, bad values ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from briefer.gui.settings import MAX_RECENT, Settings


def test_defaults_are_not_written(settings: Settings) -> None:
    q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Briefer", "Briefer")
    settings.set("ui/palette", "dark")
    settings.set("reader/font_size", 14)
    settings.set("reader/font_size", 0)
    settings.sync()
    assert q.allKeys() == ["ui/palette"]
    assert Settings().get("ui/palette") == "dark"


def test_values_come_back_with_their_types(settings: Settings) -> None:
    settings.set("export/open_folder", True)
    settings.set("reader/font_size", 13)
    settings.sync()
    fresh = Settings()
    assert fresh.get("export/open_folder") is True
    assert fresh.get("reader/font_size") == 13


def test_a_bad_value_falls_back_to_the_default(settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Briefer", "Briefer").setValue(
        "reader/font_size", "huge")
    assert Settings().get("reader/font_size") == 0
    assert "unreadable value" in caplog.text


def test_wrong_type_is_refused(settings: Settings) -> None:
    with pytest.raises(TypeError):
        settings.set("reader/font_size", "12")


def test_recent_workspaces_newest_first_without_duplicates(settings: Settings, tmp_path: Path) -> None:
    paths = [tmp_path / f"w{i}.briefer" for i in range(MAX_RECENT + 2)]
    for p in paths:
        settings.add_recent(p)
    settings.add_recent(paths[-3])
    recent = settings.recent()
    assert recent[0] == paths[-3].resolve()
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT
    assert settings.get("workspace/last") == str(paths[-3].resolve())
