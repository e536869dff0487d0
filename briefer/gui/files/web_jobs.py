"""Background jobs for the web: fetching URLs and polling feeds, like an import.

Both are :class:`~briefer.gui.workers.ImportJob` s to the window (progress,
Cancel, the failures summary): each URL's outcome becomes an import outcome
named by its URL. The core does the work (:mod:`briefer.evidence`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefer.gui.background.jobs import ImportJob, ImportReport
from briefer.model import Changes

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from briefer.evidence.capture import Fetched
    from briefer.ingest.batch import Outcome
    from briefer.workspace import Workspace

_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def web_addresses(text: str) -> list[str]:
    """The web addresses of a text made only of web addresses (one a line); else empty."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or not all(_ADDRESS.fullmatch(line) for line in lines):
        return []
    return lines


class FetchJob(ImportJob):
    """Fetch web pages into a workspace on a worker thread (``update``: re-fetch as new versions)."""

    def __init__(self, workspace: Path, urls: Sequence[str], *, delay: float, update: bool = False) -> None:
        super().__init__(workspace, [])
        self.urls = list(urls)
        self.delay = delay
        self.update = update

    def outcomes(self, ws: Workspace) -> Iterator[Fetched]:
        """The core's outcomes, one per URL."""
        from briefer.evidence.capture import fetch_urls

        yield from fetch_urls(ws, self.urls, update=self.update, delay=self.delay,
                              progress=self.signals.progress.emit, cancelled=self.cancelled)

    doing = "fetch"

    def collect(self, ws: Workspace, report: ImportReport) -> None:
        """Each URL's (or feed's) outcome as an import outcome."""
        report.outcomes.extend(_as_outcome(done) for done in self.outcomes(ws))


def _as_outcome(done: Fetched) -> Outcome:
    """A URL's outcome as the window's import summary shows it (an update counts as imported)."""
    from briefer.ingest.batch import Outcome

    status = "imported" if done.status == "updated" else done.status
    return Outcome(done.url, status, done.id if done.id is not None else done.duplicate_of, done.title,
                   done.error, done.changes)


class PollJob(FetchJob):
    """Poll every feed of a workspace on a worker thread; each feed is one outcome."""

    def __init__(self, workspace: Path, *, delay: float) -> None:
        super().__init__(workspace, [], delay=delay)

    def outcomes(self, ws: Workspace) -> Iterator[Fetched]:
        """One outcome per feed: ``imported`` (its newest article), ``duplicate`` (none new), ``error``."""
        from briefer.evidence.capture import Fetched
        from briefer.evidence.polling import poll_feeds

        for polled in poll_feeds(ws, delay=self.delay, progress=self.signals.progress.emit,
                                 cancelled=self.cancelled):
            if polled.error is not None:
                yield Fetched(polled.feed, "error", error=polled.error)
            else:
                yield Fetched(polled.feed, "imported" if polled.new else "duplicate",
                              id=polled.new[-1] if polled.new else None,
                              title=f"{len(polled.new)} new, {polled.skipped} skipped",
                              changes=Changes.of(articles=polled.new))
