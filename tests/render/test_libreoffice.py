"""Every DOCX Briefer writes opens in LibreOffice, with the marking on every page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from briefer.render import Renderer, load_template
from briefer.render.escape import comment_marker
from tests.render.conftest import fill_demo_brief
from tests.render.test_docx import CITED_AGAIN, SAMPLE, _save

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.workspace import Workspace

# Footnotes and commented paragraphs taking turns: LibreOffice 7.4 mixed up the
# notes' texts when comment ids and footnote ids overlapped.
TURNS = "".join(f"Claim {n}.[^{n}]\n\nCommented.{comment_marker(f'c{n}')}\n\n" for n in range(1, 5))
TURNS += "".join(f"[^{n}]: Note text {n}.\n" for n in range(1, 5))

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None and os.environ.get("CI"):
    raise RuntimeError("LibreOffice is missing on CI: .ci/system-deps should have installed it")
pytestmark = [
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (CI installs it)"),
    pytest.mark.slow,
]


def to_pdf(paths: list[Path], out: Path) -> dict[str, PdfReader]:
    """Convert DOCX files to PDF with LibreOffice in one run; the PDFs by stem."""
    profile = out / "lo-profile"
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, paths)],
        check=True, capture_output=True, timeout=240,
    )
    return {p.stem: PdfReader(out / f"{p.stem}.pdf") for p in paths}


def test_every_docx_opens_in_libreoffice(demo_ws: Workspace, renderer: Renderer, tmp_path: Path) -> None:
    briefs = {"sitrep": fill_demo_brief(demo_ws, "sitrep")}
    briefs |= {template: brief_for(demo_ws, template) for template in ("bluf-memo", "quote-digest")}
    produced = [renderer.export(demo_ws, brief_id, "docx", tmp_path / f"{template}.docx", template)
                for template, brief_id in briefs.items()]
    for name, markdown in (("long", SAMPLE * 40), ("cited", CITED_AGAIN), ("turns", TURNS)):
        produced.append(_save(markdown, tmp_path).rename(tmp_path / f"{name}.docx"))
    pdfs = to_pdf(produced, tmp_path)
    for name, pdf in pdfs.items():
        pages = [page.extract_text() for page in pdf.pages]
        assert pages, name
        marking = "TLP:RED" if name in ("long", "cited", "turns") else "TLP:AMBER"
        assert all(text.count(marking) >= 2 for text in pages), f"{name}: marking missing on a page"
    assert len(pdfs["long"].pages) > 1
    sitrep = " ".join(page.extract_text() for page in pdfs["sitrep"].pages)
    assert "Volodymyr Zelensky" in sitrep
    assert "internationalized" in sitrep
    cited = pdfs["cited"].pages[0].extract_text()
    # cross-references show the number of the footnote they point to
    assert "First claim.1 Second claim.2" in cited
    assert "Again the first source.1" in cited
    assert "And the second, twice.2,2" in cited  # marks side by side: comma between
    assert re.search(r"1 Source two\.\s*2 Source one\.", cited), cited
    turns = pdfs["turns"].pages[0].extract_text()
    assert re.findall(r"Note text (\d)", turns) == ["1", "2", "3", "4"], turns


def brief_for(ws: Workspace, template: str) -> int:
    """Another brief over the demo tags, made for ``template``."""
    brief_id = ws.briefs.new(f"Ukraine: mobilisation ({template})", template=template,
                             marking="TLP:AMBER", author="J. Analyst").id
    ws.briefs.auto_fill(brief_id, load_template(template).layout())
    return brief_id
