"""Saved web pages: the article body without the page around it, plus its metadata.

Bytes are decoded here (byte-order mark, then the page's declared charset, then
detection), parsed once with lxml, and handed to :mod:`briefer.ingest.html_meta`
for the title, author, date, outlet, url and language and to
:mod:`briefer.ingest.html_body` for the text.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement, HTMLParser

from briefer.errors import ImportFailed
from briefer.ingest.html_body import article_text
from briefer.ingest.html_meta import page_metadata
from briefer.ingest.normalize import UndecodableError, decode, looks_binary, normalize
from briefer.ingest.quiet import quiet
from briefer.model import Article

if TYPE_CHECKING:
    from briefer.ingest.limits import Limits

FORMAT = "html"
EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")

#: Nesting lxml's parser keeps; deeper elements are silently dropped by libxml2.
MAX_DEPTH = 250
_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|article|section|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
#: Start tags this long are checked for attribute floods: libxml2's duplicate-attribute
#: check is quadratic (100,000 attributes on one tag took over 30 s to parse).
_LONG_START_TAG = re.compile(r"<([a-zA-Z][\w:-]*+)([^<>]{20000,}+)>")  # possessive: no backtracking
MAX_ATTRIBUTES = 1000
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def _head_text(head: bytes) -> str:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="ignore")
    if head[:2].count(0) == 1:  # UTF-16 without a byte-order mark
        return head.decode("utf-16-le" if head[1] == 0 else "utf-16-be", errors="ignore")
    return head.decode("latin-1")


def sniff(head: bytes) -> bool:
    """True when the file starts like an HTML document or fragment."""
    return _START.match(_head_text(head)[:4096]) is not None


def declared_charset(data: bytes) -> str | None:
    """The text codec named by ``<meta charset>`` or ``http-equiv`` in the first 4 KB, if Python has it.

    Codecs that are not text encodings (``base64``, ``rot-13``, ``zlib``…) and
    UTF-7 (which browsers refuse) count as no declaration.
    """
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
        b"<".decode(name)  # bytes-to-bytes and text-to-text codecs raise LookupError here
    except (LookupError, UnicodeDecodeError, ValueError):
        return None
    if name == "utf-7":
        return None
    # Browsers read Latin-1 pages as cp1252 (WHATWG Encoding); so do we.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def decode_html(data: bytes) -> str:
    """Decode a page: byte-order mark, then the declared charset, then detection.

    A page declared in a legacy charset whose bytes are valid UTF-8 (a page
    saved by a browser that re-encoded it) is read as UTF-8. A page declaring a
    Unicode encoding (or starting with its byte-order mark) whose bytes are not
    valid in it is detected like an undeclared one (a cp1252 body under
    ``<meta charset=utf-8>`` is common). Raises UndecodableError when nothing fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return decode(data[len(bom):])[0]
    declared = declared_charset(data)
    if declared and not declared.startswith("utf"):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode(declared, errors="replace")
    # A declaration readable as ASCII cannot be UTF-16 or UTF-32: browsers take it as UTF-8.
    return decode(data)[0]


def _parser() -> HTMLParser:
    # The same settings trafilatura parses with: comments and processing
    # instructions would otherwise be taken for content.
    return HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                      remove_pis=True)


def flatten(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """``markup`` with the tags nested deeper than ``max_depth`` removed (their text kept).

    Pages nested deeper than lxml's limit would otherwise lose everything below
    it, usually the article itself.
    """
    stack: list[tuple[str, bool]] = []
    kept = 0
    pieces: list[str] = []
    last = 0
    for match in _TAG.finditer(markup):
        closing, name = match.group(1), match.group(2).lower()
        drop = False
        if not closing:
            if name not in _VOID and not match.group(0).endswith("/>"):
                keep = kept < max_depth
                stack.append((name, keep))
                kept += keep
                drop = not keep
        else:
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    drop = not stack[index][1]
                    kept -= sum(keep for _, keep in stack[index:])
                    del stack[index:]
                    break
        if drop:
            pieces.append(markup[last:match.start()])
            last = match.end()
    pieces.append(markup[last:])
    return "".join(pieces)


def _drop_attribute_floods(markup: str) -> str:
    """``markup`` with the attributes of start tags holding over MAX_ATTRIBUTES removed."""
    def tame(match: re.Match[str]) -> str:
        if match.group(2).count("=") <= MAX_ATTRIBUTES:
            return match.group(0)
        return f"<{match.group(1)}>"
    return _LONG_START_TAG.sub(tame, markup)


def parse_html(markup: str) -> HtmlElement:
    """Parse a page; pages nested beyond lxml's depth limit are flattened and parsed again.

    Raises ValueError when there is nothing to parse.
    """
    markup = _drop_attribute_floods(_XML_DECLARATION.sub("", markup, count=1).replace("\x00", ""))
    parser = _parser()
    try:
        tree = lxml.html.fromstring(markup, parser=parser)
    except ParserError as exc:
        raise ValueError("no HTML content") from exc
    if any("depth" in entry.message for entry in parser.error_log):
        tree = lxml.html.fromstring(flatten(markup), parser=_parser())
    return tree


def extract(data: bytes, name: str, limits: Limits) -> Article:
    """The article of a saved web page; raise ImportFailed when there is none."""
    del limits  # the registry has capped the size; the sandbox caps time and memory
    if not sniff(data[:4096]) and looks_binary(data):
        raise ImportFailed(name, "binary file, not a web page")
    try:
        tree = parse_html(decode_html(data))
    except (UndecodableError, ValueError) as exc:
        raise ImportFailed(name, f"not a readable web page ({exc})") from exc
    with quiet("htmldate"):
        meta = page_metadata(tree)
    text = normalize(article_text(tree, meta.headlines))
    if not text:
        raise ImportFailed(name, "no article text found in the page")
    return Article(title=meta.title or text.partition("\n")[0][:200], text=text,
                   author=meta.author, outlet=meta.outlet, url=meta.url,
                   published=meta.published, language=meta.language, format=FORMAT)
