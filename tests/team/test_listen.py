"""The library notifies listeners of every write; nothing when nothing changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer import team
from briefer.model import Article
from briefer.team.listen import Listener
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def test_a_push_wakes_a_listener(tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    dsn = analyst("ann")
    with Workspace.create(tmp_path / "ann.briefer") as ws, Listener(dsn, library) as listener:
        team.join(ws, dsn, library)
        assert listener.wait(0.1) is False
        ws.articles.add(Article(title="Mobilizes", text="Ukraine plans to recruit 160,000 personnel."))
        team.sync(ws)
        assert listener.wait(2) is True
        team.sync(ws)  # nothing to push: no write, no notification
        assert listener.wait(0.2) is False
