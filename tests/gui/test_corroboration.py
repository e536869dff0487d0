"""The corroboration dialog shows stories, claims with suggested credibility, and conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.gui.brief.corroboration import CorroborationDialog
from tests.analysis.multi_outlet import fill

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.workspace import Workspace


def _column(table, column: int) -> list[str]:  # noqa: ANN001
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_dialog_lists_the_story_the_claims_and_the_conflict(qtbot: QtBot, ws: Workspace) -> None:
    filled = fill(ws)
    dialog = CorroborationDialog(ws)
    qtbot.addWidget(dialog)
    assert _column(dialog.stories, 1) == ["1, 2"]
    assert _column(dialog.claims, 5) == ["1 confirmed", "1 confirmed", "1 confirmed", "5 improbable",
                                         "3 possibly true"]
    assert _column(dialog.claims, 4)[0] == "2"
    assert dialog.conflicts.rowCount() == 1
    assert dialog.conflicts.item(0, 1).text() == "killed: Kharkiv (2026-11-20)"
    reports = dialog.conflicts.item(0, 2).text()
    assert f"40 people killed (tag {filled.tag(4, 'figure')}, article 4)" in reports
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Claims (5)", "Conflicts (1)", "Stories (1)"]


def test_a_brief_scope_shows_its_items_corroborated_across_the_workspace(qtbot: QtBot, ws: Workspace) -> None:
    filled = fill(ws)
    brief = ws.briefs.new("Kharkiv").id
    ws.briefs.add_tags(brief, "figures", [filled.tag(3, "figure")])
    dialog = CorroborationDialog(ws, brief)
    qtbot.addWidget(dialog)
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
    assert dialog.claims.rowCount() == 0  # the demo article has no tags yet


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
    assert window.session.ws.briefs.item(item.id).credibility == 3  # one source, not contradicted
    assert window.status.text() == "Credibility 3 suggested by 1 independent source in the workspace"
    keys("Ctrl+Z")
    assert window.session.ws.briefs.item(item.id).credibility is None
