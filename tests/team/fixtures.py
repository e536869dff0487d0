"""Fixtures of the team tests (a plugin of tests/conftest.py, so the GUI tests have them too).

One real PostgreSQL per session, started by the first test that asks for it; a fresh
library per test.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import psycopg
import pytest

from briefer.team.roles import grant
from briefer.team.schema import migrate
from tests.team.pgserver import PgServer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg() -> Iterator[PgServer]:
    server = PgServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def library(pg: PgServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new, empty library (its own schema and roles); PGPASSFILE points at the test server's."""
    monkeypatch.setenv("PGPASSFILE", str(pg.pgpass))
    name = f"lib{next(_numbers)}"
    with psycopg.connect(pg.admin_dsn()) as conn:
        migrate(conn, name)
    return name


@pytest.fixture
def analyst(pg: PgServer, library: str) -> Callable[..., str]:
    """A factory: ``analyst("alice", "editor")`` makes a login role with that library role; its DSN."""
    def make(name: str, as_role: str = "editor") -> str:
        user = f"{library}_{name}"
        dsn = pg.add_login(user, f"pw-{user}")
        grant(pg.admin_dsn(), user, as_role, library)
        return dsn
    return make
