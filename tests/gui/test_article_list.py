"""The article list: columns, filtering as you type, keyboard opening."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.model import Article
from tests.gui.conftest import open_window
from tests.gui.helpers import Keys, focused_name

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from briefer.gui.settings import Settings
    from briefer.gui.window.main_window import MainWindow
    from briefer.workspace import Workspace


@pytest.fixture
def three(qtbot: QtBot, ws: Workspace, settings: Settings) -> MainWindow:
    ws.articles.add(Article(title="Grain exports resume", text="Ships left Odesa with grain.",
                            outlet="Wire", published="2024-10-01T08:00:00Z"))
    ws.articles.add(Article(title="Drone strikes on Kharkiv", text="Drones hit the city overnight.",
                            outlet="Daily", published="2024-10-02"))
    ws.articles.add(Article(title="Talks in Geneva", text="Diplomats met about grain corridors."))
    path: Path = ws.path
    ws.close()
    return open_window(qtbot, path, settings)


def titles(window: MainWindow) -> list[str]:
    return [r.title for r in window.articles.model.rows]


def test_columns_show_title_outlet_date_and_tags(three: MainWindow) -> None:
    model = three.articles.model
    row = titles(three).index("Grain exports resume")
    cells = [model.index(row, c).data() for c in range(4)]
    assert cells == ["Grain exports resume", "Wire", "2024-10-01", "0"]


def test_filter_as_you_type(three: MainWindow, qtbot: QtBot) -> None:
    keys = Keys(qtbot)
    keys("Ctrl+F")
    assert focused_name() == "articleFilter"
    keys.type("grai")
    qtbot.waitUntil(lambda: sorted(titles(three)) == ["Grain exports resume", "Talks in Geneva"])
    keys.type("n corr")
    qtbot.waitUntil(lambda: titles(three) == ["Talks in Geneva"])
    keys("Return")
    assert three.view.article.title == "Talks in Geneva"
    assert focused_name() == "reader"


def test_operators_typed_in_the_filter_are_plain_text(three: MainWindow, qtbot: QtBot) -> None:
    three.articles.filter.setText('"grain" (')
    qtbot.waitUntil(lambda: sorted(titles(three)) == ["Grain exports resume", "Talks in Geneva"])


def test_down_from_filter_and_enter_open_an_article(three: MainWindow, qtbot: QtBot) -> None:
    keys = Keys(qtbot)
    keys("Ctrl+F", "Down")
    assert focused_name() == "articleList"
    keys("Down")
    current = three.articles.current_id()
    assert three.view.article.id == current
    keys("Return")
    assert focused_name() == "reader"


def test_next_and_previous_article_keys(three: MainWindow, qtbot: QtBot) -> None:
    keys = Keys(qtbot)
    first = three.view.article.title
    keys("Ctrl+PgDown")
    assert three.view.article.title != first
    keys("Ctrl+PgUp")
    assert three.view.article.title == first
