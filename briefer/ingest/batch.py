"""Importing many files: each extracted in a sandboxed child process, then stored.

A bad file never stops the others: it yields an outcome with its one-line error.
Extraction runs under :class:`~briefer.ingest.limits.Limits` (time per file,
memory) in a :class:`~briefer.sandbox.LimitedWorker`, so a hostile file can
neither hang nor exhaust the caller.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import BrieferError, Cancelled
from briefer.ingest.limits import Limits
from briefer.ingest.registry import extract_articles, walk
from briefer.model import Article, Changes
from briefer.sandbox import LimitedWorker, LimitExceeded, RemoteError
from briefer.workspace import Workspace

Progress = Callable[[int, int], None]
#: Time a fresh sandbox process may take to start and import the importers.
STARTUP_SECONDS = 60.0


def _ready() -> bool:
    """A no-op run in a fresh sandbox: unpickling it has imported every importer."""
    return True


@dataclass(frozen=True, slots=True)
class Extracted:
    """One file's extraction: the article, or the one-line reason it failed."""

    file: str
    article: Article | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file's import: ``status`` is ``imported``, ``duplicate`` or ``error``."""

    file: str
    status: str
    id: int | None = None
    title: str | None = None
    error: str | None = None
    changes: Changes = Changes()

    def to_json(self) -> dict[str, object]:
        """The command line's JSON object for this file."""
        return {"file": self.file, "status": self.status, "id": self.id,
                "title": self.title, "error": self.error}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, BrieferError):
        return exc.reason
    return str(exc) or type(exc).__name__


def extract_paths(
    paths: Iterable[str | Path],
    limits: Limits | None = None,
    *,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
    skipped: Callable[[str, str], None] | None = None,
) -> Iterator[Extracted]:
    """Extract every file under ``paths`` in a sandbox; one result per file.

    Files a folder holds that no importer accepts are passed to ``skipped(file,
    reason)`` instead. ``progress(done, total)`` is called after each file.
    Raises Cancelled when ``cancelled`` is set (between or during files).
    """
    limits = limits or Limits()
    candidates = []
    for candidate in walk(paths):
        if candidate.skipped is None:
            candidates.append(candidate.path)
        elif skipped is not None:
            skipped(str(candidate.path), candidate.skipped)
    total = len(candidates)
    ready = False  # whether the sandbox process has started and loaded the importers
    with LimitedWorker(memory_mb=limits.memory_mb) as worker:
        for done, path in enumerate(candidates, start=1):
            if cancelled is not None and cancelled.is_set():
                raise Cancelled()
            try:
                if not ready:  # starting Python does not count against a file's time
                    worker.call(_ready, timeout=STARTUP_SECONDS, cancelled=cancelled)
                    ready = True
                articles = worker.call(extract_articles, path, limits, timeout=limits.seconds,
                                       cancelled=cancelled)
                results = [Extracted(str(path), article=article) for article in articles]
            except (BrieferError, LimitExceeded, RemoteError, OSError, ValueError) as exc:
                if isinstance(exc, Cancelled):
                    raise
                ready = ready and not isinstance(exc, LimitExceeded)  # the sandbox was restarted
                results = [Extracted(str(path), error=_reason(exc))]
            if progress is not None:
                progress(done, total)
            yield from results


def import_paths(
    ws: Workspace,
    paths: Iterable[str | Path],
    limits: Limits | None = None,
    *,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
    skipped: Callable[[str, str], None] | None = None,
) -> Iterator[Outcome]:
    """Import every file under ``paths`` into ``ws``; one outcome per file.

    Each stored article is committed before the next file is read, so an
    interruption keeps everything imported so far.
    """
    for item in extract_paths(paths, limits, progress=progress, cancelled=cancelled, skipped=skipped):
        if item.article is None:
            yield Outcome(item.file, "error", error=item.error)
            continue
        try:
            stored = ws.articles.add(item.article)
        except BrieferError as exc:
            yield Outcome(item.file, "error", error=exc.reason)
            continue
        status = "duplicate" if stored.duplicate else "imported"
        yield Outcome(item.file, status, stored.id, stored.title, changes=stored.changes)


__all__ = ["Extracted", "Outcome", "extract_paths", "import_paths"]
