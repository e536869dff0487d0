"""The live preview refuses what export refuses, with the same one-line reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from briefer.gui.brief.preview import REFUSED
from tests.gui.helpers import focused_name
from tests.gui.test_articles import add_to_brief, open_dialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys


def test_a_brief_marked_below_its_item_is_not_previewed(window: MainWindow, keys: Keys,
                                                        qtbot: QtBot) -> None:
    add_to_brief(window, keys, "160,000")
    [item] = window.briefing.brief().items
    window.preview.show()
    qtbot.waitUntil(lambda: "160,000" in window.preview.text(), timeout=5000)
    dialog = open_dialog(window, keys, qtbot)  # the article is marked: its item inherits TLP:RED
    dialog.tlp.setCurrentIndex(dialog.tlp.findData("TLP:RED"))
    qtbot.keyClick(dialog.fields["title"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused_name() == "reader")
    qtbot.waitUntil(lambda: REFUSED in window.preview.text(), timeout=5000)
    assert window.preview.text().splitlines() == [
        REFUSED, f"brief {window.briefing.brief_id} is TLP:CLEAR but item {item.id} is TLP:RED"]
    marking = window.composer.marking  # the analyst raises the brief's marking
    marking.setCurrentIndex(marking.findText("TLP:RED"))
    marking.activated.emit(marking.currentIndex())
    qtbot.waitUntil(lambda: "160,000" in window.preview.text(), timeout=5000)
    assert REFUSED not in window.preview.text()


def test_a_quote_that_no_longer_matches_is_not_previewed(window: MainWindow, keys: Keys,
                                                         qtbot: QtBot) -> None:
    quote = "this war is becoming internationalized"
    start = window.view.units.text.index(quote)
    window.view.select(start, start + len(quote))
    keys("q", "a")
    tag_id = window.view.current_tag
    window.preview.show()
    qtbot.waitUntil(lambda: "internationalized" in window.preview.text(), timeout=5000)
    ws = window.session.ws  # the quote's stored words edited behind the source's back
    ws.store.conn.execute("UPDATE tags SET exact = ? WHERE id = ?",
                          ("this war is becoming international", tag_id))
    ws.store.conn.commit()
    window.reload()
    qtbot.waitUntil(lambda: REFUSED in window.preview.text(), timeout=5000)
    reason = window.preview.text().splitlines()[1]
    assert reason.startswith(f"item {window.briefing.brief().items[0].id} (quote tag {tag_id}, article 1):"
                             " no longer matches its source")
