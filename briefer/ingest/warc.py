"""Web archives (WARC, plain or gzipped): each HTML response record is one article.

Records are read with warcio; a record's body is decompressed under the
container caps of :class:`~briefer.ingest.limits.Limits` (``max_unpacked_bytes``
in all), and its WARC-Target-URI becomes the article's URL when the page names none.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import replace
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from briefer.errors import ImportFailed
from briefer.ingest import html
from briefer.ingest.limits import Limits, human_size

if TYPE_CHECKING:
    from briefer.model import Article

FORMAT = "warc"
EXTENSIONS = (".warc", ".gz")
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def sniff(head: bytes) -> bool:
    """True for a WARC file, gzipped or not."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def extract_many(data: bytes, name: str, limits: Limits) -> list[Article]:
    """Every HTML page the archive holds, in record order; raise ImportFailed when none."""
    articles: list[Article] = []
    budget = limits.max_unpacked_bytes
    reasons: list[str] = []
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if kind not in _PAGE_TYPES or not record.http_headers.get_statuscode().startswith("2"):
                continue
            body = record.content_stream().read(budget + 1)
            budget -= len(body)
            if budget < 0:
                cap = human_size(limits.max_unpacked_bytes)
                raise ImportFailed(name, f"the archive unpacks to over {cap}")
            uri = record.rec_headers.get_header("WARC-Target-URI") or name
            try:
                article = html.extract(body, f"{name} ({uri})", limits)
            except ImportFailed as exc:
                reasons.append(exc.reason)
                continue
            articles.append(replace(article, url=article.url or uri, format=FORMAT))
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
        if not articles:
            raise ImportFailed(name, f"not a readable web archive ({exc})") from exc
    if not articles:
        why = f" ({reasons[0]})" if reasons else ""
        raise ImportFailed(name, f"no web page with article text in the archive{why}")
    return articles


def extract(data: bytes, name: str, limits: Limits) -> Article:
    """The archive's first article (:func:`extract_many` gives them all)."""
    return extract_many(data, name, limits)[0]
