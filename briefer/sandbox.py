"""Run untrusted work (importers, templates) in a child process with limits.

A :class:`LimitedWorker` keeps one child process alive and reuses it, so the cost
of starting Python and importing libraries is paid once. Each call has a time
limit; the child has an address-space cap. A call that runs out of time, is
cancelled, or kills the child (out of memory, a crash in C code) ends that
child; the next call starts a fresh one. The parent never hangs on a child.
"""

from __future__ import annotations

import multiprocessing
import traceback
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable
    from multiprocessing.connection import Connection

try:
    import resource
except ImportError:  # Windows: no rlimits, the time limit still holds
    resource = None  # type: ignore[assignment]

_POLL_SECONDS = 0.05


class LimitExceeded(Exception):
    """A sandboxed call ran out of time or memory, or its process died."""


class RemoteError(Exception):
    """An exception raised inside the child that could not be sent back as is."""


def _child_main(conn: Connection, memory_bytes: int | None) -> None:
    if memory_bytes and resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            func, args, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[str, Any] = ("ok", func(*args, **kwargs))
        except MemoryError:
            outcome = ("memory", None)
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
            outcome = ("error", exc)
        try:
            conn.send(outcome)
        except MemoryError:
            conn.send(("memory", None))
        except Exception:  # noqa: BLE001 - an unpicklable result or exception
            detail = "".join(traceback.format_exception_only(type(outcome[1]), outcome[1]))
            conn.send(("error", RemoteError(detail.strip())))


class LimitedWorker:
    """A reusable child process running one call at a time under limits.

    ``memory_mb`` caps the child's address space (None: no cap). A ``daemon``
    child may not start processes of its own; pass False when the work runs a
    sandbox itself (it is still killed by :meth:`close`). Functions and
    arguments must be picklable (module-level functions). Not thread-safe: use one
    worker per thread.
    """

    def __init__(self, memory_mb: int | None = 1024, *, daemon: bool = True) -> None:
        self._memory = memory_mb * 1024 * 1024 if memory_mb else None
        self._daemon = daemon
        self._ctx = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        parent, child = self._ctx.Pipe()
        self._process = self._ctx.Process(
            target=_child_main, args=(child, self._memory), daemon=self._daemon, name="briefer-sandbox"
        )
        self._process.start()
        child.close()
        self._conn = parent
        return parent

    def call(
        self,
        func: Callable[..., Any],
        *args: Any,
        timeout: float,
        cancelled: threading.Event | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run ``func(*args, **kwargs)`` in the child and return its result.

        Exceptions raised by ``func`` are re-raised here. Raises LimitExceeded when
        the call takes longer than ``timeout`` seconds or exhausts memory, and
        Cancelled (from briefer.errors) when ``cancelled`` is set meanwhile.
        """
        from briefer.errors import Cancelled

        conn = self._conn if self._process and self._process.is_alive() else None
        conn = conn or self._start()
        try:
            conn.send((func, args, kwargs))
        except (BrokenPipeError, OSError):
            self.close()
            conn = self._start()
            conn.send((func, args, kwargs))
        waited = 0.0
        while not conn.poll(_POLL_SECONDS):
            waited += _POLL_SECONDS
            if cancelled is not None and cancelled.is_set():
                self.close()
                raise Cancelled()
            if waited >= timeout:
                self.close()
                raise LimitExceeded(f"took longer than {timeout:g} s")
        try:
            status, value = conn.recv()
        except (EOFError, OSError) as exc:
            code = self._process.exitcode if self._process else None
            self.close()
            raise LimitExceeded(f"worker process died (exit code {code}); out of memory?") from exc
        if status == "ok":
            return value
        if status == "memory":
            self.close()
            raise LimitExceeded("exceeded the memory limit")
        raise value

    def close(self) -> None:
        """Stop the child process (it is started again by the next call)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
            self._process = None

    def __enter__(self) -> LimitedWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
