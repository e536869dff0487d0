"""``briefer suggest``: suggestions for a stored article or for text on standard input."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from briefer.commands.common import open_workspace, positive_int, print_json
from briefer.errors import InvalidInput
from briefer.suggest import KINDS, Suggestion, accept_all, for_article, suggest
from briefer.suggest.datecalc import parse_published

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``suggest`` command."""
    p = sub.add_parser(
        "suggest",
        help="suggest quotes, figures, dates and actors to tag",
        description="Suggest tags for an article of a workspace (WS ARTICLE) or for text on "
        "standard input (--stdin).",
    )
    p.add_argument("workspace", nargs="?", metavar="WS")
    p.add_argument("article", nargs="?", type=positive_int, metavar="ARTICLE")
    p.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help=f"only this kind (repeatable or comma-separated): {', '.join(KINDS)}",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--stdin", action="store_true", help="read one article's text on standard input")
    p.add_argument("--published", metavar="DATE", help="publication date for --stdin (YYYY-MM-DD)")
    p.add_argument(
        "--accept-all",
        action="store_true",
        help="turn every suggestion into a tag (fact sentences only when asked for with --kind fact: "
        "they are ranked candidates to review, one per sentence)",
    )
    p.set_defaults(func=cmd_suggest)


def _kinds(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    kinds = [k.strip() for v in values for k in v.split(",") if k.strip()]
    for kind in kinds:
        if kind not in KINDS:
            raise InvalidInput(f"kind {kind!r}", f"suggestions exist for {', '.join(KINDS)}")
    return kinds


def _print(suggestions: list[Suggestion], as_json: bool) -> None:
    if as_json:
        print_json([s.to_json() for s in suggestions])
        return
    for s in suggestions:
        text = " ".join(s.text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        extra = ", ".join(f"{k}={v}" for k, v in s.attributes.items())
        print(
            f"{s.kind:12} {s.start:>6}-{s.end:<6} {text}"
            + (f"  [{extra}]" if extra else "")
            + f"  ({s.rule}, {s.confidence:.2f})"
        )


def cmd_suggest(args: argparse.Namespace) -> int:
    """``briefer suggest``: suggest quotes, figures, dates and actors to tag."""
    kinds = _kinds(args.kind)
    if args.stdin:
        if args.workspace or args.article or args.accept_all:
            raise InvalidInput("--stdin", "reads text on standard input; give no WS, ARTICLE or --accept-all")
        parse_published(args.published)
        _print(suggest(sys.stdin.read(), published=args.published, kinds=kinds), args.json)
        return 0
    if args.workspace is None or args.article is None:
        raise InvalidInput("suggest", "give WS ARTICLE, or --stdin")
    if args.published:
        raise InvalidInput("--published", "only with --stdin; a stored article has its own date")
    with open_workspace(args.workspace) as ws:
        found = for_article(ws, args.article, kinds)
        if args.accept_all:
            wanted = found if kinds and "fact" in kinds else [s for s in found if s.kind != "fact"]
            changes = accept_all(ws, args.article, wanted)
            tags = [ws.tags.get(t) for t in sorted(changes.tags)]
            if args.json:
                print_json([t.to_json() for t in tags])
            else:
                print(f"Accepted {len(tags)} suggestion(s) as tags of article {args.article}")
            return 0
    _print(found, args.json)
    return 0
