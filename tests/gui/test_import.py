"""Importing in the background: progress, failures summary, cancel, drop, paste."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from briefer.gui.background.jobs import ImportReport
    from briefer.gui.window.main_window import MainWindow
    from tests.gui.helpers import Keys


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_in_background_with_failure_summary(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    good = write(tmp_path, "talks.txt", "Talks resume\nDiplomats met in Geneva on Monday.")
    empty = write(tmp_path, "empty.txt", "")
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with qtbot.waitSignal(window.session.changed, timeout=30000):
        job = window.importing.import_paths([good, empty, binary])
        assert job is not None
        assert window.importing.progress.isVisible()
        assert window.importing.cancel.isVisible()
    qtbot.waitUntil(lambda: window.importing.last_report is not None)
    report = window.importing.last_report
    assert report.count("imported") == 1
    assert "Talks resume" in [r.title for r in window.articles.model.rows]
    assert not window.importing.progress.isVisible()
    box = window.findChild(QMessageBox, "importSummary")
    assert box is not None
    assert box.isVisible()
    lines = box.informativeText().splitlines()
    assert len(lines) == 2
    assert any(line.startswith("empty.txt: ") for line in lines)
    assert any(line.startswith("photo.png: ") for line in lines)
    assert "1 article(s)" in window.status.text()
    assert "2 failed" in window.status.text()
    box.close()


def test_import_dialog_uses_the_chosen_files(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                             monkeypatch) -> None:  # noqa: ANN001
    good = write(tmp_path, "a.txt", "Article A\nSome text about the front.")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good)], ""))
    window.action_table["article.import"].trigger()
    qtbot.waitUntil(lambda: "Article A" in [r.title for r in window.articles.model.rows], timeout=30000)


def test_cancel_keeps_what_was_imported(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    paths = [write(tmp_path, f"a{i:03}.txt", f"Article {i}\nText number {i} of the batch.")
             for i in range(60)]
    reports: list[ImportReport] = []
    job = window.importing.import_paths(paths)
    job.signals.finished.connect(reports.append)
    qtbot.waitUntil(lambda: window.importing.progress.value() >= 1, timeout=30000)
    window.importing.cancel.click()
    qtbot.waitUntil(lambda: bool(reports), timeout=30000)
    assert reports[0].cancelled
    imported = reports[0].count("imported")
    assert 1 <= imported < 60
    assert window.session.ws.articles.count() == imported + 1  # plus the demo article
    assert "cancelled" in window.status.text()


def test_dropping_files_imports_them(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    write(folder, "one.txt", "Dropped one\nFirst dropped article.")
    write(folder, "two.txt", "Dropped two\nSecond dropped article.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    point, buttons, modifiers = QPointF(50, 50), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers))
    qtbot.waitUntil(lambda: window.importing.last_report is not None, timeout=30000)
    assert {"Dropped one", "Dropped two"} <= {r.title for r in window.articles.model.rows}


def test_paste_text_as_new_article(window: MainWindow, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText("Pasted headline\nA paragraph copied from a web page.")
    window.action_table["article.paste"].trigger()
    qtbot.waitUntil(lambda: window.importing.last_report is not None, timeout=30000)
    assert window.view.article.title == "Pasted headline"
    assert window.view.article.text == "A paragraph copied from a web page."


def test_paste_with_empty_clipboard_says_so(window: MainWindow) -> None:
    QGuiApplication.clipboard().clear()
    window.action_table["article.paste"].trigger()
    assert window.status.text() == "The clipboard holds no text to import"


def test_paste_html_as_new_article(window: MainWindow, qtbot: QtBot) -> None:
    mime = QMimeData()
    page = ("<html><head><title>Grain deal talks</title></head><body><article><h1>Grain deal talks</h1>"
            + "".join(f"<p>Paragraph {i}: negotiators met in Istanbul to discuss grain shipments "
                      "through the Black Sea corridor, officials said on Monday.</p>" for i in range(6))
            + "</article></body></html>")
    mime.setHtml(page)
    mime.setText("plain fallback")
    QGuiApplication.clipboard().setMimeData(mime)
    window.action_table["article.paste"].trigger()
    qtbot.waitUntil(lambda: window.importing.last_report is not None, timeout=30000)
    article = window.view.article
    assert article.title == "Grain deal talks"
    assert "Black Sea corridor" in article.text
    assert "<p>" not in article.text
    QGuiApplication.clipboard().clear()  # the clipboard owns the data: free it while Qt runs


def import_and_wait(window: MainWindow, qtbot: QtBot, paths: list[Path]) -> ImportReport:
    window.importing.last_report = None
    assert window.importing.import_paths(paths) is not None
    qtbot.waitUntil(lambda: window.importing.last_report is not None, timeout=30000)
    return window.importing.last_report


def test_a_folder_import_is_one_undo_step(window: MainWindow, keys: Keys, qtbot: QtBot,
                                          tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("one", "two", "three"):
        write(folder, f"{name}.txt", f"Report {name}\nThe {name} report from the front line.")
    report = import_and_wait(window, qtbot, [folder])
    new = sorted(o.id for o in report.outcomes)
    assert window.session.undo_stack.count() == 1
    assert window.action_table["edit.undo"].text() == "Undo Import 3 articles"
    assert window.current_article_id() in new
    keys("Ctrl+Z")
    assert window.session.ws.articles.count() == 1
    assert [r.id for r in window.articles.model.rows] == [1]
    assert window.current_article_id() == 1
    keys("Ctrl+Shift+Z")
    assert sorted(r.id for r in window.session.ws.articles.all()) == [1, *new]
    qtbot.waitUntil(lambda: len(window.articles.model.rows) == 4)


def test_near_duplicates_are_named_in_the_summary_and_on_the_article(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, sample_path: Path) -> None:
    lines = sample_path.read_text(encoding="utf-8").splitlines()
    lines[0] = "Ukraine calls up more troops as Russia advances"  # a wire copy, headline changed
    lines[1] = lines[1].replace("on Tuesday", "this week")  # and a sentence
    copy = write(tmp_path, "reprint.txt", "\n".join(lines))
    report = import_and_wait(window, qtbot, [copy])
    new = report.outcomes[0].id
    assert report.outcomes[0].near_duplicate_of == 1
    assert "1 near-duplicate(s)" in window.status.text()
    box = window.findChild(QMessageBox, "importSummary")
    assert box is not None
    assert box.isVisible()
    assert box.icon() == QMessageBox.Icon.Information  # nothing failed
    line = box.informativeText()
    assert line.startswith(f"reprint.txt (article {new}): near-duplicate of 1 (")
    assert line.endswith(" %)")
    box.close()
    assert window.current_article_id() == new
    assert f"Near-duplicate of article 1 ({round(report.outcomes[0].similarity * 100)} %)" in (
        window.reader.header.text())
    row = window.articles.model.row_of(new)
    tooltip = window.articles.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith("Near-duplicate of article 1")
    dialog = window.article_work.show_details()
    assert dialog.findChild(QLabel, "nearDuplicate").text().startswith("Near-duplicate of article 1 (")
    dialog.reject()


def test_a_plain_import_shows_no_summary_box(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    import_and_wait(window, qtbot, [write(tmp_path, "fresh.txt", "Fresh\nNothing like the demo.")])
    assert window.findChild(QMessageBox, "importSummary") is None
