"""Articles into the window's workspace: imported from files and folders, dropped, or pasted.

Imports run as a background job (see :mod:`briefer.gui.background.jobs`) with a
progress bar and a Cancel button in the status bar, then a summary of the
files that failed and of the near-duplicates, one line each. An import of
files is one undo step, however many it added. Pasted text or HTML is written to a temporary
file and imported like any other file, so the same importers and limits apply.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QPushButton, QStatusBar, QWidget

from briefer.errors import BrieferError
from briefer.gui.background.jobs import ImportJob, ImportReport, Jobs
from briefer.gui.files.web_jobs import web_addresses
from briefer.gui.undo.articles import ImportArticles

if TYPE_CHECKING:
    from briefer.gui.actions import Actions
    from briefer.gui.session import Session

SHOWN_LINES = 20  # lines of the summary shown at once (all are under "Show Details")
ARTICLE_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)"


def _imports(suffix: str) -> bool:
    """Whether an importer reads files with this suffix by their format (not as text)."""
    from briefer.ingest import IMPORTERS  # the importers' libraries load on first use

    return any(suffix in module.EXTENSIONS for module in IMPORTERS)


class ImportingWindow(Protocol):
    """What importing needs of its window."""

    def show_message(self, text: str) -> None:
        """Show one line in the status bar."""
        ...

    def fetch_urls(self, urls: list[str]) -> None:
        """Fetch pasted web addresses in the background."""
        ...


class Importing(QObject):
    """Imports articles into the open workspace in the background, one job at a time."""

    articlesImported = Signal(list)  # ids of the articles imported, in order (maybe none)

    def __init__(self, session: Session, window: ImportingWindow, status_bar: QStatusBar,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.window = window
        self.parent_widget = parent
        self.jobs = Jobs(self)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.setMaximumWidth(220)
        self.cancel = QPushButton("Cancel import")
        self.cancel.setAccessibleName("Cancel import")
        self.cancel.clicked.connect(self.cancel_import)
        for widget in (self.progress, self.cancel):
            status_bar.addPermanentWidget(widget)
            widget.hide()
        self.last_report: ImportReport | None = None
        self._undoable = False
        self._paste_dir: tempfile.TemporaryDirectory[str] | None = None

    def connect_actions(self, actions: Actions) -> None:
        """Connect the File menu's import actions."""
        actions.on_trigger("article.import", self.import_dialog)
        actions.on_trigger("article.paste", self.paste_article)

    # importing --------------------------------------------------------------------------
    def import_dialog(self) -> None:
        """Ask for article files and import them."""
        names, _ = QFileDialog.getOpenFileNames(self.parent_widget, "Import articles", str(Path.home()),
                                                ARTICLE_FILTER)
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> ImportJob | None:
        """Import files and folders in the background; None when no workspace or busy."""
        if not self.session.is_open:
            self.window.show_message("Open or create a workspace before importing")
            return None
        return self.start_job(ImportJob(self.session.ws.path, paths),
                              f"Importing {len(paths)} item(s)…", undoable=True)

    def start_job(self, job: ImportJob, message: str, *, undoable: bool = False) -> ImportJob | None:
        """Run an import-like job (files, URLs) with progress and Cancel; None when busy.

        An ``undoable`` job's new articles become one undo step (undo removes them all).
        """
        job.signals.progress.connect(self._on_job_progress)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        if not self.jobs.start(job):
            self.window.show_message("An import is already running")
            return None
        self._undoable = undoable
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel.show()
        self.window.show_message(message)
        return job

    def cancel_import(self) -> None:
        """Stop the running import (what it imported so far stays)."""
        if self.jobs.current is not None:
            self.jobs.current.cancel()
            self.window.show_message("Cancelling import…")

    def _on_job_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_job(self) -> None:
        self.progress.hide()
        self.cancel.hide()
        self._paste_dir_cleanup()

    def _on_job_failed(self, message: str) -> None:
        self._end_job()
        self.window.show_message(message)

    def _on_job_finished(self, report: ImportReport) -> None:
        self._end_job()
        self.last_report = report
        self.session.notify(report.changes)
        self.window.show_message(report.summary())
        new = [o.id for o in report.outcomes if o.status == "imported" and o.id is not None]
        if new and self._undoable:
            try:
                self.session.push(ImportArticles(self.session, new))
            except BrieferError as exc:  # cannot happen: the first application changes nothing
                self.window.show_message(str(exc))
        self.articlesImported.emit(new)
        box = summary_box(report, self.parent_widget)
        if box is not None:
            box.open()

    # pasting ----------------------------------------------------------------------------
    def paste_article(self) -> None:
        """Import the clipboard's HTML (or plain text) as a new article; web addresses are fetched."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasHtml() and mime.html().strip() and _imports(".html"):
            data, suffix = mime.html(), ".html"
        elif mime is not None and (urls := web_addresses(mime.text())):
            self.window.fetch_urls(urls)
            return
        elif mime is not None and mime.hasText() and mime.text().strip():
            data, suffix = mime.text(), ".txt"
        else:
            self.window.show_message("The clipboard holds no text to import")
            return
        self._paste_dir_cleanup()
        self._paste_dir = tempfile.TemporaryDirectory(prefix="briefer-paste-")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path(self._paste_dir.name) / f"pasted-{stamp}{suffix}"
        path.write_text(data, encoding="utf-8")
        if self.import_paths([path]) is None:
            self._paste_dir_cleanup()

    def _paste_dir_cleanup(self) -> None:
        if self._paste_dir is not None:
            self._paste_dir.cleanup()
            self._paste_dir = None


def summary_box(report: ImportReport, parent: QWidget) -> QMessageBox | None:
    """The import's summary when something needs a look: files that failed, near-duplicates.

    None when every file was imported (or already there) without a remark.
    """
    failures = report.failures()
    lines = failures + report.near_duplicates()
    if not lines:
        return None
    icon = QMessageBox.Icon.Warning if failures else QMessageBox.Icon.Information
    box = QMessageBox(icon, "Import", report.summary(), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("importSummary")
    shown = lines[:SHOWN_LINES]
    more = len(lines) - len(shown)
    box.setInformativeText("\n".join(shown) + (f"\n… and {more} more" if more else ""))
    box.setDetailedText("\n".join(lines))
    return box
