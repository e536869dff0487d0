"""What every subcommand shares: opening workspaces, JSON output, argument types."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from briefer import taxonomy
from briefer.commands.terminal import json_text, raw
from briefer.workspace import Workspace
from briefer.workspace.store import storable


def print_json(value: Any) -> None:
    """Print one JSON value on one line (UTF-8, not ASCII-escaped; control characters escaped).

    Lone surrogates (a file name that is not UTF-8, as Python reads it) become
    U+FFFD: the output is always valid UTF-8.
    """
    print(storable(json_text(value)))


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with an ellipsis, between words if it can."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if flat[limit - 1] != " " and " " in cut[limit // 2:]:  # not in the middle of a word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def open_workspace(path: str, *, create: bool = False, readonly: bool = False,
                   kinds: taxonomy.Taxonomy | None = None, reading: bool = False) -> Workspace:
    """Open the workspace named on the command line (``kinds`` types tag fields).

    ``reading``: the command only reads, so a workspace it could not change (a
    read-only file, or a folder without room for the log) is opened read-only.
    """
    file = Path(path)
    if reading and file.is_file() and not (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)):
        readonly = True
    return Workspace.open(file, create=create, readonly=readonly, kinds=kinds)


def load_taxonomy(args: argparse.Namespace) -> taxonomy.Taxonomy:
    """The taxonomy: shipped kinds plus ``--taxonomy FILE`` or the user's taxonomy.yaml."""
    user_file = getattr(args, "taxonomy", None)
    return taxonomy.load_default() if user_file is None else taxonomy.load(user_file)


#: The largest id or offset a workspace can hold (SQLite's 64-bit INTEGER).
MAX_INTEGER = 2**63 - 1


def integer(text: str) -> int:
    """An argparse type for offsets and positions: a whole number a workspace can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a number") from None
    if abs(value) > MAX_INTEGER:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is too large (at most {MAX_INTEGER})")
    return value


def positive_int(text: str) -> int:
    """An argparse type for ids and counts (1 or more)."""
    value = integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def key_value(text: str) -> tuple[str, str]:
    """An argparse type for ``key=value`` pairs."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not key=value")
    return key.strip(), value


class Progress:
    """A one-line ``[done/total]`` progress display on stderr, only on a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` in place of the previous count."""
        if self.enabled:
            raw(sys.stderr).write(f"\r\x1b[K[{done}/{total}]")
            sys.stderr.flush()
            self._shown = True

    def clear(self) -> None:
        """Remove the progress line before printing something else."""
        if self._shown:
            raw(sys.stderr).write("\r\x1b[K")
            sys.stderr.flush()
            self._shown = False
