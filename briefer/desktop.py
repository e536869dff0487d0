"""Linux desktop integration: the menu entry, icons and the workspace file type.

``install`` copies the shipped ``resources/desktop`` files into an XDG data
folder (the user's, or the system's first ``XDG_DATA_DIRS`` entry) as the
freedesktop.org specifications lay them out, then refreshes the MIME, desktop
and icon caches with whichever of the standard tools are present. The menu
entry runs the ``briefer`` that installed it, so it works from a virtual
environment, pipx or the frozen build alike.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from briefer.errors import InvalidInput
from briefer.paths import resource

MIME_TYPE = "application/x-briefer-workspace"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_APP_ICON = "briefer"
_MIME_ICON = MIME_TYPE.replace("/", "-")
_DESKTOP_FILE = "briefer.desktop"
_MIME_FILE = "briefer-workspace.xml"
_REFRESH = (
    ("update-mime-database", "mime", ()),
    ("update-desktop-database", "applications", ("-q",)),
    ("gtk-update-icon-cache", "icons/hicolor", ("-q", "-t", "-f")),
)
_SAFE_EXEC = re.compile(r"[A-Za-z0-9/._+-]+")


@dataclass(frozen=True)
class Integration:
    """What ``install`` or ``uninstall`` did: the data folder, files touched, caches refreshed."""

    data_dir: Path
    files: list[Path]
    refreshed: list[str]


def data_dir(user: bool) -> Path:
    """The XDG data folder to install into: the user's (``--user``) or the system's."""
    if user:
        return platformdirs.user_data_path()
    return Path(platformdirs.site_data_dir(multipath=False))


def _layout() -> list[tuple[Path, str]]:
    """(shipped file, path under the data folder) for every file installed."""
    src = resource("desktop")
    files = [(src / _DESKTOP_FILE, f"applications/{_DESKTOP_FILE}"),
             (src / _MIME_FILE, f"mime/packages/{_MIME_FILE}")]
    for name, context in ((_APP_ICON, "apps"), (_MIME_ICON, "mimetypes")):
        files.append((src / "icons" / f"{name}.svg", f"icons/hicolor/scalable/{context}/{name}.svg"))
        files += [(src / "icons" / f"{n}x{n}" / f"{name}.png", f"icons/hicolor/{n}x{n}/{context}/{name}.png")
                  for n in ICON_SIZES]
    return files


def launcher() -> str:
    """The command that starts this Briefer: the frozen executable, or the ``briefer`` script run."""
    if getattr(sys, "frozen", False):
        return sys.executable
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "briefer" and script.is_file():
        return os.path.abspath(script)
    return "briefer"


def desktop_entry(command: str) -> str:
    """The shipped desktop entry with ``Exec`` running ``command`` (quoted per the spec)."""
    if not _SAFE_EXEC.fullmatch(command):
        escaped = re.sub(r'(["`$\\])', r"\\\1", command)
        command = '"' + escaped.replace("\\", "\\\\") + '"'
    text = (resource("desktop") / _DESKTOP_FILE).read_text(encoding="utf-8")
    return re.sub(r"(?m)^Exec=briefer ", lambda _: f"Exec={command} ", text, count=1)


def _require_linux() -> None:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        raise InvalidInput("briefer desktop",
                           "this is for Linux desktops; Windows and macOS get it from the installer")


def _refresh(root: Path) -> list[str]:
    ran = []
    for tool, folder, flags in _REFRESH:
        exe = shutil.which(tool)
        if exe and (root / folder).is_dir():
            subprocess.run([exe, *flags, str(root / folder)], capture_output=True, timeout=120, check=False)
            ran.append(tool)
    return ran


def copy_files(root: Path, command: str, hint: str = "") -> list[Path]:
    """Write the desktop files under the data folder ``root`` (caches not refreshed); return them.

    Packagers call this on a staging ``usr/share`` (the .deb build does).
    """
    written = []
    for src, rel in _layout():
        dest = root / rel
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if src.name == _DESKTOP_FILE:
                dest.write_text(desktop_entry(command), encoding="utf-8")
            else:
                shutil.copyfile(src, dest)
        except OSError as exc:
            raise InvalidInput(str(dest), f"cannot write it ({exc.strerror}){hint}") from exc
        written.append(dest)
    return written


def install(user: bool, command: str | None = None) -> Integration:
    """Put the desktop entry, icons and MIME type in place; ``command`` defaults to :func:`launcher`."""
    _require_linux()
    root = data_dir(user)
    written = copy_files(root, command or launcher(), "" if user else "; use --user, or run as root")
    return Integration(root, written, _refresh(root))


def uninstall(user: bool) -> Integration:
    """Remove what :func:`install` put in the same data folder (files already gone are fine)."""
    _require_linux()
    root = data_dir(user)
    removed = []
    for _src, rel in _layout():
        dest = root / rel
        try:
            dest.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise InvalidInput(str(dest), f"cannot remove it ({exc.strerror})") from exc
        removed.append(dest)
    return Integration(root, removed, _refresh(root))
