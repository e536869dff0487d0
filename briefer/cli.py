"""The ``briefer`` command line. Imports Qt only for ``briefer gui``.

Errors print one line, ``briefer: error: <thing>: <reason>``, on stderr and exit
with status 1; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import TYPE_CHECKING, NoReturn

from briefer import __version__
from briefer.commands import analysis as analysis_commands
from briefer.commands import articles, briefs, checks, desktop, gui, maintenance, sources, suggest, tags, web
from briefer.commands import team as team_commands
from briefer.commands.terminal import guarded
from briefer.errors import BrieferError
from briefer.workspace.health import is_damage

if TYPE_CHECKING:
    from collections.abc import Sequence

COMMAND_GROUPS = (articles, sources, web, tags, suggest, briefs, analysis_commands, team_commands, checks,
                  maintenance, gui, desktop)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other error of the CLI."""

    def error(self, message: str) -> NoReturn:
        """Print ``briefer: error: <what>`` and where help is; exit with status 2."""
        line = " ".join(message.split())
        self.exit(2, f"briefer: error: {line}; see '{self.prog} --help'\n")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every subcommand (their parsers are of the same class)."""
    parser = _Parser(
        prog="briefer",
        description="Turn news reporting into cited situation briefs.",
    )
    parser.add_argument("--version", action="version", version=f"briefer {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--taxonomy", metavar="FILE", help="a taxonomy file adding tag kinds")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with guarded():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except BrieferError as exc:
        if args.debug:
            raise
        print(f"briefer: error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        if args.debug or not is_damage(exc):
            raise
        print(f"briefer: error: the workspace is damaged ({exc}); see 'briefer check WORKSPACE'",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
