"""Word documents and their zip container: bombs by size and ratio, lying sizes, truncation,
wrong content types, external entities, a million paragraphs, unsupported zip features."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from typing import TYPE_CHECKING

import docx

from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "docx"
SENTENCE = "Zelensky said the war is becoming internationalized."
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PASSWD = "root:x:0:0"
BOMB = "lollollollollollollollollollol"


def _base() -> dict[str, bytes]:
    """The members of a small valid document, by name."""
    document = docx.Document()
    document.add_heading("Ukraine mobilizes", level=1)
    document.add_paragraph(SENTENCE)
    document.add_paragraph("Ukraine plans to recruit 160,000 personnel.")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _document_xml(body: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}<w:document {W}><w:body>'
            f"{body}</w:body></w:document>").encode()


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _with(**replacements: bytes) -> bytes:
    members = _base()
    for key, value in replacements.items():
        members[key.replace("__", "/").replace("_DOT_", ".")] = value
    return _zip(members)


def _streamed(path: Path, extra: str, size: int, fill: bytes = b"\0") -> None:
    """A valid document plus one member of ``size`` bytes written in chunks (a bomb)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _base().items():
            archive.writestr(name, data)
        with archive.open(extra, "w", force_zip64=True) as member:
            chunk = fill * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)


def _million_paragraphs(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _base().items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode())
            for start in range(0, 1_000_000, 10_000):
                member.write("".join(_paragraph(f"Paragraph {i} of the report, item {i * 7919 % 100003}.")
                                     for i in range(start, start + 10_000)).encode())
            member.write(b"</w:body></w:document>")


def _patched(data: bytes, member: str, offset_in_header: int, value: bytes) -> bytes:
    """``data`` with bytes at ``offset_in_header`` of both headers of ``member`` replaced."""
    out = bytearray(data)
    name = member.encode()
    for signature, name_at in ((b"PK\x03\x04", 30), (b"PK\x01\x02", 46)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            length = struct.unpack_from("<H", out, start + (26 if name_at == 30 else 28))[0]
            if out[start + name_at:start + name_at + length] == name:
                field = offset_in_header if name_at == 30 else offset_in_header + 2
                out[start + field:start + field + len(value)] = value
            start += 4
    return bytes(out)


def cases(folder: Path) -> Iterator[Case]:
    """Write the Word document inputs and yield their cases."""
    base = _zip(_base())
    _streamed(folder / G / "bomb-size.docx", "word/media/padding.bin", 260 << 20)
    yield Case(f"{G}/bomb-size.docx", G, "import", "error", reason="zip bomb",
               note="a member unpacking to 260 MB (over the 200 MB cap)")
    _streamed(folder / G / "bomb-ratio.docx", "word/media/zeros.bin", 50 << 20)
    yield Case(f"{G}/bomb-ratio.docx", G, "import", "error", reason="zip bomb",
               note="a 50 MB member compressed about 1000:1")
    _million_paragraphs(folder / G / "million-paragraphs.docx")
    yield Case(f"{G}/million-paragraphs.docx", G, "import", "either",
               note="a document of 1,000,000 paragraphs")
    xxe = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    laughs = ("<!DOCTYPE w:document [<!ENTITY a \"lol\">" + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
    body = _paragraph(SENTENCE)
    samples: list[tuple[str, bytes, str, tuple[str, ...], tuple[str, ...], str, str]] = [
        ("valid.docx", base, "ok", (SENTENCE,), (), "", "a plain valid document (control)"),
        ("lying-size.docx", _patched(_with(word__document_DOT_xml=_document_xml(body * 20_000)),
                                     "word/document.xml", 22, struct.pack("<I", 600)), "error", (), (), "",
         "headers claim 600 bytes for a member that unpacks to megabytes"),
        ("truncated.docx", base[: len(base) * 3 // 5], "error", (), (), "", "the first 60% of a document"),
        ("empty-zip.docx", _zip({}), "error", (), (), "", "a zip with no members"),
        ("not-a-zip.docx", bytes(range(256)) * 40, "error", (), (), "", "random bytes named .docx"),
        ("ole.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), "error", (), (), ".doc",
         "an old binary Word file named .docx"),
        ("no-content-types.docx", _zip({k: v for k, v in _base().items() if k != "[Content_Types].xml"}),
         "either", (), (), "", "no [Content_Types].xml"),
        ("wrong-content-types.docx", _with(**{"_Content_Types_DOT_xml": _base()["[Content_Types].xml"]
                                              .replace(b"document.main+xml", b"png")}), "either", (), (), "",
         "the main part declared as an image"),
        ("no-document-xml.docx", _zip({k: v for k, v in _base().items() if k != "word/document.xml"}),
         "error", (), (), "", "no word/document.xml"),
        ("empty-document-xml.docx", _with(word__document_DOT_xml=b""), "error", (), (), "",
         "an empty main part"),
        ("xxe.docx", _with(word__document_DOT_xml=_document_xml(_paragraph("&xxe;") + body, xxe)), "either",
         (), (PASSWD,), "", "an external entity to /etc/passwd in the main part"),
        ("billion-laughs.docx", _with(word__document_DOT_xml=_document_xml(_paragraph("&j;") + body, laughs)),
         "either", (), (BOMB,), "", "billion laughs entities in the main part"),
        ("deep-xml.docx", _with(word__document_DOT_xml=_document_xml(
            "<w:sdt><w:sdtContent>" * 50_000 + body + "</w:sdtContent></w:sdt>" * 50_000)),
         "either", (), (), "", "content controls nested 50,000 deep"),
        ("control-references.docx", _with(word__document_DOT_xml=_document_xml(
            _paragraph("Before &#x1;&#x8;&#xB; after") + body)), "either", (), (), "",
         "character references to control characters (not XML 1.0)"),
        ("many-members.docx", _zip({**_base(), **{f"customXml/item{i}.xml": b"<a/>" for i in range(20_000)}}),
         "error", (), (), "", "20,000 members"),
        ("path-traversal.docx", _zip({**_base(), "../../PWNED-traversal": b"x", "/tmp/PWNED-absolute": b"x"}),
         "either", (), (), "", "members named ../../ and with absolute paths"),
        ("duplicate-members.docx", _duplicate_main(), "either", (), (), "", "word/document.xml twice"),
        ("huge-title.docx", _with(docProps__core_DOT_xml=_long_title()), "either", (), (), "",
         "a 3 MB title in the core properties"),
        ("external-relationship.docx", _with(word___rels__document_DOT_xml_DOT_rels=_external_rel()),
         "ok", (SENTENCE,), (PASSWD,), "", "a relationship to an external file"),
        ("stored-uncompressed.docx", _zip(_base(), zipfile.ZIP_STORED), "ok", (SENTENCE,), (), "",
         "members stored without compression"),
        ("lzma.docx", _zip(_base(), zipfile.ZIP_LZMA), "either", (), (), "", "members compressed with LZMA"),
        ("encrypted-flag.docx", _patched(base, "word/document.xml", 6, b"\x01\x00"), "either", (), (), "",
         "the main part flagged as encrypted"),
        ("deflate64.docx", _patched(base, "word/document.xml", 8, b"\x09\x00"), "either", (), (), "",
         "the main part claims Deflate64, which Python cannot read"),
        ("zip-in-zip.docx", _zip({"inner.docx": base}), "error", (), (), "", "a document inside a zip"),
    ]
    for name, data, expect, contains, absent, reason, note in samples:
        write(folder, f"{G}/{name}", data)
        yield Case(f"{G}/{name}", G, "import", expect, contains=contains, absent=absent, reason=reason,
                   note=note)


def _long_title() -> bytes:
    core = _base()["docProps/core.xml"]
    return re.sub(rb"<dc:title>[^<]*</dc:title>|<dc:title/>", b"<dc:title>" + b"Title " * 500_000
                  + b"</dc:title>", core)


def _external_rel() -> bytes:
    rel = ('<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/subDocument" Target="file:///etc/passwd" TargetMode="External"/>')
    rels = _base()["word/_rels/document.xml.rels"]
    return rels.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def _duplicate_main() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _base().items():
            archive.writestr(name, data)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name on purpose
            archive.writestr("word/document.xml", _document_xml(_paragraph("The second main part.")))
    return buffer.getvalue()
