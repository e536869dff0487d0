"""Brief commands: ``briefer brief new|add|list|show|set|item|note|auto|move``, ``templates``, ``render``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.analysis.markings import check_brief
from briefer.commands.common import integer, key_value, open_workspace, positive_int, print_json
from briefer.dtg import format_dtg
from briefer.errors import InvalidInput, NotFound, TemplateFailed
from briefer.render import FORMATS, Renderer, by_name, find_templates, load_template

if TYPE_CHECKING:
    import argparse

    from briefer.analysis.markings import MarkingCheck
    from briefer.model import Brief


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``brief`` group and the ``templates`` and ``render`` commands."""
    brief = sub.add_parser("brief", help="create and fill briefs")
    brief_sub = brief.add_subparsers(dest="brief_command", required=True, metavar="COMMAND")

    p = brief_sub.add_parser("new", help="create a brief; prints its id")
    p.add_argument("workspace")
    p.add_argument("--title", required=True)
    p.add_argument("--template", default="sitrep", help="template name or path (default sitrep)")
    p.add_argument("--marking", default="TLP:CLEAR", help="TLP 2.0 label or a classification line")
    p.add_argument("--author", default="")
    p.add_argument("--period", default="", help="the period the brief covers")
    p.add_argument("--json", action="store_true", help='print {"id": N}')
    p.set_defaults(func=cmd_new)

    p = brief_sub.add_parser("add", help="add tags to a brief (section chosen by tag kind)")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.add_argument("tags", type=positive_int, nargs="+", metavar="TAG")
    p.add_argument("--section", help="section id (default: the first section taking the tag's kind)")
    p.add_argument("--position", type=integer, help="0-based position in the section (default: end)")
    p.set_defaults(func=cmd_add)

    p = brief_sub.add_parser("list", help="list the briefs of a workspace")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = brief_sub.add_parser("show", help="show a brief with its items")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = brief_sub.add_parser("set", help="set brief fields: title, marking, dtg, period, author…")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.add_argument("fields", type=key_value, nargs="+", metavar="FIELD=VALUE")
    p.set_defaults(func=cmd_set)

    p = brief_sub.add_parser("item", help="set an item's credibility (1-6) or comment")
    p.add_argument("workspace")
    p.add_argument("item", type=positive_int)
    p.add_argument("--credibility", help="1 to 6, or 'none' to clear")
    p.add_argument("--comment", help="analyst comment (a Word comment in DOCX)")
    p.set_defaults(func=cmd_item)

    p = brief_sub.add_parser("note", help="add the analyst's own point to a section (no citation)")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.add_argument("section", help="a section id of the brief's template")
    p.add_argument("text")
    p.set_defaults(func=cmd_note)

    p = brief_sub.add_parser("auto", help="fill the sections from the tags, by kind")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.set_defaults(func=cmd_auto)

    p = brief_sub.add_parser("move", help="move an item to another section or place")
    p.add_argument("workspace")
    p.add_argument("item", type=positive_int)
    p.add_argument("--to", required=True, metavar="SECTION", help="section id (see brief show)")
    p.add_argument("--position", type=int, metavar="N", help="0-based position in the section (default: end)")
    p.set_defaults(func=cmd_move)

    p = sub.add_parser("templates", help="list brief templates and where each comes from")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("render", help="render a brief to Markdown, DOCX, HTML, PDF (PDF/A-2b) or ODT")
    p.add_argument("workspace")
    p.add_argument("brief", type=positive_int)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    p.add_argument("--template", help="template name or path (default: the brief's)")
    p.add_argument("--reference-doc", metavar="DOCX", help="Word document whose styles to use")
    p.add_argument("--allow-marking-below-items", action="store_true",
                   help="render although an item is marked more restrictively than the brief"
                        " (recorded in the document's properties)")
    p.set_defaults(func=cmd_render)


def cmd_new(args: argparse.Namespace) -> int:
    """``briefer brief new``: create a brief; prints its id."""
    by_name(args.template)  # a clear error for a template that does not exist (never a path)
    with open_workspace(args.workspace) as ws:
        created = ws.briefs.new(args.title, template=args.template, marking=args.marking,
                                author=args.author, period=args.period)
    if args.json:
        print_json({"id": created.id})
    else:
        print(created.id)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """``briefer brief add``: add tags to a brief (section chosen by tag kind)."""
    if args.position is not None and not args.section:
        raise InvalidInput("--position", "needs --section")
    with open_workspace(args.workspace) as ws:
        if args.section:
            added = ws.briefs.add_tags(args.brief, args.section, args.tags, args.position)
        else:
            layout = load_template(by_name(ws.briefs.get(args.brief).template)).layout()
            added = ws.briefs.add_by_kind(args.brief, args.tags, layout)
    print(f"Added {len(added.ids)} item(s) to brief {args.brief}")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    """``briefer brief note``: add the analyst's own point to a section (no citation)."""
    with open_workspace(args.workspace) as ws:
        template = ws.briefs.get(args.brief).template
        sections = list(load_template(by_name(template)).layout())
        if args.section not in sections:
            raise InvalidInput(f"section {args.section!r}",
                               f"is not a section of template {template} ({', '.join(sections)})")
        created = ws.briefs.add_note(args.brief, args.section, args.text)
    print(f"Added note {created.id} to brief {args.brief}, section {args.section}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """``briefer brief list``: list the briefs of a workspace."""
    with open_workspace(args.workspace, reading=True) as ws:
        rows = ws.briefs.all()
        proposed = {r.id: check_brief(ws, r.id).proposal_json() for r in rows} if args.json else {}
    if args.json:
        print_json([{"id": r.id, "title": r.title, "marking": r.marking, "template": r.template,
                     "items": r.item_count, "updated": r.updated, "proposed_marking": proposed[r.id]}
                    for r in rows])
        return 0
    for r in rows:
        print(f"{r.id:>6}  {r.title[:60]:60}  {r.marking:16}  {r.template:14}  {r.item_count:>4} items")
    return 0


def brief_json(brief: Brief, texts: dict[int, tuple[str, str]], marking: MarkingCheck) -> dict[str, Any]:
    """A brief as ``brief show --json`` prints it (``texts``: tag id → kind, text).

    ``proposed_marking`` is the roll-up of its items' markings, ``{"tlp", "items"}``.
    """
    issued = brief.issued or brief.created
    return {
        "id": brief.id, "title": brief.title, "marking": brief.marking,
        "dtg": brief.dtg or (format_dtg(issued) if issued else None), "issued": brief.issued,
        "period": brief.period, "author": brief.author, "template": brief.template,
        "bluf": brief.bluf, "assessment": brief.assessment,
        "proposed_marking": marking.proposal_json(),
        "items": [
            {"id": i.id, "section": i.section, "position": i.position, "tag": i.tag_id,
             "kind": texts[i.tag_id][0] if i.tag_id in texts else "note",
             "text": texts[i.tag_id][1] if i.tag_id in texts else i.text,
             "credibility": i.credibility, "comment": i.comment}
            for i in brief.items
        ],
    }


def _section_titles(brief: Brief) -> dict[str, str]:
    """Section id → heading, in the order of the brief's template ({} if it cannot be loaded)."""
    try:
        return {s.id: s.title for s in load_template(by_name(brief.template)).sections}
    except (TemplateFailed, NotFound):
        return {}


def cmd_show(args: argparse.Namespace) -> int:
    """``briefer brief show``: show a brief with its items."""
    with open_workspace(args.workspace, reading=True) as ws:
        brief = ws.briefs.get(args.brief)
        texts = {t.id: (t.kind, t.exact) for t in ws.tags.all() if t.id is not None}
        marking = check_brief(ws, args.brief)
    titles = _section_titles(brief)
    order = {sid: n for n, sid in enumerate(titles)}
    data = brief_json(brief, texts, marking)
    data["items"].sort(key=lambda i: (order.get(i["section"], len(order)), i["section"], i["position"]))
    if args.json:
        print_json(data)
        return 0
    print(f"# {brief.title}\n{data['marking']}  {data['dtg']}  template {brief.template}")
    refused = "" if marking.ok else f"; rendering is refused: the brief {marking.message()}"
    print(marking.proposal() + refused)
    for name in ("period", "author", "bluf", "assessment"):
        if data[name]:
            print(f"{name}: {data[name]}")
    section = None
    for item in data["items"]:
        if item["section"] != section:
            section = item["section"]
            print(f"\n[{section}] {titles.get(section, '')}".rstrip())
        grade = f" ({item['credibility']})" if item["credibility"] else ""
        text = " ".join(item["text"].split())
        print(f"{item['id']:>6}  {item['kind']:12} {text[:70]}{grade}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    """``briefer brief set``: set brief fields (title, marking, dtg, period, author, …)."""
    fields = dict(args.fields)
    if fields.get("template"):
        by_name(fields["template"])  # a clear error for a template that does not exist (never a path)
    with open_workspace(args.workspace) as ws:
        ws.briefs.set(args.brief, **fields)
    print(f"Updated brief {args.brief}: {', '.join(k for k, _ in args.fields)}")
    return 0


def cmd_item(args: argparse.Namespace) -> int:
    """``briefer brief item``: set an item's credibility (1-6) or comment."""
    changes: dict[str, Any] = {}
    if args.credibility is not None:
        text = args.credibility.strip().lower()
        if text not in ("none", "1", "2", "3", "4", "5", "6"):
            raise InvalidInput(f"credibility {args.credibility!r}", "must be 1 to 6, or none")
        changes["credibility"] = None if text == "none" else int(text)
    if args.comment is not None:
        changes["comment"] = args.comment
    with open_workspace(args.workspace) as ws:
        ws.briefs.set_item(args.item, **changes)
    print(f"Updated item {args.item}")
    return 0


def cmd_auto(args: argparse.Namespace) -> int:
    """``briefer brief auto``: fill the sections from the tags, by kind."""
    with open_workspace(args.workspace) as ws:
        layout = load_template(by_name(ws.briefs.get(args.brief).template)).layout()
        added = ws.briefs.auto_fill(args.brief, layout)
    print(f"Added {len(added.ids)} item(s) to brief {args.brief}")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    """``briefer brief move``: move an item to another section or place."""
    with open_workspace(args.workspace) as ws:
        item = ws.briefs.item(args.item)
        brief = ws.briefs.get(item.brief_id)
        layout = load_template(by_name(brief.template)).layout()
        if args.to not in layout:
            raise InvalidInput(f"section {args.to!r}",
                               f"not in template {brief.template} ({', '.join(layout)})")
        count = sum(1 for i in brief.items if i.section == args.to and i.id != item.id)
        position = count if args.position is None else args.position
        if not 0 <= position <= count:
            raise InvalidInput(f"--position {args.position}", f"must be 0 to {count} in section {args.to}")
        ws.briefs.move(args.item, args.to, position)
    print(f"Moved item {args.item} to {args.to}, position {position}")
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    """``briefer templates``: list brief templates and where each comes from."""
    rows = []
    for ref in find_templates():
        row: dict[str, Any] = {"name": ref.name, "origin": ref.origin, "path": str(ref.path)}
        try:
            template = load_template(ref)
            row |= {"description": template.description, "sections": [s.id for s in template.sections]}
        except TemplateFailed as exc:
            row["error"] = str(exc)
        rows.append(row)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        if "error" in row:
            print(f"briefer: error: {row['error']}", file=sys.stderr)
        else:
            print(f"{row['name']:16} {row['origin']:9} {row['description']}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """``briefer render``: render a brief to Markdown, DOCX, HTML, PDF (PDF/A-2b) or ODT."""
    if not args.output.strip():
        raise InvalidInput("-o", "an empty file name")
    renderer = Renderer()
    try:
        with open_workspace(args.workspace, readonly=True) as ws:
            path = renderer.export(ws, args.brief, args.format, args.output, args.template,
                                   args.reference_doc, args.allow_marking_below_items)
    finally:
        renderer.close()
    # Written into a pipe or device (-o /dev/stdout): the document is the output, the note goes aside.
    print(f"Wrote {path}", file=sys.stdout if Path(path).is_file() else sys.stderr)
    return 0
