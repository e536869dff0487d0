"""Shared test setup: Qt offscreen before anything loads it, isolated user folders."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import TYPE_CHECKING

from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Iterator

#: The team tests' fixtures (a real PostgreSQL server), for the GUI's team tests too.
pytest_plugins = ["tests.team.fixtures"]

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "ukraine-mobilizes.txt"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's data and configuration folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


def fixed_clock() -> datetime:
    """A clock frozen at 2026-11-25 14:30 UTC, for deterministic timestamps."""
    return datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


@pytest.fixture
def sample_path() -> Path:
    """The demo article shipped under resources/samples."""
    return SAMPLE


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """An empty workspace in a temporary folder, with a fixed clock."""
    workspace = Workspace.create(tmp_path / "test.briefer", clock=fixed_clock)
    yield workspace
    workspace.close()


@pytest.fixture
def demo_ws(ws: Workspace, sample_path: Path) -> Workspace:
    """A workspace holding the demo article as article 1."""
    from briefer.ingest import extract_file

    ws.articles.add(extract_file(sample_path))
    return ws
