"""What safety costs on a big workspace: quick_check on open, backups, recovery.

Builds the workspace of bench/workspace_scale.py (10,000 articles, 100,000 tags)
and measures: a clean open (no scan), an open after an unclean exit (which runs
``quick_check``), ``quick_check`` alone, a backup, a rolling backup on open with
nothing changed, and ``recover``. "Cold" runs first drop the file from the page
cache (posix_fadvise DONTNEED), as after a reboot.

    python bench/workspace_safety.py [--articles N] [--tags N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from workspace_scale import build  # bench/ is the script's folder

from briefer.workspace import Workspace, health
from briefer.workspace.backup import BackupPolicy, RollingBackup, backup
from briefer.workspace.recover import recover

if TYPE_CHECKING:
    from collections.abc import Callable

LEAVE_A_LOG = (
    "import os, sys\nfrom briefer.workspace import Workspace\n"
    "ws = Workspace.open(sys.argv[1])\nws.tags.add(1, 'fact', 0, 5)\nos._exit(0)\n"
)


def _drop_cache(path: Path) -> None:
    for file in (path, health.wal_path(path)):
        if file.exists():
            fd = os.open(file, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _median_ms(action: Callable[[], object], runs: int = 5, cold: Path | None = None,
               before: Callable[[], object] | None = None) -> float:
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        if cold is not None:
            _drop_cache(cold)
        t0 = time.perf_counter()
        action()
        samples.append(time.perf_counter() - t0)
    return round(statistics.median(samples) * 1000, 2)


def measure(path: Path, folder: Path) -> dict[str, float]:
    """Median timings (ms) of opening, checking, backing up and recovering ``path``."""
    def leave_log() -> None:
        subprocess.run([sys.executable, "-c", LEAVE_A_LOG, str(path)], check=True)

    def open_close() -> None:
        Workspace.open(path).close()

    def check() -> None:
        with Workspace.open(path, readonly=True) as ws:
            assert ws.check() == []

    result = {"file_mb": round(path.stat().st_size / 1e6, 1)}
    result["open_clean_ms"] = _median_ms(open_close)
    result["open_clean_cold_ms"] = _median_ms(open_close, cold=path)
    result["open_unclean_ms"] = _median_ms(open_close, before=leave_log)
    result["open_unclean_cold_ms"] = _median_ms(open_close, before=leave_log, cold=path)
    result["quick_check_ms"] = _median_ms(check)
    result["quick_check_cold_ms"] = _median_ms(check, cold=path)
    with Workspace.open(path) as ws:
        result["backup_ms"] = _median_ms(lambda: backup(ws, folder / "copy.briefer"), runs=3)
        rolling = RollingBackup(ws, BackupPolicy(folder=folder / "rolling"))
        rolling.on_open()
        result["rolling_on_open_unchanged_ms"] = _median_ms(rolling.on_open)
    outputs = iter(range(100))
    result["recover_ms"] = _median_ms(lambda: recover(path, folder / f"out{next(outputs)}.briefer"), runs=1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--tags", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.briefer"
        build(path, args.articles, args.tags)
        result = measure(path, Path(tmp))
    result = {"articles": args.articles, "tags": args.tags, **result}
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:30} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
