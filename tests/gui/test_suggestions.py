"""Suggestions in the reader: shown faintly, jumped to, accepted with Enter, rejected with x."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QTextCharFormat

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from briefer.suggest import Suggestion
    from tests.gui.helpers import Keys

QUOTE = "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."


@pytest.fixture
def ready(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The demo window once its suggestions have arrived."""
    qtbot.waitUntil(lambda: len(window.view.suggestions) > 10, timeout=20000)
    return window


def selected(window: MainWindow) -> str:
    span = window.view.selection()
    return window.view.units.text[span[0]:span[1]] if span else ""


def test_suggestions_are_shown_faintly_with_a_dotted_underline(ready: MainWindow) -> None:
    view = ready.view
    quote = next(s for s in view.suggestions if s.kind == "quote")
    fmt = view.highlighter.format_at(view.offsets.to_document(quote.start + 5))
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert fmt.background().color().alpha() < 60


def test_jump_accept_and_undo(ready: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    keys("Shift+Q")
    assert selected(ready) == QUOTE
    keys("Return")
    [tag] = ready.session.ws.tags.all(1)
    assert (tag.kind, tag.exact) == ("quote", QUOTE)
    assert tag.attributes["speaker"] == "Volodymyr Zelensky"
    assert not [s for s in ready.view.suggestions if s.kind == "quote"]
    assert ready.view.current_tag == tag.id
    keys("Ctrl+Z")
    assert ready.session.ws.tags.all(1) == []
    qtbot.waitUntil(lambda: any(s.kind == "quote" for s in ready.view.suggestions), timeout=20000)


def test_s_visits_suggestions_in_text_order(ready: MainWindow, keys: Keys) -> None:
    keys("s")
    first = selected(ready)
    keys("s")
    second = selected(ready)
    keys("Shift+S")
    assert selected(ready) == first
    assert first != second
    assert ready.view.units.text.index(first) <= ready.view.units.text.index(second)


def test_reject_is_remembered_and_undone(ready: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    keys("Shift+N")
    figure = selected(ready)
    keys("x")
    [rejection] = ready.session.ws.rejections.of_article(1)
    assert (rejection.kind, rejection.exact) == ("figure", figure)
    assert figure not in [s.text for s in ready.view.suggestions if s.kind == "figure"]
    keys("Ctrl+Z")
    assert ready.session.ws.rejections.of_article(1) == []
    qtbot.waitUntil(lambda: figure in [s.text for s in ready.view.suggestions], timeout=20000)


def test_tagging_a_selection_over_a_quote_suggestion_prefills_the_speaker(ready: MainWindow,
                                                                          keys: Keys) -> None:
    text = ready.view.units.text
    ready.view.move_to(text.index("Zelensky expressed"))
    keys("i", "q")
    [tag] = ready.session.ws.tags.all(1)
    assert tag.attributes["speaker"] == "Volodymyr Zelensky"


def test_enter_without_a_suggestion_says_so(ready: MainWindow, keys: Keys) -> None:
    ready.view.move_to(ready.view.units.text.index("This sentiment"))
    keys("Return")
    assert ready.session.ws.tags.all(1) == []
    assert ready.status.text().startswith("No suggestion here")


def test_shift_f_jumps_to_the_next_fact_suggestion_and_enter_tags_it(ready: MainWindow, keys: Keys) -> None:
    facts = sorted((s for s in ready.view.suggestions if s.kind == "fact"), key=lambda s: s.start)
    assert len(facts) >= 3
    assert facts[0].text.startswith("In a significant escalation of military activity")  # the lead
    ready.view.move_to(facts[0].start + 1)
    keys("Shift+F")
    assert selected(ready) == facts[1].text
    keys("Shift+F")
    assert selected(ready) == facts[2].text
    keys("Return")
    [tag] = ready.session.ws.tags.all(1)
    assert (tag.kind, tag.exact) == ("fact", facts[2].text)


def test_only_strong_fact_candidates_are_drawn_yet_every_one_is_reachable(
    ready: MainWindow, keys: Keys,
) -> None:
    view = ready.view
    facts = sorted((s for s in view.suggestions if s.kind == "fact"), key=lambda s: s.start)
    others = [s for s in view.suggestions if s.kind != "fact"]

    def drawn(fact: Suggestion) -> bool:
        """Whether the fact's own format shows, at a letter no other suggestion covers."""
        free = next(p for p in range(fact.start, fact.end)
                    if not any(o.start <= p < o.end for o in others))
        return view.highlighter.format_at(view.offsets.to_document(free)) is not None

    weak = [s for s in facts if s.confidence < 0.7]
    strong = [s for s in facts if s.confidence >= 0.7]
    assert weak
    assert strong
    view.move_to(len(view.units.text))  # the current sentence is drawn too: keep it off these
    assert not any(drawn(s) for s in weak if s.end < len(view.units.text) - 1)
    assert all(drawn(s) for s in strong)
    view.move_to(weak[0].start - 1)
    keys("Shift+F")
    assert selected(ready) == weak[0].text
