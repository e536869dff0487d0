"""A window on a team-linked workspace shows another analyst's pushed changes within 2 s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer import team
from briefer.model import Article
from briefer.workspace import Workspace
from tests.gui.conftest import open_window

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings

TEXT = "Ukraine plans to recruit 160,000 personnel. Russia took 478 square kilometers in October."


def test_the_window_refreshes_in_place_when_a_teammate_syncs(
        qtbot: QtBot, tmp_path: Path, settings: Settings, library: str, analyst: Callable[..., str]) -> None:
    mine, theirs = tmp_path / "mine.briefer", tmp_path / "theirs.briefer"
    with Workspace.create(mine) as ws:
        ws.articles.add(Article(title="Mobilizes", text=TEXT))
        team.join(ws, analyst("gui"), library)
        team.sync(ws)
    other = Workspace.create(theirs)
    team.join(other, analyst("mate"), library)
    team.sync(other)

    window = open_window(qtbot, mine, settings)
    live = window.opening.team_live
    assert live is not None
    qtbot.waitUntil(lambda: live.syncs >= 1, timeout=5000)  # its first sync: it listens from now on

    article = other.articles.all()[0].id
    other.tags.add(article, "figure", 25, 32, note="from a teammate")
    other.articles.add(Article(title="A teammate's article", text="Russia took 478 square kilometers."))
    team.sync(other)
    qtbot.waitUntil(lambda: "A teammate's article" in [r.title for r in window.articles.model.rows],
                    timeout=2000)
    qtbot.waitUntil(lambda: any(t.note == "from a teammate" for t in window.session.ws.tags.all()),
                    timeout=2000)
    other.close()

    window.session.close()
    assert window.opening.team_live is None
    assert not live.isRunning()


def test_a_conflict_opens_the_dialog_with_both_values_and_keep_mine_resolves_it(
        qtbot: QtBot, tmp_path: Path, settings: Settings, library: str, analyst: Callable[..., str]) -> None:
    mine, theirs = tmp_path / "mine.briefer", tmp_path / "theirs.briefer"
    with Workspace.create(mine) as ws:
        ws.briefs.new("Sitrep", bluf="Draft.")
        team.join(ws, analyst("gui"), library)
        team.sync(ws)
    with Workspace.create(theirs) as other:
        team.join(other, analyst("mate"), library)
        team.sync(other)
        other.briefs.set(other.briefs.all()[0].id, bluf="Their BLUF.")
        team.sync(other)
    with Workspace.open(mine) as ws:  # edited here meanwhile, before the window opens
        ws.briefs.set(ws.briefs.all()[0].id, bluf="My BLUF.")

    window = open_window(qtbot, mine, settings)
    qtbot.waitUntil(lambda: window.opening.conflict_dialog is not None
                    and window.opening.conflict_dialog.isVisible(), timeout=5000)
    dialog = window.opening.conflict_dialog
    assert dialog is not None
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["brief.bluf", "My BLUF.", "Their BLUF."]

    dialog.keep_mine.click()
    assert not dialog.isVisible()
    assert team.conflicts(window.session.ws) == ()
    assert window.session.ws.briefs.get(window.session.ws.briefs.all()[0].id).bluf == "My BLUF."
    window.session.close()
