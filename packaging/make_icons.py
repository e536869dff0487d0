"""Render the desktop icons' PNG sizes from their SVGs (run after editing an SVG).

    .venv/bin/python packaging/make_icons.py

Writes resources/desktop/icons/NxN/NAME.png for every size freedesktop themes use.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from briefer.desktop import ICON_SIZES

ICONS = Path(__file__).resolve().parent.parent / "resources" / "desktop" / "icons"


def render(svg: Path, size: int, out: Path) -> None:
    """Write ``svg`` as a ``size``×``size`` PNG with a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"make_icons: error: {out}: could not write")


def main() -> None:
    """Render every SVG icon at every size."""
    _app = QGuiApplication([])
    for svg in sorted(ICONS.glob("*.svg")):
        for size in ICON_SIZES:
            render(svg, size, ICONS / f"{size}x{size}" / f"{svg.stem}.png")


if __name__ == "__main__":
    main()
