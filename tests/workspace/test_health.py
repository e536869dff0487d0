"""Damaged, truncated, read-only and full-disk workspaces: a clear line, the file untouched."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

from briefer.errors import WorkspaceDamaged, WorkspaceError
from briefer.model import Article
from briefer.workspace import Workspace, health
from tests.workspace.damage import file_digest, filled_workspace, overwrite_pages, pages_of

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def run_python(code: str, *args: str, obey_modes: bool = False) -> subprocess.CompletedProcess[str]:
    """Run Python code in a child; ``obey_modes`` makes root obey file modes there too.

    Root ignores read-only modes; without the capabilities that override them
    (dropped with util-linux's setpriv) it is held to the owner's bits like anyone.
    """
    command = [sys.executable, "-c", code, *args]
    if obey_modes and os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def locked_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder made read-only (mode 555) once the test has put its files in it."""
    folder = tmp_path / "locked"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)


def test_truncated_workspace_is_refused_untouched_and_still_readable(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "cut.briefer")
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2 + 1000)
    before = file_digest(path)

    with pytest.raises(WorkspaceDamaged, match="truncated") as info:
        Workspace.open(path)

    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: the workspace is damaged: truncated")
    assert "briefer recover" in message
    assert file_digest(path) == before
    assert not health.wal_path(path).exists()
    with Workspace.open(path, readonly=True) as ws:
        assert ws.check()  # read-only still opens, and names the damage


def test_damage_is_found_on_open_after_an_unclean_exit(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer")
    overwrite_pages(path, pages_of(path, "tags")[1:3])
    # A session that never closed: its log is still beside the file.
    crashed = run_python(
        "import sys, os\n"
        "from briefer.workspace import Workspace\n"
        "from briefer.model import Article\n"
        "ws = Workspace.open(sys.argv[1])\n"
        "ws.articles.add(Article(title='Late', text='Written just before the crash.'))\n"
        "os._exit(0)\n",
        str(path),
    )
    assert crashed.returncode == 0, crashed.stderr
    assert health.left_unclean(path)
    before = (file_digest(path), file_digest(health.wal_path(path)))

    with pytest.raises(WorkspaceDamaged, match="damaged"):
        Workspace.open(path)
    # Refused untouched: the log is not merged into the damaged file.
    assert (file_digest(path), file_digest(health.wal_path(path))) == before


def test_clean_workspace_is_not_scanned_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = filled_workspace(tmp_path / "w.briefer")
    scans: list[int] = []
    real = health.quick_check
    monkeypatch.setattr(health, "quick_check", lambda conn, limit=10: scans.append(1) or real(conn, limit))

    Workspace.open(path).close()
    assert scans == []
    Workspace.open(path, check=True).close()
    assert scans == [1]


def test_check_lists_problems_of_a_damaged_page(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer")
    with Workspace.open(path) as ws:
        assert ws.check() == []
    overwrite_pages(path, pages_of(path, "articles")[3:4])
    with Workspace.open(path, readonly=True) as ws:
        problems = ws.check()
    assert problems
    assert all("\n" not in p and not p.startswith("***") for p in problems)
    with pytest.raises(WorkspaceDamaged) as info:
        Workspace.open(path, check=True)
    assert "\n" not in str(info.value)
    assert info.value.problems == tuple(problems)


def test_damaged_workspace_error_survives_the_sandbox_pickle(tmp_path: Path) -> None:
    import pickle

    error = WorkspaceDamaged(tmp_path / "w.briefer", ["page 7: bad", "page 9: bad"])
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert copy.problems == ("page 7: bad", "page 9: bad")
    assert "and 1 more problems" in str(error)


def test_read_only_file_is_refused_in_one_line_and_opens_read_only(locked_dir: Path) -> None:
    path = filled_workspace(locked_dir / "ro.briefer")
    path.chmod(0o444)
    locked_dir.chmod(0o555)
    before = file_digest(path)
    code = (
        "import sys\n"
        "from briefer.errors import BrieferError\n"
        "from briefer.workspace import Workspace\n"
        "try:\n    Workspace.open(sys.argv[1])\nexcept BrieferError as e:\n    print(e)\n"
        "with Workspace.open(sys.argv[1], readonly=True) as ws:\n    print(ws.articles.count())\n"
    )
    result = run_python(code, str(path), obey_modes=True)
    assert result.returncode == 0, result.stderr
    refused, count = result.stdout.splitlines()
    assert refused == f"{path}: the file is read-only; open it read-only to read it"
    assert count == "60"  # the folder is not writable either: read as immutable
    assert file_digest(path) == before


def test_folder_without_write_access_gives_a_clear_error(locked_dir: Path) -> None:
    path = filled_workspace(locked_dir / "w.briefer")
    locked_dir.chmod(0o555)  # the file is writable, its folder is not: no room for the log
    result = run_python(
        "import sys\n"
        "from briefer.errors import BrieferError\n"
        "from briefer.workspace import Workspace\n"
        "try:\n    Workspace.open(sys.argv[1])\nexcept BrieferError as e:\n    print(e)\n",
        str(path), obey_modes=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"{path}: its folder is read-only (changes need a log file beside the"
                                     " workspace); open it read-only to read it")


FILL_THE_DISK = """
import json, resource, signal, sys
from pathlib import Path
from briefer.errors import BrieferError
from briefer.model import Article
from briefer.workspace import Workspace
from briefer.workspace.backup import backup

folder, limit = Path(sys.argv[1]), int(sys.argv[2])
if limit:  # a file-size limit: writes past it fail with EFBIG, as on a full disk
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
path = folder / "w.briefer"
ws = Workspace.create(path)
stored, error = [], None
for n in range(1000):
    text = f"Article {n}. " + "Long dispatch from the front. " * 2000
    try:
        stored.append(ws.articles.add(Article(title=f"Article {n}", text=text)).id)
    except BrieferError as exc:
        error = str(exc)
        break
try:
    backup(ws, folder / "copy.briefer")
    backup_error = None
except BrieferError as exc:
    backup_error = str(exc)
ws.close()
with Workspace.open(path, check=True) as ws:
    present = sorted(a.id for a in ws.articles.all())
    problems = ws.check()
print(json.dumps({"stored": stored, "error": error, "present": present, "problems": problems,
                  "backup_error": backup_error, "files": sorted(p.name for p in folder.iterdir())}))
"""


def _fill(command: list[str], folder: Path) -> dict[str, object]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    path = folder / "w.briefer"
    assert len(outcome["stored"]) >= 1
    assert outcome["present"] == outcome["stored"]  # every committed article, and only those
    assert outcome["problems"] == []
    # A failed backup leaves nothing under its final name.
    assert ("copy.briefer" in outcome["files"]) == (outcome["backup_error"] is None)
    assert not [f for f in outcome["files"] if f.endswith(".part")]
    assert str(path) in outcome["error"]
    assert "\n" not in outcome["error"]
    return outcome


def test_full_disk_fails_one_write_clearly_and_keeps_committed_data(tmp_path: Path) -> None:
    """A real full disk: a 1 MB tmpfs mounted in a private user and mount namespace."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    script = 'mount -t tmpfs -o size=1m tmpfs "$1" && shift && exec "$@"'
    outcome = _fill(["unshare", "--map-root-user", "--mount", "sh", "-c", script, "sh", str(folder),
                     sys.executable, "-c", FILL_THE_DISK, str(folder), "0"], folder)
    path, copy = folder / "w.briefer", folder / "copy.briefer"
    assert outcome["error"] == f"{path}: could not write: the disk is full; the change was not saved"
    assert outcome["backup_error"] == f"{copy}: could not write the backup: the disk is full"


def test_file_size_limit_fails_one_write_clearly_and_keeps_committed_data(tmp_path: Path) -> None:
    outcome = _fill([sys.executable, "-c", FILL_THE_DISK, str(tmp_path), "300000"], tmp_path)
    path = tmp_path / "w.briefer"
    assert outcome["error"] == f"{path}: disk I/O error (is the disk full, removed or failing?)"


HOLD_WRITE_LOCK = """
import sys
from briefer.model import Article
from briefer.workspace import Workspace
ws = Workspace.open(sys.argv[1])
with ws.store.transaction():
    ws.articles.add(Article(title="From the other window", text="Written by another process."))
    print("holding", flush=True)
    sys.stdin.readline()
print("committed", flush=True)
"""


@contextmanager
def other_writer(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the workspace's write lock until it reads a line on stdin."""
    with subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(path)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "holding"
        yield proc


def test_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=1)
    with Workspace.open(path) as ws, other_writer(path) as other:
        release = threading.Timer(0.5, other.communicate, kwargs={"input": "\n"})
        release.start()
        ws.articles.add(Article(title="From this window", text="Written while the other one wrote."))
        release.join()
        assert other.returncode == 0
        assert {a.title for a in ws.articles.all()} >= {"From the other window", "From this window"}


def test_writer_that_cannot_get_the_lock_gets_a_clear_message_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefer.workspace import store

    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    path = filled_workspace(tmp_path / "w.briefer", articles=1)
    with Workspace.open(path) as ws:
        with other_writer(path) as other:
            with pytest.raises(WorkspaceError) as info:
                ws.articles.add(Article(title="Too early", text="Tried while the other window wrote."))
            other.communicate("\n", timeout=10)
        assert str(info.value) == f"{path}: another Briefer is writing to this workspace; try again"
        ws.articles.add(Article(title="Retried", text="Tried again once it was done."))
        titles = {a.title for a in ws.articles.all()}
    assert titles >= {"From the other window", "Retried"}
    assert "Too early" not in titles


def test_changes_from_another_process_are_noticed(tmp_path: Path, sample_path: Path) -> None:
    path = tmp_path / "w.briefer"
    with Workspace.create(path) as ws:
        assert not ws.changed_externally()
        result = subprocess.run([sys.executable, "-m", "briefer.cli", "import", str(path), str(sample_path)],
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        assert ws.changed_externally()
        assert not ws.changed_externally()  # reported once
        assert ws.articles.count() == 1
        ws.tags.add(1, "fact", 0, 10)  # this window's own change is not "external"
        assert not ws.changed_externally()


def test_open_refuses_a_workspace_whose_log_says_it_is_newer(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "w.briefer", articles=2)
    from briefer.workspace import SCHEMA_VERSION

    code = (
        "import sqlite3, sys, os\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        f"c.execute('PRAGMA user_version = {SCHEMA_VERSION + 1}')\n"
        "os._exit(0)\n"  # no checkpoint: the new version is only in the log
    )
    assert run_python(code, str(path)).returncode == 0
    assert health.left_unclean(path)
    with pytest.raises(WorkspaceError, match="newer Briefer"):
        Workspace.open(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()


def test_reads_of_damaged_pages_raise_workspace_damaged_in_one_line(tmp_path: Path) -> None:
    cut = filled_workspace(tmp_path / "cut.briefer")
    with cut.open("r+b") as fh:
        fh.truncate(cut.stat().st_size // 2 + 1000)
    with Workspace.open(cut, readonly=True) as ws:
        for read in (ws.articles.all, ws.articles.count, lambda: ws.articles.get(60),
                     lambda: ws.articles.search("front"), ws.tags.all, ws.briefs.all,
                     lambda: ws.rejections.of_article(1)):
            with pytest.raises(WorkspaceDamaged) as info:
                read()
            assert str(info.value).startswith(f"{cut}: the workspace is damaged: ")
            assert "\n" not in str(info.value)
    hit = filled_workspace(tmp_path / "hit.briefer")
    overwrite_pages(hit, pages_of(hit, "articles")[3:4])
    with Workspace.open(hit) as ws:  # closed cleanly before the damage: opens without a scan
        assert ws.articles.get(1).title == "Report 1"  # what is readable is read
        with pytest.raises(WorkspaceDamaged):
            ws.articles.all()
