"""Choosing an importer by name and content, reading under the limits, walking folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import docx, html, markdown, pdf, text
from briefer.ingest.limits import MB, Limits
from briefer.ingest.registry import IMPORTERS, extract_file, importer_for, walk
from tests.ingest.samples import DATA, make_docx, write_good_files


def test_every_importer_has_the_interface() -> None:
    assert {m.FORMAT for m in IMPORTERS} == {"txt", "markdown", "html", "docx", "pdf", "warc", "mhtml",
                                             "singlefile"}
    for module in IMPORTERS:
        assert all(ext.startswith(".") for ext in module.EXTENSIONS)
        assert callable(module.sniff)
        assert callable(module.extract)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"Plain words here", text),
        ("a.md", b"# Heading\n\nText", markdown),
        ("a.md", b"Plain words, no markup", text),
        ("a.html", b"<!doctype html><html>", html),
        ("saved", b"<html><body><p>x</p>", html),
        ("notes", b"---\ntitle: x\n---\nText", markdown),
        ("report", (DATA / "article.pdf").read_bytes()[:8192], pdf),
        ("a.pdf", (DATA / "article.pdf").read_bytes()[:8192], pdf),
        ("document", make_docx()[:8192], docx),
        ("a.docx", make_docx()[:8192], docx),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", None),
        ("archive.zip", make_docx()[:8192], None),
        ("sheet.xlsx", b"PK\x03\x04[Content_Types].xml", None),
        ("blob.bin", bytes(range(256)), None),
    ],
)
def test_importer_for(name: str, head: bytes, expected: object) -> None:
    assert importer_for(Path(name), head) is expected


def test_extract_file_sets_the_source_file_name(tmp_path: Path) -> None:
    files = write_good_files(tmp_path)
    for name, title in files.items():
        article = extract_file(tmp_path / name)
        assert article.title == title
        assert article.source_file == name
        assert article.text


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b""), "the file is empty"),
        (lambda p: p.write_bytes(b"x" * 2 * MB), "file is 2.0 MB, over the 1.0 MB limit"),
        (lambda p: p.with_suffix(".bin").write_bytes(bytes(range(256))), "unsupported file type (.bin)"),
    ],
)
def test_unreadable_files_fail_with_one_line(tmp_path: Path, setup, reason: str) -> None:  # noqa: ANN001
    path = tmp_path / "item.txt"
    setup(path)
    target = path.with_suffix(".bin") if path.with_suffix(".bin").exists() else path
    with pytest.raises(ImportFailed) as info:
        extract_file(target, Limits(max_bytes=MB))
    assert str(info.value) == f"{target}: {reason}"
    assert "\n" not in str(info.value)


def test_walk_is_recursive_sorted_and_skips_with_reasons(tmp_path: Path) -> None:
    write_good_files(tmp_path / "b-sub" / "deeper")
    (tmp_path / "a.txt").write_text("Top-level note\nBody text here.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "zero.md").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("[core]")
    found = {str(c.path.relative_to(tmp_path)): c.skipped for c in walk([tmp_path])}
    assert found == {
        "a.txt": None,
        "b-sub/deeper/article.pdf": None,
        "b-sub/deeper/brief.docx": None,
        "b-sub/deeper/notes.md": None,
        "b-sub/deeper/page.html": None,
        "b-sub/deeper/plain.txt": None,
        "photo.png": "unsupported file type (.png)",
        "zero.md": "the file is empty",
    }
    assert [str(c.path.relative_to(tmp_path)) for c in walk([tmp_path])] == sorted(found)


def test_walk_passes_files_and_missing_paths_through(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    assert [(c.path, c.skipped) for c in walk([missing])] == [(missing, None)]
