"""Kill test: a child process changes a workspace in a loop and is SIGKILLed at random moments.

The child imports text files, tags, edits and removes tags, grades and removes
articles, creates and edits briefs, cites tags in them, adds, moves and removes
brief items and rejects suggestions, each change one committed transaction.
Inside each transaction, before committing, it sends a digest of the whole
workspace as it will be once committed ("intent"); after the commit returns it
sends "ack". The parent kills it after a random delay, reopens
the workspace (which runs ``quick_check`` after an unclean exit), runs
``quick_check`` and the full-text index check, and requires the workspace to be
exactly the last acknowledged state, or that state plus the one change in flight.

Exports: a second child writes large files with ``write_atomic`` and DOCX files
with ``save_atomic`` in a loop; after each kill the final name must hold a
complete file of the last acknowledged version (or the one in flight), never a
partial one.

    python bench/crash_kill.py [--kills 1000] [--export-kills 100] [--seed 1] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefer.workspace import Workspace, health
from briefer.workspace.recover import tables_in_order

SCRIPT = Path(__file__).resolve()
WORDS = ("troops", "border", "minister", "said", "region", "drone", "attack", "talks", "aid", "front",
         "city", "forces", "report", "officials", "week", "strike", "energy", "grid", "delegation")
KINDS = ("fact", "quote", "figure", "date", "person", "organisation", "location")
SECTIONS = ("key", "quotes", "figures", "actors")


# --- what the parent and the child both read -------------------------------------------------

def workspace_digest(ws: Workspace) -> str:
    """SHA-256 over every row of every table of the workspace (the full-text index aside)."""
    conn = ws.store.conn
    digest = hashlib.sha256()
    for table in tables_in_order(conn):
        digest.update(table.encode())
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
            digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def fts_problem(ws: Workspace) -> str | None:
    """Why the full-text index disagrees with the articles, or None (read-write opens only)."""
    if ws.store.readonly:
        return None
    return next(iter(health.fts_problems(ws.store.conn, readonly=False)), None)


# --- the child ---------------------------------------------------------------------------------

def _send(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write under PIPE_BUF: never torn by a kill


def _text(rnd: random.Random, n_words: int, tag: str) -> str:
    words = [rnd.choice(WORDS) for _ in range(n_words)]
    sentences = [" ".join(words[i:i + 12]).capitalize() + "." for i in range(0, n_words, 12)]
    paragraphs = (" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))
    return f"Dispatch {tag}\n" + "\n\n".join(paragraphs)


class _Child:
    """Random committed changes to one workspace, using the public workspace API only."""

    def __init__(self, path: Path, seed: int) -> None:
        self.path = path
        self.rnd = random.Random(seed)
        self.seed = seed
        self.count = 0
        self.inbox = path.parent / "inbox"
        self.inbox.mkdir(exist_ok=True)
        self.ws = Workspace.open(path)

    def _ids(self, sql: str) -> list[int]:
        return [r[0] for r in self.ws.store.conn.execute(sql)]

    def import_article(self) -> str:
        from briefer.ingest import extract_file

        self.count += 1
        size = 3000 if self.rnd.random() < 0.05 else self.rnd.randint(40, 600)
        file = self.inbox / f"a-{self.seed}-{self.count}.txt"
        file.write_text(_text(self.rnd, size, f"{self.seed}-{self.count}"), encoding="utf-8")
        imported = self.ws.articles.add(extract_file(file))
        file.unlink()
        return f"import {imported.id}"

    def add_tag(self) -> str | None:
        articles = self._ids("SELECT id FROM articles")
        if not articles:
            return None
        article = self.rnd.choice(articles)
        text = self.ws.articles.text(article)
        start = self.rnd.randrange(0, max(1, len(text) - 60))
        end = min(len(text), start + self.rnd.randint(1, 60))
        kind = self.rnd.choice(KINDS)
        attributes = {"speaker": f"Speaker {self.rnd.randint(1, 9)}"} if kind == "quote" else {}
        created = self.ws.tags.add(article, kind, start, end, attributes=attributes)
        return f"tag {created.id}"

    def edit_tag(self) -> str | None:
        tags = self._ids("SELECT id FROM tags")
        if not tags:
            return None
        tag = self.rnd.choice(tags)
        self.ws.tags.update(tag, note=f"note {self.rnd.randint(0, 10**6)}")
        return f"edit {tag}"

    def remove_tag(self) -> str | None:
        tags = self._ids("SELECT id FROM tags")
        if not tags:
            return None
        tag = self.rnd.choice(tags)
        self.ws.tags.remove(tag)
        return f"untag {tag}"

    def grade(self) -> str | None:
        articles = self._ids("SELECT id FROM articles")
        if not articles:
            return None
        article = self.rnd.choice(articles)
        self.ws.articles.set_grade(article, self.rnd.choice("ABCDEF"))
        return f"grade {article}"

    def remove_article(self) -> str | None:
        articles = self._ids("SELECT id FROM articles")
        if len(articles) < 10:
            return None
        article = self.rnd.choice(articles)
        self.ws.articles.remove(article)
        return f"remove {article}"

    def new_brief(self) -> str | None:
        if len(self._ids("SELECT id FROM briefs")) >= 5:
            return None
        created = self.ws.briefs.new(f"Sitrep {self.rnd.randint(1, 999)}", period="24 h")
        return f"brief {created.id}"

    def edit_brief(self) -> str | None:
        briefs = self._ids("SELECT id FROM briefs")
        if not briefs:
            return None
        brief = self.rnd.choice(briefs)
        field = self.rnd.choice(("bluf", "assessment", "title"))
        self.ws.briefs.set(brief, **{field: f"{field} text {self.rnd.randint(0, 10**6)}"})
        return f"brief-edit {brief}"

    def cite(self) -> str | None:
        briefs = self._ids("SELECT id FROM briefs")
        tags = self._ids("SELECT id FROM tags")
        if not briefs or not tags:
            return None
        brief = self.rnd.choice(briefs)
        cited = {i.tag_id for i in self.ws.briefs.get(brief).items}
        free = [t for t in tags if t not in cited]
        if not free:
            return None
        section = self.rnd.choice(SECTIONS)
        added = self.ws.briefs.add_tags(brief, section, self.rnd.sample(free, min(3, len(free))))
        return f"cite {added.ids}"

    def note(self) -> str | None:
        briefs = self._ids("SELECT id FROM briefs")
        if not briefs:
            return None
        created = self.ws.briefs.add_note(self.rnd.choice(briefs), self.rnd.choice(SECTIONS),
                                          f"Analyst note {self.rnd.randint(0, 10**6)}.", position=0)
        return f"note {created.id}"

    def move_item(self) -> str | None:
        items = self._ids("SELECT id FROM brief_items")
        if not items:
            return None
        item = self.rnd.choice(items)
        self.ws.briefs.move(item, self.rnd.choice(SECTIONS), self.rnd.randint(0, 3))
        return f"move {item}"

    def remove_item(self) -> str | None:
        items = self._ids("SELECT id FROM brief_items")
        if not items:
            return None
        item = self.rnd.choice(items)
        self.ws.briefs.remove(item)
        return f"drop {item}"

    def reject(self) -> str | None:
        articles = self._ids("SELECT id FROM articles")
        if not articles:
            return None
        article = self.rnd.choice(articles)
        text = self.ws.articles.text(article)
        start = self.rnd.randrange(0, max(1, len(text) - 10))
        self.ws.rejections.reject(article, self.rnd.choice(KINDS), start, start + 5, text[start:start + 5])
        return f"reject {article}"

    def step(self) -> None:
        """One committed change, announced before the commit and acknowledged after it."""
        many = self.ws.articles.count() > 40
        ops = [(self.import_article, 2 if many else 4), (self.add_tag, 8), (self.edit_tag, 4),
               (self.remove_tag, 2), (self.grade, 2), (self.remove_article, 4 if many else 1),
               (self.new_brief, 1), (self.edit_brief, 2), (self.cite, 3), (self.note, 2),
               (self.move_item, 2), (self.remove_item, 2), (self.reject, 1)]
        if self.rnd.random() < 0.01:
            self.ws.close()
            self.ws = Workspace.open(self.path)
            return
        op = self.rnd.choices([o for o, _ in ops], [w for _, w in ops])[0]
        with self.ws.store.transaction():
            label = op()
            if label is None:
                return
            _send(f"intent {workspace_digest(self.ws)} {label}")
        _send("ack")


def child_main(path: Path, seed: int) -> None:
    """Run changes until killed (the parent's SIGKILL is the only way out)."""
    import briefer.ingest  # noqa: F401 - loaded before "ready", so kills land in real work

    _send("ready")
    child = _Child(path, seed)
    _send("open")
    while True:
        child.step()


# --- the parent --------------------------------------------------------------------------------

@dataclass
class KillReport:
    """What the workspace kill test found; ``lost`` and ``corrupt`` must be 0."""

    kills: int = 0
    acknowledged_changes: int = 0
    in_flight_committed: int = 0
    in_flight_lost: int = 0
    killed_before_open: int = 0
    lost: int = 0
    corrupt: int = 0
    child_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _child_process(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(SCRIPT), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _until_ready(proc: subprocess.Popen[bytes]) -> bytes:
    """What the child wrote up to and including its "ready" line (or until it died).

    Read from the raw pipe: ``communicate`` reads the pipe's file descriptor too,
    so anything a buffered ``readline`` held back would never be seen.
    """
    assert proc.stdout is not None
    fd, seen = proc.stdout.fileno(), b""
    while b"\n" not in seen and (chunk := os.read(fd, 4096)):
        seen += chunk
    return seen


def _kill_after(proc: subprocess.Popen[bytes], delay: float) -> tuple[list[str], str]:
    """Kill ``delay`` seconds after the child said "ready" (its libraries loaded)."""
    first = _until_ready(proc).decode()
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate()
    lines = (first + out.decode()).splitlines()
    return lines, err.decode() if proc.returncode != -signal.SIGKILL else ""


def settle(lines: list[str], acked: str) -> tuple[str, int, str | None]:
    """From a killed child's messages: the last acknowledged digest, acks, the one in flight."""
    intent, n_acks = None, 0
    for line in lines:
        if line.startswith("intent "):
            intent = line.split()[1]
        elif line == "ack" and intent is not None:
            acked, intent = intent, None
            n_acks += 1
    return acked, n_acks, intent


def check_after_kill(path: Path, acked: str, intent: str | None, readonly: bool) -> tuple[str, str, str]:
    """Reopen and check the workspace: ``(verdict, digest now, problem)``.

    The verdict is ``same`` (the acknowledged state), ``in flight committed``,
    ``in flight lost`` (killed before its commit: fine), ``lost`` (an
    acknowledged change is missing) or ``corrupt``.
    """
    try:
        with Workspace.open(path, readonly=readonly) as ws:
            problems = ws.check() or ([p] if (p := fts_problem(ws)) else [])
            actual = workspace_digest(ws)
    except Exception as exc:  # noqa: BLE001 - any failure to open is corruption
        return "corrupt", acked, str(exc)
    if problems:
        return "corrupt", acked, problems[0]
    if actual == acked:
        return ("in flight lost" if intent else "same"), actual, ""
    if actual == intent:
        return "in flight committed", actual, ""
    return "lost", actual, "the workspace is not in an acknowledged state"


def run_workspace_kills(folder: Path, kills: int, seed: int = 1, max_delay: float = 0.5) -> KillReport:
    """Kill a changing child ``kills`` times; check the workspace after each kill."""
    report = KillReport()
    path = folder / "crash.briefer"
    with Workspace.create(path) as ws:
        acked = workspace_digest(ws)
    rnd = random.Random(seed)
    started = time.perf_counter()
    for n in range(kills):
        proc = _child_process(["--child", str(path), str(seed * 100_003 + n)])
        lines, error = _kill_after(proc, rnd.uniform(0, max_delay))
        if error:
            report.child_errors.append(error.strip().splitlines()[-1])
        report.kills += 1
        if "open" not in lines:
            report.killed_before_open += 1
        acked, n_acks, intent = settle(lines, acked)
        report.acknowledged_changes += n_acks
        # Every other check reads through a read-only connection, leaving the log
        # for the next child to recover; the others close and checkpoint.
        verdict, acked, problem = check_after_kill(path, acked, intent, readonly=n % 2 == 1)
        if verdict == "lost":
            report.child_errors.append(f"kill {n}: {problem}; {n_acks} acks, last lines {lines[-3:]}")
        if verdict == "corrupt":
            report.corrupt += 1
            report.child_errors.append(f"kill {n}: {problem}")
            break
        report.lost += verdict == "lost"
        report.in_flight_committed += verdict == "in flight committed"
        report.in_flight_lost += verdict == "in flight lost"
    report.seconds = round(time.perf_counter() - started, 1)
    return report


# --- exports -----------------------------------------------------------------------------------

EXPORT_BLOCK = 1 << 20


def _export_payload(version: int, megabytes: int) -> bytes:
    block = hashlib.sha256(str(version).encode()).digest() * (EXPORT_BLOCK // 32)
    body = block * megabytes
    return f"version {version} sha256 {hashlib.sha256(body).hexdigest()}\n".encode() + body


def _docx_paragraphs(version: int) -> int:
    return 500 + version % 7 * 100


def export_child_main(folder: Path, seed: int, start: int) -> None:
    """Write ever newer versions of a large file and a DOCX atomically until killed."""
    import docx

    from briefer.atomic import save_atomic, write_atomic

    rnd = random.Random(seed)
    version = start
    _send("ready")
    while True:
        version += 1
        _send(f"intent {version}")
        if version % 2:
            write_atomic(folder / "export.bin", _export_payload(version, rnd.randint(4, 24)))
        else:
            document = docx.Document()
            document.add_heading(f"Brief version {version}", level=1)
            for i in range(_docx_paragraphs(version)):
                document.add_paragraph(f"Item {i} of version {version}: " + " ".join(WORDS))
            save_atomic(folder / "export.docx", document.save)
        _send(f"ack {version}")


def _bin_version(path: Path) -> int | None:
    """The version a complete export.bin holds; raise ValueError for a partial file."""
    if not path.exists():
        return None
    data = path.read_bytes()
    head, _, body = data.partition(b"\n")
    _, version, _, digest = head.decode().split()
    if hashlib.sha256(body).hexdigest() != digest:
        raise ValueError(f"{path.name}: body does not match its header (partial write)")
    return int(version)


def _docx_version(path: Path) -> int | None:
    """The version a complete export.docx holds; raise for a partial or unreadable file."""
    import docx

    if not path.exists():
        return None
    document = docx.Document(str(path))
    version = int(document.paragraphs[0].text.split()[-1])
    if len(document.paragraphs) != 1 + _docx_paragraphs(version):
        raise ValueError(f"{path.name}: {len(document.paragraphs)} paragraphs, a partial document")
    return version


@dataclass
class ExportReport:
    """What the export kill test found; ``partial`` must be 0."""

    kills: int = 0
    acknowledged_writes: int = 0
    partial: int = 0
    stale: int = 0
    leftover_temp_files: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_export_kills(folder: Path, kills: int, seed: int = 1, max_delay: float = 1.0) -> ExportReport:
    """Kill an exporting child ``kills`` times; the final names must always hold whole files."""
    report = ExportReport()
    rnd = random.Random(seed)
    acked = {"bin": 0, "docx": 0}
    version = 0
    started = time.perf_counter()
    for n in range(kills):
        proc = _child_process(["--export-child", str(folder), str(seed * 7919 + n), str(version)])
        lines, error = _kill_after(proc, rnd.uniform(0.1, max_delay))
        if error:
            report.errors.append(error.strip().splitlines()[-1])
        report.kills += 1
        for line in lines:
            if line.startswith("ack "):
                version = int(line.split()[1])
                acked["bin" if version % 2 else "docx"] = version
                report.acknowledged_writes += 1
            elif line.startswith("intent "):
                version = max(version, int(line.split()[1]))
        for kind, reader in (("bin", _bin_version), ("docx", _docx_version)):
            try:
                found = reader(folder / f"export.{kind}")
            except Exception as exc:  # noqa: BLE001 - any unreadable final file is a partial write
                report.partial += 1
                report.errors.append(f"kill {n}: {exc}")
                continue
            if (found or 0) < acked[kind]:
                report.stale += 1
                report.errors.append(f"kill {n}: export.{kind} holds version {found}, acked {acked[kind]}")
    report.leftover_temp_files = len(list(folder.glob(".export.*.part")))
    report.seconds = round(time.perf_counter() - started, 1)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000, help="kills of the workspace child")
    parser.add_argument("--export-kills", type=int, default=100, help="kills of the exporting child")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--export-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(Path(args.child[0]), int(args.child[1]))
    if args.export_child:
        export_child_main(Path(args.export_child[0]), int(args.export_child[1]), int(args.export_child[2]))
    with tempfile.TemporaryDirectory(prefix="briefer-crash-") as tmp:
        ws_folder, export_folder = Path(tmp) / "workspace", Path(tmp) / "exports"
        ws_folder.mkdir()
        export_folder.mkdir()
        workspace = run_workspace_kills(ws_folder, args.kills, args.seed)
        exports = run_export_kills(export_folder, args.export_kills, args.seed)
    result = {**asdict(workspace), "exports": asdict(exports)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"workspace: {workspace.kills} kills, {workspace.acknowledged_changes} acknowledged changes,"
              f" {workspace.lost} lost, {workspace.corrupt} corrupt ({workspace.seconds} s)")
        print(f"exports: {exports.kills} kills, {exports.acknowledged_writes} acknowledged writes,"
              f" {exports.partial} partial, {exports.stale} stale ({exports.seconds} s)")
    ok = not (workspace.lost or workspace.corrupt or exports.partial or exports.stale)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
