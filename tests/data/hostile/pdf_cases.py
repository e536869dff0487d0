"""PDF files: encrypted, truncated, without text, 10,000 pages, malformed or missing xref,
loops in the page tree and the xref chain, a deflate bomb, pathological content streams."""

from __future__ import annotations

import io
import zlib
from typing import TYPE_CHECKING

from pypdf import PdfReader, PdfWriter

from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

G = "pdf"
LINES = ("Ukraine mobilizes", "Zelensky said the war is becoming internationalized.",
         "Ukraine plans to recruit 160,000 personnel.")


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(content), extra, content)


def _text_content(lines: tuple[str, ...] = LINES) -> bytes:
    ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(%s) Tj T*" % escaped.encode("latin-1"))
    ops.append(b"ET")
    return b"\n".join(ops)


def build_pdf(page_contents: list[bytes | None], *, kids: bytes | None = None, count: int | None = None,
              trailer_extra: bytes = b"", xref_shift: int = 0, catalog_extra: bytes = b"",
              stream: Callable[[bytes], bytes] = _stream) -> bytes:
    """A PDF with one page per content (None: a page without content), written by hand.

    Pages share content streams that are equal. ``kids``/``count`` override the
    page tree, ``xref_shift`` moves every xref offset (a malformed xref).
    """
    objects: dict[int, bytes] = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    streams: dict[bytes, int] = {}
    page_ids = []
    next_id = 4
    for content in page_contents:
        entry = b""
        if content is not None:
            if content not in streams:
                streams[content] = next_id
                objects[next_id] = stream(content)
                next_id += 1
            entry = b" /Contents %d 0 R" % streams[content]
        objects[next_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
                            b" /Resources << /Font << /F1 3 0 R >> >>%s >>" % entry)
        page_ids.append(next_id)
        next_id += 1
    kids = kids if kids is not None else b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R %s>>" % catalog_extra
    count = len(page_ids) if count is None else count
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(b"%010d 00000 n \n" % (offsets.get(number, 0) + xref_shift))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (size, trailer_extra))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _encrypted(user: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf([_text_content()]))))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bomb_page() -> bytes:
    """A page whose content stream inflates to 300 MB of zeros."""
    zeros = zlib.compressobj(9)
    packed = b"".join(zeros.compress(bytes(1 << 20)) for _ in range(300)) + zeros.flush()
    return build_pdf([_text_content(), packed],
                     stream=lambda c: c if c.startswith(b"<<") else _stream(c, b"/Filter /FlateDecode ")
                     if c is packed else _stream(c))


def cases(folder: Path) -> Iterator[Case]:
    """Write the PDF inputs and yield their cases."""
    valid = build_pdf([_text_content()])
    many_ops = b"BT /F1 12 Tf 72 720 Td " + b"(word ) Tj " * 100_000 + b"ET"
    samples: list[tuple[str, bytes, str, tuple[str, ...], str, str]] = [
        ("valid.pdf", valid, "ok", (LINES[1],), "", "a plain one-page PDF (control)"),
        ("encrypted-user-password.pdf", _encrypted("secret", "RC4-128"), "error", (), "encrypted",
         "encrypted with a user password"),
        ("encrypted-empty-password.pdf", _encrypted("", "RC4-128"), "ok", (LINES[1],), "",
         "encrypted with only an owner password (opens without one)"),
        ("encrypted-aes256.pdf", _encrypted("secret", "AES-256"), "error", (), "encrypted",
         "AES-256 encryption with a user password"),
        ("truncated.pdf", valid[: len(valid) // 2], "either", (), "", "the first half of a PDF"),
        ("header-only.pdf", b"%PDF-1.7\n", "error", (), "", "nothing but the header"),
        ("no-text.pdf", build_pdf([None, None]), "error", (), "no extractable text", "two blank pages"),
        ("ten-thousand-pages.pdf", build_pdf([_text_content()] * 10_000), "error", (), "page limit",
         "10,000 pages"),
        ("malformed-xref.pdf", build_pdf([_text_content()], xref_shift=7), "either", (), "",
         "every xref offset off by 7 bytes"),
        ("no-xref.pdf", valid[: valid.index(b"xref")], "either", (), "", "no xref table and no trailer"),
        ("xref-loop.pdf", build_pdf([_text_content()], trailer_extra=b"/Prev 0 "), "either", (), "",
         "a trailer whose /Prev points back into the file"),
        ("page-tree-loop.pdf", build_pdf([_text_content()], kids=b"2 0 R 4 0 R"), "either", (), "",
         "the page tree lists itself as a kid"),
        ("page-count-lie.pdf", build_pdf([_text_content()], count=1_000_000), "either", (), "",
         "/Count says a million pages, one exists"),
        ("deflate-bomb.pdf", _bomb_page(), "either", (), "", "a content stream inflating to 300 MB"),
        ("deep-arrays.pdf", build_pdf([_text_content()], catalog_extra=b"/Deep " + b"[" * 100_000
                                      + b"]" * 100_000 + b" "), "either", (), "",
         "arrays nested 100,000 deep"),
        ("many-operators.pdf", build_pdf([many_ops]), "either", (), "", "100,000 text operators on a page"),
        ("javascript.pdf", build_pdf([_text_content()], catalog_extra=b"/OpenAction << /S /JavaScript "
                                     b"/JS (app.alert\\(1\\)) >> "), "ok", (LINES[1],), "",
         "an OpenAction running JavaScript (ignored)"),
        ("nul-in-text.pdf", build_pdf([_text_content(("Head\x00line", "Zero\x00 bytes in text here."))]),
         "either", (), "", "NUL bytes inside the text"),
        ("text-named.pdf", b"Ukraine mobilizes\n\nThis is plain text named .pdf.\n", "either", (), "",
         "a text file named .pdf"),
        ("binary-named.pdf", bytes(range(256)) * 50, "error", (), "", "random bytes named .pdf"),
    ]
    for name, data, expect, contains, reason, note in samples:
        write(folder, f"{G}/{name}", data)
        yield Case(f"{G}/{name}", G, "import", expect, contains=contains, reason=reason, note=note)
