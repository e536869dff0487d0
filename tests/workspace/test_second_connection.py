"""A workspace just created can be opened by a second connection while the first is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path


def test_new_workspace_opens_from_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "fresh.briefer"
    with Workspace.create(path) as first, Workspace.open(path) as second:
        assert second.articles.count() == first.articles.count() == 0
