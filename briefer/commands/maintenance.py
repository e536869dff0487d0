"""Keeping workspaces safe: ``briefer check|backup|backups|restore|recover``."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.commands.common import open_workspace, print_json
from briefer.workspace import Workspace
from briefer.workspace.backup import backup, default_folder, list_backups, restore
from briefer.workspace.recover import Recovery, recover
from briefer.workspace.store import SUFFIX

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the maintenance commands."""
    p = sub.add_parser("check", help="check a workspace for damage (SQLite quick_check)")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="copy a workspace safely, even while it is open")
    p.add_argument("workspace")
    p.add_argument("dest", nargs="?", help="a file or folder (default: the rolling backups folder)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list the rolling backups of a workspace, newest first")
    p.add_argument("workspace")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="replace a workspace with a backup (the current one is kept)")
    p.add_argument("backup")
    p.add_argument("workspace")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("recover", help="copy what is readable from a damaged workspace into a new one")
    p.add_argument("workspace")
    p.add_argument("out", nargs="?", help=f"the new workspace (default: NAME-recovered{SUFFIX})")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_recover)


def _recovery_json(recovery: Recovery) -> dict[str, object]:
    return {t.table: {"recovered": t.recovered, "unreadable": t.unreadable, "refused": t.refused}
            for t in recovery.tables}


def cmd_check(args: argparse.Namespace) -> int:
    """``briefer check``: check a workspace for damage (SQLite quick_check)."""
    with open_workspace(args.workspace, readonly=True) as ws:
        problems = ws.check()
        if not problems:
            articles, tags = ws.articles.count(), len(ws.tags.all())
    if not problems:
        if args.json:
            print_json({"ok": True, "problems": [], "articles": articles, "tags": tags})
        else:
            print(f"ok: {args.workspace} ({articles} articles, {tags} tags)")
        return 0
    with tempfile.TemporaryDirectory(prefix="briefer-check-") as tmp:
        trial = recover(args.workspace, Path(tmp) / f"trial{SUFFIX}")
    if args.json:
        print_json({"ok": False, "problems": list(problems), "recoverable": _recovery_json(trial)})
    else:
        print(f"damaged: {args.workspace}: {problems[0]}"
              + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""))
        print(f"readable: {trial.summary()}")
        print(f"copy it into a new workspace with: briefer recover {args.workspace}")
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    """``briefer backup``: copy a workspace safely, even while it is open."""
    with open_workspace(args.workspace, readonly=True) as ws:
        dest = Path(args.dest) if args.dest else default_folder(ws.path)
        if not args.dest:
            dest.mkdir(parents=True, exist_ok=True)
        made = backup(ws, dest)
    print(f"Backed up to {made}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    """``briefer backups``: list the rolling backups of a workspace, newest first."""
    folder = default_folder(Path(args.workspace))
    found = list_backups(folder)
    if not found:
        print(f"no backups in {folder}")
    for path in found:
        print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """``briefer restore``: replace a workspace with a backup (the current one is kept)."""
    kept = restore(args.backup, args.workspace)
    print(f"Restored {args.workspace} from {args.backup}")
    if kept is not None:
        print(f"The previous content is kept in {kept}")
    with Workspace.open(args.workspace, readonly=True) as ws:
        print(f"{ws.articles.count()} articles, {len(ws.tags.all())} tags")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    """``briefer recover``: copy what is readable from a damaged workspace into a new one."""
    recovery = recover(args.workspace, args.out)
    if args.json:
        print_json({"output": str(recovery.output), "problems": list(recovery.problems),
                    "tables": _recovery_json(recovery)})
    else:
        state = "damaged" if recovery.problems else "healthy"
        print(f"Recovered into {recovery.output} (the source was {state})")
        print(recovery.summary())
    return 0
