"""PDF articles: text and metadata of a real file; encrypted, scanned, long, damaged refused."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from briefer.errors import ImportFailed
from briefer.ingest import pdf
from briefer.ingest.limits import Limits
from tests.ingest.samples import DATA

LIMITS = Limits()
ARTICLE = DATA / "article.pdf"  # made by LibreOffice from a DOCX (tests/data/ingest/make_pdf.py)


def _write(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _copy(**encrypt: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(ARTICLE))
    if encrypt:
        writer.encrypt(**encrypt)
    return _write(writer)


def test_real_pdf_text_paragraphs_and_metadata() -> None:
    article = pdf.extract(ARTICLE.read_bytes(), "article.pdf", LIMITS)
    assert article.title == "Ukraine mobilizes amid Russian gains"
    assert article.author is None  # the info dictionary's "Briefer test desk" is a desk, not a person
    assert article.published == "2026-11-25T13:09:55+00:00"
    assert article.language == "en-US"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == (
        "Ukraine announced a fresh mobilization drive on Tuesday as Russia seized the mining hub "
        "of Selydove, raising alarms in Kyiv and among Western nations about North Korean troops "
        "reported in Russia’s Kursk region.")
    assert paragraphs[1].endswith("“The conclusion is clear: this war is becoming internationalized, "
                                  "extending beyond two countries.”")
    assert "recruit 160,000 personnel" in paragraphs[2]
    assert "Recruits planned 160,000" in article.text


def test_encrypted_pdf_needing_a_password_is_refused() -> None:
    data = _copy(user_password="secret", owner_password="owner")
    with pytest.raises(ImportFailed, match=r"^locked\.pdf: the PDF is encrypted and needs a password$"):
        pdf.extract(data, "locked.pdf", LIMITS)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_encrypted_pdf_with_an_empty_password_opens(algorithm: str) -> None:
    data = _copy(user_password="", owner_password="owner", algorithm=algorithm)
    assert "Selydove" in pdf.extract(data, "restricted.pdf", LIMITS).text


def test_scanned_pdf_without_text_says_so() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with pytest.raises(ImportFailed, match=r"no extractable text \(a scanned PDF\? it needs OCR first\)"):
        pdf.extract(_write(writer), "scan.pdf", LIMITS)


def test_pages_over_the_limit_are_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(ARTICLE))
    for _ in range(3):
        writer.add_blank_page()
    with pytest.raises(ImportFailed, match=r"the PDF has 4 pages, over the 2 page limit"):
        pdf.extract(_write(writer), "long.pdf", Limits(max_pages=2))


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", ARTICLE.read_bytes()[:4000],
     b"%PDF-1.4\n" + bytes(range(256)) * 8],
)
def test_damaged_pdf_is_refused_clearly(data: bytes) -> None:
    with pytest.raises(ImportFailed, match=r"^bad\.pdf: (damaged or truncated PDF|no extractable text)"):
        pdf.extract(data, "bad.pdf", LIMITS)


def test_pypdf_noise_is_silenced(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture) -> None:
    caplog.set_level("DEBUG")
    with pytest.raises(ImportFailed):
        pdf.extract(ARTICLE.read_bytes()[:20000], "cut.pdf", LIMITS)
    assert [r for r in caplog.records if r.name.startswith("pypdf")] == []
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("D:20241105081500+02'00'", "2024-11-05T08:15:00+02:00"), ("D:20241105", "2024-11-05"),
     ("D:20241105081500Z", "2024-11-05T08:15:00+00:00"), ("D:2024139", None), ("nonsense", None)],
)
def test_pdf_dates(raw: str, expected: str | None) -> None:
    assert pdf.pdf_date(raw) == expected


def test_sniff() -> None:
    assert pdf.sniff(ARTICLE.read_bytes()[:8192])
    assert not pdf.sniff(b"<html>")
