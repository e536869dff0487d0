"""Workspace and article commands: init, import, extract, list, show, search, demo."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from briefer.commands.common import Progress, open_workspace, positive_int, print_json

if TYPE_CHECKING:
    import argparse

    from briefer.model import Article

# The importers (HTML, PDF, DOCX libraries) load only in the commands that read files,
# so other commands, `briefer gui` among them, start without paying for them.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the workspace and article commands."""
    p = sub.add_parser("init", help="create a new workspace file")
    p.add_argument("workspace")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("import", help="import article files or folders into a workspace")
    p.add_argument("workspace")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object per file")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("extract", help="show what importing files would give, without a workspace")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object per file")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("list", help="list the articles of a workspace")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one article with its metadata")
    p.add_argument("workspace")
    p.add_argument("article", type=positive_int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="full-text search over titles and texts")
    p.add_argument("workspace")
    p.add_argument("query")
    p.add_argument("--limit", type=positive_int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("demo", help="create (if needed) and show the demo workspace")
    p.set_defaults(func=cmd_demo)


def cmd_init(args: argparse.Namespace) -> int:
    """``briefer init``: create a new workspace file."""
    with open_workspace(args.workspace, create=True) as ws:
        print(f"Workspace ready: {ws.path} ({ws.articles.count()} articles)")
    return 0


def _skipped(file: str, reason: str) -> None:
    print(f"briefer: skipped: {file}: {reason}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    """``briefer import``: import article files or folders into a workspace."""
    progress = Progress()
    failed = 0
    with open_workspace(args.workspace) as ws:
        from briefer.ingest.batch import import_paths

        for outcome in import_paths(ws, args.paths, progress=progress, skipped=_skipped):
            progress.clear()
            failed += outcome.status == "error"
            if args.json:
                print_json(outcome.to_json())
            elif outcome.status == "error":
                print(f"briefer: error: {outcome.file}: {outcome.error}", file=sys.stderr)
            else:
                print(f"{outcome.status:9} {outcome.id:>6}  {outcome.title}  ({outcome.file})")
                near = outcome.near_duplicate_line()
                if near:
                    print(f"          {near}")
        progress.clear()
    return 1 if failed else 0


def article_json(article: Article, file: str | None = None) -> dict[str, Any]:
    """The ``extract``/``show`` JSON fields of an article."""
    return {"file": file if file is not None else article.source_file, **article.metadata(),
            "text": article.text}


def cmd_extract(args: argparse.Namespace) -> int:
    """``briefer extract``: show what importing files would give, without a workspace."""
    progress = Progress()
    failed = 0
    from briefer.ingest.batch import extract_paths

    for item in extract_paths(args.paths, progress=progress, skipped=_skipped):
        progress.clear()
        if item.article is None:
            failed += 1
            if args.json:
                print_json({"file": item.file, "error": item.error})
            else:
                print(f"briefer: error: {item.file}: {item.error}", file=sys.stderr)
        elif args.json:
            print_json(article_json(item.article, item.file))
        else:
            _print_article(item.article, item.file)
    progress.clear()
    return 1 if failed else 0


def _print_article(article: Article, file: str | None) -> None:
    print(f"# {article.title}")
    for name, value in article.metadata().items():
        if name != "title" and value:
            print(f"{name}: {value}")
    if file:
        print(f"file: {file}")
    print()
    print(article.text)
    print()


def cmd_list(args: argparse.Namespace) -> int:
    """``briefer list``: list the articles of a workspace."""
    with open_workspace(args.workspace, reading=True) as ws:
        rows = ws.articles.all()
    if args.json:
        print_json([{"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
                     "tags": r.tag_count, "grade": r.grade, "near_duplicate_of": r.near_duplicate_of}
                    for r in rows])
        return 0
    for r in rows:
        print(f"{r.id:>6}  {r.title[:70]:70}  {(r.outlet or '')[:20]:20}  "
              f"{(r.published or '')[:10]:10}  {r.tag_count:>4} tags")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """``briefer show``: show one article with its metadata."""
    with open_workspace(args.workspace, reading=True) as ws:
        article = ws.articles.get(args.article)
    if args.json:
        print_json({"id": article.id, **article_json(article), "grade": article.grade,
                    "near_duplicate_of": article.near_duplicate_of,
                    "similarity": article.similarity, "tlp": article.tlp})
    else:
        _print_article(article, article.source_file)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """``briefer search``: full-text search over titles and texts."""
    with open_workspace(args.workspace, reading=True) as ws:
        hits = ws.articles.search(args.query, limit=args.limit)
    if args.json:
        print_json([{"id": h.id, "title": h.title, "snippet": h.snippet} for h in hits])
        return 0
    for h in hits:
        print(f"{h.id:>6}  {h.title}\n        {h.snippet}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """``briefer demo``: create (if needed) and show the demo workspace."""
    from briefer.demo import ensure_demo

    path = ensure_demo()
    with open_workspace(str(path)) as ws:
        print(f"Demo workspace: {path}\n")
        for summary in ws.articles.all():
            _print_article(ws.articles.get(summary.id), None)
    return 0
