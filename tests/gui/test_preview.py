"""The preview: rendered off the window's thread, latest change only, tables readable."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QTextTable

from briefer.render import Renderer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys


def tag_words(window: MainWindow, keys: Keys, words: str, kind_key: str) -> int:
    start = window.view.units.text.index(words)
    window.view.select(start, start + len(words))
    keys(kind_key)
    return window.view.current_tag


class HeldRenders:
    """Every render waits until the test lets it go, and records the thread it ran on."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.threads: list[int] = []
        self.finished = 0


@pytest.fixture
def held_renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldRenders]:
    """Renders held at a gate (opened at the end, so the window can close)."""
    held = HeldRenders()
    render = Renderer.render

    def gated(self: Renderer, *args: object, **kwargs: object) -> object:
        held.threads.append(threading.get_ident())
        held.gate.wait(timeout=30)  # a render on the GUI thread would hold the keys up this long
        result = render(self, *args, **kwargs)
        held.finished += 1
        return result

    monkeypatch.setattr(Renderer, "render", gated)
    yield held
    held.gate.set()


def test_a_slow_render_does_not_hold_up_the_keys(window: MainWindow, keys: Keys, qtbot: QtBot,
                                                 held_renders: HeldRenders) -> None:
    window.preview.show()
    tag_words(window, keys, "160,000", "n")
    keys("a")
    qtbot.waitUntil(lambda: bool(held_renders.threads))  # a render is under way, and held
    keys("j", "f")  # the next sentence, tagged as a fact, while the render is still held
    assert held_renders.finished == 0
    assert len(window.session.ws.tags.all(1)) == 2
    assert threading.get_ident() not in held_renders.threads
    held_renders.gate.set()
    qtbot.waitUntil(lambda: "160,000" in window.preview.text(), timeout=5000)


def test_only_the_latest_change_is_shown(window: MainWindow, keys: Keys, qtbot: QtBot,
                                         held_renders: HeldRenders) -> None:
    window.preview.show()
    held_renders.gate.set()
    tag_words(window, keys, "160,000", "n")
    keys("a")
    qtbot.waitUntil(lambda: "160,000" in window.preview.text(), timeout=5000)
    held_renders.gate.clear()
    shown: list[str] = []
    window.preview.refreshed.connect(lambda: shown.append(window.preview.text()))
    brief = window.briefing.brief_id
    window.briefing._on_composer_fields_edited(brief, {"bluf": "First thought."})
    qtbot.waitUntil(lambda: len(held_renders.threads) == 2)  # rendering the first edit, held
    window.briefing._on_composer_fields_edited(brief, {"bluf": "Second thought."})
    window.briefing._on_composer_fields_edited(brief, {"bluf": "Final word."})
    qtbot.waitUntil(lambda: not window.preview._timer.isActive())  # the newest render is asked for
    held_renders.gate.set()
    qtbot.waitUntil(lambda: "Final word." in window.preview.text(), timeout=5000)
    # One worker thread renders in order, so the first edit's result came (and was
    # dropped) before the last one's; with no refresh pending, nothing more can come.
    assert held_renders.finished == len(held_renders.threads) == 3  # the first edit, then the last
    assert not window.preview._timer.isActive()
    assert len(shown) == 1
    assert "Final word." in shown[0]


def test_tables_take_the_width_and_never_break_words(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    for words in ("160,000 personnel", "478 square kilometers"):
        tag_words(window, keys, words, "n")
        keys("a")
    window.preview.show()
    window.preview.browser.setFixedWidth(220)
    qtbot.waitUntil(lambda: "478 square kilometers" in window.preview.text(), timeout=5000)
    document = window.preview.browser.document()
    document.size()  # lays it out
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 2  # the figures, then the source table
    viewport = window.preview.browser.viewport().width()
    assert document.documentLayout().frameBoundingRect(tables[0]).width() >= viewport - 2 * 12 - 2
    lines = 0
    for row in range(tables[0].rows()):
        for column in range(tables[0].columns()):
            cell = tables[0].cellAt(row, column)
            block = cell.firstCursorPosition().block()
            while block.isValid() and block.position() <= cell.lastCursorPosition().position():
                layout, text = block.layout(), block.text()
                for i in range(layout.lineCount() - 1):  # every line but the last ends after a space
                    line = layout.lineAt(i)
                    lines += 1
                    assert text[line.textStart() + line.textLength() - 1].isspace(), text
                block = block.next()
    assert lines >= 1  # the narrow preview did wrap some cells: at spaces only


def test_preview_follows_a_dark_palette_and_shows_the_marking_top_and_bottom(
    window: MainWindow, keys: Keys, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from briefer.gui.theme import dark_palette

    window.preview.browser.setPalette(dark_palette())
    tag_words(window, keys, "160,000 personnel", "n")
    keys("a")
    window.preview.show()
    qtbot.waitUntil(lambda: "160,000 personnel" in window.preview.text(), timeout=5000)
    lines = [line for line in window.preview.text().splitlines() if line.strip()]
    assert lines[0].strip() == lines[-1].strip() == "TLP:CLEAR"
    document = window.preview.browser.document()
    block = document.begin()
    while block.isValid():  # no text forced dark: it is drawn in the palette's light text colour
        for fragment in (block.begin().fragment(),):
            brush = fragment.charFormat().foreground()
            assert brush.style() == Qt.BrushStyle.NoBrush or brush.color().lightness() > 120, block.text()
        block = block.next()
    palette = window.preview.browser.palette()
    assert palette.color(QPalette.ColorRole.Base).lightness() < 100
    assert palette.color(QPalette.ColorRole.Text).lightness() > 150
