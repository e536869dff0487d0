"""The latest result of a background computation: requests in a burst compute once.

A feed runs one kind of job (a :class:`~briefer.gui.background.jobs.SignalledJob`
made from the request's arguments) on a one-thread pool, a moment after
the last request; a result (or failure) overtaken by a newer request is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefer.gui.background.jobs import SignalledJob as Job


class LatestFeed(QObject):
    """Runs ``make_job(*request)`` for the latest request and reports its result."""

    resultReady = Signal(object)
    failed = Signal(str)

    def __init__(self, make_job: Callable[..., Job], delay_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_job = make_job
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._wanted: tuple[Any, ...] | None = None
        self._generation = 0
        self._running: list[Job] = []

    def request(self, *args: object) -> None:
        """Compute for ``args`` soon (replacing any earlier request)."""
        self._wanted = args
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
        job = self._make_job(*self._wanted)
        job.setAutoDelete(False)
        self._running.append(job)  # its signals live as long as the job object
        job.signals.finished.connect(lambda result: self._on_job_finished(job, generation, result))
        job.signals.failed.connect(lambda message: self._on_job_failed(job, generation, message))
        self.pool.start(job)

    def _on_job_finished(self, job: Job, generation: int, result: object) -> None:
        self._running.remove(job)
        if generation == self._generation:
            self.resultReady.emit(result)

    def _on_job_failed(self, job: Job, generation: int, message: str) -> None:
        self._running.remove(job)
        if generation == self._generation:
            self.failed.emit(message)

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for a computation in progress (on closing)."""
        self.cancel()
        return self.pool.waitForDone(msecs)

