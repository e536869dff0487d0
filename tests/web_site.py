"""A real web site on 127.0.0.1 for the fetch, feed and GUI tests (no other address is touched).

``site.add(path, body, ...)`` serves a resource; ``site.requests`` logs every
request (path and headers) and ``site.not_modified`` counts the 304s sent.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator


@dataclass
class Resource:
    """What one path answers."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    validators: bool = True
    stream_bytes: int = 0  # send this many bytes in chunks, no Content-Length
    gzip: bool = False


@dataclass
class Seen:
    """One request the site received."""

    path: str
    headers: dict[str, str]
    at: float


class Site:
    """The site's resources and what it saw; ``url(path)`` gives an address on it."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.requests: list[Seen] = []
        self.not_modified = 0
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.add("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain", validators=False)

    def url(self, path: str) -> str:
        """The full address of ``path`` on this site."""
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", content_type: str = "text/html; charset=utf-8",
            **options: object) -> Resource:
        """Serve ``body`` at ``path`` (replacing what was there)."""
        data = body.encode() if isinstance(body, str) else body
        resource = Resource(data, content_type, **options)  # type: ignore[arg-type]
        self.resources[path] = resource
        return resource

    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        return [seen.path for seen in self.requests]

    def _record(self, seen: Seen, not_modified: bool) -> None:
        with self._lock:
            self.requests.append(seen)
            self.not_modified += not_modified


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            resource = site.resources.get(self.path)
            if resource is None:
                site._record(Seen(self.path, dict(self.headers), time.monotonic()), False)
                self._send(404, b"not found", {"Content-Type": "text/plain"})
                return
            time.sleep(resource.delay)
            etag = '"' + hashlib.sha256(resource.body).hexdigest()[:16] + '"'
            modified = formatdate(1_700_000_000 + len(resource.body), usegmt=True)
            headers = {"Content-Type": resource.content_type, **resource.headers}
            if resource.validators:
                headers |= {"ETag": etag, "Last-Modified": modified, "Cache-Control": "no-cache"}
            fresh = resource.validators and (
                self.headers.get("If-None-Match") == etag
                or (self.headers.get("If-Modified-Since") == modified
                    and "If-None-Match" not in self.headers))
            site._record(Seen(self.path, dict(self.headers), time.monotonic()), fresh)
            if fresh:
                self._send(304, b"", {k: v for k, v in headers.items() if k != "Content-Type"})
            elif resource.stream_bytes:
                self._stream(resource, headers)
            else:
                body = gzip.compress(resource.body) if resource.gzip else resource.body
                if resource.gzip:
                    headers["Content-Encoding"] = "gzip"
                self._send(resource.status, body, headers)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)  # the client may have given up (a timeout test)

        def _stream(self, resource: Resource, headers: dict[str, str]) -> None:
            self.send_response(resource.status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * (64 * 1024) + b"</p>"
            sent = 0
            try:
                while sent < resource.stream_bytes:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def article_html(title: str, paragraphs: list[str]) -> str:
    """A news page with a headline, an outlet and the paragraphs given."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | The Test Herald</title>"
        "<meta property='og:site_name' content='The Test Herald'>"
        "<meta property='article:published_time' content='2026-11-20T08:00:00Z'>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright The Test Herald</footer></body></html>"
    )


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes gzip-compressed (about a thousandth of the size)."""
    return gzip.compress(b"\0" * size, compresslevel=9)


@pytest.fixture
def site() -> Iterator[Site]:
    """A running local site, shut down after the test."""
    running = Site()
    thread = threading.Thread(target=running.server.serve_forever, daemon=True)
    thread.start()
    yield running
    running.server.shutdown()
    running.server.server_close()
    thread.join(5)
