"""Suggestions for the article in the reader, computed in the background.

Finding suggestions in a long article takes longer than a key press should, so
they are computed on a worker thread, a moment after the article opens or
changes (a burst of changes computes once), and shown when they arrive; a result
for an article no longer shown, or overtaken by a newer request, is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from briefer.gui.background.jobs import SuggestJob

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.suggest import Suggestion

DELAY_MS = 60


class SuggestionFeed(QObject):
    """Requests suggestions for one article at a time and reports the latest ones."""

    suggestionsReady = Signal(int, list)  # article id, suggestions
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._wanted: tuple[Path, int] | None = None
        self._generation = 0
        self._running: list[SuggestJob] = []

    def request(self, workspace: Path, article_id: int) -> None:
        """Compute suggestions for an article soon (replacing any earlier request)."""
        self._wanted = (workspace, article_id)
        self._generation += 1
        self._timer.start()

    def cancel(self) -> None:
        """Forget pending requests; results still running are dropped when they arrive."""
        self._timer.stop()
        self._wanted = None
        self._generation += 1

    def _start(self) -> None:
        if self._wanted is None:
            return
        generation = self._generation
        job = SuggestJob(*self._wanted)
        job.setAutoDelete(False)
        self._running.append(job)  # its signals live as long as the job object
        job.signals.finished.connect(lambda result: self._on_job_finished(job, generation, result))
        job.signals.failed.connect(lambda message: self._on_job_failed(job, message))
        self.pool.start(job)

    def _on_job_finished(self, job: SuggestJob, generation: int,
                         result: tuple[int, list[Suggestion]]) -> None:
        self._running.remove(job)
        if generation == self._generation:
            self.suggestionsReady.emit(*result)

    def _on_job_failed(self, job: SuggestJob, message: str) -> None:
        self._running.remove(job)
        self.failed.emit(message)

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for a computation in progress (on closing)."""
        self.cancel()
        return self.pool.waitForDone(msecs)
