"""Tag commands: ``briefer tag add|list|remove``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.anchor import find_occurrence
from briefer.commands.common import (
    integer,
    key_value,
    load_taxonomy,
    open_workspace,
    positive_int,
    print_json,
)
from briefer.errors import InvalidInput

if TYPE_CHECKING:
    import argparse

    from briefer.model import AttrValue, Tag


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``tag`` command group."""
    tag = sub.add_parser("tag", help="add, list and remove tags")
    tag_sub = tag.add_subparsers(dest="tag_command", required=True, metavar="COMMAND")

    p = tag_sub.add_parser("add", help="tag a span of an article")
    p.add_argument("workspace")
    p.add_argument("article", type=positive_int)
    p.add_argument("--kind", required=True, help="a kind from the taxonomy, e.g. quote")
    p.add_argument("--start", type=integer, help="start offset (code points)")
    p.add_argument("--end", type=integer, help="end offset (code points, exclusive)")
    p.add_argument("--text", help="the exact words to tag, instead of offsets")
    p.add_argument("--nth", type=positive_int, default=1,
                   help="which occurrence of --text (default 1)")
    p.add_argument("--speaker", help="who said it (quotes)")
    p.add_argument("--attr", type=key_value, action="append", default=[], metavar="KEY=VALUE",
                   help="another attribute of the kind (repeatable)")
    p.add_argument("--note", default="", help="an analyst note on the tag")
    p.add_argument("--json", action="store_true", help="print the new tag as JSON")
    p.set_defaults(func=cmd_add)

    p = tag_sub.add_parser("list", help="list tags of one article or of all")
    p.add_argument("workspace")
    p.add_argument("article", type=positive_int, nargs="?")
    p.add_argument("--kind")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = tag_sub.add_parser("set", help="set tag fields: tlp (TLP:CLEAR … TLP:RED, or none)")
    p.add_argument("workspace")
    p.add_argument("tag", type=positive_int)
    p.add_argument("fields", type=key_value, nargs="+", metavar="FIELD=VALUE")
    p.set_defaults(func=cmd_set)

    p = tag_sub.add_parser("remove", help="remove a tag")
    p.add_argument("workspace")
    p.add_argument("tag", type=positive_int)
    p.set_defaults(func=cmd_remove)


def _span(args: argparse.Namespace, text: str) -> tuple[int, int]:
    if args.text is not None:
        if args.start is not None or args.end is not None:
            raise InvalidInput("--text", "give either --text or --start/--end, not both")
        return find_occurrence(text, args.text, args.nth)
    if args.start is None or args.end is None:
        raise InvalidInput("tag add", "give --text, or both --start and --end")
    return args.start, args.end


def cmd_add(args: argparse.Namespace) -> int:
    """``briefer tag add``: tag a span of an article."""
    kinds = load_taxonomy(args)
    if args.kind not in kinds:
        raise InvalidInput(f"kind {args.kind!r}", f"not in the taxonomy ({', '.join(kinds.keys())})")
    kind = kinds[args.kind]
    attributes: dict[str, AttrValue] = dict(args.attr)  # typed by the workspace, by field
    if args.speaker is not None:
        attributes["speaker"] = args.speaker
    with open_workspace(args.workspace, kinds=kinds) as ws:
        start, end = _span(args, ws.articles.text(args.article))
        created = ws.tags.add(args.article, kind.key, start, end, attributes=attributes,
                              note=args.note)
        tag = ws.tags.get(created.id)
    if args.json:
        print_json(tag.to_json())
    else:
        print(f"Tagged {tag.kind} {tag.id}: {_excerpt(tag)}")
    return 0


def _excerpt(tag: Tag, width: int = 70) -> str:
    text = " ".join(tag.exact.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_list(args: argparse.Namespace) -> int:
    """``briefer tag list``: list tags of one article or of all."""
    with open_workspace(args.workspace, reading=True) as ws:
        if args.article is not None:
            ws.articles.get(args.article)  # a clear error for a missing article
        tags = ws.tags.all(args.article, kind=args.kind)
    if args.json:
        print_json([t.to_json() for t in tags])
        return 0
    for t in tags:
        extra = ", ".join(f"{k}={v}" for k, v in t.attributes.items())
        print(f"{t.id:>6}  a{t.article_id:<5} {t.kind:12} {t.start:>6}-{t.end:<6} {_excerpt(t)}"
              + (f"  [{extra}]" if extra else ""))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """``briefer tag remove``: remove a tag."""
    with open_workspace(args.workspace) as ws:
        removed = ws.tags.remove(args.tag)
    print(f"Removed {removed.tag.kind} {removed.tag.id}: {_excerpt(removed.tag)}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    """``briefer tag set WS TAG tlp=…``: a tag's own marking."""
    fields = dict(args.fields)
    unknown = [name for name in fields if name != "tlp"]
    if unknown:
        raise InvalidInput(f"field {unknown[0]!r}", "is not one of tlp")
    value = fields["tlp"].strip()
    with open_workspace(args.workspace) as ws:
        ws.tags.set_tlp(args.tag, None if value.casefold() in ("", "none") else value)
    print(f"Updated tag {args.tag}: tlp")
    return 0
