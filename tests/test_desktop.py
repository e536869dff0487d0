"""``briefer desktop install|uninstall``: a menu entry, icons and a file type a desktop finds.

Real tools check the result: desktop-file-validate, update-mime-database and
xdg-mime (asking GIO, as GNOME's file manager does) in a temporary XDG_DATA_HOME.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefer.desktop import ICON_SIZES, MIME_TYPE, desktop_entry
from briefer.paths import resource
from briefer.workspace import Workspace
from briefer.workspace.schema import APPLICATION_ID

BRIEFER = Path(sys.executable).parent / "briefer"


def _briefer(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BRIEFER), *args], capture_output=True, text=True, env=env or dict(os.environ))


def _xdg_mime(*args: str) -> str:
    env = dict(os.environ, XDG_CURRENT_DESKTOP="GNOME")  # xdg-mime asks GIO (shared-mime-info)
    return subprocess.run(["xdg-mime", "query", *args], capture_output=True, text=True, env=env,
                          check=True).stdout.strip()


def _validate(path: Path) -> None:
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not result.stdout.strip()  # no warnings or hints either


def test_the_shipped_desktop_entry_validates_and_opens_workspaces() -> None:
    shipped = resource("desktop/briefer.desktop")
    _validate(shipped)
    text = shipped.read_text(encoding="utf-8")
    assert "Exec=briefer gui %f\n" in text
    assert f"MimeType={MIME_TYPE};\n" in text


def test_a_launcher_path_with_spaces_is_quoted_and_still_valid(tmp_path: Path) -> None:
    entry = tmp_path / "briefer.desktop"
    entry.write_text(desktop_entry("/opt/My Apps/briefer"), encoding="utf-8")
    _validate(entry)
    assert 'Exec="/opt/My Apps/briefer" gui %f\n' in entry.read_text(encoding="utf-8")


def test_the_mime_magic_is_the_workspace_application_id() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(resource("desktop/briefer-workspace.xml")).getroot()
    (inner,) = root.findall(".//m:magic/m:match/m:match", ns)
    assert (inner.get("type"), inner.get("offset")) == ("big32", "68")
    assert int(inner.get("value") or "", 16) == APPLICATION_ID


@pytest.mark.parametrize("name", ["briefer", "application-x-briefer-workspace"])
def test_every_icon_size_is_a_png_of_that_size(name: str) -> None:
    assert resource(f"desktop/icons/{name}.svg").is_file()
    for size in ICON_SIZES:
        data = resource(f"desktop/icons/{size}x{size}/{name}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)


def test_user_install_makes_a_renamed_workspace_open_in_briefer(tmp_path: Path) -> None:
    data = Path(os.environ["XDG_DATA_HOME"])
    Workspace.create(tmp_path / "renamed").close()  # a workspace without its extension
    Workspace.create(tmp_path / "named.briefer").close()
    plain = sqlite3.connect(tmp_path / "other.sqlite")
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()

    result = _briefer("desktop", "install", "--user")
    assert result.returncode == 0, result.stderr
    assert str(data) in result.stdout
    entry = data / "applications" / "briefer.desktop"
    _validate(entry)
    assert f"Exec={BRIEFER} gui %f\n" in entry.read_text(encoding="utf-8")
    for size in ICON_SIZES:
        assert (data / f"icons/hicolor/{size}x{size}/apps/briefer.png").is_file()
        assert (data / f"icons/hicolor/{size}x{size}/mimetypes/application-x-briefer-workspace.png").is_file()
    assert (data / "mime" / "mime.cache").is_file()  # update-mime-database ran

    assert _xdg_mime("filetype", str(tmp_path / "renamed")) == MIME_TYPE
    assert _xdg_mime("filetype", str(tmp_path / "named.briefer")) == MIME_TYPE
    assert _xdg_mime("filetype", str(tmp_path / "other.sqlite")) == "application/vnd.sqlite3"
    assert _xdg_mime("default", MIME_TYPE) == "briefer.desktop"

    result = _briefer("desktop", "uninstall", "--user")
    assert result.returncode == 0, result.stderr
    assert not entry.exists()
    assert not list((data / "icons").rglob("*briefer*"))
    assert _xdg_mime("filetype", str(tmp_path / "renamed")) == "application/vnd.sqlite3"


def test_system_install_goes_to_the_first_xdg_data_dir(tmp_path: Path) -> None:
    system = tmp_path / "share"
    env = dict(os.environ, XDG_DATA_DIRS=f"{system}:/usr/share")
    result = _briefer("desktop", "install", env=env)
    assert result.returncode == 0, result.stderr
    assert (system / "applications" / "briefer.desktop").is_file()
    assert (system / "mime" / "packages" / "briefer-workspace.xml").is_file()
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "applications").exists()


def test_an_unwritable_data_folder_is_one_line_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    result = _briefer("desktop", "install", "--user", env=dict(os.environ, XDG_DATA_HOME=str(blocker)))
    assert result.returncode == 1
    assert result.stderr == (f"briefer: error: {blocker}/applications/briefer.desktop: "
                             "cannot write it (Not a directory)\n")
