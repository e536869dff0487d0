"""Writing files so a crash never leaves a half-written file under the final name.

A crash mid-write leaves only a hidden ``.NAME.*.part`` file beside the target;
the next successful write of the same target removes such leftovers once they
are :data:`STALE_SECONDS` old (younger ones may belong to a write in progress).
"""

from __future__ import annotations

import errno
import glob
import io
import os
import shutil
import stat
import tempfile
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from briefer.errors import WriteFailed

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

STALE_SECONDS = 600


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path to write ``target`` through; put in place only if the block succeeds.

    Write the whole file to the yielded path. For a regular (or new) file it is
    beside the target, flushed to disk and atomically renamed over it on
    success; on any exception it is removed and ``target`` is left as it was.
    A symlink is followed (the file it points to is replaced, the link kept).
    A device, named pipe or socket (``/dev/null``, ``/dev/stdout``) is never
    replaced: the finished file is copied into it. Raises WriteFailed (an
    OSError) naming ``target`` when it cannot be written.
    """
    target = Path(target)
    try:
        mode = target.stat().st_mode  # follows links: /dev/stdout is the pipe or terminal it names
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteFailed(target, _reason(exc)) from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise WriteFailed(target, "is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        with _through(target) as tmp:
            yield tmp
        return
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    with _beside(target, real) as tmp:
        yield tmp


@contextmanager
def _beside(target: Path, real: Path) -> Iterator[Path]:
    """Temp file beside ``real``, renamed over it."""
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part", dir=real.parent)
        os.close(fd)
    except OSError as exc:
        raise WriteFailed(target, _reason(exc, real.parent)) from exc
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(real))  # mkstemp makes 0600: give the usual mode
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, real)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, WriteFailed):
            raise WriteFailed(target, _reason(exc)) from exc
        raise
    _fsync_dir(real.parent)
    _remove_stale_parts(real)


@contextmanager
def _through(target: Path) -> Iterator[Path]:
    """Temp file in the temporary folder, copied into the device or pipe ``target`` when complete."""
    fd, tmp_name = tempfile.mkstemp(prefix="briefer-", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb") as source, target.open("wb") as sink:
            shutil.copyfileobj(source, sink)
    except OSError as exc:
        raise WriteFailed(target, _reason(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


#: What each errno means for someone saving a file.
_REASONS = {
    errno.ENOSPC: "could not write: the disk is full",
    errno.EDQUOT: "could not write: the disk quota is full",
    errno.EROFS: "could not write: the file system is read-only",
    errno.EFBIG: "could not write: the file is too large (a file-size limit?)",
    errno.EACCES: "permission denied", errno.EPERM: "permission denied",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a part of the path is a file, not a folder",
    errno.ENOENT: "no such folder (and it cannot be created there)",
    errno.EISDIR: "is a folder; give a file name",
}


def _reason(exc: OSError, folder: Path | None = None) -> str:
    reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    if folder is not None and exc.errno in (errno.ENOENT, errno.EACCES, errno.EPERM) and folder.is_dir():
        return f"cannot create a file in {folder}"
    return reason


def write_atomic(target: str | Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``target`` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target) as tmp:
        tmp.write_bytes(payload)


def save_atomic(target: str | Path, save: Callable[[BinaryIO], object]) -> None:
    """Call ``save(stream)`` (e.g. ``document.save``) into memory, then write the bytes atomically.

    In memory first, so a full disk fails in one place (python-docx's zip writer,
    interrupted by the disk, fails again when it is collected).
    """
    buffer = io.BytesIO()
    save(buffer)
    write_atomic(target, buffer.getvalue())


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
