"""The live preview: the brief's sanitised HTML (from the renderer) in a dock.

Changes arrive in bursts (a key held down, an undo of many items), so a refresh
waits for a short quiet moment and renders once. The page is shown on white, as
it will be printed, whatever the window's palette.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from briefer.errors import BrieferError

DEBOUNCE_MS = 80


class PreviewDock(QDockWidget):
    """A dock showing the rendered brief; call :meth:`request` after every change."""

    refreshed = Signal()

    def __init__(self, render: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__("Preview", parent)
        self.setObjectName("previewDock")
        self._render = render
        self.browser = QTextBrowser()
        self.browser.setObjectName("preview")
        self.browser.setAccessibleName("Brief preview")
        self.browser.setOpenLinks(False)
        palette = self.browser.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
        self.browser.setPalette(palette)
        self.setWidget(self.browser)
        self._document: QTextDocument | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.visibilityChanged.connect(lambda visible: visible and self.request())

    def request(self) -> None:
        """Refresh soon (once, however many requests arrive meanwhile)."""
        self._timer.start()

    def refresh(self) -> None:
        """Render now and show the result, keeping the scroll position."""
        self._timer.stop()
        if not self.isVisible():
            return
        try:
            page = self._render()
        except BrieferError as exc:
            page = ("<p style='color:#a00000'><b>The brief cannot be rendered.</b><br>"
                    f"{html.escape(str(exc))}</p>")
        # A document built apart and then swapped in costs a third of QTextBrowser.setHtml.
        document = QTextDocument(self.browser)
        document.setDefaultFont(self.browser.font())
        document.setHtml(page or "<p><i>No brief yet: press <b>a</b> on a tag to start one.</i></p>")
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setDocument(document)
        if self._document is not None:
            self._document.deleteLater()
        self._document = document
        bar.setValue(position)
        self.refreshed.emit()

    def text(self) -> str:
        """The preview's plain text (what a reader sees)."""
        return self.browser.toPlainText()

