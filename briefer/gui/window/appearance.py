"""Preferences → Appearance: the palette, the reader's font and size, the preview's font and size.

Font families are stored as names ("" for the interface's own font) and sizes in
points (0 for automatic), so an unset preference follows the system.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from briefer.gui.settings import (
    PALETTE,
    PALETTES,
    PREVIEW_FONT_FAMILY,
    PREVIEW_FONT_SIZE,
    READER_FONT_FAMILY,
    READER_FONT_SIZE,
    Settings,
)

SYSTEM_FONT = "Interface font"


def chosen_font(base: QFont, family: str, size: int, grow: float = 0) -> QFont:
    """``base`` with ``family`` ("" keeps it) at ``size`` points (0: ``grow`` points above base)."""
    font = QFont(base)
    if family:
        font.setFamily(family)
    font.setPointSizeF(size if size > 0 else base.pointSizeF() + grow)
    return font


def reader_font(settings: Settings, base: QFont) -> QFont:
    """The reader's font from the preferences (automatic: a point above the interface's)."""
    family, size = settings.get(READER_FONT_FAMILY), settings.get(READER_FONT_SIZE)
    return chosen_font(base, family, size, 1)


def preview_font(settings: Settings, base: QFont) -> QFont:
    """The preview's font from the preferences (automatic: the interface's)."""
    family, size = settings.get(PREVIEW_FONT_FAMILY), settings.get(PREVIEW_FONT_SIZE)
    return chosen_font(base, family, size)


class AppearanceTab(QWidget):
    """The Appearance tab; :meth:`save` writes what it shows."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_box = QComboBox()
        self.palette_box.setAccessibleName("Colour palette")
        self.palette_box.addItems([p.capitalize() for p in PALETTES])
        self.palette_box.setCurrentIndex(PALETTES.index(settings.get(PALETTE)))
        self.reader_family = self._family_box("Reader font", settings.get(READER_FONT_FAMILY))
        self.font_size = self._size_box("Reader font size", settings.get(READER_FONT_SIZE))
        self.preview_family = self._family_box("Preview font", settings.get(PREVIEW_FONT_FAMILY))
        self.preview_size = self._size_box("Preview font size", settings.get(PREVIEW_FONT_SIZE))
        note = QLabel("The preview follows the palette on screen; exported HTML and PDF print on white.")
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Palette", self.palette_box)
        form.addRow("Reader font", self.reader_family)
        form.addRow("Reader font size", self.font_size)
        form.addRow("Preview font", self.preview_family)
        form.addRow("Preview font size", self.preview_size)
        form.addRow(note)

    @staticmethod
    def _family_box(name: str, family: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.addItem(SYSTEM_FONT, "")
        for available in QFontDatabase.families():
            box.addItem(available, available)
        box.setCurrentIndex(max(0, box.findData(family)))
        return box

    @staticmethod
    def _size_box(name: str, size: int) -> QSpinBox:
        box = QSpinBox()
        box.setAccessibleName(name)
        box.setRange(0, 40)
        box.setSpecialValueText("Automatic")
        box.setSuffix(" pt")
        box.setValue(size)
        return box

    def save(self, settings: Settings) -> None:
        """Store the choices (only differences from the defaults are kept)."""
        settings.set(PALETTE, PALETTES[self.palette_box.currentIndex()])
        settings.set(READER_FONT_FAMILY, str(self.reader_family.currentData()))
        settings.set(READER_FONT_SIZE, self.font_size.value())
        settings.set(PREVIEW_FONT_FAMILY, str(self.preview_family.currentData()))
        settings.set(PREVIEW_FONT_SIZE, self.preview_size.value())
