"""Web commands: fetch, evidence, and feed add / list / remove / poll.

The per-host delay is the larger of robots.txt's Crawl-delay and the setting
``BRIEFER_FETCH_DELAY`` (seconds, default 2).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from briefer.commands.common import Progress, open_workspace, positive_int, print_json
from briefer.errors import InvalidInput

if TYPE_CHECKING:
    import argparse

    from briefer.evidence.capture import Fetched

# The fetching and importing libraries load only in these commands' functions.


def register(sub: argparse._SubParsersAction) -> None:
    """Add the web commands."""
    p = sub.add_parser("fetch", help="fetch web pages into a workspace (keeping the evidence)")
    p.add_argument("workspace")
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--json", action="store_true", help="one JSON object per URL")
    p.add_argument("--update", action="store_true",
                   help="a changed page becomes a new version of its article, tags carried over")
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("evidence", help="name the WARC records kept for a fetched article")
    p.add_argument("workspace")
    p.add_argument("article", type=positive_int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_evidence)

    feed = sub.add_parser("feed", help="follow RSS and Atom feeds").add_subparsers(
        dest="feed_command", required=True, metavar="ACTION")
    p = feed.add_parser("add", help="follow a feed (or the feed a page announces)")
    p.add_argument("workspace")
    p.add_argument("url")
    p.add_argument("--name")
    p.set_defaults(func=cmd_feed_add)
    p = feed.add_parser("list", help="list the feeds followed")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_feed_list)
    p = feed.add_parser("remove", help="stop following a feed (by id or URL)")
    p.add_argument("workspace")
    p.add_argument("feed")
    p.set_defaults(func=cmd_feed_remove)
    p = feed.add_parser("poll", help="fetch the new entries of every feed")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_feed_poll)


def fetch_delay() -> float | None:
    """The per-host delay setting from ``BRIEFER_FETCH_DELAY``, or None for the default."""
    text = os.environ.get("BRIEFER_FETCH_DELAY", "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InvalidInput(f"BRIEFER_FETCH_DELAY={text}", "is not a number of seconds") from None
    if value < 0:
        raise InvalidInput(f"BRIEFER_FETCH_DELAY={text}", "must not be negative")
    return value


def cmd_fetch(args: argparse.Namespace) -> int:
    """``briefer fetch``: fetch web pages into a workspace (keeping the evidence)."""
    from briefer.evidence.capture import fetch_urls

    progress = Progress()
    failed = 0
    with open_workspace(args.workspace) as ws:
        for outcome in fetch_urls(ws, args.urls, update=args.update, delay=fetch_delay(),
                                  progress=progress):
            progress.clear()
            failed += outcome.status == "error"
            if args.json:
                print_json(outcome.to_json())
            elif outcome.status == "error":
                print(f"{outcome.url}: {outcome.error}", file=sys.stderr)
            else:
                shown = outcome.id if outcome.id is not None else outcome.duplicate_of
                print(f"{outcome.status:9} {shown:>6}  {outcome.title}  ({outcome.final_url})")
                _print_moves(outcome)
    return 1 if failed else 0


def _print_moves(outcome: Fetched) -> None:
    if outcome.version is None:
        return
    moved = sum(m.moved and not m.reworded for m in outcome.tags)
    reworded = sum(m.reworded for m in outcome.tags)
    vanished = [m for m in outcome.tags if m.vanished]
    print(f"          version {outcome.version + 1}: {len(outcome.tags)} tags re-anchored,"
          f" {moved} moved, {reworded} reworded, {len(vanished)} vanished")
    for move in outcome.tags:
        if move.reworded:
            print(f"          reworded tag {move.tag_id}: {move.old_exact!r} -> {move.exact!r}")
    for move in vanished:
        flagged = "".join(f"; brief item {i} flagged" for i in move.brief_items)
        print(f"          vanished tag {move.tag_id}: {move.old_exact!r}{flagged}")


def cmd_evidence(args: argparse.Namespace) -> int:
    """``briefer evidence``: name the WARC records kept for a fetched article."""
    from briefer.evidence.warc import evidence_folder

    with open_workspace(args.workspace, readonly=True) as ws:
        ws.articles.get(args.article)
        records = ws.evidence.of_article(args.article)
        folder = evidence_folder(ws.path)
    if args.json:
        print_json([{"record": r.record_id, "file": str(folder / r.warc_file), "url": r.final_url,
                     "status": r.http_status, "captured_at": r.captured_at,
                     "payload_digest": r.payload_digest} for r in records])
        return 0
    if not records:
        print(f"article {args.article}: no evidence (not fetched from the web)")
    for r in records:
        print(f"{r.record_id}  captured {r.captured_at}  {r.final_url}  (HTTP {r.http_status})")
        print(f"    {folder / r.warc_file}  {r.payload_digest}")
    return 0


def cmd_feed_add(args: argparse.Namespace) -> int:
    """``briefer feed add``: follow a feed (or the feed a page announces)."""
    from briefer.evidence.polling import add_feed

    with open_workspace(args.workspace) as ws:
        feed = add_feed(ws, args.url, args.name, delay=fetch_delay())
    print(f"following {feed.id}: {feed.name}  ({feed.url})")
    return 0


def cmd_feed_list(args: argparse.Namespace) -> int:
    """``briefer feed list``: list the feeds followed."""
    with open_workspace(args.workspace, readonly=True) as ws:
        feeds = ws.feeds.all()
    if args.json:
        print_json([{"id": f.id, "name": f.name, "url": f.url, "unread": f.unread,
                     "polled_at": f.polled_at, "error": f.error} for f in feeds])
        return 0
    for f in feeds:
        print(f"{f.id:>4}  {f.name}  ({f.url})  {f.unread} unread"
              + (f"  last error: {f.error}" if f.error else ""))
    return 0


def cmd_feed_remove(args: argparse.Namespace) -> int:
    """``briefer feed remove``: stop following a feed (by id or URL)."""
    with open_workspace(args.workspace) as ws:
        key: int | str = int(args.feed) if args.feed.isdigit() else args.feed
        ws.feeds.remove(key)
    print(f"no longer following {args.feed}")
    return 0


def cmd_feed_poll(args: argparse.Namespace) -> int:
    """``briefer feed poll``: fetch the new entries of every feed."""
    from briefer.evidence.polling import poll_feeds

    progress = Progress()
    with open_workspace(args.workspace) as ws:
        results = []
        for polled in poll_feeds(ws, delay=fetch_delay(), progress=progress):
            progress.clear()
            results.append(polled)
            if not args.json:
                line = f"{polled.feed}: {len(polled.new)} new, {polled.skipped} skipped"
                print(line if polled.error is None else f"{polled.feed}: {polled.error}")
    if args.json:
        print_json({"feeds": [p.to_json() for p in results]})
    return 1 if any(p.error for p in results) else 0
