"""Text Word keeps in content controls, tracked changes, text boxes, fields and nested tables is imported."""

from __future__ import annotations

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import docx
from briefer.ingest.limits import Limits
from tests.data.hostile.docx_wrapped import WRAPPED, document


@pytest.mark.parametrize("name", list(WRAPPED))
def test_wrapped_text_is_imported_in_reading_order(name: str) -> None:
    body, expected = WRAPPED[name]
    article = docx.extract(document(body), f"{name}.docx", Limits())
    assert article.title == "Wrapped text"
    assert article.text == expected


def test_every_shape_in_one_document_comes_out_in_order() -> None:
    article = docx.extract(document("".join(body for body, _ in WRAPPED.values())), "all.docx", Limits())
    assert article.text == "\n\n".join(text for _, text in WRAPPED.values())


def test_tables_nested_past_the_limit_keep_their_words() -> None:
    inner = "<w:p><w:r><w:t>deepest words</w:t></w:r></w:p>"
    for _ in range(40):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    assert docx.extract(document(inner), "deep.docx", Limits()).text == "deepest words"


def test_a_document_without_a_body_is_refused_in_one_line() -> None:
    from tests.data.hostile.docx_wrapped import NS, _base, _zip

    members = _base()
    members["word/document.xml"] = f'<?xml version="1.0"?><w:document {NS}></w:document>'.encode()
    with pytest.raises(ImportFailed) as info:
        docx.extract(_zip(members), "empty.docx", Limits())
    assert str(info.value) == "empty.docx: the document has no body (no text)"
