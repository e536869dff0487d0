"""Decoding bytes of unknown encoding and normalising text once."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from briefer.ingest.normalize import UndecodableError, decode, looks_binary, normalize
from tests.ingest.samples import RUSSIAN, UKRAINIAN


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Plain “quoted” text — with dashes".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Zelensky said “no”".encode(), "utf-8"),
        (UKRAINIAN.encode("cp1251"), "cp1251"),
        (RUSSIAN.encode("koi8_r"), "koi8_r"),
        ("Title\n".encode("utf-16") + RUSSIAN.encode("utf-16-le"), "utf-16-le"),
        (("Title\n" + RUSSIAN).encode("utf-16-le"), "utf-16-le"),
        (("Title\n" + UKRAINIAN).encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_finds_the_encoding_and_the_text(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert "\ufffd" not in text
    assert any(word in text for word in ("Plain", "Zelensky", "Зеленський", "Зеленский"))


def test_decode_cp1251_ukrainian_reads_as_written() -> None:
    assert decode(UKRAINIAN.encode("cp1251"))[0] == UKRAINIAN


def test_decode_koi8r_russian_reads_as_written() -> None:
    assert decode(RUSSIAN.encode("koi8_r"))[0] == RUSSIAN


def test_invalid_bytes_after_a_bom_are_refused() -> None:
    with pytest.raises(UndecodableError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa broken")


def test_normalize_newlines_nfc_controls_and_blank_runs() -> None:
    raw = "\ufeffTitle  \r\nLine one\rLine two\x00\x07\n\n\n\nCafe\u0301 \u2028end\n"
    text = normalize(raw)
    assert text == "Title\nLine one\nLine two\n\nCafé\nend"
    assert unicodedata.is_normalized("NFC", text)


def test_normalize_keeps_curly_quotes_and_tabs() -> None:
    assert normalize("“a”\t‘b’") == "“a”\t‘b’"


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", True),
        (bytes(range(256)) * 4, True),
        ("plain text".encode("utf-16"), False),
        ("Київ".encode("cp1251") * 20, False),
        (b"", False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary
