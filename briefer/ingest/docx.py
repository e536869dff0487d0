"""Word documents (.docx): paragraphs and tables in document order, core properties.

The zip container is checked before python-docx opens it, because python-docx
unpacks whatever it is given: a damaged or truncated zip, one that would expand
beyond :attr:`Limits.max_unpacked_bytes`, one with a member compressed more than
:attr:`Limits.max_ratio` to one (a zip bomb), and a zip without
``word/document.xml`` each fail with a clear reason. python-docx parses XML with
``resolve_entities=False`` (and lxml never fetches from the network), so a
document cannot pull in external entities.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError

from briefer.errors import ImportFailed
from briefer.ingest.docx_text import blocks
from briefer.ingest.limits import MB, Limits, human_size
from briefer.ingest.normalize import normalize
from briefer.ingest.textmeta import file_author, text_author, text_date
from briefer.model import Article

if TYPE_CHECKING:
    from docx.document import Document

FORMAT = "docx"
EXTENSIONS = (".docx", ".docm", ".dotx")
MAIN_PART = "word/document.xml"
#: Members smaller than this are never called bombs, whatever their ratio.
_SMALL_MEMBER = 1 * MB
_MAX_MEMBERS = 10_000
_TITLE_STYLES = ("title", "heading 1", "heading1")
#: Compression methods Python's zipfile can read.
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(head: bytes) -> bool:
    """True for a zip whose first entries are those of an Office Open XML package."""
    return head.startswith(b"PK\x03\x04") and (b"word/" in head or b"[Content_Types].xml" in head)


def check_container(data: bytes, name: str, limits: Limits) -> None:
    """Refuse damaged zips, zip bombs and zips that are not Word documents."""
    if data.startswith(_OLE_SIGNATURE):
        raise ImportFailed(name, "an old binary Word file (.doc); save it as .docx first")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ImportFailed(name, "damaged or truncated Word file (not a readable zip)") from exc
    if len(members) > _MAX_MEMBERS:
        raise ImportFailed(name, f"zip holds {len(members)} files, over the {_MAX_MEMBERS} limit")
    total = sum(member.file_size for member in members)
    if total > limits.max_unpacked_bytes:
        raise ImportFailed(name, f"zip bomb: unpacks to {human_size(total)}, over the "
                                 f"{human_size(limits.max_unpacked_bytes)} limit")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= _SMALL_MEMBER and ratio > limits.max_ratio:
            raise ImportFailed(name, f"zip bomb: {member.filename} is compressed {ratio:.0f}:1, "
                                     f"over the {limits.max_ratio:g}:1 limit")
        if member.flag_bits & 0x1:
            raise ImportFailed(name, "the Word file is encrypted (zip encryption); it needs a password")
        if member.compress_type not in _COMPRESSIONS:
            raise ImportFailed(name, f"damaged Word file ({member.filename} uses an unsupported"
                                     f" compression method, {member.compress_type})")
    if MAIN_PART not in {member.filename for member in members}:
        raise ImportFailed(name, f"not a Word document (no {MAIN_PART})")


def _open(data: bytes, name: str) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile,
            zlib.error, EOFError) as exc:
        raise ImportFailed(name, f"damaged Word file ({type(exc).__name__})") from exc
    except (AttributeError, TypeError) as exc:  # parts python-docx cannot map, e.g. no namespace
        raise ImportFailed(name, "damaged Word file (its package parts are not Office Open XML)") from exc


def extract(data: bytes, name: str, limits: Limits) -> Article:
    """Check the container, then read text and core properties with python-docx."""
    check_container(data, name, limits)
    document = _open(data, name)
    body = document.element.body
    if body is None:
        raise ImportFailed(name, "the document has no body (no text)")
    count = len(body)
    if count > limits.max_paragraphs:
        raise ImportFailed(name, f"the document has {count:,} paragraphs and tables, over the "
                                 f"{limits.max_paragraphs:,} limit")
    try:
        styles = {style.style_id: (style.name or "").lower() for style in document.styles}
        items = [(style, text.strip()) for style, text in blocks(body, styles) if text.strip()]
    except (KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile, zlib.error) as exc:
        raise ImportFailed(name, f"damaged Word file ({type(exc).__name__})") from exc
    props = document.core_properties
    title = " ".join((props.title or "").split())
    if items and (items[0][0] in _TITLE_STYLES or " ".join(items[0][1].split()) == title) \
            and items[0][0] != "table":
        title = title or " ".join(items[0][1].split())
        items = items[1:]
    text = normalize("\n\n".join(text for _, text in items))
    if not text:
        raise ImportFailed(name, "the document holds no text")
    created = props.created
    # A dateline in the text is the publication date; dcterms:created (when the
    # file was made) only stands in when the text has none.
    published = text_date(text, created.year if created else None) or (
        created.isoformat() if created else None)
    return Article(
        title=title or text.partition("\n")[0][:200], text=text,
        author=text_author(text) or file_author(props.author),
        published=published,
        language=(props.language or "").strip() or None, format=FORMAT,
    )
