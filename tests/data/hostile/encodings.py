"""Encodings: broken UTF-8, mixed and legacy encodings, UTF-16 without BOM, every control
character, lone surrogates, right-to-left text, combining marks, a 1 MB line."""

from __future__ import annotations

import codecs
import unicodedata
from typing import TYPE_CHECKING

from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "encodings"
SENTENCE = "Zelensky said the war is becoming internationalized."
HEADLINE = "Ukraine mobilizes\n"
#: The 65 control characters: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]


def _control_cases(folder: Path) -> Iterator[Case]:
    for code in CONTROLS:
        char = chr(code)
        body = f"{HEADLINE}Officials spoke before{char}after the talks. {SENTENCE}\n"
        name = f"{G}/control-U+{code:04X}.txt"
        write(folder, name, body.encode("utf-8"))
        yield Case(name, G, "import", "either" if code == 0 else "ok", contains=("before", "after", SENTENCE),
                   note=f"control character U+{code:04X} inside a sentence")
    every = "".join(chr(c) for c in CONTROLS if c)
    scattered = " ".join(f"word{i}{char}" for i, char in enumerate(every))
    write(folder, f"{G}/all-controls.md", f"# Controls\n\n{SENTENCE} " * 20 + f"\n\n{scattered} after.\n")
    yield Case(f"{G}/all-controls.md", G, "import", "ok", contains=("word63", SENTENCE),
               note="all 64 non-NUL control characters scattered in a Markdown article")
    refs = "".join(f"&#{c};" for c in CONTROLS)
    write(folder, f"{G}/control-references.html",
          f"<html><body><article><h1>Controls</h1><p>Before {refs} after. {SENTENCE}</p>"
          f"<p>{SENTENCE} More text follows here to make a paragraph.</p></article></body></html>")
    yield Case(f"{G}/control-references.html", G, "import", "either", contains=(SENTENCE,),
               note="numeric character references to all 65 control characters")


def cases(folder: Path) -> Iterator[Case]:
    """Write the encoding inputs and yield their cases."""
    yield from _control_cases(folder)
    plain = f"{HEADLINE}{SENTENCE}\nUkraine plans to recruit 160,000 personnel.\n"
    samples: list[tuple[str, bytes, str, tuple[str, ...], str]] = [
        ("invalid-utf8.txt", f"{HEADLINE}The minister said ".encode() + b"\xff\xfe\xc3\x28 talks "
         + SENTENCE.encode(), "either", (), "bytes that are not UTF-8 in UTF-8 text"),
        ("truncated-utf8.txt", plain.encode() + "Ein Gespräch".encode()[:-3], "either", (),
         "a multi-byte sequence cut at the end"),
        ("overlong-utf8.txt", f"{HEADLINE}Path ".encode() + b"\xc0\xaf\xe0\x80\xaf" + SENTENCE.encode(),
         "either", (), "overlong UTF-8 encodings of '/'"),
        ("mixed-utf8-cp1251.txt", (HEADLINE + "Зеленский заявил.\n").encode() + "Россия заявила.\n"
         .encode("cp1251") + SENTENCE.encode(), "either", (), "UTF-8 and cp1251 paragraphs in one file"),
        ("mixed-utf8-latin1.txt", "Café crème\n".encode() + "Déjà vu à Genève\n".encode("latin-1")
         + SENTENCE.encode(), "either", (), "UTF-8 and Latin-1 in one file"),
        ("utf16le-no-bom.txt", plain.encode("utf-16-le"), "ok", (SENTENCE,), "UTF-16 LE without BOM"),
        ("utf16be-no-bom.txt", plain.encode("utf-16-be"), "ok", (SENTENCE,), "UTF-16 BE without BOM"),
        ("utf16-odd-length.txt", plain.encode("utf-16-le") + b"\x41", "either", (),
         "UTF-16 without BOM, one stray byte at the end"),
        ("utf16-bom.txt", codecs.BOM_UTF16_LE + plain.encode("utf-16-le"), "ok", (SENTENCE,),
         "UTF-16 LE BOM"),
        ("utf32-bom.txt", codecs.BOM_UTF32_LE + plain.encode("utf-32-le"), "ok", (SENTENCE,),
         "UTF-32 LE BOM"),
        ("utf8-bom-then-invalid.txt", codecs.BOM_UTF8 + b"Headline\n\xff\xfe broken", "either", (),
         "a UTF-8 BOM followed by bytes that are not UTF-8"),
        ("nul-bytes.txt", plain.encode().replace(b" ", b"\x00 ", 3), "either", (), "NUL bytes in text"),
        ("lone-surrogate-utf8.txt", f"{HEADLINE}Before ".encode() + b"\xed\xa0\x80" + b" after. "
         + SENTENCE.encode(), "either", (), "a lone surrogate encoded in UTF-8 (invalid)"),
        ("cesu8-pair.txt", f"{HEADLINE}Emoji ".encode() + b"\xed\xa0\xbd\xed\xb8\x80" + SENTENCE.encode(),
         "either", (), "a surrogate pair encoded as CESU-8"),
        ("rtl-arabic.txt", "أوكرانيا تعبئ\n\u200fقال زيلينسكي إن الحرب تتدول.\u200e 160,000\n".encode(),
         "ok", ("قال زيلينسكي إن الحرب تتدول",), "Arabic with right-to-left and left-to-right marks"),
        ("rtl-hebrew.md", "# אוקראינה מגייסת\n\nזלנסקי אמר שהמלחמה \u202bהופכת\u202c לבינלאומית.\n".encode(),
         "ok", ("זלנסקי אמר",), "Hebrew with embedding controls in Markdown"),
        ("bidi-override.txt", f"{HEADLINE}Amount: \u202e000,061\u202c personnel. {SENTENCE}\n".encode(),
         "ok", ("\u202e000,061",), "a right-to-left override (Trojan-source style)"),
        ("zalgo.txt", (HEADLINE + "Z" + "\u0336\u0322\u031b" * 300 + "elensky said it. " + SENTENCE)
         .encode(), "ok", ("elensky said it.",), "900 combining marks on one letter"),
        ("nfd.txt", unicodedata.normalize("NFD", f"Réfugiés à Kyiv\nLe ministre a déclaré. {SENTENCE}")
         .encode(), "ok", ("Réfugiés", "déclaré"), "decomposed accents (NFD) stored as NFC"),
        ("astral.txt", f"{HEADLINE}Math 𝕳𝖊𝖑𝖑𝖔 and 😀 emoji. {SENTENCE}".encode(), "ok", ("𝕳𝖊𝖑𝖑𝖔", "😀"),
         "characters beyond the Basic Multilingual Plane"),
        ("zero-width.txt", f"{HEADLINE}Zero\u200bwidth\u200d joiners\ufeff inside. {SENTENCE}".encode(),
         "ok", (SENTENCE,), "zero-width characters and a BOM inside the text"),
        ("noncharacters.txt", f"{HEADLINE}Before\ufffe\uffff\U0001fffe after. {SENTENCE}".encode(),
         "ok", (SENTENCE,), "Unicode noncharacters U+FFFE, U+FFFF, U+1FFFE"),
        ("only-bom.txt", codecs.BOM_UTF8, "error", (), "nothing but a byte-order mark"),
        ("empty.txt", b"", "error", (), "an empty file"),
        ("whitespace.txt", b" \n\t\r\n   \n", "error", (), "only whitespace"),
        ("cp1252-quotes.txt",
         f"Headline\n\u201cWe will win,\u201d he said \u2013 {SENTENCE}".encode("cp1252"), "ok",
         ("We will win", SENTENCE), "cp1252 curly quotes and dashes"),
        ("koi8r.txt", "Украина мобилизуется\nЗеленский заявил, что война становится международной.\n"
         .encode("koi8_r"), "ok", ("Зеленский",), "Russian in KOI8-R"),
        ("shift-jis.txt", "ウクライナ\nゼレンスキー大統領は戦争が国際化していると述べた。\n"
         .encode("shift_jis"), "either", (), "Japanese in Shift JIS"),
        ("gb18030.txt", "乌克兰动员\n泽连斯基说战争正在国际化。\n".encode("gb18030"), "either", (),
         "Chinese in GB18030"),
        ("utf7.txt", "Headline\nCaf\u00e9 and more.\n".encode("utf-7") + SENTENCE.encode(), "either", (),
         "UTF-7 (never detected on purpose)"),
        ("one-mb-line.txt", ("word " * 209_715 + "needle-at-the-end").encode(), "ok", ("needle-at-the-end",),
         "a single 1 MB line"),
        ("million-spaces.txt", f"{HEADLINE}Before{' ' * 1_000_000}after. {SENTENCE}\n".encode(), "ok",
         ("after.", SENTENCE), "a run of 1,000,000 spaces inside a line"),
        ("one-mb-line.md", ("**bold** _it_ " * 75_000 + "needle-at-the-end").encode(), "ok",
         ("needle-at-the-end",), "a single 1 MB Markdown line full of emphasis"),
        ("one-mb-line.html", ("<html><body><p>" + "word " * 209_715 + "needle-at-the-end</p></body></html>")
         .encode(), "either", (), "a page whose text is one 1 MB line"),
    ]
    for name, data, expect, contains, note in samples:
        write(folder, f"{G}/{name}", data)
        yield Case(f"{G}/{name}", G, "import", expect, contains=contains, note=note)
