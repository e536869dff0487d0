"""Reading RSS and Atom feeds (feedparser), and finding a page's feeds.

Only the feed's bytes are parsed here (feedparser never fetches): fetching goes
through :class:`~briefer.ingest.web.Fetcher` like every other request.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from briefer.errors import ImportFailed
from briefer.ingest.html import decode_html, parse_html

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
               "application/rdf+xml")


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry: the page it links to and its title."""

    url: str
    title: str


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and entries, in the order the feed gives them."""

    title: str
    entries: tuple[Entry, ...]


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """The entries of an RSS or Atom document; raise ImportFailed when it is not a feed."""
    parsed = feedparser.parse(data, resolve_relative_uris=True, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        raise ImportFailed(url, "not an RSS or Atom feed")
    entries = []
    for item in parsed.entries:
        hrefs = (lk.get("href") for lk in item.get("links", []) if lk.get("href"))
        link = item.get("link") or next(hrefs, None)
        if link:
            entries.append(Entry(urljoin(url, link), str(item.get("title") or link)))
    return ParsedFeed(str(parsed.feed.get("title") or url), tuple(entries))


def feed_links(page: bytes, url: str) -> list[str]:
    """The feeds a page announces with ``<link rel="alternate" type="…rss+xml">`` (absolute)."""
    try:
        tree = parse_html(decode_html(page))
    except ValueError:
        return []
    found = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "alternate" in rel and (link.get("type") or "").lower() in _FEED_TYPES and link.get("href"):
            address = urljoin(url, link.get("href"))
            if address not in found:
                found.append(address)
    return found
