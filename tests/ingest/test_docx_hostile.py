"""Word files built to break the importer: zip features Python cannot read, huge documents."""

from __future__ import annotations

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import docx
from briefer.ingest.limits import Limits
from tests.data.hostile.docx_cases import _base, _document_xml, _paragraph, _patched, _with, _zip


def test_encrypted_member_is_refused_clearly() -> None:
    data = _patched(_zip(_base()), "word/document.xml", 6, b"\x01\x00")
    with pytest.raises(ImportFailed, match="encrypted") as info:
        docx.extract(data, "secret.docx", Limits())
    assert str(info.value).startswith("secret.docx: ")


def test_unsupported_compression_is_refused_clearly() -> None:
    data = _patched(_zip(_base()), "word/document.xml", 8, b"\x09\x00")  # Deflate64
    with pytest.raises(ImportFailed, match="unsupported compression method, 9"):
        docx.extract(data, "odd.docx", Limits())


def test_documents_over_the_paragraph_cap_are_refused() -> None:
    body = "".join(_paragraph(f"Paragraph {i}.") for i in range(30))
    data = _with(word__document_DOT_xml=_document_xml(body))
    with pytest.raises(ImportFailed, match="has 30 paragraphs and tables, over the 20 limit"):
        docx.extract(data, "long.docx", Limits(max_paragraphs=20))
    assert docx.extract(data, "long.docx", Limits(max_paragraphs=30)).text.count("Paragraph") == 30


def test_heading_styles_are_still_recognised_for_the_title() -> None:
    article = docx.extract(_zip(_base()), "brief.docx", Limits())
    assert article.title == "Ukraine mobilizes"
    assert article.text.startswith("Zelensky said")
