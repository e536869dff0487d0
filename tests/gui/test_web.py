"""The window fetches a pasted web address and polls feeds, against a local site on 127.0.0.1."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog

from briefer.gui.settings import FEED_POLL_MINUTES, FETCH_DELAY_SECONDS
from tests.web_site import Site, article_html, site  # noqa: F401

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow
    from briefer.workspace import Workspace

PAGE = article_html("Ferry strike ends", ["Ferry crews returned to work on Friday after a pay deal.",
                                          "The union said the agreement covers two years."])


def _titles(window: MainWindow) -> list[str]:
    return [r.title for r in window.articles.model.rows]


def test_a_pasted_address_is_fetched_in_the_background(window: MainWindow, qtbot: QtBot,
                                                       site: Site) -> None:  # noqa: F811
    window.settings.set(FETCH_DELAY_SECONDS, 0)
    site.add("/ferry", PAGE)
    QGuiApplication.clipboard().setText(site.url("/ferry") + "\n")
    window.action_table["article.paste"].trigger()
    assert window.importing.progress.isVisible()
    assert window.importing.cancel.isVisible()
    qtbot.waitUntil(lambda: "Ferry strike ends" in _titles(window), timeout=60000)
    qtbot.waitUntil(lambda: not window.importing.progress.isVisible())
    article = window.session.ws.articles.get(window.session.ws.articles.by_url(site.url("/ferry")))
    assert "pay deal" in article.text
    assert window.session.ws.evidence.latest(article.id) is not None


def test_fetch_url_dialog_reports_a_failure_line(
        window: MainWindow, qtbot: QtBot, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    window.settings.set(FETCH_DELAY_SECONDS, 0)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (site.url("/gone"), True))
    window.action_table["article.fetch"].trigger()
    qtbot.waitUntil(lambda: window.importing.last_report is not None, timeout=60000)
    assert window.importing.last_report.failures() == ["gone: HTTP 404"]


def test_the_feeds_panel_polls_and_shows_unread_counts(window: MainWindow, qtbot: QtBot,
                                                      site: Site) -> None:  # noqa: F811
    window.settings.set(FETCH_DELAY_SECONDS, 0)
    site.add("/ferry", PAGE)
    site.add("/rss.xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour</title>"
             f"<item><title>Ferry</title><link>{site.url('/ferry')}</link></item></channel></rss>",
             "application/rss+xml")
    ws: Workspace = window.session.ws
    ws.feeds.add(site.url("/rss.xml"), "Harbour news")
    window.web.refresh()
    panel = window.web.panel
    assert panel.isVisible()
    assert panel.list.item(0).text() == "Harbour news (0 unread)"
    panel.poll_now.click()
    qtbot.waitUntil(lambda: panel.list.item(0).text() == "Harbour news (1 unread)", timeout=60000)
    # the panel and the article list refresh from separate queued slots of the finished job
    qtbot.waitUntil(lambda: "Ferry strike ends" in _titles(window))
    panel.interval.setValue(15)
    assert window.web.timer.isActive()
    assert window.web.timer.interval() == 15 * 60_000
    assert window.settings.get(FEED_POLL_MINUTES) == 15


def test_refetch_adds_a_new_version_of_the_shown_article(window: MainWindow, qtbot: QtBot,
                                                         site: Site) -> None:  # noqa: F811
    window.settings.set(FETCH_DELAY_SECONDS, 0)
    site.add("/ferry", PAGE)
    window.web.fetch([site.url("/ferry")])
    qtbot.waitUntil(lambda: "Ferry strike ends" in _titles(window), timeout=60000)
    qtbot.waitUntil(lambda: not window.importing.progress.isVisible())
    ws: Workspace = window.session.ws
    article_id = ws.articles.by_url(site.url("/ferry"))
    window.open_article(article_id)
    site.add("/ferry", PAGE.replace("two years", "three years"))
    qtbot.waitUntil(lambda: window.importing.jobs.current is None)  # the first fetch's thread is done
    window.importing.last_report = None
    window.action_table["article.refetch"].trigger()
    qtbot.waitUntil(lambda: window.importing.last_report is not None, timeout=60000)
    assert ws.versions.count(article_id) == 1
    assert "three years" in ws.articles.text(article_id)
