"""Legacy encodings told apart by language, UTF-7, EBCDIC, odd UTF-16, and pages that lie about theirs."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import extract_file
from briefer.ingest.normalize import decode
from tests.data.encodings.sentences import SENTENCES

if TYPE_CHECKING:
    from pathlib import Path

CASES = [
    (lang, enc, sentence)
    for lang, (encodings, sentences) in SENTENCES.items()
    for enc in encodings
    for sentence in (*sentences, " ".join(sentences))
]


@pytest.mark.parametrize(
    ("lang", "encoding", "sentence"),
    CASES,
    ids=[f"{lang}-{enc}-{i % 5}" for i, (lang, enc, _) in enumerate(CASES)],
)
def test_a_news_sentence_in_its_legacy_encoding_decodes_right(
    lang: str, encoding: str, sentence: str
) -> None:
    assert decode(sentence.encode(encoding))[0] == sentence


def test_pal_jonson_in_cp1252_is_not_read_as_cp1250(tmp_path: Path) -> None:
    path = tmp_path / "jonson.txt"
    path.write_bytes(
        "Stöd till Ukraina\nFörsvarsminister Pål Jonson sade på tisdagen att stödet ökar.\n".encode("cp1252")
    )
    article = extract_file(path)
    assert article.title == "Stöd till Ukraina"
    assert "Pål Jonson" in article.text


TEXT = (
    "Der Bundeskanzler kündigte am Dienstag weitere Hilfen für die Ukraine an.\n"
    "Die Gewerkschaft fordert höhere Löhne für die Beschäftigten im öffentlichen Dienst.\n"
)


@pytest.mark.parametrize("encoding", ["utf-7", "cp500"])
def test_utf7_and_ebcdic_text_decode_right(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(("Hilfen\n" + TEXT).encode(encoding))
    article = extract_file(path)
    assert (article.title, article.text) == ("Hilfen", TEXT.strip())


def test_ascii_with_plus_signs_stays_ascii() -> None:
    text = "C++ results: +380971234567- rang, a+b+c-d and +100- points.\n"
    assert decode(text.encode()) == (text, "utf-8")


def test_english_with_at_signs_is_not_taken_for_ebcdic() -> None:
    text = "Write to press@example.org or @ministry @ once.\n" * 5
    assert decode(text.encode("cp1252") + "é".encode("cp1252"))[0] == text + "é"


def test_odd_length_utf16_drops_the_stray_byte_only(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(("Hilfen\n" + TEXT).encode("utf-16-le") + b"A")
    article = extract_file(path)
    assert (article.title, article.text) == ("Hilfen", TEXT.strip())


def test_damaged_utf16_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(
        ("Hilfen\n" + TEXT).encode("utf-16-le")
        + "\ud800".encode("utf-16-le", "surrogatepass")
        + "after".encode("utf-16-le")
    )
    with pytest.raises(ImportFailed) as info:
        extract_file(path)
    assert str(info.value).startswith(f"{path}: damaged UTF-16-LE text (byte ")


BODY = (
    "<p>Försvarsminister Pål Jonson sade på tisdagen att regeringen höjer anslagen till Ukraina "
    "med två miljarder kronor. Han sade att stödet är viktigt för Europas säkerhet.</p>"
)


def _page(head: str, body: str = BODY) -> str:
    return (
        f"<html><head>{head}<title>Stöd till Ukraina</title></head>"
        f"<body><article><h1>Stöd till Ukraina</h1>{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    "codec", ["base64", "rot-13", "zlib", "hex", "bz2", "quopri", "uu", "utf-7", "nonsense"]
)
def test_a_charset_that_is_no_text_encoding_counts_as_none(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(_page(f'<meta charset="{codec}">').encode("cp1252"))
    assert "Pål Jonson" in extract_file(path).text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("declares-utf8", _page('<meta charset="utf-8">').encode("cp1252")),
        ("declares-utf32", _page('<meta charset="utf-32">').encode("cp1252")),
        (
            "declares-utf16",
            _page('<meta http-equiv="Content-Type" content="text/html; charset=utf-16">').encode("cp1252"),
        ),
        ("utf8-bom", codecs.BOM_UTF8 + _page("").encode("cp1252")),
    ],
)
def test_a_cp1252_page_claiming_unicode_is_detected_not_replaced(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / f"{name}.html"
    path.write_bytes(data)
    article = extract_file(path)
    assert "Pål Jonson" in article.text
    assert "\ufffd" not in article.text + article.title


def test_json_ld_nested_thousands_deep_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    deep = '{"@type": "NewsArticle", "author": ' + "[" * 5000 + '"A"' + "]" * 5000 + "}"
    path.write_text(
        _page(
            f'<script type="application/ld+json">{"[" * 50_000}{"]" * 50_000}</script>'
            f'<script type="application/ld+json">{deep}</script>'
        )
    )
    assert "Pål Jonson" in extract_file(path).text


def test_lone_surrogates_in_json_ld_never_reach_the_workspace(tmp_path: Path) -> None:
    from briefer.workspace import Workspace

    path = tmp_path / "surrogates.html"
    ld = r'{"@type": "NewsArticle", "headline": "Stöd \ud800 till", "author": {"name": "Anna \udfffBerg"}}'
    path.write_text(_page(f'<script type="application/ld+json">{ld}</script>'))
    article = extract_file(path)
    assert (article.author or "").startswith("Anna")  # a person's name, the lone surrogate gone
    assert "\udfff" not in article.title + (article.author or "")
    assert "\ud800" not in article.title
    with Workspace.open(tmp_path / "w.briefer", create=True) as ws:
        stored = ws.articles.get(ws.articles.add(article).id)
    assert stored.author == article.author
    assert stored.title == article.title
