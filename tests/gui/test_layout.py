"""The window as a user sees it at 1366×768 and 1920×1080: the reader keeps priority."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.gui.reader.article_list import COMPACT_BELOW
from briefer.gui.window.layout import default_widths

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys

SCREENS = [(1366, 740), (1920, 1050)]  # the work area left by a task bar


@pytest.mark.parametrize(("width", "preview"), [(w, p) for w, _ in SCREENS for p in (False, True)])
def test_default_widths_give_the_reader_the_most(width: int, preview: bool) -> None:
    widths = default_widths(width, preview)
    assert sum(widths) == width
    assert widths.reader >= 0.39 * width
    assert widths.reader > max(widths.articles, widths.right, widths.preview)
    assert widths.articles <= 0.2 * width
    if preview:
        assert widths.preview >= 300
    else:
        assert widths.preview == 0


def lay_out(qtbot: QtBot, window: MainWindow, size: tuple[int, int], preview: bool) -> None:
    window.preview.setVisible(preview)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    window.panes.apply_defaults()


@pytest.mark.parametrize("size", SCREENS)
def test_opening_the_preview_leaves_the_reader_the_widest_pane(window: MainWindow, keys: Keys, qtbot: QtBot,
                                                               size: tuple[int, int]) -> None:
    lay_out(qtbot, window, size, preview=False)
    assert window.reader.width() >= 0.5 * size[0]
    keys("F8")
    assert window.preview.isVisible()
    qtbot.waitUntil(lambda: window.preview.width() >= 280 and window.reader.width() >= 0.37 * size[0])
    panes = {"articles": window.articles.width(), "right": window.right.width(),
             "preview": window.preview.width()}
    assert window.reader.width() > max(panes.values()), panes
    assert panes["articles"] <= 0.2 * size[0]


def test_a_users_wider_reader_is_left_alone_when_the_preview_opens(window: MainWindow, keys: Keys,
                                                                   qtbot: QtBot) -> None:
    lay_out(qtbot, window, SCREENS[1], preview=True)
    window.splitter.setSizes([200, 1000, 330])
    with qtbot.waitSignal(window.panes.readerChecked):
        keys("F8", "F8")  # closed and open again
    assert window.articles.width() == 200


def test_a_narrow_article_list_puts_outlet_and_date_under_the_title(window: MainWindow, qtbot: QtBot) -> None:
    lay_out(qtbot, window, SCREENS[0], preview=True)
    articles = window.articles
    assert articles.width() < COMPACT_BELOW
    assert articles.compact
    header = articles.view.header()
    assert header.isSectionHidden(1)
    assert header.isSectionHidden(2)
    row = articles.view.visualRect(articles.model.index(0, 0))
    assert row.height() >= 2 * articles.view.fontMetrics().height()
    window.splitter.setSizes([COMPACT_BELOW + 80, 600, 400])
    qtbot.waitUntil(lambda: not articles.compact)
    assert not header.isSectionHidden(1)
    assert not header.isSectionHidden(2)
    title = articles.view.visualRect(articles.model.index(0, 0))
    assert title.height() < 2 * articles.view.fontMetrics().height()


@pytest.mark.parametrize("size", SCREENS)
def test_the_tagged_words_keep_the_widest_tag_column(window: MainWindow, qtbot: QtBot,
                                                     size: tuple[int, int]) -> None:
    lay_out(qtbot, window, size, preview=True)
    header = window.tags.tree.header()
    qtbot.waitUntil(lambda: header.sectionSize(0) > max(header.sectionSize(1), header.sectionSize(2)))
    assert header.sectionSize(0) >= 0.4 * window.tags.tree.viewport().width()
    assert header.sectionSize(1) >= 80
