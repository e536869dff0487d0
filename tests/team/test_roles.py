"""Library roles enforced by the server: taggers cannot edit briefs, TLP:RED is shown only to its roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

import psycopg
import pytest

from briefer import team
from briefer.model import Article
from briefer.team import schema
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.team.pgserver import PgServer

TEXT = "Ukraine plans to recruit 160,000 personnel. Russia took 478 square kilometers in October."
SECRET = "A source inside the ministry says the call-up starts on Monday."


def _linked(tmp_path: Path, name: str, dsn: str, library: str) -> Workspace:
    ws = Workspace.create(tmp_path / f"{name}.briefer")
    team.join(ws, dsn, library)
    return ws


def test_a_tagger_tags_but_the_server_refuses_its_brief_edits(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    tom = _linked(tmp_path, "tom", analyst("tom", "tagger"), library)
    article = tom.articles.add(Article(title="Mobilizes", text=TEXT)).id
    tom.tags.add(article, "figure", 25, 32)
    tom.briefs.new("Tom's brief")

    with pytest.raises(team.LibraryError) as raised:
        team.sync(tom)
    message = str(raised.value)
    assert "\n" not in message
    assert "no permission" in message
    assert "briefs" in message
    assert team.status(tom).pending == 1  # the brief waits, the article and tag went through

    eve = _linked(tmp_path, "eve", analyst("eve", "editor"), library)
    team.sync(eve)
    assert (eve.articles.count(), len(eve.tags.all()), eve.briefs.all()) == (1, 1, [])


def test_a_reader_cannot_push_anything(tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    rita = _linked(tmp_path, "rita", analyst("rita", "reader"), library)
    rita.articles.add(Article(title="Mobilizes", text=TEXT))
    with pytest.raises(team.LibraryError, match="no permission"):
        team.sync(rita)


def test_a_tlp_red_article_is_invisible_to_a_reader_not_listed_on_it(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    eve = _linked(tmp_path, "eve", analyst("eve", "editor"), library)
    rita = _linked(tmp_path, "rita", analyst("rita", "reader"), library)
    carl = _linked(tmp_path, "carl", analyst("carl", "reader"), library)
    eve.articles.add(Article(title="Open", text=TEXT))
    red = eve.articles.add(Article(title="Ministry source", text=SECRET)).id
    eve.tags.add(red, "fact", 0, 8)
    eve.articles.edit(red, tlp="TLP:RED")
    eve.tags.set_tlp(eve.tags.all(red)[0].id, "TLP:RED")
    team.share_red(eve, "article", red, [f"{library}_carl"])
    team.share_red(eve, "tag", eve.tags.all(red)[0].id, [f"{library}_carl"])
    team.sync(eve)

    team.sync(rita)
    team.sync(carl)
    assert [a.title for a in rita.articles.all()] == ["Open"]
    assert sorted(a.title for a in carl.articles.all()) == ["Ministry source", "Open"]
    assert len(carl.tags.all()) == 1
    assert rita.tags.all() == []


def test_a_row_turned_tlp_red_leaves_the_workspaces_of_readers_not_listed_on_it(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    eve = _linked(tmp_path, "eve", analyst("eve", "editor"), library)
    rita = _linked(tmp_path, "rita", analyst("rita", "reader"), library)
    carl = _linked(tmp_path, "carl", analyst("carl", "reader"), library)
    source = eve.articles.add(Article(title="Ministry source", text=SECRET)).id
    eve.tags.add(source, "fact", 0, 8)
    eve.articles.add(Article(title="Open", text=TEXT))
    team.sync(eve)
    team.sync(rita)
    team.sync(carl)
    assert rita.articles.count() == carl.articles.count() == 2

    eve.articles.edit(source, tlp="TLP:RED")  # shared openly first, then restricted
    team.share_red(eve, "article", source, [f"{library}_carl"])
    team.sync(eve)
    team.sync(rita)
    team.sync(carl)
    assert [a.title for a in rita.articles.all()] == ["Open"]
    assert rita.tags.all() == []  # its tag went with it
    assert sorted(a.title for a in carl.articles.all()) == ["Ministry source", "Open"]
    assert team.status(rita).pending == 0  # the removal is not pushed back as a deletion
    team.sync(eve)
    assert eve.articles.count() == 2


def test_a_library_of_the_first_schema_is_migrated_with_its_rows(
        tmp_path: Path, pg: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSFILE", str(pg.pgpass))
    with psycopg.connect(pg.admin_dsn()) as conn, monkeypatch.context() as earlier:
        earlier.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        earlier.setattr(schema, "SCHEMA_VERSION", 1)
        schema.migrate(conn, "oldlib")  # as an earlier Briefer made it
    eve = Workspace.create(tmp_path / "eve.briefer")
    with pytest.raises(team.LibraryError, match="older than this Briefer"):
        team.join(eve, pg.admin_dsn(), "oldlib")
    with psycopg.connect(pg.admin_dsn()) as conn:
        assert schema.migrate(conn, "oldlib") == 1  # what 'briefer team init' does
    team.join(eve, pg.admin_dsn(), "oldlib")
    eve.articles.add(Article(title="Open", text=TEXT))
    assert team.sync(eve).pushed == 1
