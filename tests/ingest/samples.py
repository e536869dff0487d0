"""Shared samples for the importer tests: article text in two scripts, fixture folder."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx as python_docx

from briefer.ingest.limits import MB

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"

UKRAINIAN = (
    "Україна оголосила нову хвилю мобілізації у вівторок, оскільки Росія захопила важливий "
    "шахтарський центр Селидове. Президент Володимир Зеленський заявив, що війна стає "
    "інтернаціоналізованою."
)
RUSSIAN = (
    "Украина объявила новую волну мобилизации во вторник, поскольку Россия захватила важный "
    "шахтёрский центр Селидово. Президент Владимир Зеленский заявил, что война становится "
    "интернационализированной."
)


def make_docx(title: str = "Ukraine mobilizes amid Russian gains") -> bytes:
    """A real DOCX: a Title paragraph, body paragraphs, a table between them, properties."""
    document = python_docx.Document()
    props = document.core_properties
    props.title, props.author, props.language = title, "Olena Petrenko", "en-GB"
    props.created = dt.datetime(2024, 11, 5, 8, 15, tzinfo=dt.UTC)
    document.add_paragraph("Ukraine mobilizes amid Russian gains", style="Title")
    document.add_paragraph("Zelensky said the war “is becoming internationalized”.")
    table = document.add_table(rows=3, cols=2)
    for row, values in zip(table.rows, [("Measure", "Value"), ("Recruits", "160,000"),
                                        ("Land taken in October", "478 km²")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = document.add_table(rows=1, cols=3)
    merged.rows[0].cells[0].merge(merged.rows[0].cells[1]).text = "Merged heading"
    merged.rows[0].cells[2].text = "Side"
    document.add_paragraph("")
    document.add_paragraph("Analysts expect more fighting around Pokrovsk.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, drop: str | None = None) -> bytes:
    """A copy of a DOCX zip with some members replaced or one left out."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != drop:
                dst.writestr(item.filename, (replace or {}).get(item.filename, src.read(item.filename)))
    return out.getvalue()


def docx_bomb(size: int) -> bytes:
    """A DOCX-shaped zip whose document part unpacks to ``size`` bytes of spaces."""
    base = make_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, src.read(item.filename))
        with dst.open("word/document.xml", "w") as member:
            chunk = b" " * MB
            for _ in range(size // MB):
                member.write(chunk)
    return out.getvalue()


def write_good_files(folder: Path) -> dict[str, str]:
    """One article per format in ``folder``; returns file name -> expected title."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plain.txt").write_bytes(f"Новини дня\n{UKRAINIAN}\n".encode("cp1251"))
    (folder / "notes.md").write_text("---\ntitle: Seoul talks\n---\nZelensky spoke with “Yoon”.\n")
    (folder / "page.html").write_bytes((DATA / "news-page.html").read_bytes())
    (folder / "brief.docx").write_bytes(make_docx())
    (folder / "article.pdf").write_bytes((DATA / "article.pdf").read_bytes())
    return {
        "plain.txt": "Новини дня",
        "notes.md": "Seoul talks",
        "page.html": "Ukraine mobilizes as Russia seizes Selydove",
        "brief.docx": "Ukraine mobilizes amid Russian gains",
        "article.pdf": "Ukraine mobilizes amid Russian gains",
    }


def encrypted_pdf() -> bytes:
    """The fixture PDF locked with a user password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(DATA / "article.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_bad_files(folder: Path, max_bytes: int) -> dict[str, str]:
    """Files that must each fail with one clear line; returns file name -> expected reason."""
    folder.mkdir(parents=True, exist_ok=True)
    docx_bytes = make_docx()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "truncated.docx").write_bytes(docx_bytes[: len(docx_bytes) // 2])
    (folder / "bomb.docx").write_bytes(docx_bomb(30 * MB))
    (folder / "locked.pdf").write_bytes(encrypted_pdf())
    (folder / "huge.txt").write_bytes(b"word " * (max_bytes // 5 * 2))
    return {
        "empty.txt": "the file is empty",
        "binary.txt": "binary file, not text",
        "truncated.docx": "damaged or truncated Word file (not a readable zip)",
        "bomb.docx": "zip bomb: unpacks to 30",
        "locked.pdf": "the PDF is encrypted and needs a password",
        "huge.txt": "file is 2.0 MB, over the 1.0 MB limit",
    }
