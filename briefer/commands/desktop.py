"""``briefer desktop install|uninstall [--user]``: the menu entry, icons and file type (Linux)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer import desktop

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``desktop`` command."""
    p = sub.add_parser("desktop", help="add Briefer to the desktop menu and its file type (Linux)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, func, text in (("install", cmd_install, "install the menu entry, icons and file type"),
                             ("uninstall", cmd_uninstall, "remove what install put in place")):
        q = actions.add_parser(name, help=text)
        q.add_argument("--user", action="store_true",
                       help="for this user only (XDG_DATA_HOME) instead of the whole system")
        q.set_defaults(func=func)


def _report(verb: str, done: desktop.Integration) -> None:
    refreshed = f"; refreshed with {', '.join(done.refreshed)}" if done.refreshed else ""
    print(f"{verb} {len(done.files)} file(s) in {done.data_dir}{refreshed}")


def cmd_install(args: argparse.Namespace) -> int:
    """Install the desktop entry, icons and file type."""
    _report("Installed", desktop.install(args.user))
    return 0


def cmd_uninstall(args: argparse.Namespace) -> int:
    """Remove them again."""
    _report("Removed", desktop.uninstall(args.user))
    return 0
