"""Two programs on one workspace, SIGKILLed at random: a long-lived writer and ``briefer`` commands.

The writer stands in for the window: it keeps its connection open, keeps a
read-only connection of its own (the window's worker thread) and, every few
changes, opens and closes another one (a background job). Each change tags a
sentence with a unique note, acknowledged once committed. Meanwhile ``briefer``
commands run in other processes, two at a time: ``list``, ``search``, ``show``
and ``check`` read; ``tag add --note`` writes (acknowledged when it exits 0).
At random moments the parent SIGKILLs the writer or a running command. After
every kill of the writer the workspace must hold every acknowledged note and pass
``Workspace.check`` (``quick_check``, the schema, the full-text index).

A process that reads the workspace file with plain ``open()``/``close()`` while
one of its connections is open drops its SQLite locks; a command then deletes
the log the writer still writes to, and the writer's next changes vanish with it.

    python -m bench.crash_shared [--kills 200] [--seed 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.crash_kill import _send, _text
from briefer.model import Article
from briefer.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
_BRIEFER = (sys.executable, "-c", "import sys; from briefer.cli import main; sys.exit(main())")
_COMMANDS = ("list", "search", "show", "check", "tag", "tag")


def writer_main(path: Path, seed: int) -> None:
    """Tag sentences with unique notes until killed, opening read-only connections between changes."""
    _send("ready")
    ws = Workspace.open(path)
    worker = Workspace.open(path, readonly=True)
    length = len(ws.articles.text(1))
    rnd = random.Random(seed)
    n = 0
    while True:
        n += 1
        start = rnd.randrange(0, length - 20)
        ws.tags.add(1, "fact", start, start + rnd.randint(1, 20), note=f"w{seed}-{n}")
        _send(f"ack w{seed}-{n}")
        worker.tags.all(article_id=1)
        if n % 3 == 0:
            with Workspace.open(path, readonly=True) as job:
                job.articles.count()


@dataclass
class SharedReport:
    """What the two-program kill test found; ``lost`` and ``corrupt`` must be 0."""

    kills: int = 0
    writer_kills: int = 0
    command_kills: int = 0
    commands_run: int = 0
    acknowledged_changes: int = 0
    lost: int = 0
    corrupt: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


class _Writer:
    """The long-lived writer process; a thread drains its acknowledgements."""

    def __init__(self, path: Path, seed: int) -> None:
        args = [sys.executable, "-m", "bench.crash_shared", "--writer", str(path), str(seed)]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
        self.lines: list[str] = []
        self._ready = threading.Event()
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()
        self._ready.wait(30)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self.lines.append(raw.decode().strip())
            self._ready.set()
        self._ready.set()

    def kill(self) -> tuple[list[str], str]:
        """SIGKILL it; its acknowledged notes and, if it died on its own, its error."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self._drain.join()
        assert self.proc.stderr is not None
        assert self.proc.stdout is not None
        error = self.proc.stderr.read().decode() if self.proc.returncode != -signal.SIGKILL else ""
        self.proc.stderr.close()
        self.proc.stdout.close()
        return [line.split()[1] for line in self.lines if line.startswith("ack ")], error


def _command(path: Path, rnd: random.Random, number: int) -> tuple[subprocess.Popen[bytes], str | None]:
    """Start one ``briefer`` command; the note it writes when it is a writer."""
    kind = rnd.choice(_COMMANDS)
    args = {"list": ["list", str(path)], "search": ["search", str(path), "troops"],
            "show": ["show", str(path), "1"], "check": ["check", str(path)]}.get(kind)
    note = None
    if args is None:
        note = f"c{number}"
        start = rnd.randrange(0, 200)
        args = ["tag", "add", str(path), "1", "--kind", "quote", "--start", str(start),
                "--end", str(start + 5), "--note", note]
    proc = subprocess.Popen([*_BRIEFER, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=REPO)
    return proc, note


def _verify(path: Path, acked: set[str], full: bool) -> tuple[int, str]:
    """Acknowledged notes missing now, and the damage found ("" when none).

    ``full``: open for changes (so a log left by the kill is merged), else read-only.
    """
    try:
        with Workspace.open(path, readonly=not full) as ws:
            problem = next(iter(ws.check()), "")  # quick_check, schema, full-text index
            notes = {tag.note for tag in ws.tags.all()}
    except Exception as exc:  # noqa: BLE001 - any failure to open is damage
        return 0, str(exc)
    return len(acked - notes), problem


def run_shared_kills(folder: Path, kills: int, seed: int = 1) -> SharedReport:
    """Kill the writer or a command ``kills`` times in all; check after every writer kill."""
    report = SharedReport()
    path = folder / "shared.briefer"
    rnd = random.Random(seed)
    with Workspace.create(path) as ws:
        ws.articles.add(Article(title="Shared dispatch", text=_text(rnd, 400, "shared")))
    acked: set[str] = set()
    running: list[tuple[subprocess.Popen[bytes], str | None]] = []
    started = time.perf_counter()
    writer = _Writer(path, seed * 1000)
    while report.kills < kills:
        while len(running) < 2:
            report.commands_run += 1
            running.append(_command(path, rnd, report.commands_run))
        time.sleep(rnd.uniform(0.05, 0.4))
        for proc, note in [r for r in running if r[0].poll() is not None]:
            running.remove((proc, note))
            assert proc.stderr is not None
            if proc.returncode == 0 and note:
                acked.add(note)
            elif proc.returncode != 0:
                report.errors.append(proc.stderr.read().decode().strip()[-300:])
            proc.stderr.close()
        report.kills += 1
        if running and rnd.random() < 0.5:
            proc, _ = running.pop(rnd.randrange(len(running)))
            proc.kill()
            proc.wait()
            assert proc.stderr is not None
            proc.stderr.close()
            report.command_kills += 1
            continue
        notes, error = writer.kill()
        report.writer_kills += 1
        if error:
            report.errors.append(error.strip()[-300:])
        acked.update(notes)
        missing, problem = _verify(path, acked, full=False)
        report.lost += missing
        if problem:
            report.corrupt += 1
            report.errors.append(f"kill {report.kills}: {problem}")
            break
        writer = _Writer(path, seed * 1000 + report.writer_kills)
    notes, _ = writer.kill()
    acked.update(notes)
    for proc, note in running:
        if proc.wait() == 0 and note:
            acked.add(note)
        assert proc.stderr is not None
        proc.stderr.close()
    missing, problem = _verify(path, acked, full=True)
    report.lost += missing
    report.corrupt += bool(problem)
    if problem:
        report.errors.append(f"at the end: {problem}")
    report.acknowledged_changes = len(acked)
    report.seconds = round(time.perf_counter() - started, 1)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--writer", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer_main(Path(args.writer[0]), int(args.writer[1]))
    with tempfile.TemporaryDirectory(prefix="briefer-shared-") as tmp:
        report = run_shared_kills(Path(tmp), args.kills, args.seed)
    if args.json:
        print(json.dumps(asdict(report)))
    else:
        print(f"{report.kills} kills ({report.writer_kills} of the writer, {report.command_kills} of"
              f" commands), {report.commands_run} commands, {report.acknowledged_changes} acknowledged"
              f" changes, {report.lost} lost, {report.corrupt} corrupt ({report.seconds} s)")
        for error in report.errors[:5]:
            print(f"  {error}")
    return 0 if not (report.lost or report.corrupt or report.errors) else 1


if __name__ == "__main__":
    sys.exit(main())
