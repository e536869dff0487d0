"""The live preview: the brief's sanitised HTML (from the renderer) in a dock.

Rendering a long brief takes longer than a key press may block the window, so it
runs on a thread of its own with its own read-only workspace connection (SQLite
connections belong to one thread) and its own :class:`~briefer.render.Renderer`.
That thread also builds the Qt document, so the window only swaps it in. Changes
arrive in bursts (a key held down, an undo of many items): a refresh waits for a
short quiet moment, a request overtaken by a newer one is skipped, and a result
that is no longer the latest is dropped. The page follows the window's palette
(light or dark) on screen; the exported HTML and PDF print black on white. The
marking stands at the top and bottom, in TLP colours, as in the export. A brief
export refuses (marked below one of its items, a quote no longer its source's
words: :func:`briefer.render.check_export`) is not previewed: the page gives the
one-line reason instead.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QTextDocument, QTextLength, QTextOption, QTextTable
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from briefer.errors import BrieferError, InvalidInput
from briefer.gui.background.threads import WorkerThread, WorkspaceWorker
from briefer.render import Renderer, check_export
from briefer.render.html import fragment, marking_banner

if TYPE_CHECKING:
    from collections.abc import Callable


log = logging.getLogger(__name__)

DEBOUNCE_MS = 50
EMPTY_PAGE = "<p><i>No brief yet: press <b>a</b> on a tag to start one.</i></p>"
_RULE_COLOUR = "#b8bcc2"
REFUSED = "Export refuses this brief, so it is not previewed."

#: Qt's rich-text engine knows a subset of CSS; this page style keeps to it. Sizes are
#: relative to the preview's font; tables are a step smaller, full width, padded.
STYLE = """
h1 { font-size: x-large; margin-top: 2px; margin-bottom: 6px; }
h2 { font-size: large; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: medium; margin-top: 10px; margin-bottom: 3px; }
p, li { margin-top: 2px; margin-bottom: 4px; line-height: 125%; }
table { font-size: small; margin-top: 4px; margin-bottom: 8px; }
th { font-weight: bold; }
th, td { padding: 3px 6px; }
td sup { vertical-align: baseline; }
blockquote { margin-left: 10px; }
.footnotes { font-size: small; }
.marking { text-align: center; }
"""


def page_style(palette: QPalette) -> str:
    """:data:`STYLE` in the colours of ``palette`` (the window's: light or dark)."""
    text = palette.color(QPalette.ColorRole.Text).name()
    link = palette.color(QPalette.ColorRole.Link).name()
    shade = palette.color(QPalette.ColorRole.AlternateBase).name()
    mid = palette.color(QPalette.ColorRole.Mid).name()
    return (STYLE + f"body {{ color: {text}; }} a {{ color: {link}; }} th {{ background-color: {shade}; }}"
            f" .analyst {{ background-color: {shade}; border-left: 3px solid {mid}; }}")


def build_page(body: str, font: QFont, palette: QPalette | None = None) -> QTextDocument:
    """A preview document of an HTML fragment: Qt-friendly style, words never broken.

    Safe on any thread (the document has no parent); move it to the GUI thread to show it.
    """
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(12)
    document.setDefaultStyleSheet(page_style(palette or QPalette()))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # a word too long overflows, never splits
    document.setDefaultTextOption(option)
    document.setHtml(body)
    frames = list(document.rootFrame().childFrames())
    while frames:
        frame = frames.pop()
        frames.extend(frame.childFrames())
        if isinstance(frame, QTextTable):
            table = frame.format()
            table.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            table.setBorderCollapse(True)
            table.setBorder(1)
            table.setBorderBrush(QBrush(QColor(_RULE_COLOUR)))
            table.setCellSpacing(0)
            frame.setFormat(table)
    return document


def error_page(message: str, headline: str = "The brief cannot be rendered.") -> str:
    """The page shown instead of a brief that cannot be rendered (or is not, ``headline`` says why)."""
    return f"<p style='color:#a00000'><b>{html.escape(headline)}</b><br>{html.escape(message)}</p>"


class PreviewWorker(WorkspaceWorker):
    """Renders briefs on the preview thread; one connection and renderer, kept between renders."""

    rendered = Signal(int, object)  # generation, QTextDocument (moved to the GUI thread)

    def __init__(self, gui_thread: QThread) -> None:
        super().__init__()
        self.latest = 0  # the newest generation asked for; set from the GUI thread
        self._gui_thread = gui_thread
        self._renderer: Renderer | None = None

    def render(self, generation: int, path: str, brief_id: int, font: QFont, palette: QPalette) -> None:
        """Render one brief unless a newer request came meanwhile; emit the document."""
        if generation != self.latest:
            return
        try:
            body = self._body(Path(path), brief_id)
        except BrieferError as exc:
            self.release()  # the file may have changed under us: reopen next time
            body = error_page(str(exc))
        except Exception as exc:  # a bug: show it in the preview, keep the window alive
            log.exception("preview failed")
            self.release()
            body = error_page(f"{type(exc).__name__}: {exc}")
        document = build_page(body, font, palette)
        document.moveToThread(self._gui_thread)
        self.rendered.emit(generation, document)

    def _body(self, path: Path, brief_id: int) -> str:
        """The page's HTML: the rendered brief, or why export would refuse it."""
        ws = self.workspace(path)
        try:
            check_export(ws, brief_id)
        except InvalidInput as exc:  # a marking below an item's, a quote changed: as export says
            return error_page(str(exc), REFUSED)
        if self._renderer is None:
            self._renderer = Renderer()
        rendered = self._renderer.render(ws, brief_id)
        marking = rendered.brief.marking
        return marking_banner(marking, "top") + fragment(rendered.tree) + marking_banner(marking, "bottom")

    def close(self) -> None:
        """Close the connection and stop the renderer's sandbox process."""
        super().close()
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None


class PreviewDock(QDockWidget):
    """A dock showing the rendered brief; call :meth:`request` after every change.

    ``target`` says what to show: ``(workspace file, brief id)``, or None for no brief.
    """

    refreshed = Signal()
    _renderRequested = Signal(int, str, int, QFont, QPalette)
    _releaseRequested = Signal()

    def __init__(self, target: Callable[[], tuple[Path, int] | None], parent: QWidget | None = None) -> None:
        super().__init__("Preview", parent)
        self.setObjectName("previewDock")
        self._target = target
        self.browser = QTextBrowser()
        self.browser.setObjectName("preview")
        self.browser.setAccessibleName("Brief preview")
        self.browser.setOpenLinks(False)
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setWidget(self.browser)
        self._document: QTextDocument | None = None
        self._generation = 0
        self._worker = PreviewWorker(QThread.currentThread())
        self._thread = WorkerThread(self._worker, self)
        self._renderRequested.connect(self._worker.render)
        self._releaseRequested.connect(self._worker.release)
        self._worker.rendered.connect(self._on_worker_rendered)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.visibilityChanged.connect(self._on_visibility_changed)

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.request()

    def request(self) -> None:
        """Refresh soon (once, however many requests arrive meanwhile)."""
        self._timer.start()

    def refresh(self) -> None:
        """Ask the preview thread for the current brief now (shown when it arrives)."""
        self._timer.stop()
        if not self.isVisible():
            return
        self._generation += 1
        self._worker.latest = self._generation
        target = self._target()
        if target is None:
            self._show(build_page(EMPTY_PAGE, self.browser.font(), self.browser.palette()))
            return
        path, brief_id = target
        self._renderRequested.emit(self._generation, str(path), brief_id, self.browser.font(),
                                   self.browser.palette())

    def _on_worker_rendered(self, generation: int, document: QTextDocument) -> None:
        if generation != self._generation:
            document.deleteLater()  # overtaken by a newer change
            return
        self._show(document)

    def _show(self, document: QTextDocument) -> None:
        document.setParent(self.browser)
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setDocument(document)
        if self._document is not None:
            self._document.deleteLater()
        self._document = document
        bar.setValue(position)
        self.refreshed.emit()

    def release(self) -> None:
        """Let go of the workspace file (it is being closed or replaced)."""
        self._generation += 1
        self._worker.latest = self._generation
        self._releaseRequested.emit()

    def shutdown(self, msecs: int = 10000) -> None:
        """Stop the preview thread (on closing the window)."""
        self._timer.stop()
        self.release()
        self._thread.stop(msecs)

    def text(self) -> str:
        """The preview's plain text (what a reader sees)."""
        return self.browser.toPlainText()
