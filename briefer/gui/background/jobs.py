"""Background jobs: a Qt-free core function wrapped in a thin QRunnable.

A runnable never touches widgets: it reports through its signals
(``progress(done, total)``, ``finished(result)``, ``failed(message)``), which Qt
delivers on the GUI thread. An import opens its own workspace connection (SQLite
connections belong to one thread); the window then refreshes from the Changes in
the result. One import runs at a time; a recovery reads a copy of the damaged file.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefer import suggest
from briefer.analysis.corroboration import analyse
from briefer.errors import BrieferError, Cancelled
from briefer.model import Changes
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefer.ingest.batch import Outcome

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ImportReport:
    """What an import did: one outcome per file, files skipped, whether it was cancelled."""

    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def changes(self) -> Changes:
        """Everything the import changed."""
        total = Changes()
        for outcome in self.outcomes:
            total = total | outcome.changes
        return total

    def count(self, status: str) -> int:
        """How many files ended with ``status`` (imported, duplicate, error)."""
        return sum(o.status == status for o in self.outcomes)

    def failures(self) -> list[str]:
        """One line per file that failed or was skipped: ``file: reason``."""
        lines = [f"{Path(o.file).name}: {o.error}" for o in self.outcomes if o.status == "error"]
        lines += [f"{Path(file).name}: {reason}" for file, reason in self.skipped]
        return lines

    def near_duplicates(self) -> list[str]:
        """One line per imported article that repeats an earlier one: ``file: near-duplicate of N (93 %)``."""
        return [f"{Path(o.file).name} (article {o.id}): {line}" for o in self.outcomes
                if o.status == "imported" and (line := o.near_duplicate_line())]

    def summary(self) -> str:
        """One line for the status bar."""
        parts = [f"Imported {self.count('imported')} article(s)"]
        if self.count("duplicate"):
            parts.append(f"{self.count('duplicate')} already there")
        if self.near_duplicates():
            parts.append(f"{len(self.near_duplicates())} near-duplicate(s)")
        if self.failures():
            parts.append(f"{len(self.failures())} failed")
        text = ", ".join(parts)
        return text + (" — cancelled" if self.cancelled else "")


class JobSignals(QObject):
    """What a job reports; created on the GUI thread so slots run there."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class ImportJob(QRunnable):
    """Import files into a workspace file on a worker thread."""

    def __init__(self, workspace: Path, paths: Sequence[Path]) -> None:
        super().__init__()
        self.workspace = workspace
        self.paths = list(paths)
        self.cancelled = threading.Event()
        self.signals = JobSignals()

    def cancel(self) -> None:
        """Ask the job to stop; what was imported so far stays."""
        self.cancelled.set()

    #: What the job does, for the one-line message of an unexpected failure.
    doing = "import"

    def collect(self, ws: Workspace, report: ImportReport) -> None:
        """Do the work into ``report``; subclasses fetch or poll instead of importing files."""
        from briefer.ingest.batch import import_paths  # the importers load on the first import

        for outcome in import_paths(
            ws, self.paths, progress=self.signals.progress.emit, cancelled=self.cancelled,
            skipped=lambda file, reason: report.skipped.append((file, reason)),
        ):
            report.outcomes.append(outcome)

    def run(self) -> None:
        report = ImportReport()
        try:
            with Workspace.open(self.workspace) as ws:
                self.collect(ws, report)
        except Cancelled:
            report.cancelled = True
        except BrieferError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug: keep the app alive, tell the user, log the trace
            log.exception("%s failed", self.doing)
            self.signals.failed.emit(f"{self.doing} failed: {type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(report)


class SignalledJob(QRunnable):
    """A runnable reporting through :class:`JobSignals` (``finished(result)``, ``failed(message)``)."""

    def __init__(self) -> None:
        super().__init__()
        self.signals = JobSignals()


class ReadingJob(SignalledJob):
    """Compute one result from a workspace opened read-only on a worker thread (its own connection).

    :meth:`compute` gives the result ``finished`` carries; an error becomes ``failed``'s one line.
    """

    #: What the job does, for the one-line message of an unexpected failure.
    doing = "work"

    def __init__(self, workspace: Path) -> None:
        super().__init__()
        self.workspace = workspace

    def compute(self, ws: Workspace) -> object:
        """The result, computed from ``ws``."""
        raise NotImplementedError

    def run(self) -> None:
        try:
            with Workspace.open(self.workspace, readonly=True) as ws:
                result = self.compute(ws)
        except BrieferError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug in a suggester or the analysis must not take the app down
            log.exception("%s failed", self.doing)
            self.signals.failed.emit(f"{self.doing} failed: {type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(result)


class SuggestJob(ReadingJob):
    """Compute one article's suggestions; finishes with ``(article id, suggestions)``."""

    doing = "suggestions"

    def __init__(self, workspace: Path, article_id: int) -> None:
        super().__init__(workspace)
        self.article_id = article_id

    def compute(self, ws: Workspace) -> object:
        """The article's suggestions, with its id."""
        return self.article_id, suggest.for_article(ws, self.article_id)


class ClaimsJob(ReadingJob):
    """Analyse one brief's claims.

    Finishes with ``(brief id, claims, the tags of the brief's items by id)``;
    claims count their independent sources across the workspace
    (:func:`briefer.analysis.corroboration.analyse`).
    """

    doing = "corroboration"

    def __init__(self, workspace: Path, brief_id: int) -> None:
        super().__init__(workspace)
        self.brief_id = brief_id

    def compute(self, ws: Workspace) -> object:
        """The brief's claims and the tags its items cite."""
        brief = ws.briefs.get(self.brief_id)
        cited = {i.tag_id for i in brief.items if i.tag_id is not None}
        claims = analyse(ws, self.brief_id).claims
        of_brief = ws.tags.of_articles(ws.briefs.cited_articles(self.brief_id))
        tags = {t.id: t for t in of_brief if t.id in cited}
        return self.brief_id, claims, tags


class AnalysisJob(ReadingJob):
    """Analyse the corroboration of a brief (or, for None, of the workspace); finishes with the Analysis."""

    doing = "corroboration"

    def __init__(self, workspace: Path, brief_id: int | None) -> None:
        super().__init__(workspace)
        self.brief_id = brief_id

    def compute(self, ws: Workspace) -> object:
        """The scope's stories, claims and conflicts."""
        return analyse(ws, self.brief_id)


class ClaimOfJob(ReadingJob):
    """Find the claims of brief items' tags; finishes with ``[(item id, claim or None)…]``."""

    doing = "corroboration"

    def __init__(self, workspace: Path, brief_id: int, items: tuple[tuple[int, int], ...]) -> None:
        super().__init__(workspace)
        self.brief_id = brief_id
        self.items = items  # (item id, tag id) pairs

    def compute(self, ws: Workspace) -> object:
        """Each item's id and its tag's claim (one analysis, sources counted across the workspace)."""
        analysis = analyse(ws, self.brief_id)
        return [(item_id, analysis.claim_of(tag_id)) for item_id, tag_id in self.items]


class Jobs(QObject):
    """Runs one background job at a time on its own thread pool."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.current: ImportJob | None = None

    def start(self, job: ImportJob) -> bool:
        """Start ``job`` unless one is running; False when busy."""
        if self.current is not None:
            return False
        self.current = job
        job.setAutoDelete(False)
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(self._done)
        self.pool.start(job)
        return True

    def _done(self, *_: object) -> None:
        self.current = None

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the running job to end (on closing the window)."""
        if self.current is not None:
            self.current.cancel()
        return self.pool.waitForDone(msecs)


class RecoverJob(QRunnable):
    """Copy what is readable from a damaged workspace into a new one (the core's ``recover``)."""

    def __init__(self, source: Path) -> None:
        super().__init__()
        self.source = source
        self.signals = JobSignals()

    def run(self) -> None:
        from briefer.workspace.recover import recover

        try:
            result = recover(self.source)
        except BrieferError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug, or the disk: keep the app alive, say what happened
            log.exception("recovery failed")
            self.signals.failed.emit(f"{self.source}: recovery failed: {type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(result)
