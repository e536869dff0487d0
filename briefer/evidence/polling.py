"""Following feeds: adding one (from its own URL or a page announcing it) and polling.

A poll sends a conditional GET (the ETag and Last-Modified of the last poll);
a feed that has not changed costs a 304 and imports nothing. New entries' pages
are fetched like any URL (:class:`~briefer.evidence.capture.Capturer`); entries
already imported are skipped, by URL before fetching and by text after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.errors import BrieferError, Cancelled, ImportFailed
from briefer.evidence.capture import Capturer
from briefer.evidence.warc import evidence_folder, write_capture
from briefer.ingest.feeds import feed_links, parse_feed
from briefer.ingest.web import DEFAULT_DELAY, Fetcher

if TYPE_CHECKING:
    import threading

    from briefer.ingest.limits import Limits
    from briefer.workspace import Workspace
    from briefer.workspace.feeds import Feed

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Polled:
    """One feed's poll: the new articles' ids, entries skipped, or the error."""

    feed: str
    new: tuple[int, ...] = ()
    skipped: int = 0
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The object of this feed in ``feed poll --json``."""
        return {"feed": self.feed, "new": list(self.new), "skipped": self.skipped, "error": self.error}


def add_feed(ws: Workspace, url: str, name: str | None = None, limits: Limits | None = None,
             *, delay: float | None = None) -> Feed:
    """Follow the feed at ``url``, or the first feed the page at ``url`` announces.

    Raises ImportFailed when neither is there.
    """
    with Fetcher(limits, delay=DEFAULT_DELAY if delay is None else delay) as fetcher:
        page = fetcher.feed(url)
        if page.content_type == "text/html":
            links = feed_links(page.body, page.final_url)
            if not links:
                raise ImportFailed(url, "no feed found in the page")
            url = links[0]
            page = fetcher.feed(url)
        parsed = parse_feed(page.body, page.final_url)
    return ws.feeds.add(url, name or parsed.title)


def poll_feeds(ws: Workspace, limits: Limits | None = None, *, delay: float | None = None,
               progress: Progress | None = None,
               cancelled: threading.Event | None = None) -> Iterator[Polled]:
    """Poll every followed feed; one result per feed, each entry committed as it comes."""
    feeds = ws.feeds.all()
    with Capturer(ws, limits, delay=delay, cancelled=cancelled) as capturer:
        for done, feed in enumerate(feeds, start=1):
            if cancelled is not None and cancelled.is_set():
                raise Cancelled()
            yield _poll(ws, capturer, feed)
            if progress is not None:
                progress(done, len(feeds))


def _poll(ws: Workspace, capturer: Capturer, feed: Feed) -> Polled:
    try:
        page = capturer.fetcher.feed(feed.url, feed.etag, feed.last_modified)
        if page.unchanged:
            ws.feeds.polled(feed.id, etag=None, last_modified=None, error=None)
            return Polled(feed.url)
        ws.evidence.add(write_capture(evidence_folder(ws.path), page))
        entries = parse_feed(page.body, page.final_url).entries
    except BrieferError as exc:
        if isinstance(exc, Cancelled):
            raise
        ws.feeds.polled(feed.id, etag=None, last_modified=None, error=exc.reason)
        return Polled(feed.url, error=exc.reason)
    new: list[int] = []
    skipped = 0
    for entry in entries:
        known = ws.articles.by_url(entry.url)
        if ws.feeds.seen(feed.id, entry.url) or known is not None:
            ws.feeds.record_entry(feed.id, entry.url, known, new=False)
            skipped += 1
            continue
        outcome = capturer.fetch(entry.url)
        if outcome.status == "imported" and outcome.id is not None:
            new.append(outcome.id)
            ws.feeds.record_entry(feed.id, entry.url, outcome.id, new=True)
        elif outcome.status == "duplicate":
            skipped += 1
            ws.feeds.record_entry(feed.id, entry.url, outcome.duplicate_of, new=False)
    ws.feeds.polled(feed.id, etag=page.header("etag"), last_modified=page.header("last-modified"),
                    error=None)
    return Polled(feed.url, tuple(new), skipped)
