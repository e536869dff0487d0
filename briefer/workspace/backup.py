"""Backups of a workspace: one-off copies, a rolling set, and restoring one.

Every copy is made with SQLite's online backup API from the open connection, so
it is a consistent snapshot even while another window writes, and lands under
its final name only when complete (temporary file, then rename).

Rolling backups live in ``user_data_dir()/backups/<name>-<hash>/`` where
``<hash>`` tells apart workspaces of the same name in different folders (a
folder beside the workspace could be synced, shared or read-only; the user data
folder is always ours). :class:`RollingBackup` makes one when a workspace is
opened (unless nothing changed since the newest) and then every
``BackupPolicy.every`` of changes, keeping the newest ``BackupPolicy.keep``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefer.atomic import atomic_path
from briefer.errors import WorkspaceDamaged, WorkspaceError
from briefer.paths import user_data_dir
from briefer.workspace import Workspace, health
from briefer.workspace.store import SUFFIX, Clock


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """How often rolling backups are made and how many are kept.

    ``every``: minimum time between two backups of a changing workspace.
    ``keep``: how many rolling backups to keep (the oldest go first).
    ``folder``: where they go; None means :func:`default_folder`.
    """

    every: timedelta = timedelta(minutes=10)
    keep: int = 5
    folder: Path | None = None


def default_folder(workspace: Path) -> Path:
    """``user_data_dir()/backups/<name>-<8 hex of the full path>`` for this workspace."""
    resolved = workspace.resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    return user_data_dir() / "backups" / f"{resolved.stem}-{digest}"


def _copy(source: sqlite3.Connection, target: Path, origin: Path) -> None:
    """Copy the database behind ``source`` to ``target`` (atomically) with the backup API.

    The copy is checked before it takes its final name: a damaged ``origin``
    raises WorkspaceDamaged and leaves ``target`` as it was, so a damaged
    workspace never pushes good backups out of the rolling set.
    """
    with atomic_path(target) as tmp:
        tmp.unlink()  # SQLite creates the file itself
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problems = health.quick_check(dest)
        finally:
            dest.close()
        if problems:
            raise WorkspaceDamaged(origin, problems)


def backup(ws: Workspace, dest: str | Path) -> Path:
    """Write a consistent copy of the open workspace to ``dest`` (a file or a folder).

    A folder receives ``<name>-<UTC time>.briefer``. An existing file is replaced
    only once the copy is complete. Returns the path written.
    """
    dest = Path(dest)
    if dest.is_dir():
        dest = _free_name(dest, ws.name, ws.store.clock().astimezone(UTC))
    try:
        _copy(ws.store.conn, dest, ws.path)
    except sqlite3.Error as exc:
        if health.is_damage(exc):
            raise WorkspaceDamaged(ws.path, [str(exc)]) from exc
        reason = "the disk is full" if "full" in str(exc) else str(exc)
        raise WorkspaceError(dest, f"could not write the backup: {reason}") from exc
    except OSError as exc:
        raise WorkspaceError(dest, f"could not write the backup: {exc.strerror or exc}") from exc
    return dest


def _free_name(folder: Path, stem: str, when: datetime) -> Path:
    base = f"{stem}-{when:%Y%m%d-%H%M%S}"
    candidate, n = folder / f"{base}{SUFFIX}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}{SUFFIX}"
    return candidate


def list_backups(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def _last_write_ns(path: Path) -> int:
    """When the workspace last changed on disk (its file or a non-empty write-ahead log)."""
    times = [path.stat().st_mtime_ns]
    if health.left_unclean(path):
        times.append(health.wal_path(path).stat().st_mtime_ns)
    return max(times)


def _content_digest(path: Path) -> str:
    """SHA-256 of a backup file past its header (which holds change counters)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        fh.seek(100)
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class RollingBackup:
    """Rolling backups of one open workspace under a :class:`BackupPolicy`.

    Call :meth:`on_open` once after opening and :meth:`if_due` from a timer (the
    GUI) with the current time. ``clock`` defaults to the workspace's clock.
    """

    def __init__(self, ws: Workspace, policy: BackupPolicy | None = None, clock: Clock | None = None) -> None:
        self.ws = ws
        self.policy = policy or BackupPolicy()
        self.folder = self.policy.folder or default_folder(ws.path)
        self._clock = clock or ws.store.clock
        self._last_time: datetime | None = None
        self._last_mark = self._mark()

    def _mark(self) -> tuple[int, int]:
        """Changes made through this connection, and the data version others bump."""
        conn = self.ws.store.conn
        return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])

    def on_open(self) -> Path | None:
        """Back up now unless the newest backup already holds what the file holds.

        Returns the new backup, or None when the newest one is as recent as the
        file, or has the same content (it is then marked as recent).
        """
        backups = list_backups(self.folder)
        self._last_time = self._clock()
        self._last_mark = self._mark()
        newest = backups[0] if backups else None
        if newest is not None and newest.stat().st_mtime_ns >= _last_write_ns(self.ws.path):
            return None
        return self._make(same_as=newest)

    def if_due(self, now: datetime | None = None) -> Path | None:
        """Back up when the workspace changed and ``policy.every`` has passed since the last one."""
        now = now or self._clock()
        if self._last_time is not None and now - self._last_time < self.policy.every:
            return None
        if self._mark() == self._last_mark:
            return None
        self._last_time = now
        self._last_mark = self._mark()
        return self._make()

    def _make(self, same_as: Path | None = None) -> Path | None:
        self.folder.mkdir(parents=True, exist_ok=True)
        made = backup(self.ws, self.folder)
        if same_as is not None and _content_digest(made) == _content_digest(same_as):
            made.unlink()
            same_as.touch()
            return None
        for old in list_backups(self.folder)[max(self.policy.keep, 1):]:
            old.unlink(missing_ok=True)
        return made


def restore(backup_file: str | Path, workspace: str | Path, clock: Clock | None = None) -> Path | None:
    """Replace a workspace's content with a backup; return where the old content was kept.

    Returns None when there was no workspace file to keep.
    The backup is checked first (a Briefer workspace, ``quick_check`` clean). The
    current content is kept beside the workspace as
    ``<name>.before-restore-<UTC time>.briefer``: a consistent copy when the
    workspace opens, else the damaged file itself (with its log), moved aside.
    A healthy workspace is restored in place with the backup API, so another
    window that has it open sees the restored content (and can notice it with
    ``changed_externally``).
    """
    backup_file, workspace = Path(backup_file), Path(workspace)
    clock = clock or (lambda: datetime.now(UTC))
    with Workspace.open(backup_file, readonly=True) as source:
        problems = source.check()
        if problems:
            raise WorkspaceDamaged(backup_file, problems)
        kept = _free_name(workspace.parent, f"{workspace.stem}.before-restore", clock().astimezone(UTC))
        if not workspace.exists():
            _copy(source.store.conn, workspace, backup_file)
            return None
        try:
            current = Workspace.open(workspace, check=True)
        except WorkspaceDamaged:
            _move_aside(workspace, kept)
            _copy(source.store.conn, workspace, backup_file)
            return kept
        with current:
            _copy(current.store.conn, kept, workspace)
            try:
                source.store.conn.backup(current.store.conn)
            except sqlite3.Error as exc:
                raise WorkspaceError(workspace, f"restore failed, nothing was changed: {exc}") from exc
    return kept


def _move_aside(workspace: Path, kept: Path) -> None:
    """Move a damaged workspace and its log to ``kept``; drop its shared-memory index."""
    workspace.rename(kept)
    wal = health.wal_path(workspace)
    if wal.exists():
        wal.rename(health.wal_path(kept))
    shm = workspace.with_name(workspace.name + "-shm")
    if shm.exists():
        shm.unlink()


__all__ = ["BackupPolicy", "RollingBackup", "backup", "default_folder", "list_backups", "restore"]
