"""Saved pages in archives: WARC files (several pages, bombs, damage), MHTML, SingleFile."""

from __future__ import annotations

import gzip
import io
from typing import TYPE_CHECKING

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.data.hostile.corpus import Case, write
from tests.data.hostile.html_cases import ARTICLE, KEPT, PAGE

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "archive"
SECOND = ("<html><head><title>Grain corridor</title></head><body><article>"
          "<p>Grain ships left Odesa on Monday under naval escort, the port authority said.</p>"
          "<p>Insurers raised premiums for Black Sea voyages by a third this month.</p>"
          "</article></body></html>")


def warc(records: list[tuple[str, str, bytes, dict[str, str]]], *, compress: bool = True) -> bytes:
    """A WARC file of response records: (url, content type, body, extra HTTP headers)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, kind, body, extra in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind), *extra.items()], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      length=len(body), http_headers=headers))
    return buffer.getvalue()


def mhtml(page: str, location: str = "https://news.example/ukraine") -> bytes:
    """An MHTML archive as Chromium saves one: the page quoted-printable, plus an image part."""
    quoted = page.replace("=", "=3D")
    return (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: " + location + "\r\n"
        "Subject: Ukraine mobilizes\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"\r\n\r\n'
        "------MultipartBoundary--abc\r\nContent-Type: text/html\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: " + location + "\r\n\r\n"
        + quoted + "\r\n------MultipartBoundary--abc\r\nContent-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\nContent-Location: https://news.example/a.png\r\n\r\n"
        "iVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n"
    ).encode()


def singlefile(extra: str) -> str:
    """A page as SingleFile saves it, with ``extra`` markup inside the article."""
    return ("<!DOCTYPE html> <html lang='en'><!--\n Page saved with SingleFile \n"
            " url: https://news.example/ukraine \n saved date: Tue Nov 25 2026\n-->"
            "<head><meta charset='utf-8'><title>Ukraine mobilizes</title></head><body><article>"
            f"{extra}{ARTICLE}</article></body></html>")


def cases(folder: Path) -> Iterator[Case]:
    """Write the archive inputs and yield their cases."""
    pages = [("https://news.example/ukraine", "text/html; charset=utf-8", PAGE.encode(), {}),
             ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", {}),
             ("https://news.example/grain", "text/html", SECOND.encode(), {})]
    write(folder, f"{G}/two-pages.warc.gz", warc(pages))
    yield Case(f"{G}/two-pages.warc.gz", G, "import", "ok", contains=KEPT, note="two pages and an image")
    write(folder, f"{G}/plain.warc", warc(pages, compress=False))
    yield Case(f"{G}/plain.warc", G, "import", "ok", contains=KEPT, note="an uncompressed WARC")
    bomb = gzip.compress(b"<p>" + b"\0" * (300 * 1024 * 1024), compresslevel=9)
    write(folder, f"{G}/gzip-bomb.warc.gz", warc([("https://x.example/", "text/html", bomb,
                                                    {"Content-Encoding": "gzip"})]))
    yield Case(f"{G}/gzip-bomb.warc.gz", G, "import", "error", reason="unpacks to over",
               note="a gzip-encoded record that inflates to 300 MB")
    data = warc(pages)
    write(folder, f"{G}/truncated.warc.gz", data[: len(data) // 4])
    yield Case(f"{G}/truncated.warc.gz", G, "import", "either", note="a WARC cut short")
    write(folder, f"{G}/images-only.warc", warc([pages[1]], compress=False))
    yield Case(f"{G}/images-only.warc", G, "import", "error", reason="no web page",
               note="a WARC without any page")
    write(folder, f"{G}/page.mhtml", mhtml(PAGE))
    yield Case(f"{G}/page.mhtml", G, "import", "ok", contains=KEPT, note="an MHTML page saved by a browser")
    write(folder, f"{G}/no-page.mht", mhtml(PAGE).replace(b"Content-Type: text/html\r\n",
                                                          b"Content-Type: text/plain\r\n"))
    yield Case(f"{G}/no-page.mht", G, "import", "either", note="an MHTML archive whose page is not HTML")
    blob = "data:image/png;base64," + "QUFB" * (8 * 1024 * 1024)
    write(folder, f"{G}/singlefile-32mb-image.html", singlefile(f"<img src='{blob}'>"))
    yield Case(f"{G}/singlefile-32mb-image.html", G, "import", "ok", contains=KEPT, absent=("QUFBQUFB",),
               note="a SingleFile page inlining a 32 MB image")
