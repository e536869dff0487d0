"""The timeline dialog (Ctrl+Shift+T): dated items in order with their sources; Enter shows one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.gui.brief.timeline import TimelineDialog
from tests.analysis.multi_outlet import fill
from tests.gui.conftest import open_window
from tests.gui.helpers import Keys

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings
    from briefer.workspace import Workspace

THURSDAY = "on Thursday night"


def _rows(dialog: TimelineDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _dated(ws: Workspace) -> int:
    """Fill the five outlets and tag the Daily Courier's "Thursday night" as 19 November."""
    filled = fill(ws)
    article = filled.articles[3]
    start = ws.articles.text(article).index(THURSDAY)
    ws.tags.add(article, "date", start, start + len(THURSDAY), attributes={"iso": "2026-11-19"})
    return filled.tag(4, "figure")


def test_the_workspace_timeline_lists_dated_items_oldest_first_with_their_source(
        qtbot: QtBot, ws: Workspace) -> None:
    courier_figure = _dated(ws)
    dialog = TimelineDialog(ws)
    qtbot.addWidget(dialog)
    rows = _rows(dialog)
    assert dialog.windowTitle() == "Timeline: the workspace"
    assert rows[0] == ["10 Nov 2026", "publication", "Eight people were killed",
                       "Kharkiv Today — Earlier strike: eight dead in Kharkiv"]
    assert rows[1][:3] == ["19 Nov 2026", "when it happened", "As many as 40 people were killed"]
    assert rows[1][3] == "Daily Courier — Carnage in Kharkiv as 40 die"
    assert dialog.entries[1].tag == courier_figure
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=lambda d: int(d.split()[0]))
    assert not any(r[2] == "Kharkiv" for r in rows)  # places are not events
    assert dialog.note.text().startswith(f"{len(rows)} dated items of the workspace, oldest first.")


def test_a_brief_timeline_flags_items_older_than_its_period(qtbot: QtBot, ws: Workspace) -> None:
    filled = fill(ws)
    brief = ws.briefs.new("Kharkiv", period="2026-11-19 to 2026-11-21").id
    ws.briefs.add_tags(brief, "figures", [filled.tag(5, "figure"), filled.tag(3, "figure")])
    dialog = TimelineDialog(ws, brief)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Timeline: brief {brief}"
    assert [r[0] for r in _rows(dialog)] == ["10 Nov 2026 (before the period)", "21 Nov 2026"]


def test_an_empty_timeline_says_how_to_fill_it(qtbot: QtBot, ws: Workspace) -> None:
    dialog = TimelineDialog(ws)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert dialog.note.text().startswith("No dated item in the workspace")


def test_ctrl_shift_t_opens_it_and_enter_shows_the_item_in_its_article(
        qtbot: QtBot, ws: Workspace, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    courier_figure = _dated(ws)
    path = ws.path
    ws.close()
    window = open_window(qtbot, path, settings)
    shown: list[TimelineDialog] = []
    monkeypatch.setattr(TimelineDialog, "exec", lambda self: shown.append(self) or self.show() or 0)
    keys = Keys(qtbot)
    keys("Ctrl+Shift+T")
    [dialog] = shown
    qtbot.waitUntil(lambda: dialog.table.hasFocus())
    keys("Down")  # the second row: the Daily Courier's 40 killed
    assert dialog.table.currentRow() == 1
    keys("Return")
    assert not dialog.isVisible()
    article = window.view.article
    assert article is not None
    assert article.outlet == "Daily Courier"
    assert window.view.current_tag == courier_figure
    cursor = window.view.textCursor()
    assert cursor.selectedText() == "As many as 40 people were killed"
    qtbot.waitUntil(window.view.hasFocus)


def test_the_view_menu_has_the_timeline(window) -> None:  # noqa: ANN001
    action = window.action_table["view.timeline"]
    assert action in window.menus["View"].actions()
    assert action.shortcut().toString() == "Ctrl+Shift+T"
