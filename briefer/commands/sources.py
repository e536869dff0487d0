"""The analyst's corrections to sources: ``briefer article set|remove``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.commands.common import key_value, open_workspace, positive_int
from briefer.errors import InvalidInput
from briefer.workspace.article_edits import EDITABLE

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``article`` group."""
    article = sub.add_parser("article", help="correct, grade or remove an article")
    article_sub = article.add_subparsers(dest="article_command", required=True, metavar="COMMAND")

    p = article_sub.add_parser("set", help=f"set article fields: {' '.join(EDITABLE)}")
    p.add_argument("workspace")
    p.add_argument("article", type=positive_int)
    p.add_argument("fields", type=key_value, nargs="+", metavar="FIELD=VALUE",
                   help="published is an ISO date or date-time; grade is A-F or none")
    p.set_defaults(func=cmd_set)

    p = article_sub.add_parser("remove", help="delete an article with its tags")
    p.add_argument("workspace")
    p.add_argument("article", type=positive_int)
    p.add_argument("--force", action="store_true",
                   help="also remove the brief items that cite its tags")
    p.set_defaults(func=cmd_remove)


def cmd_set(args: argparse.Namespace) -> int:
    """``briefer article set``: set article fields."""
    fields = dict(args.fields)
    with open_workspace(args.workspace) as ws:
        ws.articles.edit(args.article, **fields)
    print(f"Updated article {args.article}: {', '.join(fields)}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """``briefer article remove``: delete an article with its tags."""
    with open_workspace(args.workspace) as ws:
        ws.articles.get(args.article)  # a clear error for an id that does not exist
        briefs = ws.articles.briefs_using(args.article)
        if briefs and not args.force:
            names = ", ".join(f"{brief_id} ({title})" for brief_id, title in briefs)
            raise InvalidInput(f"article {args.article}",
                               f"its tags are in brief {names}; --force removes those items too")
        removed = ws.articles.remove(args.article)
    items = sum(len(rows) for table, rows in removed.rows if table == "brief_items")
    tags = sum(len(rows) for table, rows in removed.rows if table == "tags")
    print(f"Removed article {args.article} ({tags} tags, {items} brief items)")
    return 0
