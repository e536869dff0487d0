"""Plain-text articles in any encoding; the first line is the title."""

from __future__ import annotations

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import text
from briefer.ingest.limits import Limits
from tests.ingest.samples import RUSSIAN, UKRAINIAN

LIMITS = Limits()


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("utf-8", UKRAINIAN),
        ("utf-8-sig", UKRAINIAN),
        ("cp1251", UKRAINIAN),
        ("koi8_r", RUSSIAN),
        ("utf-16", RUSSIAN),
        ("utf-16-le", RUSSIAN),
        ("utf-16-be", UKRAINIAN),
    ],
)
def test_text_in_any_encoding_imports_readable(encoding: str, body: str) -> None:
    headline = "Новини дня" if body is UKRAINIAN else "Новости дня"
    article = text.extract(f"{headline}\n{body}\n".encode(encoding), "a.txt", LIMITS)
    assert article.title == headline
    assert article.text == body
    assert article.format == "txt"


def test_crlf_becomes_newlines_and_paragraphs_stay() -> None:
    data = b"Headline here\r\n\r\nFirst paragraph.\r\nSame paragraph.\r\n\r\nSecond paragraph.\r\n"
    article = text.extract(data, "crlf.txt", LIMITS)
    assert article.title == "Headline here"
    assert article.text == "First paragraph.\nSame paragraph.\n\nSecond paragraph."
    assert "\r" not in article.text


def test_a_first_line_that_is_a_sentence_stays_in_the_body() -> None:
    article = text.extract(b"It was a quiet day in Kyiv.\nThen the sirens began.", "s.txt", LIMITS)
    assert article.title == "It was a quiet day in Kyiv."
    assert article.text.startswith("It was a quiet day")


def test_binary_is_refused_with_a_reason() -> None:
    with pytest.raises(ImportFailed, match=r"bin\.txt: binary file, not text"):
        text.extract(b"\x00\x01\x02\x03" * 100, "bin.txt", LIMITS)
