"""A brief's tradecraft checks: ``briefer lint`` (ICD 203 estimative language)."""

from __future__ import annotations

import argparse

from briefer.analysis.wording import lint_brief
from briefer.commands.common import open_workspace, positive_int, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``lint`` command."""
    p = sub.add_parser("lint", help="check a brief's BLUF and assessment against ICD 203 wording")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lint)


def cmd_lint(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace, reading=True) as ws:
        findings = lint_brief(ws.briefs.get(args.brief))
    if args.json:
        print_json([f.to_json() for f in findings])
        return 0
    for f in findings:
        hint = f" (use: {f.suggestion})" if f.suggestion else ""
        print(f"{f.field}:{f.start}-{f.end}  {f.rule}  {f.message}{hint}")
    return 0
