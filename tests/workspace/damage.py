"""Helpers that build workspaces and damage them the way disks, copies and crashes do."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import TYPE_CHECKING

from briefer.model import Article
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

PAGE = 4096


def filled_workspace(path: Path, articles: int = 60, tags_per_article: int = 3) -> Path:
    """A closed workspace with numbered articles ("Report N") and a few tags on each."""
    with Workspace.create(path) as ws, ws.store.transaction():
        for n in range(1, articles + 1):
            body = " ".join(f"Report {n} sentence {i} about the front line." for i in range(40))
            article_id = ws.articles.add(Article(title=f"Report {n}", text=body)).id
            for k in range(tags_per_article):
                ws.tags.add(article_id, "fact", k * 10, k * 10 + 6, note=f"tag {n}.{k}")
    return path


def pages_of(path: Path, table: str) -> list[int]:
    """The page numbers holding ``table``'s b-tree (leaves and interior), from SQLite's dbstat."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno",
                                           (table,))]
    finally:
        conn.close()


def overwrite_pages(path: Path, pages: Iterable[int], filler: bytes = b"\xa5") -> None:
    """Overwrite whole pages (1-based) with a filler byte, as a bad sector would."""
    with path.open("r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * PAGE)
            fh.write(filler * PAGE)


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, to prove a refused file was not modified."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
