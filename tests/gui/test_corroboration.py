"""The corroboration dialog shows stories, claims with suggested credibility, and conflicts."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication

from briefer.gui.background.feed import LatestFeed
from briefer.gui.background.jobs import AnalysisJob
from briefer.gui.brief.corroboration import CorroborationDialog
from tests.analysis.multi_outlet import fill

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from briefer.workspace import Workspace


@pytest.fixture
def feed() -> Iterator[LatestFeed]:
    """The analysis feed a window gives its corroboration dialogs; waited for at the end."""
    analysis = LatestFeed(AnalysisJob, 0)
    yield analysis
    assert analysis.wait()


def _column(table, column: int) -> list[str]:  # noqa: ANN001
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _analysed(qtbot: QtBot, dialog: CorroborationDialog) -> CorroborationDialog:
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tabs.isEnabled(), timeout=20000)
    return dialog


def test_the_dialog_opens_at_once_saying_it_analyses_then_shows_the_claims(
        qtbot: QtBot, ws: Workspace, feed: LatestFeed) -> None:
    fill(ws)
    dialog = CorroborationDialog(feed, ws.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.state.isVisible()
    assert dialog.state.text() == "Analysing the workspace…"
    assert not dialog.tabs.isEnabled()
    assert dialog.claims.rowCount() == 0
    qtbot.waitUntil(lambda: dialog.claims.rowCount() == 5 and not dialog.state.isVisible(), timeout=20000)
    assert dialog.tabs.isEnabled()
    assert dialog.tabs.tabText(0) == "Claims (5)"


def test_a_failed_analysis_is_said_in_one_line(qtbot: QtBot, ws: Workspace, feed: LatestFeed) -> None:
    dialog = CorroborationDialog(feed, ws.path.with_name("gone.briefer"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state.text().startswith("No analysis: "), timeout=20000)
    assert "\n" not in dialog.state.text()
    assert not dialog.tabs.isEnabled()


def test_closing_the_dialog_before_the_analysis_ends_drops_the_result(
        qtbot: QtBot, ws: Workspace, feed: LatestFeed, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(ws)
    started, release = threading.Event(), threading.Event()
    compute = AnalysisJob.compute

    def held(job: AnalysisJob, workspace: Workspace) -> object:
        started.set()
        release.wait(20)
        return compute(job, workspace)

    monkeypatch.setattr(AnalysisJob, "compute", held)
    dialog = CorroborationDialog(feed, ws.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(started.is_set, timeout=20000)  # the analysis is running
    dialog.close()
    release.set()
    assert feed.wait()
    QApplication.processEvents()  # deliver what the job reported: dropped, the dialog is closed
    assert dialog.claims.rowCount() == 0
    assert dialog.state.text() == "Analysing the workspace…"
    monkeypatch.setattr(AnalysisJob, "compute", compute)
    again = _analysed(qtbot, CorroborationDialog(feed, ws.path))  # the feed serves the next dialog
    assert again.claims.rowCount() == 5


def test_the_dialog_lists_the_story_the_claims_and_the_conflict(
        qtbot: QtBot, ws: Workspace, feed: LatestFeed) -> None:
    filled = fill(ws)
    dialog = _analysed(qtbot, CorroborationDialog(feed, ws.path))
    assert _column(dialog.stories, 1) == ["1, 2"]
    assert _column(dialog.claims, 5) == ["1 confirmed", "1 confirmed", "1 confirmed", "5 improbable",
                                         "3 possibly true"]
    assert _column(dialog.claims, 4)[0] == "2"
    assert dialog.conflicts.rowCount() == 1
    assert dialog.conflicts.item(0, 1).text() == "killed: Kharkiv (2026-11-20)"
    reports = dialog.conflicts.item(0, 2).text()
    assert f"40 people killed (tag {filled.tag(4, 'figure')}, article 4)" in reports
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Claims (5)", "Conflicts (1)", "Stories (1)"]


def test_a_brief_scope_shows_its_items_corroborated_across_the_workspace(
        qtbot: QtBot, ws: Workspace, feed: LatestFeed) -> None:
    filled = fill(ws)
    brief = ws.briefs.new("Kharkiv").id
    ws.briefs.add_tags(brief, "figures", [filled.tag(3, "figure")])
    dialog = _analysed(qtbot, CorroborationDialog(feed, ws.path, brief))
    assert dialog.windowTitle() == f"Corroboration: brief {brief}"
    assert _column(dialog.claims, 5) == ["1 confirmed"]  # Reuters says 12 killed too, outside the brief
    assert _column(dialog.claims, 3) == ["1, 2, 3"]
    assert dialog.conflicts.rowCount() == 1  # and the Daily Courier says 40


def test_ctrl_shift_k_opens_it_for_the_current_brief(window, qtbot: QtBot, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    shown: list[CorroborationDialog] = []
    monkeypatch.setattr(CorroborationDialog, "exec", lambda self: shown.append(self) or 0)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_K, modifiers)
    [dialog] = shown
    expected = "the workspace" if window.briefing.brief_id is None else f"brief {window.briefing.brief_id}"
    assert dialog.windowTitle() == f"Corroboration: {expected}"
    qtbot.waitUntil(lambda: dialog.tabs.isEnabled(), timeout=20000)
    assert dialog.claims.rowCount() == 0  # the demo article has no tags yet
    assert dialog.tabs.tabText(0) == "Claims (0)"


def test_ctrl_alt_a_accepts_the_suggested_credibility_undoably(window, qtbot: QtBot) -> None:  # noqa: ANN001
    from tests.gui.helpers import Keys

    keys = Keys(qtbot)
    fact = "Russia seized the crucial mining hub of Selydove"
    start = window.view.units.text.index(fact)
    window.view.select(start, start + len(fact))
    keys("f", "a")
    keys("Ctrl+4")
    item = window.briefing.brief().items[0]
    window.composer.select_item(item.id)
    keys("Ctrl+Alt+A")
    assert window.status.text() == "Analysing the item's corroboration…"  # at once, off the window's thread
    done = "Credibility 3 suggested by 1 independent source in the workspace"
    qtbot.waitUntil(lambda: window.status.text() == done, timeout=20000)
    assert window.session.ws.briefs.item(item.id).credibility == 3  # one source, not contradicted
    keys("Ctrl+Z")
    assert window.session.ws.briefs.item(item.id).credibility is None


def test_ctrl_alt_a_on_two_items_in_quick_succession_rates_both(window, qtbot: QtBot) -> None:  # noqa: ANN001
    from tests.gui.helpers import Keys

    keys = Keys(qtbot)
    for fact in ("Russia seized the crucial mining hub of Selydove",
                 "Russia has made remarkable territorial gains"):
        keys("Ctrl+2")
        start = window.view.units.text.index(fact)
        window.view.select(start, start + len(fact))
        keys("f", "a")
    keys("Ctrl+4")
    first, second = (item.id for item in window.briefing.brief().items[:2])
    window.composer.select_item(first)
    keys("Ctrl+Alt+A")
    window.composer.select_item(second)
    keys("Ctrl+Alt+A")  # before the first analysis is back
    assert window.status.text() == "Analysing the corroboration of 2 items…"
    done = "Suggested credibility set on 2 of 2 items from their corroboration in the workspace"
    qtbot.waitUntil(lambda: window.status.text() == done, timeout=20000)
    assert [window.session.ws.briefs.item(i).credibility for i in (first, second)] == [3, 3]
    keys("Ctrl+Z")
    keys("Ctrl+Z")
    assert [window.session.ws.briefs.item(i).credibility for i in (first, second)] == [None, None]


def test_every_column_heading_is_readable_whole(qtbot: QtBot, ws: Workspace, feed: LatestFeed) -> None:
    dialog = _analysed(qtbot, CorroborationDialog(feed, ws.path))
    header = dialog.claims.horizontalHeader()
    for column in range(dialog.claims.columnCount() - 1):  # the last one stretches
        label = dialog.claims.horizontalHeaderItem(column).text()
        assert dialog.claims.columnWidth(column) > header.fontMetrics().horizontalAdvance(label), label
