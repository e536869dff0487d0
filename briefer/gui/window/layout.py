"""The window's layout: default proportions, the reader's share kept, state saved and restored.

The reader comes first: the article list and the right column (tags, composer)
take a share of the width within bounds, the preview dock a fair share when
shown, and the reader keeps at least :data:`READER_SHARE` of the window. When the
preview opens and squeezes the reader below its default width (or opens too
narrow to read), the panes are set to their defaults again. A saved layout (the user's) is restored as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

    from briefer.gui.settings import Settings, StateName


class Share(NamedTuple):
    """A pane's preferred share of the window width, within bounds (pixels)."""

    share: float
    least: int
    most: int


ARTICLES = Share(0.18, 200, 300)
RIGHT = Share(0.28, 330, 480)
PREVIEW = Share(0.26, 300, 560)
READER_SHARE = 0.40
SLACK = 24  # pixels the reader may lose to the preview before the panes are rebalanced
WIDE = 1600  # screens this wide show the preview from the first start


class Widths(NamedTuple):
    """Pane widths in pixels, left to right."""

    articles: int
    reader: int
    right: int
    preview: int


def default_widths(width: int, preview: bool) -> Widths:
    """The panes' widths for a window ``width`` pixels wide, with or without the preview.

    Each side pane takes its share within its bounds; when that leaves the reader
    less than :data:`READER_SHARE`, the side panes give up what they have above
    their least width, in proportion, until it does (or all are at their least).
    """
    shares = [ARTICLES, RIGHT] + ([PREVIEW] if preview else [])
    wanted = [min(max(s.share * width, s.least), s.most) for s in shares]
    excess = sum(wanted) - width * (1 - READER_SHARE)
    slack = sum(w - s.least for w, s in zip(wanted, shares, strict=True))
    if excess > 0 and slack > 0:
        keep = max(0.0, 1 - excess / slack)
        wanted = [s.least + (w - s.least) * keep for w, s in zip(wanted, shares, strict=True)]
    sides = [round(w) for w in wanted] + ([] if preview else [0])
    return Widths(sides[0], width - sum(sides), sides[1], sides[2])


class Panes(NamedTuple):
    """The parts of a main window that are laid out."""

    splitter: QSplitter  # article list | reader | right column
    right: QSplitter  # tag panel over composer
    reader: QWidget
    preview: QDockWidget


class WindowLayout(QObject):
    """Restores, saves and balances the main window's panes."""

    readerChecked = Signal()  # the reader's width was checked after the preview opened

    def __init__(self, window: QMainWindow, settings: Settings, panes: Panes) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.panes = panes
        panes.preview.visibilityChanged.connect(self._on_preview_visibility_changed)

    def apply_defaults(self, *, dock: bool = True) -> None:
        """Size the panes for the window's width (and the preview dock, when shown)."""
        window, panes = self.window, self.panes
        shown = not panes.preview.isHidden()
        widths = default_widths(window.width(), shown)
        panes.splitter.setSizes([widths.articles, widths.reader, widths.right])
        if shown and dock:
            window.resizeDocks([panes.preview], [widths.preview], Qt.Orientation.Horizontal)
        panes.right.setSizes([window.height() // 2] * 2)

    def restore(self) -> bool:
        """Restore the saved layout, or lay out for the screen; True on a first start."""
        window, settings, panes = self.window, self.settings, self.panes
        screen = window.screen().availableGeometry()
        geometry = settings.window.get("geometry")
        first_start = geometry is None or not window.restoreGeometry(geometry)
        if first_start:
            window.resize(screen.size())  # shown maximised; this is the size to lay out for
        state = settings.window.get("window")
        dock_restored = state is not None and window.restoreState(state)
        if not dock_restored:
            panes.preview.setVisible(screen.width() >= WIDE)  # F8 shows it anywhere
        self.apply_defaults(dock=not dock_restored)
        splitters: dict[StateName, QSplitter] = {"splitter": panes.splitter, "right": panes.right}
        for name, splitter in splitters.items():
            saved = settings.window.get(name)
            if saved is not None:
                splitter.restoreState(saved)
        return first_start

    def save(self) -> None:
        """Remember geometry, docks and splitters for the next start."""
        window, settings = self.window, self.settings
        settings.window.set("geometry", window.saveGeometry())
        settings.window.set("window", window.saveState())
        settings.window.set("splitter", self.panes.splitter.saveState())
        settings.window.set("right", self.panes.right.saveState())

    def reader_share(self) -> float:
        """The reader's share of the window width."""
        return self.panes.reader.width() / max(self.window.width(), 1)

    def _on_preview_visibility_changed(self, visible: bool) -> None:
        if visible:
            QTimer.singleShot(0, self._keep_reader_readable)  # once the dock has its place

    def _keep_reader_readable(self) -> None:
        self._balance_for_preview()
        self.readerChecked.emit()

    def _balance_for_preview(self) -> None:
        window, panes = self.window, self.panes
        if not window.isVisible() or panes.preview.isHidden():
            return
        layout = window.layout()
        if layout is not None:
            layout.activate()  # the dock's place, now
        wanted = default_widths(window.width(), True)
        if panes.reader.width() < wanted.reader - SLACK or panes.preview.width() < PREVIEW.least - SLACK:
            self.apply_defaults()
