"""The composer flags BLUF statements resting on one independent source while typing, never blocking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.model import Article
from tests.analysis.multi_outlet import fill
from tests.gui.conftest import open_window

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings
    from briefer.workspace import Workspace
    from tests.gui.helpers import Keys


def _flags(label) -> str:  # noqa: ANN001
    return label.text() if label.isVisible() else ""


def test_a_single_source_figure_typed_into_the_bluf_is_flagged_and_the_bluf_still_saves(
        qtbot: QtBot, ws: Workspace, settings: Settings, keys: Keys) -> None:
    filled = fill(ws)
    brief = ws.briefs.new("Kharkiv").id
    ws.briefs.add_tags(brief, "figures", [filled.tag(3, "figure"), filled.tag(4, "figure")])
    path = ws.path
    ws.close()
    window = open_window(qtbot, path, settings)
    composer = window.composer
    label = composer.single_source
    assert _flags(label) == ""
    composer.tabs.setCurrentWidget(composer.bluf)
    composer.bluf.setFocus()
    qtbot.waitUntil(composer.bluf.hasFocus)
    # The BBC's 12: Reuters says so too, outside the brief. The Daily Courier's 40: no one else.
    keys.type("At least 12 died in Kharkiv. A volunteer group claims 40.")
    qtbot.waitUntil(lambda: _flags(label) != "")  # the claims are analysed in the background
    assert _flags(label) == "BLUF: “40” rests on one independent source (claim 2)"
    keys("Ctrl+2")  # leaving the field saves it: the flag never blocks
    bluf = "At least 12 died in Kharkiv. A volunteer group claims 40."
    assert window.session.ws.briefs.get(brief).bluf == bluf
    qtbot.waitUntil(lambda: _flags(label).startswith("BLUF: “40”"))  # analysed again after the save
    composer.bluf.setPlainText("At least 12 died in Kharkiv.")
    assert _flags(label) == ""


def test_the_flag_goes_when_a_second_outlet_reports_it(qtbot: QtBot, ws: Workspace,
                                                        settings: Settings) -> None:
    filled = fill(ws)
    brief = ws.briefs.new("Kharkiv").id
    ws.briefs.add_tags(brief, "figures", [filled.tag(4, "figure")])
    ws.briefs.set(brief, bluf="Drones killed 40 in Kharkiv.")
    path = ws.path
    ws.close()
    window = open_window(qtbot, path, settings)
    label = window.composer.single_source
    qtbot.waitUntil(lambda: _flags(label) == "BLUF: “40” rests on one independent source (claim 1)")
    opened = window.session.ws  # another outlet says 40 too, tagged from the command line
    text = "Forty people were killed in Kharkiv overnight, the radio said."
    other = opened.articles.add(Article(title="Forty dead", text=text, outlet="Local radio",
                                        published="2026-11-20")).id
    opened.tags.add(other, "location", text.index("Kharkiv"), text.index("Kharkiv") + len("Kharkiv"))
    opened.tags.add(other, "figure", 0, len("Forty people were killed"),
                    attributes={"value": 40, "unit": "killed"})
    window.reload()
    qtbot.waitUntil(lambda: _flags(label) == "")
