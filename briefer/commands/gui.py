"""``briefer gui [WORKSPACE]``: the desktop app. Qt is imported only when it runs."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.commands.common import load_taxonomy
from briefer.errors import BrieferError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``gui`` command."""
    p = sub.add_parser("gui", help="open the desktop app (the last workspace, or the demo)")
    p.add_argument("workspace", nargs="?", help="a workspace file to open")
    palette = p.add_mutually_exclusive_group()
    palette.add_argument("--dark", dest="palette", action="store_const", const="dark",
                         help="use the dark palette this time")
    palette.add_argument("--light", dest="palette", action="store_const", const="light",
                         help="use the light palette this time")
    p.set_defaults(func=cmd_gui, palette=None)


def display_problem(env: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why Qt could not open a window here (it would abort with seven lines), or None.

    Only Linux and the BSDs need a display server; ``QT_QPA_PLATFORM`` chosen by
    the user (offscreen, vnc…) is taken as it is. A local X display (``:N``)
    whose socket is missing cannot be reached either.
    """
    if platform.startswith(("win", "darwin")) or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return "no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)"
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if local and not Path(f"/tmp/.X11-unix/X{local.group(1)}").exists():
        return f"cannot reach the display {display} (no X server is listening)"
    return None


def cmd_gui(args: argparse.Namespace) -> int:
    """``briefer gui``: open the desktop app (the last workspace, or the demo)."""
    problem = display_problem(os.environ)
    if problem:
        raise BrieferError("gui", problem)
    kinds = load_taxonomy(args)
    from briefer.gui.app import run  # Qt loads only here

    return run(Path(args.workspace) if args.workspace else None, args.palette, kinds)
