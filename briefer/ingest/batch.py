"""Importing many files: each extracted in a sandboxed child process, then stored.

A bad file never stops the others: it yields an outcome with its one-line error.
Extraction runs under :class:`~briefer.ingest.limits.Limits` (time per file,
memory) in a :class:`~briefer.sandbox.LimitedWorker`, so a hostile file can
neither hang nor exhaust the caller.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import BrieferError, Cancelled, WorkspaceError
from briefer.ingest.limits import Limits
from briefer.ingest.registry import extract_articles, walk
from briefer.model import Article, Changes
from briefer.sandbox import LimitedWorker, LimitExceeded, RemoteError
from briefer.workspace import Workspace

Progress = Callable[[int, int], None]
#: Time a fresh sandbox process may take to start and import the importers.
STARTUP_SECONDS = 60.0
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
#: What a web address given as a path gets: a pointer, not "no such file".
URL_REASON = "a web address, not a file: fetch it with `briefer fetch WORKSPACE URL`"


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
    """One file's import: ``status`` is ``imported``, ``duplicate`` or ``error``.

    ``near_duplicate_of`` names an earlier article the import is ``similarity``
    (0–1) the same as.
    """

    file: str
    status: str
    id: int | None = None
    title: str | None = None
    error: str | None = None
    changes: Changes = Changes()
    near_duplicate_of: int | None = None
    similarity: float | None = None

    def to_json(self) -> dict[str, object]:
        """The command line's JSON object for this file."""
        return {"file": self.file, "status": self.status, "id": self.id,
                "title": self.title, "error": self.error,
                "near_duplicate_of": self.near_duplicate_of, "similarity": self.similarity}

    def near_duplicate_line(self) -> str | None:
        """``near-duplicate of N (93 %)`` when the import repeats article N, else None."""
        if self.near_duplicate_of is None or self.similarity is None:
            return None
        return f"near-duplicate of {self.near_duplicate_of} ({round(self.similarity * 100)} %)"


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
    given = [str(path) for path in paths]
    for url in (path for path in given if _URL.match(path)):
        yield Extracted(url, error=URL_REASON)
    candidates = []
    for candidate in walk(path for path in given if not _URL.match(path)):
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
    interruption keeps everything imported so far. A WorkspaceError (the
    workspace cannot take the article) ends the import and names the workspace.
    """
    for item in extract_paths(paths, limits, progress=progress, cancelled=cancelled, skipped=skipped):
        if item.article is None:
            yield Outcome(item.file, "error", error=item.error)
            continue
        try:
            stored = ws.articles.add(item.article)
        except WorkspaceError:
            raise  # the workspace's problem (full disk, damage), not the file's: it names the workspace
        except BrieferError as exc:
            yield Outcome(item.file, "error", error=exc.reason)
            continue
        status = "duplicate" if stored.duplicate else "imported"
        yield Outcome(item.file, status, stored.id, stored.title, changes=stored.changes,
                      near_duplicate_of=stored.near_duplicate_of, similarity=stored.similarity)


__all__ = ["Extracted", "Outcome", "extract_paths", "import_paths"]
