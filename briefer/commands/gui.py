"""``briefer gui [WORKSPACE]``: the desktop app. Qt is imported only when it runs."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefer.commands.common import load_taxonomy


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


def cmd_gui(args: argparse.Namespace) -> int:
    kinds = load_taxonomy(args)
    from briefer.gui.app import run  # Qt loads only here

    return run(Path(args.workspace) if args.workspace else None, args.palette, kinds)
