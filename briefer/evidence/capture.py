"""Fetching URLs into a workspace: fetch politely, keep the evidence, import the page.

For each URL: :class:`~briefer.ingest.web.Fetcher` gets the page, its response is
kept as a WARC record, the HTML importer extracts the article in a sandboxed
process (the final URL becomes the article's URL), and the workspace stores it.
A page fetched again unchanged imports nothing and names the article it is
(``duplicate_of``). With ``update``, a changed page becomes a new version of the
article already fetched from that URL, its tags re-anchored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefer.errors import BrieferError, Cancelled, ImportFailed
from briefer.evidence.warc import evidence_folder, write_capture
from briefer.ingest import html
from briefer.ingest.batch import STARTUP_SECONDS, _ready
from briefer.ingest.limits import Limits
from briefer.ingest.web import DEFAULT_DELAY, Fetcher, Page
from briefer.model import Article, Changes
from briefer.sandbox import LimitedWorker, LimitExceeded, RemoteError

if TYPE_CHECKING:
    import threading

    from briefer.workspace import Workspace
    from briefer.workspace.versions import TagMove

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Fetched:
    """One URL's outcome; ``status`` is ``imported``, ``duplicate``, ``updated`` or ``error``."""

    url: str
    status: str
    final_url: str | None = None
    id: int | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    duplicate_of: int | None = None
    evidence: str | None = None
    error: str | None = None
    version: int | None = None
    tags: tuple[TagMove, ...] = ()
    changes: Changes = Changes()

    def to_json(self) -> dict[str, Any]:
        """The ``fetch --json`` object of this URL."""
        return {"url": self.url, "final_url": self.final_url, "status": self.status, "id": self.id,
                "title": self.title, "outlet": self.outlet, "published": self.published,
                "duplicate_of": self.duplicate_of, "evidence": self.evidence, "error": self.error}


class Capturer:
    """Fetches URLs into one workspace for one run; close it (or use ``with``) when done."""

    def __init__(self, ws: Workspace, limits: Limits | None = None, *, delay: float | None = None,
                 cancelled: threading.Event | None = None) -> None:
        self.ws = ws
        self.limits = limits or Limits()
        self.cancelled = cancelled
        self.fetcher = Fetcher(
            self.limits, cancelled=cancelled, delay=DEFAULT_DELAY if delay is None else delay
        )
        self._worker = LimitedWorker(memory_mb=self.limits.memory_mb)
        self._ready = False

    def __enter__(self) -> Capturer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the sandbox and close the connections."""
        self._worker.close()
        self.fetcher.close()

    def fetch(self, url: str, *, update: bool = False) -> Fetched:
        """Fetch one URL into the workspace; failures come back as an ``error`` outcome."""
        try:
            page = self.fetcher.page(url)
            known = self.ws.articles.by_url(page.final_url, url)
            if page.unchanged and known is not None:
                return self._same(url, page, known)
            record = write_capture(evidence_folder(self.ws.path), page)
            article = replace(self._extract(page), url=page.final_url)
            if update and known is not None and self.ws.articles.get(known).sha256 != article.sha256:
                version = self.ws.versions.add(known, article)
                self.ws.evidence.add(replace(record, article_id=known))
                return self._outcome(url, page, known, "updated", record.record_id,
                                     version=version.version, tags=version.tags, changes=version.changes)
            stored = self.ws.articles.add(article)
            self.ws.evidence.add(replace(record, article_id=stored.id))
            status = "duplicate" if stored.duplicate else "imported"
            return self._outcome(url, page, stored.id, status, record.record_id, changes=stored.changes)
        except Cancelled:
            raise
        except BrieferError as exc:
            return Fetched(url, "error", error=exc.reason)

    def _same(self, url: str, page: Page, article_id: int) -> Fetched:
        latest = self.ws.evidence.latest(article_id)
        return self._outcome(url, page, article_id, "duplicate", latest.record_id if latest else None)

    def _outcome(self, url: str, page: Page, article_id: int, status: str, evidence: str | None, *,
                 version: int | None = None, tags: tuple[TagMove, ...] = (),
                 changes: Changes = Changes()) -> Fetched:
        article = self.ws.articles.get(article_id)
        duplicate = status == "duplicate"
        return Fetched(url, status, page.final_url, None if duplicate else article_id, article.title,
                       article.outlet, article.published, article_id if duplicate else None, evidence,
                       version=version, tags=tags, changes=changes)

    def _extract(self, page: Page) -> Article:
        """The page's article, extracted in the sandbox under the time and memory limits."""
        try:
            if not self._ready:
                self._worker.call(_ready, timeout=STARTUP_SECONDS, cancelled=self.cancelled)
                self._ready = True
            article: Article = self._worker.call(html.extract, page.body, page.final_url, self.limits,
                                                 timeout=self.limits.seconds, cancelled=self.cancelled)
        except (LimitExceeded, RemoteError) as exc:
            self._ready = False
            raise ImportFailed(page.url, str(exc)) from exc
        return replace(article, source_file=None)


def fetch_urls(ws: Workspace, urls: Iterable[str], limits: Limits | None = None, *,
               update: bool = False, delay: float | None = None, progress: Progress | None = None,
               cancelled: threading.Event | None = None) -> Iterator[Fetched]:
    """Fetch every URL into ``ws``; one outcome per URL, each committed before the next.

    Raises Cancelled when ``cancelled`` is set.
    """
    urls = list(urls)
    with Capturer(ws, limits, delay=delay, cancelled=cancelled) as capturer:
        for done, url in enumerate(urls, start=1):
            if cancelled is not None and cancelled.is_set():
                raise Cancelled()
            yield capturer.fetch(url, update=update)
            if progress is not None:
                progress(done, len(urls))
