"""Regenerate article.pdf: a DOCX built with python-docx, exported by LibreOffice.

Run from the repository root: ``python tests/data/ingest/make_pdf.py``. Needs
``soffice`` on PATH. The PDF is committed so the tests do not need LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
PARAGRAPHS = [
    "Ukraine announced a fresh mobilization drive on Tuesday as Russia seized the mining hub "
    "of Selydove, raising alarms in Kyiv and among Western nations about North Korean troops "
    "reported in Russia’s Kursk region.",
    "Ukrainian President Volodymyr Zelensky said after talks with South Korea’s president: "
    "“The conclusion is clear: this war is becoming internationalized, extending beyond two "
    "countries.”",
    "The Secretary of Ukraine’s National Security and Defense Council said the country plans "
    "to recruit 160,000 personnel, while analysts estimated that Russia took 478 square "
    "kilometers in October, its largest monthly gain since 2022.",
]


def build_docx(path: Path) -> None:
    """The source document: a heading, three paragraphs, a small table."""
    document = docx.Document()
    props = document.core_properties
    props.title = "Ukraine mobilizes amid Russian gains"
    props.author = "Briefer test desk"
    props.created = dt.datetime(2024, 11, 5, 9, 30, tzinfo=dt.UTC)
    document.add_heading("Ukraine mobilizes amid Russian gains", level=1)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("Measure", "Value"), ("Recruits planned", "160,000")), strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.save(str(path))


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "article.docx"
        build_docx(source)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=120)
        shutil.copy(Path(tmp) / "article.pdf", HERE / "article.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
