"""The web in the window: File → Fetch URL…, pasted addresses, and the feeds panel.

Fetches and polls run as background jobs through the window's import machinery
(:meth:`briefer.gui.files.Files.start_job`): progress, Cancel, a summary. The
feeds panel lists the workspace's feeds with their unread counts, polls on
request, and every N minutes while the window is open (``feeds/poll_minutes``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.files.web_jobs import FetchJob, PollJob, web_addresses
from briefer.gui.settings import FEED_POLL_MINUTES, FETCH_DELAY_SECONDS

if TYPE_CHECKING:
    from briefer.gui.background.jobs import ImportJob
    from briefer.gui.window.main_window import MainWindow


class FeedsPanel(QDockWidget):
    """Feeds with their unread counts, a Poll now button and the poll interval."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Feeds", parent)
        self.setObjectName("feedsPanel")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.list = QListWidget()
        self.list.setAccessibleName("Feeds")
        self.poll_now = QPushButton("Poll now")
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 60)
        self.interval.setSuffix(" min")
        self.interval.setSpecialValueText("never")
        self.interval.setAccessibleName("Poll every")
        row = QHBoxLayout()
        row.addWidget(self.poll_now)
        row.addWidget(QLabel("Poll every"))
        row.addWidget(self.interval)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.setWidget(body)

    def show_feeds(self, rows: list[tuple[str, int, str | None]]) -> None:
        """Show ``(name, unread, error)`` for each feed."""
        self.list.clear()
        for name, unread, error in rows:
            self.list.addItem(f"{name} ({unread} unread)" + (f" — {error}" if error else ""))


class Web(QObject):
    """Fetching and feeds for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = FeedsPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.panel)
        self.panel.hide()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.panel.poll_now.clicked.connect(self.poll)
        self.panel.interval.setValue(window.settings.get(FEED_POLL_MINUTES))
        self.panel.interval.valueChanged.connect(self._on_interval_changed)
        self._on_interval_changed(self.panel.interval.value())
        window.action_table.on_trigger("article.fetch", self.fetch_dialog)
        window.action_table.on_trigger("feeds.poll", self.poll)
        window.action_table.on_trigger("article.refetch", self.refetch)
        window.session.changed.connect(lambda *_: self.refresh())
        window.session.workspaceOpened.connect(lambda *_: self.refresh())
        window.session.workspaceClosed.connect(self.refresh)

    @property
    def delay(self) -> float:
        """The per-host delay setting, in seconds."""
        return float(self.window.settings.get(FETCH_DELAY_SECONDS))

    def fetch_dialog(self) -> None:
        """Ask for web addresses (one a line) and fetch them."""
        text, ok = QInputDialog.getMultiLineText(self.window, "Fetch URL", "Web addresses, one a line:")
        if not ok or not text.strip():
            return
        urls = web_addresses(text)
        if not urls:
            self.window.show_message("Not a web address (http:// or https://)")
            return
        self.fetch(urls)

    def fetch(self, urls: list[str], *, update: bool = False) -> ImportJob | None:
        """Fetch ``urls`` into the workspace in the background; None when none is open or busy."""
        if not self.window.session.is_open:
            self.window.show_message("Open or create a workspace before fetching")
            return None
        job = FetchJob(self.window.session.ws.path, urls, delay=self.delay, update=update)
        return self.window.importing.start_job(job, f"Fetching {len(urls)} page(s)…")

    def refetch(self) -> ImportJob | None:
        """Fetch the shown article's page again; a changed page becomes its new version."""
        article_id = self.window.current_article_id()
        url = self.window.session.ws.articles.get(article_id).url if article_id is not None else None
        if not url or not web_addresses(url):
            self.window.show_message("This article was not fetched from the web")
            return None
        return self.fetch([url], update=True)

    def poll(self) -> ImportJob | None:
        """Poll every feed of the workspace in the background."""
        if not self.window.session.is_open or self.window.session.ws.store.readonly:
            return None
        job = PollJob(self.window.session.ws.path, delay=self.delay)
        job.signals.finished.connect(lambda *_: self.refresh())
        return self.window.importing.start_job(job, "Polling feeds…")

    def refresh(self) -> None:
        """Show the workspace's feeds (the panel appears once there is one)."""
        if not self.window.session.is_open:
            self.panel.show_feeds([])
            return
        feeds = self.window.session.ws.feeds.all()
        self.panel.show_feeds([(f.name, f.unread, f.error) for f in feeds])
        if feeds and not self.panel.isVisible():
            self.panel.show()

    def _on_interval_changed(self, minutes: int) -> None:
        self.window.settings.set(FEED_POLL_MINUTES, minutes)
        if minutes:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()
