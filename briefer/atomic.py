"""Writing files so a crash never leaves a half-written file under the final name.

A crash mid-write leaves only a hidden ``.NAME.*.part`` file beside the target;
the next successful write of the same target removes such leftovers once they
are :data:`STALE_SECONDS` old (younger ones may belong to a write in progress).
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

STALE_SECONDS = 600


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed over it only if the block succeeds.

    Write the whole file to the yielded path. On success it is flushed to disk and
    atomically renamed to ``target``; on any exception it is removed and
    ``target`` is left as it was.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600: give the usual mode
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    _remove_stale_parts(target)


def write_atomic(target: str | Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``target`` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target) as tmp:
        tmp.write_bytes(payload)


def save_atomic(target: str | Path, save: Callable[[Path], object]) -> None:
    """Call ``save(path)`` (e.g. ``document.save``) on a temporary path, then rename it."""
    with atomic_path(target) as tmp:
        save(tmp)


def _mode_for(target: Path) -> int:
    """The target's current permissions, or what a new file gets under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


@cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove_stale_parts(target: Path) -> None:
    """Remove temporary files an interrupted write of ``target`` left behind."""
    cutoff = time.time() - STALE_SECONDS
    for part in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            continue


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
