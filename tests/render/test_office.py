"""PDF (PDF/A-2b, tagged) and ODT made by LibreOffice, end to end through the command line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest

from briefer.cli import main
from briefer.ingest import extract_file
from briefer.workspace import Workspace
from tests.conftest import SAMPLE, fixed_clock
from tests.render.multi_source import fill_multi_source_brief

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
if (SOFFICE is None or PDFTOTEXT is None) and os.environ.get("CI"):
    raise RuntimeError("LibreOffice or poppler-utils missing on CI: .ci/system-deps should install them")
pytestmark = [
    pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                       reason="LibreOffice and pdftotext are not installed (CI installs them)"),
    pytest.mark.slow,
]
TITLE = "Week in review: Afghanistan, Hong Kong, Israel, Ukraine"


@pytest.fixture(scope="module")
def five_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace file holding the five-source sitrep (brief 1)."""
    path = tmp_path_factory.mktemp("five") / "five.briefer"
    with Workspace.create(path, clock=fixed_clock) as ws:
        ws.articles.add(extract_file(SAMPLE))
        fill_multi_source_brief(ws)
    return path


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it."""
    out = subprocess.run([str(PDFTOTEXT), "-layout", str(path), "-"], check=True, capture_output=True,
                         text=True, timeout=60).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def test_pdf_is_pdfa_2b_tagged_with_the_marking_on_every_page(
    five_sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.pdf"
    assert main(["render", str(five_sources), "1", "--format", "pdf", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    with pikepdf.open(out) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert meta["pdfuaid:part"] == "1"
        assert pdf.Root.MarkInfo.Marked is True  # tagged
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # the title bar shows the title
        assert str(pdf.docinfo["/Title"]) == TITLE
        assert str(pdf.Root.Lang).startswith("en")
        tags = {str(e.get("/S")) for e in _structure(pdf.Root.StructTreeRoot)}
        assert {"/H1", "/Table", "/TH", "/L"} <= tags  # real headings, a header row, lists
        pages = len(pdf.pages)
    texts = pdf_pages(out)
    assert len(texts) == pages > 1
    for number, text in enumerate(texts, start=1):
        assert text.count("TLP:AMBER") == 2, f"page {number}: marking not at top and bottom"
    whole = "\n".join(texts)
    assert "Wed 20 Nov 2019" in whole
    assert "Analyst's note:" in whole
    assert whole.count("aljazeera.com") == 1  # the source table lists each source once


def _structure(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """Every structure element under ``node``."""
    found: list[pikepdf.Dictionary] = []
    stack = [node]
    while stack:
        current = stack.pop()
        kids = current.get("/K") if isinstance(current, pikepdf.Dictionary) else None
        if kids is None:
            continue
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append(kid)
                stack.append(kid)
    return found


def test_odt_opens_in_libreoffice_with_the_brief_and_its_properties(
    five_sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.odt"
    assert main(["render", str(five_sources), "1", "--format", "odt", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        meta = archive.read("meta.xml").decode()
    assert f"<dc:title>{TITLE}</dc:title>" in meta
    assert re.search(r'meta:name="TLP"[^>]*>TLP:AMBER<', meta)  # custom properties carried over
    assert re.search(r'meta:name="BriefID"[^>]*>1<', meta)
    profile = tmp_path / "profile"
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=120)
    text = (tmp_path / "brief.txt").read_text(encoding="utf-8-sig")
    assert TITLE in text
    assert "These rioters, they are also criminals." in text


def test_pdf_without_libreoffice_says_what_to_install(five_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from briefer.cli import main; sys.exit(main(sys.argv[1:]))",
         "render", str(five_sources), "1", "--format", "pdf", "-o", str(out)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PATH": str(empty)},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "briefer: error: --format pdf: needs LibreOffice, which is not installed: install LibreOffice"
        " Writer (Debian/Ubuntu: apt install libreoffice-writer-nogui)"
    ]
    assert not out.exists()
