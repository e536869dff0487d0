"""Fetching pages and feeds politely: robots.txt, a per-host delay, limits, an HTTP cache.

One :class:`Fetcher` serves one run (a command, a GUI job). Every request it
sends carries :data:`USER_AGENT`. Redirects (at most :data:`MAX_REDIRECTS`) are
followed here, hop by hop, so each hop is checked against robots.txt, the
per-host delay and the address rule of :mod:`briefer.ingest.addresses`. Pages
go through an RFC 9111 cache (hishel) in the user cache folder, so fetching an
unchanged page again costs a conditional GET; feeds send their own conditional
headers instead. Failures raise ImportFailed naming the URL and one reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import hishel
import httpx
from hishel.httpx import CacheTransport
from protego import Protego

from briefer import __version__
from briefer.errors import Cancelled, ImportFailed
from briefer.ingest.addresses import host_class, redirect_allowed
from briefer.ingest.limits import MB, Limits, human_size
from briefer.paths import user_cache_dir

if TYPE_CHECKING:
    import threading
    from collections.abc import Iterator
    from pathlib import Path

USER_AGENT = f"Briefer/{__version__} (situation briefs from news reporting)"
#: The name robots.txt rules address Briefer by.
ROBOTS_AGENT = "Briefer"
DEFAULT_DELAY = 2.0
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json", "text/html")
_REDIRECTS = frozenset((301, 302, 303, 307, 308))
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request and its response, as sent and as received (body still content-encoded)."""

    url: str
    method: str
    request_headers: tuple[tuple[str, str], ...]
    http_version: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched resource: ``body`` decoded, ``exchange`` what crossed the wire.

    ``unchanged`` is True when the server answered 304 (the cached or the
    caller's copy is still current); ``body`` then holds the cached body for a
    page and is empty for a feed's own conditional request.
    """

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    exchange: Exchange
    captured_at: str
    unchanged: bool = False

    def header(self, name: str) -> str | None:
        """A response header's value (the first, case-insensitively), or None."""
        lower = name.lower()
        return next((v for k, v in self.exchange.headers if k.lower() == lower), None)


def _size_text(size: int) -> str:
    return f"{size // MB} MB" if size % MB == 0 else human_size(size)


class Fetcher:
    """Fetches URLs for one run; use as a context manager (closes its connections).

    ``delay`` is the least time between two requests to one host (robots.txt's
    Crawl-delay raises it). ``cache_dir`` holds the HTTP cache (default: the
    user cache folder). ``cancelled`` stops waits and downloads with Cancelled.
    """

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        delay: float = DEFAULT_DELAY,
        cache_dir: Path | None = None,
        cancelled: threading.Event | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.delay = delay
        self.cancelled = cancelled
        folder = cache_dir or user_cache_dir() / "http"
        folder.mkdir(parents=True, exist_ok=True)
        self._storage = hishel.SqliteStorage(database_path=folder / "cache.db",
                                              max_stream_size=self.limits.max_fetch_bytes * 2)
        base = transport or httpx.HTTPTransport(http2=True)
        headers, timeout = {"User-Agent": USER_AGENT}, httpx.Timeout(self.limits.seconds)
        self._cached = httpx.Client(transport=CacheTransport(base, self._storage, rfc=True), headers=headers,
                                    follow_redirects=False, timeout=timeout)
        self._plain = httpx.Client(transport=base, headers=headers, follow_redirects=False, timeout=timeout)
        self._robots: dict[str, Protego | None] = {}
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections and the cache."""
        self._cached.close()
        self._plain.close()
        self._storage.close()

    def page(self, url: str) -> Page:
        """Fetch a web page through the cache; raise ImportFailed with the reason."""
        return self._fetch(url, PAGE_TYPES, {}, cached=True)

    def feed(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Page:
        """Fetch a feed, conditionally when ``etag`` / ``last_modified`` are given."""
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._fetch(url, FEED_TYPES, headers, cached=False)

    # -- one URL, hop by hop --------------------------------------------------------------

    def _fetch(self, url: str, types: tuple[str, ...], headers: dict[str, str], *, cached: bool) -> Page:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImportFailed(url, "not a web address (http or https)")
        try:
            typed = host_class(parts.hostname, parts.port or 443)
        except OSError as exc:
            raise ImportFailed(url, f"cannot find the host ({exc.strerror or exc})") from exc
        current = url
        for hop in range(MAX_REDIRECTS + 1):
            if hop:
                self._check_redirect(url, current, typed)
            if not self._allowed(current):
                raise ImportFailed(url, "blocked by robots.txt")
            self._wait_turn(current)
            with self._send(url, current, headers, cached) as response:
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    current = str(response.url.join(location))
                    continue
                return self._page(url, response, types)
        raise ImportFailed(url, f"too many redirects (over {MAX_REDIRECTS})")

    def _check_redirect(self, url: str, target: str, typed: str) -> None:
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImportFailed(url, f"redirected to {target!r}, not a web address (refused)")
        try:
            kind = host_class(parts.hostname, parts.port or 443)
        except OSError as exc:
            raise ImportFailed(url, f"redirected to a host that cannot be found ({parts.hostname})") from exc
        if not redirect_allowed(typed, kind):
            raise ImportFailed(url, "redirected to a private address (refused)")

    def _send(self, url: str, target: str, headers: dict[str, str], cached: bool) -> _Streamed:
        client = self._cached if cached else self._plain
        request = client.build_request("GET", target, headers=headers)
        try:
            return _Streamed(client.send(request, stream=True))
        except httpx.TimeoutException as exc:
            raise ImportFailed(url, f"timed out after {self.limits.seconds:g} s") from exc
        except httpx.HTTPError as exc:
            raise ImportFailed(url, f"cannot connect ({exc or type(exc).__name__})") from exc

    def _page(self, url: str, response: httpx.Response, types: tuple[str, ...]) -> Page:
        status = response.status_code
        caching = response.extensions.get("caching") or {}
        unchanged = status == 304 or bool(caching.get("from_cache") and caching.get("revalidated"))
        if status >= 400:
            raise ImportFailed(url, f"HTTP {status}")
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if status != 304 and content_type not in types:
            raise ImportFailed(url, f"not a web page ({content_type or 'no content type'})")
        cap = self.limits.max_fetch_bytes
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise ImportFailed(url, f"larger than {_size_text(cap)}")
        raw = self._read(url, response.iter_raw(_CHUNK), cap)
        decoded = httpx.Response(status, headers=response.headers, content=raw)
        body = self._read(url, decoded.iter_bytes(_CHUNK), cap)
        request = response.request
        exchange = Exchange(
            url=str(response.url), method=request.method,
            request_headers=tuple(request.headers.multi_items()),
            http_version=response.http_version, status=status, reason=response.reason_phrase,
            headers=tuple(response.headers.multi_items()), body=raw,
        )
        return Page(url=url, final_url=str(response.url), status=status, content_type=content_type,
                    body=body, exchange=exchange, unchanged=unchanged,
                    captured_at=datetime.now(UTC).isoformat(timespec="seconds"))

    def _read(self, url: str, chunks: Iterator[bytes], cap: int) -> bytes:
        deadline = time.monotonic() + self.limits.seconds
        parts: list[bytes] = []
        size = 0
        try:
            for chunk in chunks:
                size += len(chunk)
                if size > cap:
                    raise ImportFailed(url, f"larger than {_size_text(cap)}")
                if time.monotonic() > deadline:
                    raise ImportFailed(url, f"timed out after {self.limits.seconds:g} s")
                self._check_cancelled()
                parts.append(chunk)
        except httpx.TimeoutException as exc:
            raise ImportFailed(url, f"timed out after {self.limits.seconds:g} s") from exc
        except httpx.HTTPError as exc:
            raise ImportFailed(url, f"the download failed ({exc or type(exc).__name__})") from exc
        return b"".join(parts)

    # -- politeness -------------------------------------------------------------------------

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(url, ROBOTS_AGENT)

    def _load_robots(self, origin: str) -> Protego | None:
        """The origin's robots.txt rules; None (all allowed) when it has none.

        A server error counts as "disallow everything" (RFC 9309, section 2.3.1.4).
        """
        url = f"{origin}/robots.txt"
        try:
            with self._send(url, url, {}, True) as response:
                if response.status_code >= 500:
                    return Protego.parse("User-agent: *\nDisallow: /\n")
                if response.status_code != 200:
                    return None
                body = self._read(url, response.iter_bytes(_CHUNK), 512 * 1024)
        except ImportFailed:
            return None
        return Protego.parse(body.decode("utf-8", errors="replace"))

    def _wait_turn(self, url: str) -> None:
        parts = urlsplit(url)
        rules = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        crawl_delay = (rules.crawl_delay(ROBOTS_AGENT) if rules else None) or 0.0
        gap = max(self.delay, float(crawl_delay))
        last = self._last.get(parts.netloc)
        if last is not None:
            self._sleep(last + gap - time.monotonic())
        self._last[parts.netloc] = time.monotonic()

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self._check_cancelled()
            time.sleep(min(left, 0.1))

    def _check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled.is_set():
            raise Cancelled()


class _Streamed:
    """A streamed response closed on leaving the ``with`` block."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    def __enter__(self) -> httpx.Response:
        return self.response

    def __exit__(self, *exc: object) -> None:
        self.response.close()


__all__ = ["DEFAULT_DELAY", "MAX_REDIRECTS", "USER_AGENT", "Exchange", "Fetcher", "Page"]
