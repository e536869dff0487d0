"""The demo workspace: the sample article, ready to tag, in the user data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.ingest import extract_file
from briefer.paths import resource, user_data_dir
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path

SAMPLE = "samples/ukraine-mobilizes.txt"


def demo_path() -> Path:
    """Where the demo workspace lives (created by :func:`ensure_demo`)."""
    return user_data_dir() / "demo.briefer"


def sample_article_path() -> Path:
    """The shipped sample article."""
    return resource(SAMPLE)


def ensure_demo(path: Path | None = None) -> Path:
    """Create the demo workspace with the sample article unless it already holds articles."""
    path = path or demo_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with Workspace.create(path) as ws:
        if ws.articles.count() == 0:
            ws.articles.add(extract_file(sample_article_path()))
    return path
