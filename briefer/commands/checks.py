"""A brief's tradecraft checks: ``briefer lint`` (ICD 203 wording) and ``briefer timeline``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.analysis.timeline import timeline
from briefer.analysis.wording import lint_brief
from briefer.commands.common import open_workspace, positive_int, print_json, shorten

if TYPE_CHECKING:
    import argparse

    from briefer.model import Article


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``lint`` and ``timeline`` commands."""
    p = sub.add_parser("lint", help="check a brief's BLUF and assessment against ICD 203 wording")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("timeline", help="every dated item of a brief or of the workspace, in date order")
    p.add_argument("workspace")
    p.add_argument("--brief", type=positive_int, help="only this brief's items")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_timeline)


def cmd_lint(args: argparse.Namespace) -> int:
    """``briefer lint WS BRIEF``: the estimative-language findings (ICD 203) of a brief."""
    with open_workspace(args.workspace, reading=True) as ws:
        findings = lint_brief(ws.briefs.get(args.brief))
    if args.json:
        print_json([f.to_json() for f in findings])
        return 0
    for f in findings:
        hint = f" (use: {f.suggestion})" if f.suggestion else ""
        print(f"{f.field}:{f.start}-{f.end}  {f.rule}  {f.message}{hint}")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    """``briefer timeline WS [--brief B]``: the dated items in date order, with their sources."""
    with open_workspace(args.workspace, reading=True) as ws:
        entries = timeline(ws, args.brief)
        articles = {a: ws.articles.get(a) for a in dict.fromkeys(e.article for e in entries)}
    if args.json:
        print_json([e.to_json() for e in entries])
        return 0
    for e in entries:
        flag = "  (before the period)" if e.before_period else ""
        print(f"{e.date[:16]:16}  t{e.tag:<6} {shorten(e.text, 50):50}  "
              f"{_source(e.article, articles[e.article])}{flag}")
    return 0


def _source(article_id: int, article: Article) -> str:
    """``a12 Outlet: Title``, each shortened, for one line of text output."""
    names = (shorten(article.outlet or "", 20), shorten(article.title, 40))
    return f"a{article_id} " + ": ".join(name for name in names if name)
