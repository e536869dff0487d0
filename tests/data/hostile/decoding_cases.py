"""Text and pages whose encoding lies or is rare: legacy encodings told apart by language,
UTF-7, EBCDIC, odd UTF-16, charsets naming codecs that are not text encodings, Unicode
declared over cp1252, JSON-LD nested thousands deep or holding lone surrogates."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from tests.data.encodings.sentences import SENTENCES
from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SWEDISH = SENTENCES["sv"][1][0]  # "Försvarsminister Pål Jonson sade …"
GERMAN = " ".join(SENTENCES["de"][1])


def _legacy(folder: Path) -> Iterator[Case]:
    for lang, (encodings, sentences) in SENTENCES.items():
        for encoding in encodings:
            name = f"encodings/legacy-{lang}-{encoding}.txt"
            write(folder, name, ("\n".join(sentences) + "\n").encode(encoding))
            yield Case(
                name,
                "encodings",
                "import",
                "ok",
                contains=tuple(sentences),
                note=f"news sentences in {lang} encoded {encoding}, decoded right",
            )


def _rare(folder: Path) -> Iterator[Case]:
    samples = [
        ("utf-7-german.txt", ("Hilfen\n" + GERMAN).encode("utf-7"), GERMAN, "German news in UTF-7"),
        ("ebcdic-cp500.txt", ("Hilfen\n" + GERMAN).encode("cp500"), GERMAN, "German news in EBCDIC (cp500)"),
        (
            "utf16le-odd.txt",
            ("Hilfen\n" + GERMAN).encode("utf-16-le") + b"\x41",
            GERMAN,
            "UTF-16 LE without BOM and a stray last byte",
        ),
    ]
    for name, data, sentence, note in samples:
        write(folder, f"encodings/{name}", data)
        yield Case(f"encodings/{name}", "encodings", "import", "ok", contains=(sentence,), note=note)
    damaged = (
        "Hilfen\n".encode("utf-16-le")
        + "\ud800".encode("utf-16-le", "surrogatepass")
        + GERMAN.encode("utf-16-le")
    )
    write(folder, "encodings/utf16-lone-surrogate.txt", damaged)
    yield Case(
        "encodings/utf16-lone-surrogate.txt",
        "encodings",
        "import",
        "error",
        reason="damaged UTF-16-LE",
        note="UTF-16 holding a lone surrogate: refused, not imported as junk",
    )


BODY = (
    f"<p>{SWEDISH} Han sade att stödet är viktigt för Europas säkerhet och att fler beslut väntas.</p>"
    "<p>Regeringen väntas presentera förslaget för riksdagen nästa vecka, uppger källor.</p>"
)


def _page(head: str) -> str:
    return (
        f"<html><head>{head}<title>Stöd till Ukraina</title></head><body><article><h1>Stöd till Ukraina"
        f"</h1>{BODY}</article></body></html>"
    )


def _pages(folder: Path) -> Iterator[Case]:
    for codec in ("base64", "rot-13", "zlib", "hex", "bz2", "quopri", "uu", "utf-7"):
        name = f"html/charset-{codec}.html"
        write(folder, name, _page(f'<meta charset="{codec}">').encode("cp1252"))
        yield Case(
            name,
            "html",
            "import",
            "ok",
            contains=("Pål Jonson",),
            absent=("\ufffd",),
            note=f"<meta charset={codec}>: a codec that is no text encoding, detected instead",
        )
    lying = [
        ("declares-utf8-cp1252.html", _page('<meta charset="utf-8">').encode("cp1252"), "UTF-8 declared"),
        ("declares-utf32-cp1252.html", _page('<meta charset="utf-32">').encode("cp1252"), "UTF-32 declared"),
        ("bom-utf8-cp1252.html", codecs.BOM_UTF8 + _page("").encode("cp1252"), "a UTF-8 byte-order mark"),
    ]
    for name, data, what in lying:
        write(folder, f"html/{name}", data)
        yield Case(
            f"html/{name}",
            "html",
            "import",
            "ok",
            contains=("Pål Jonson",),
            absent=("\ufffd",),
            note=f"{what} over a cp1252 body: detected, no replacement characters",
        )
    deep = '{"@type": "NewsArticle", "author": ' + "[" * 5000 + '"A"' + "]" * 5000 + "}"
    write(
        folder,
        "html/json-ld-deep.html",
        _page(
            f'<script type="application/ld+json">{"[" * 50_000}{"]" * 50_000}</script>'
            f'<script type="application/ld+json">{deep}</script>'
        ),
    )
    yield Case(
        "html/json-ld-deep.html",
        "html",
        "import",
        "ok",
        contains=("Pål Jonson",),
        note="JSON-LD nested 50,000 and 5,000 deep",
    )
    ld = r'{"@type": "NewsArticle", "headline": "Stöd \ud800 till", "author": {"name": "Anna \udfffBerg"}}'
    write(folder, "html/json-ld-surrogates.html", _page(f'<script type="application/ld+json">{ld}</script>'))
    yield Case(
        "html/json-ld-surrogates.html",
        "html",
        "import",
        "ok",
        contains=("Pål Jonson",),
        note="JSON-LD strings holding lone surrogates (stored without them)",
    )


def cases(folder: Path) -> Iterator[Case]:
    """Write the decoding inputs and yield their cases."""
    yield from _legacy(folder)
    yield from _rare(folder)
    yield from _pages(folder)
