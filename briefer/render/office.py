"""PDF and ODT made by a real office suite: the DOCX converted by LibreOffice headless.

The conversion runs LibreOffice in a process of its own group, started from a
sandbox child (:class:`~briefer.sandbox.LimitedWorker`), with a fresh user
profile and a time limit: a document LibreOffice chokes on ends that process
group, never the app. The PDF is PDF/A-2b and tagged (PDF/UA), with the
document title shown in the viewer's title bar, as LibreOffice's PDF export
filter options say.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from briefer.errors import InvalidInput
from briefer.sandbox import LimitedWorker, LimitExceeded

TIME_LIMIT_SECONDS = 300.0  # a 5000-item brief (~200 pages) takes 1-3 minutes on a busy machine
INSTALL_HINT = "install LibreOffice Writer (Debian/Ubuntu: apt install libreoffice-writer-nogui)"

#: LibreOffice's writer_pdf_Export options: PDF/A-2b, tagged, PDF/UA, title in the title bar.
PDF_OPTIONS = {
    "SelectPdfVersion": {"type": "long", "value": "2"},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
}
FILTERS = {
    "pdf": "pdf:writer_pdf_Export:" + json.dumps(PDF_OPTIONS, separators=(",", ":")),
    "odt": "odt:writer8",
}


def soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run ``command`` in a new process group; end the whole group when time runs out."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, start_new_session=True) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise LimitExceeded(f"LibreOffice took longer than {timeout:g} s") from None
    return process.returncode, output.decode("utf-8", "replace")


def _convert(program: str, source: str, fmt: str, timeout: float) -> str:
    """In the sandbox child: convert ``source`` next to itself; the new file's path."""
    folder = Path(source).parent
    profile = folder / "profile"
    code, output = _run([
        program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", FILTERS[fmt], "--outdir", str(folder), source,
    ], timeout)
    target = folder / f"{Path(source).stem}.{fmt}"
    if code != 0 or not target.is_file() or target.stat().st_size == 0:
        last = output.strip().splitlines()[-1:] or [f"exit code {code}"]
        raise InvalidInput(f"LibreOffice ({program})", f"could not convert the brief to {fmt}: {last[0]}")
    return str(target)


def convert_docx(docx_bytes: bytes, fmt: str, timeout: float = TIME_LIMIT_SECONDS) -> bytes:
    """The DOCX as ``pdf`` or ``odt`` bytes; InvalidInput (saying what to install) without LibreOffice."""
    if fmt not in FILTERS:
        raise InvalidInput(f"format {fmt!r}", f"LibreOffice converts to {', '.join(FILTERS)} only")
    program = soffice()
    if program is None:
        raise InvalidInput(f"--format {fmt}", f"needs LibreOffice, which is not installed: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="briefer-office-") as folder:
        source = Path(folder) / "brief.docx"
        source.write_bytes(docx_bytes)
        # No memory cap: LibreOffice maps far more address space than it uses.
        with LimitedWorker(memory_mb=None) as worker:
            try:
                made = worker.call(_convert, program, str(source), fmt, timeout, timeout=timeout + 10)
            except LimitExceeded as exc:
                reason = f"could not convert the brief to {fmt}: {exc}"
                raise InvalidInput(f"LibreOffice ({program})", reason) from None
        return Path(made).read_bytes()
