"""Workspace files: not SQLite, empty, truncated, damaged, newer, another program's, a folder.

(A read-only file and a full disk need another user or a small disk: they are in
tests/workspace/test_health.py.)
"""

from __future__ import annotations

import shutil
import sqlite3
from typing import TYPE_CHECKING

from briefer.model import Article
from briefer.workspace import SCHEMA_VERSION, Workspace
from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "workspace"


def _workspace(path: Path, articles: int = 40) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Workspace.create(path) as ws, ws.store.transaction():
        for n in range(articles):
            text = f"Report {n}. " + "The front line moved. " * 200
            ws.articles.add(Article(title=f"Report {n}", text=text))
    return path


def _overwrite(path: Path, page: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek((page - 1) * 4096)
        fh.write(data)


def cases(folder: Path) -> Iterator[Case]:
    """Write the workspace inputs and yield their cases (all must be refused clearly)."""
    good = _workspace(folder / G / "source.briefer")
    size = good.stat().st_size

    def variant(name: str) -> Path:
        target = folder / G / name
        shutil.copyfile(good, target)
        return target

    with good.open("r+b") as fh:
        header = fh.read(100)
    write(folder, f"{G}/not-sqlite.briefer", "My notes about the war, not a workspace.\n" * 100)
    write(folder, f"{G}/empty.briefer", b"")
    write(folder, f"{G}/header-only.briefer", header)
    write(folder, f"{G}/sqlite-header-then-noise.briefer", b"SQLite format 3\x00" + bytes(range(256)) * 64)
    with variant("truncated-half.briefer").open("r+b") as fh:
        fh.truncate(size // 2)
    with variant("truncated-odd.briefer").open("r+b") as fh:
        fh.truncate(size // 2 + 1234)
    _overwrite(variant("damaged-page.briefer"), size // 4096 // 2, b"\xa5" * 4096)
    _overwrite(variant("damaged-schema-page.briefer"), 1, header + b"\xa5" * 3996)
    bad_page_size = variant("bad-page-size.briefer")
    _overwrite(bad_page_size, 1, header[:16] + b"\x03\x00")
    newer = variant("newer-schema.briefer")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    other = folder / G / "other-program.briefer"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    (folder / G / "a-folder.briefer").mkdir()
    garbage_log = variant("garbage-log.briefer")
    write(folder, f"{G}/garbage-log.briefer-wal", bytes(range(256)) * 100)
    notes = [
        ("not-sqlite.briefer", "error", "a text file named .briefer"),
        ("empty.briefer", "error", "an empty file"),
        ("header-only.briefer", "error", "only the 100-byte SQLite header"),
        ("sqlite-header-then-noise.briefer", "error", "an SQLite header followed by noise"),
        ("truncated-half.briefer", "error", "a workspace cut in half at a page boundary"),
        ("truncated-odd.briefer", "error", "a workspace cut in the middle of a page"),
        ("damaged-page.briefer", "error", "one page in the middle overwritten"),
        ("damaged-schema-page.briefer", "error", "the schema page overwritten after its header"),
        ("bad-page-size.briefer", "error", "a header with an impossible page size"),
        ("newer-schema.briefer", "error", "made by a newer Briefer"),
        ("other-program.briefer", "error", "an SQLite database of another program"),
        ("a-folder.briefer", "error", "a folder named like a workspace"),
        (garbage_log.name, "either", "a healthy workspace beside a write-ahead log of noise"),
    ]
    for name, expect, note in notes:
        yield Case(f"{G}/{name}", G, "workspace", expect, note=note)
