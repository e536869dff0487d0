r"""Decoding bytes of unknown encoding and normalising text once, at import.

Normalised text is NFC, uses ``\n`` newlines, has no characters XML cannot hold
(C0/C1 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF), no trailing
spaces on lines, and paragraphs separated by at most one blank line.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from briefer.ingest.legacy import alphabet_fit, best_decoding

#: Encodings a news article plausibly comes in when it is not UTF-8 or UTF-16.
PLAUSIBLE_ENCODINGS = (
    "cp1251", "koi8_r", "koi8_u", "cp1252", "iso8859_1", "iso8859_15", "cp1250",
    "iso8859_2", "cp1253", "cp1254", "cp1257", "iso8859_5", "mac_cyrillic", "cp866",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028]")
#: Stripped from line ends. (A regex ``[…]+$`` would retry at every space of a run
#: that does not end the line: a line of 100,000 spaces and a word took a minute.)
_TRAILING = " \t\u00a0\u3000"
_BLANK_RUNS = re.compile(r"\n{3,}")
#: A UTF-7 run: base64 (a character or more) after ``+``.
_UTF7_SHIFT = re.compile(rb"\+[A-Za-z0-9+/]{3,}")
_UTF7_BOM = b"+/v8"


class UndecodableError(ValueError):
    """The bytes are not text in any plausible encoding."""


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
    return good / len(text)


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit on one parity and the text reads well."""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(sample) < 4 or max(even, odd) < 2 or min(even, odd) * 10 > max(even, odd):
        return None
    encoding = "utf-16-be" if even > odd else "utf-16-le"
    text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
    return encoding if _printable_share(text) > 0.95 else None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` looks like a binary file rather than text in some encoding."""
    sample = data[:8192]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if _utf16_without_bom(sample):
        return False
    if 0 in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) // 20


def _decode_utf16(data: bytes, encoding: str) -> str:
    """UTF-16 found by its NUL pattern; a stray last byte (an odd length) is dropped."""
    whole = data[: len(data) // 2 * 2]
    try:
        return whole.decode(encoding)
    except UnicodeDecodeError as exc:
        reason = f"damaged {encoding.upper()} text (byte {exc.start:,} is not a character)"
        raise UndecodableError(reason) from exc


def _looks_utf7(data: bytes) -> bool:
    """ASCII whose ``+…-`` runs decode (as UTF-7) to words of one alphabet: UTF-7 mail or text."""
    if data.startswith(_UTF7_BOM):
        return True
    if not _UTF7_SHIFT.search(data, 0, 65536):
        return False
    try:
        text = data.decode("utf-7")
    except UnicodeDecodeError:
        return False
    return any(ord(ch) > 127 for ch in text) and alphabet_fit(text[:65536]) >= 0.9


def _looks_ebcdic(data: bytes) -> bool:
    """True for EBCDIC (cp500): spaces are byte 0x40, and the words fit one alphabet."""
    sample = data[:8192]
    if sample.count(0x40) < len(sample) // 20 or sample.count(0x20) * 10 > sample.count(0x40):
        return False
    text = sample.decode("cp500")
    letters = sum(ch.isalpha() for ch in text)
    return _printable_share(text) > 0.95 and letters > len(text) // 2 and alphabet_fit(text) >= 0.9


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; return ``(text, encoding)``.

    Order: a BOM (UTF-8/16/32), UTF-16 without BOM when the NUL pattern shows it,
    strict UTF-8 (UTF-7 when its ``+…-`` runs spell words), EBCDIC (cp500) when
    its spaces show it, then a detector restricted to :data:`PLAUSIBLE_ENCODINGS`
    with a tie-break by alphabet (:mod:`briefer.ingest.legacy`).
    Raises UndecodableError when nothing fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {encoding} after its byte-order mark") from exc
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return _decode_utf16(data, utf16), utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return (data.decode("utf-7"), "utf-7") if _looks_utf7(data) else (text, "utf-8")
    if _looks_ebcdic(data):
        return data.decode("cp500"), "cp500"
    # The default mess threshold (0.2) rejects plain KOI8-R Russian; 0.5 keeps it.
    best = best_decoding(from_bytes(data, threshold=0.5, cp_isolation=list(PLAUSIBLE_ENCODINGS)))
    if best is None:
        raise UndecodableError("not text in UTF-8 or any common encoding")
    return best


def normalize(text: str) -> str:
    r"""Normalise text once for storage: NFC, ``\n`` newlines, XML-legal, tidy paragraphs."""
    text = text.removeprefix("\ufeff")
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _ILLEGAL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip(_TRAILING) for line in text.split("\n"))
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n ")


def clean_field(text: str | None) -> str | None:
    """A metadata value (title, author…) made storable: NFC, no characters XML cannot hold."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", _ILLEGAL.sub("", text))
