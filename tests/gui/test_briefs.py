"""The brief composer, `a` to add tags, item moves, live preview and export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pikepdf
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QDialog, QInputDialog

from briefer.gui.brief.export_dialog import ExportDialog
from briefer.gui.brief.preview import DEBOUNCE_MS
from briefer.gui.settings import EXPORT_FORMAT
from tests.gui.helpers import Keys, focused_name

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefer.gui.window.main_window import MainWindow


def tag_words(window: MainWindow, keys: Keys, words: str, kind_key: str) -> int:
    text = window.view.units.text
    start = text.index(words)
    window.view.select(start, start + len(words))
    keys(kind_key)
    return window.view.current_tag


def sections(window: MainWindow) -> dict[str, list[int]]:
    brief = window.briefing.brief()
    found: dict[str, list[int]] = {}
    for item in brief.items:
        found.setdefault(item.section, []).append(item.tag_id)
    return found


def test_a_adds_the_tag_to_the_matching_section(window: MainWindow, keys: Keys) -> None:
    quote = tag_words(window, keys, "The conclusion is clear", "q")
    keys("a")
    figure = tag_words(window, keys, "160,000", "n")
    keys("a")
    brief = window.briefing.brief()
    assert (brief.title, brief.template) == ("Situation report", "sitrep")
    assert sections(window) == {"statements": [quote], "figures": [figure]}
    tree = window.composer.tree
    shown = {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    assert {"Key statements (1)", "Figures (1)", "Situation (0)"} <= shown
    keys("Ctrl+Z")
    assert sections(window) == {"statements": [quote]}
    keys("Ctrl+Shift+Z")
    assert sections(window) == {"statements": [quote], "figures": [figure]}
    keys("a")
    assert window.status.text() == "Already in the brief, under Figures."


def test_items_move_by_key_and_undo(window: MainWindow, keys: Keys) -> None:
    first = tag_words(window, keys, "160,000", "n")
    keys("a")
    second = tag_words(window, keys, "478 square kilometers", "n")
    keys("a")
    keys("Ctrl+4")
    assert focused_name() == "briefItems"
    window.composer.select_item(window.briefing.brief().items[1].id)
    keys("Alt+Up")
    assert sections(window) == {"figures": [second, first]}
    keys("Alt+Right")
    assert sections(window) == {"figures": [first], "outlook": [second]}
    keys("Alt+Left", "Alt+Left")
    assert sections(window)["statements"] == [second]
    keys("Del")
    assert sections(window) == {"figures": [first]}
    for _ in range(4):
        keys("Ctrl+Z")
    assert sections(window) == {"figures": [second, first]}


def test_dragging_an_item_to_another_section_moves_it(window: MainWindow, keys: Keys) -> None:
    figure = tag_words(window, keys, "160,000", "n")
    keys("a")
    tree = window.composer.tree
    item = tree.topLevelItem(2).child(0)  # Figures → 160,000
    tree.setCurrentItem(item)
    target = tree.topLevelItem(1)  # Key statements
    mime = tree.mimeData([item])
    point = tree.visualItemRect(target).center()
    # A synthetic drag has no source widget, so Qt would not deliver it: hand the drop
    # to the tree's handler as Qt does at the end of a real drag.
    tree.dropEvent(QDropEvent(point.toPointF(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))
    assert sections(window) == {"statements": [figure]}
    assert tree.topLevelItem(1).child(0).text(0).startswith("Figure: 160,000")


def test_bluf_and_title_are_edited_and_undone(window: MainWindow, keys: Keys, qtbot: QtBot) -> None:
    tag_words(window, keys, "160,000", "n")
    keys("a")
    composer = window.composer
    composer.tabs.setCurrentWidget(composer.bluf)
    composer.bluf.setFocus()
    keys.type("Ukraine is **mobilising** 160,000 more troops.")
    window.focus_reader()
    assert window.briefing.brief().bluf == "Ukraine is **mobilising** 160,000 more troops."
    composer.tabs.setCurrentIndex(3)
    composer.title.setFocus()
    composer.title.selectAll()
    keys.type("SITREP 1")
    keys("Return")
    assert window.briefing.brief().title == "SITREP 1"
    assert window.action_table["edit.undo"].text() == "Undo Edit brief title"
    window.focus_reader()  # in a text field Ctrl+Z undoes typing in that field
    keys("Ctrl+Z")
    assert window.briefing.brief().title == "Situation report"
    assert composer.title.text() == "Situation report"


def test_new_brief_asks_for_a_title(window: MainWindow, keys: Keys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Morning brief", True))
    keys("Ctrl+Shift+N")
    assert window.briefing.brief().title == "Morning brief"
    assert window.composer.chooser.currentText() == "Morning brief (0)"


def test_preview_follows_changes_after_a_short_quiet_moment(window: MainWindow, keys: Keys,
                                                            qtbot: QtBot) -> None:
    window.preview.show()
    tag_words(window, keys, "160,000", "n")
    keys("a")
    qtbot.waitUntil(lambda: "160,000" in window.preview.text(), timeout=5000)
    tag_words(window, keys, "478 square kilometers", "n")
    keys("a")
    timer = window.preview._timer  # the refresh is asked for once the burst of keys is over
    assert timer.isActive()
    assert timer.interval() == DEBOUNCE_MS < 300
    with qtbot.waitSignal(window.preview.refreshed, timeout=5000):
        pass
    assert "478" in window.preview.text()


def test_export_docx_and_markdown_and_open_folder(window: MainWindow, keys: Keys, tmp_path: Path,
                                                  monkeypatch) -> None:  # noqa: ANN001
    quote = tag_words(window, keys, "The conclusion is clear: this war is becoming internationalized, "
                      "extending beyond two countries.", "q")
    window.session.ws.tags.update(quote, attributes={"speaker": "Volodymyr Zelensky"})
    keys("a")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    for fmt, open_folder in (("docx", True), ("md", False)):
        def accept(dialog: ExportDialog, fmt: str = fmt, open_folder: bool = open_folder) -> int:
            dialog.format.setCurrentIndex(dialog.format.findData(fmt))
            dialog.path.setText(str(tmp_path / f"brief.{fmt}"))
            dialog.open_folder.setChecked(open_folder)
            return QDialog.DialogCode.Accepted
        monkeypatch.setattr(ExportDialog, "exec", accept)
        keys("Ctrl+S")
    document = docx.Document(str(tmp_path / "brief.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    body = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "The conclusion is clear" in body
    assert "Zelensky" in body
    markdown = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "The conclusion is clear" in markdown
    assert "Zelensky" in markdown
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path]
    assert window.settings.get(EXPORT_FORMAT) == "md"


def test_export_without_a_brief_says_so(window: MainWindow, keys: Keys) -> None:
    keys("Ctrl+E")
    assert window.status.text().startswith("No brief to export")



def test_each_workspace_reopens_on_its_own_current_brief(window: MainWindow, tmp_path: Path) -> None:
    first = window.session.ws.path
    briefing = window.briefing
    briefing.new_brief("Morning")
    evening = briefing.new_brief("Evening")  # current in the first workspace: brief 2
    other = tmp_path / "other.briefer"
    assert window.open_workspace(other, create=True)
    assert briefing.new_brief("Other first") == 1
    briefing.new_brief("Other second")
    briefing.choose(1)  # the second workspace's brief 1 shares its id with "Morning"
    assert window.open_workspace(first)
    assert briefing.brief_id == evening
    assert briefing.brief().title == "Evening"
    assert window.open_workspace(other)
    assert briefing.brief().title == "Other first"


@pytest.mark.slow
def test_export_dialog_makes_a_pdf_a(
    window: MainWindow, keys: Keys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    tag_words(window, keys, "160,000 personnel", "n")
    keys("a")

    def accept(dialog: ExportDialog) -> int:
        assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == [
            "docx", "pdf", "odt", "md", "html"]
        dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
        assert dialog.path.text().endswith(".pdf")
        dialog.path.setText(str(tmp_path / "brief.pdf"))
        dialog.open_folder.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    keys("Ctrl+S")
    assert window.status.text() == f"Exported the brief to {tmp_path / 'brief.pdf'}."
    with pikepdf.open(tmp_path / "brief.pdf") as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
