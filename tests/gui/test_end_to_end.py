"""The whole job from the keyboard: demo article → two tagged items → SITREP → DOCX and Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import docx
from PySide6.QtWidgets import QApplication

from briefer.gui.app import create_window
from briefer.gui.brief.export_dialog import ExportDialog
from tests.gui.helpers import Keys, focused_name

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

QUOTE = "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."


def test_keyboard_only_from_demo_to_exported_brief(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    window = create_window()  # first start: the demo workspace
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.windowTitle() == "demo"
    qtbot.waitUntil(lambda: focused_name() == "reader")
    qtbot.waitUntil(lambda: len(window.view.suggestions) > 10, timeout=20000)
    keys = Keys(qtbot)

    # The Zelensky quote: jump to the next quote suggestion, accept it, add it to the brief.
    keys("Shift+Q", "Return", "a")
    assert keys.count == 3
    # 160,000 as a figure: the next figure suggestion after the quote, accept, add.
    keys("Shift+N", "Return", "a")
    assert keys.count == 6

    tags = window.session.ws.tags.all(1)
    quote = next(t for t in tags if t.kind == "quote")
    figure = next(t for t in tags if t.kind == "figure")
    assert quote.exact == QUOTE
    assert "Zelensky" in str(quote.attributes["speaker"])
    assert "160,000" in figure.exact
    assert figure.attributes["value"] == 160000
    brief = window.briefing.brief()
    assert brief.template == "sitrep"
    assert {(i.section, i.tag_id) for i in brief.items} == {("statements", quote.id), ("figures", figure.id)}

    def drive(dialog: ExportDialog, fmt_key: str, path: Path) -> int:
        """The export dialog, filled in from the keyboard as a user would."""
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        dialog.format.setFocus()
        keys.type(fmt_key)  # D(OCX) or M(arkdown): the list jumps to the format
        dialog.path.setFocus()
        keys("Ctrl+A")
        keys.type(str(path))
        keys("Return")  # the dialog's default button: Export
        return dialog.result()

    for fmt_key, path in (("D", tmp_path / "sitrep.docx"), ("M", tmp_path / "sitrep.md")):
        monkeypatch.setattr(ExportDialog, "exec", lambda d, f=fmt_key, p=path: drive(d, f, p))
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.focus_reader()
        keys("Ctrl+S")
        assert path.is_file(), window.status.text()

    document = docx.Document(str(tmp_path / "sitrep.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    body = "\n".join([p.text for p in document.paragraphs] + cells)
    assert QUOTE.rstrip(".") in body
    assert "Zelensky" in body
    assert "160,000" in body
    assert document.core_properties.title == brief.title
    markdown = (tmp_path / "sitrep.md").read_text(encoding="utf-8")
    assert QUOTE.rstrip(".") in markdown
    assert "Zelensky" in markdown
    assert "160,000" in markdown
    assert "Ukraine Mobilizes" in markdown  # the source is cited
