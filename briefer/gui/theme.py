"""The app's look: the light, dark and system palettes (chosen in Preferences)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_SYSTEM_STYLE: str | None = None


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for text over tag colours."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2d30", role.WindowText: "#e6e6e6", role.Base: "#1e1f22",
        role.AlternateBase: "#2b2d30", role.ToolTipBase: "#3c3f41", role.ToolTipText: "#e6e6e6",
        role.Text: "#e6e6e6", role.Button: "#3c3f41", role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b", role.Link: "#8ab4f8", role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#9a9a9a", role.Mid: "#4a4d50",
        role.Dark: "#1a1b1d", role.Light: "#505356", role.Shadow: "#000000",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7a7a"))
    return p


def apply_palette(name: str) -> None:
    """Use the ``light``, ``dark`` or ``system`` palette in the running application."""
    global _SYSTEM_STYLE
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _SYSTEM_STYLE is None:
        _SYSTEM_STYLE = app.style().name()
    if name == "system":
        app.setStyle(QStyleFactory.create(_SYSTEM_STYLE))
        app.setPalette(app.style().standardPalette())
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if name == "dark" else app.style().standardPalette())
