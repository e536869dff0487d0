"""Reading files named by a user or a colleague without hanging on what is not a file.

``open()`` on a named pipe waits for a writer forever, and a device such as
``/dev/zero`` never ends; a taxonomy, a template or an article must be a
regular file. The file is opened without blocking, checked with ``fstat`` on
the descriptor (so it cannot be swapped after the check), and read up to a cap.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
)


class NotAFile(OSError):
    """The path is a folder, a named pipe, a device or a socket; ``strerror`` says which."""


def not_a_file(mode: int) -> str | None:
    """``"is a named pipe (FIFO), not a file"`` and the like, or None for a regular file."""
    kind = next((name for test, name in _KINDS if test(mode)), None)
    return None if kind is None else f"is {kind}, not a file"


def read_regular(path: str | Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file; raise NotAFile or OSError.

    Reading one byte past ``limit`` lets the caller tell a file at the cap from a larger one.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        reason = not_a_file(os.fstat(fd).st_mode)
        if reason:
            raise NotAFile(0, reason, str(path))
        os.set_blocking(fd, True)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
