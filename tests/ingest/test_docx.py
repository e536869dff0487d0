"""Word documents: text and tables in order, core properties, hostile containers refused."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import docx
from briefer.ingest.limits import MB, Limits
from tests.ingest.samples import docx_bomb, make_docx, rezip

if TYPE_CHECKING:
    from pathlib import Path

LIMITS = Limits()


def test_paragraphs_and_tables_in_document_order_with_properties() -> None:
    article = docx.extract(make_docx(), "brief.docx", LIMITS)
    assert article.title == "Ukraine mobilizes amid Russian gains"
    assert article.author == "Olena Petrenko"
    assert article.published == "2024-11-05T08:15:00+00:00"
    assert article.language == "en-GB"
    assert article.format == "docx"
    assert article.text.split("\n\n") == [
        "Zelensky said the war “is becoming internationalized”.",
        "Measure | Value\nRecruits | 160,000\nLand taken in October | 478 km²",
        "Merged heading | Side",
        "Analysts expect more fighting around Pokrovsk.",
    ]


def test_without_a_title_property_the_title_paragraph_is_the_title() -> None:
    article = docx.extract(make_docx(title=""), "untitled.docx", LIMITS)
    assert article.title == "Ukraine mobilizes amid Russian gains"
    assert not article.text.startswith("Ukraine mobilizes")


def test_truncated_docx_is_refused_clearly() -> None:
    data = make_docx()
    with pytest.raises(ImportFailed, match=r"^cut\.docx: damaged or truncated Word file"):
        docx.extract(data[: len(data) // 2], "cut.docx", LIMITS)


def test_an_old_doc_file_gets_advice() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    with pytest.raises(ImportFailed, match=r"an old binary Word file \(\.doc\); save it as \.docx first"):
        docx.extract(ole, "old.docx", LIMITS)


def test_a_zip_without_word_document_is_not_a_word_document() -> None:
    data = rezip(make_docx(), drop="word/document.xml")
    with pytest.raises(ImportFailed, match=r"not a Word document \(no word/document\.xml\)"):
        docx.extract(data, "other.docx", LIMITS)


def test_zip_bomb_over_the_unpacked_size_limit_is_refused_before_opening() -> None:
    bomb = docx_bomb(260 * MB)  # over the 200 MB default
    assert len(bomb) < 2 * MB
    with pytest.raises(ImportFailed, match=r"zip bomb: unpacks to 260\.\d MB, over the 200\.0 MB limit"):
        docx.extract(bomb, "bomb.docx", LIMITS)


def test_zip_bomb_by_compression_ratio_is_refused() -> None:
    reason = r"zip bomb: word/document\.xml is compressed \d+:1, over the 100:1 limit"
    with pytest.raises(ImportFailed, match=reason):
        docx.extract(docx_bomb(8 * MB), "ratio.docx", LIMITS)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    data = make_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    xml = xml.replace("?>", "?>" + doctype, 1).replace("Analysts expect", "&xxe; Analysts expect")
    try:
        text = docx.extract(rezip(data, {"word/document.xml": xml.encode()}), "xxe.docx", LIMITS).text
    except ImportFailed as exc:
        text = str(exc)
    assert "TOP-SECRET" not in text
    assert "Zelensky said" in text or "xxe.docx" in text


def test_sniff_accepts_office_zips_only() -> None:
    assert docx.sniff(make_docx()[:8192])
    assert not docx.sniff(b"PK\x03\x04" + b"\x00" * 26 + b"photo.jpg")
    assert not docx.sniff(b"%PDF-1.7")
