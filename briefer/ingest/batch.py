"""Importing many files: each extracted in a sandboxed child process, then stored.

A bad file never stops the others: it yields an outcome with its one-line error.
Extraction runs under :class:`~briefer.ingest.limits.Limits` (time per file,
memory) in a :class:`~briefer.sandbox.LimitedWorker`, so a hostile file can
neither hang nor exhaust the caller.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.errors import BrieferError, Cancelled, WorkspaceError
from briefer.ingest.limits import Limits
from briefer.ingest.registry import extract_articles, walk
from briefer.model import Article, Changes
from briefer.sandbox import LimitedWorker, LimitExceeded, RemoteError

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.workspace import Workspace

Progress = Callable[[int, int], None]
#: Time a fresh sandbox process may take to start and import the importers.
STARTUP_SECONDS = 60.0
#: Sandbox processes extracting side by side, at most (one per core below that).
MAX_SANDBOXES = 4
#: How often a wait for a file's result looks whether the caller cancelled.
_POLL_SECONDS = 0.1
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


def sandboxes_for(files: int) -> int:
    """How many sandbox processes extract ``files`` files: one per core, at most MAX_SANDBOXES."""
    return max(1, min(files, os.cpu_count() or 1, MAX_SANDBOXES))


class _Sandbox:
    """One sandbox process extracting files one at a time (used by one thread)."""

    def __init__(self, limits: Limits, stop: threading.Event) -> None:
        self._limits = limits
        self._stop = stop
        self._worker = LimitedWorker(memory_mb=limits.memory_mb)
        self._ready = False  # whether the process has started and loaded the importers

    def extract(self, path: Path) -> list[Extracted]:
        """The articles of ``path``, or its one-line error; raises Cancelled when stopped."""
        if self._stop.is_set():
            raise Cancelled()
        try:
            if not self._ready:  # starting Python does not count against a file's time
                self._worker.call(_ready, timeout=STARTUP_SECONDS, cancelled=self._stop)
                self._ready = True
            articles = self._worker.call(extract_articles, path, self._limits,
                                         timeout=self._limits.seconds, cancelled=self._stop)
            return [Extracted(str(path), article=article) for article in articles]
        except (BrieferError, LimitExceeded, RemoteError, OSError, ValueError) as exc:
            if isinstance(exc, Cancelled):
                raise
            self._ready = self._ready and not isinstance(exc, LimitExceeded)  # restarted
            return [Extracted(str(path), error=_reason(exc))]

    def close(self) -> None:
        """Stop the process."""
        self._worker.close()


def extract_paths(
    paths: Iterable[str | Path],
    limits: Limits | None = None,
    *,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
    skipped: Callable[[str, str], None] | None = None,
) -> Iterator[Extracted]:
    """Extract every file under ``paths`` in sandboxes; one result per file, in order.

    Files are extracted by :func:`sandboxes_for` processes side by side.
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
    if not candidates:
        return
    stop = threading.Event()  # set on cancellation, or when the caller stops iterating
    local = threading.local()
    sandboxes: list[_Sandbox] = []
    lock = threading.Lock()

    def extract(path: Path) -> list[Extracted]:
        sandbox = getattr(local, "sandbox", None)
        if sandbox is None:
            sandbox = local.sandbox = _Sandbox(limits, stop)
            with lock:
                sandboxes.append(sandbox)
        return sandbox.extract(path)

    pool = ThreadPoolExecutor(sandboxes_for(len(candidates)), thread_name_prefix="briefer-extract")
    try:
        futures = [pool.submit(extract, path) for path in candidates]
        for done, future in enumerate(futures, start=1):
            while True:
                if cancelled is not None and cancelled.is_set():
                    raise Cancelled()
                try:
                    results = future.result(timeout=_POLL_SECONDS)
                    break
                except TimeoutError:
                    continue
            if progress is not None:
                progress(done, len(candidates))
            yield from results
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        for sandbox in sandboxes:
            sandbox.close()


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
