"""A program with a workspace open keeps its SQLite locks whatever else it opens or copies.

Closing any descriptor of the file would drop them all (POSIX): another program
then deletes the log this one still writes to, and its next changes are seen by
nobody and lost when it stops.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from briefer.model import Article
from briefer.workspace import Workspace, health
from briefer.workspace.backup import backup
from briefer.workspace.recover import recover

if TYPE_CHECKING:
    from pathlib import Path

COUNT_TAGS = ("import sys; from briefer.workspace import Workspace;"
              " ws = Workspace.open(sys.argv[1]); print(len(ws.tags.all())); ws.close()")


def _tags_seen_by_another_program(path: Path) -> int:
    done = subprocess.run([sys.executable, "-c", COUNT_TAGS, str(path)], capture_output=True, text=True,
                          timeout=60, check=True)
    return int(done.stdout)


def test_opening_recovering_and_backing_up_in_this_process_keep_the_log_alive(tmp_path: Path) -> None:
    path = tmp_path / "w.briefer"
    ws = Workspace.create(path)
    article = ws.articles.add(Article(title="Report", text="The troops moved. " * 20)).id
    ws.tags.add(article, "fact", 0, 5)
    for uses_the_file in (
        lambda: Workspace.open(path, readonly=True).close(),  # a background job of the window
        lambda: Workspace.open(path).close(),
        lambda: recover(path, tmp_path / f"copy-{len(list(tmp_path.iterdir()))}.briefer"),
        lambda: backup(ws, tmp_path / f"backup-{len(list(tmp_path.iterdir()))}.briefer"),
    ):
        uses_the_file()
        before = len(ws.tags.all())
        assert _tags_seen_by_another_program(path) == before  # it opened and closed the workspace
        assert health.wal_path(path).exists()  # ... and did not delete the log this one writes to
        ws.tags.add(article, "quote", 6, 12)
        assert _tags_seen_by_another_program(path) == before + 1
    ws.close()


def test_recovering_the_open_workspace_copies_what_is_only_in_its_log(tmp_path: Path) -> None:
    path = tmp_path / "w.briefer"
    with Workspace.create(path) as ws:
        article = ws.articles.add(Article(title="Report", text="The troops moved. " * 20)).id
        ws.tags.add(article, "fact", 0, 5)
        result = recover(path, tmp_path / "copy.briefer")
        assert (result.count("articles"), result.count("tags"), result.problems) == (1, 1, ())
