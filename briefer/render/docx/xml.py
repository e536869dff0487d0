"""Small helpers for building WordprocessingML with lxml, fast and XML-safe."""

from __future__ import annotations

import re
from functools import cache

from docx.oxml.ns import qn as _qn
from lxml import etree

# Characters XML 1.0 forbids (and lone surrogates): dropped from every text we write.
_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@cache
def qn(tag: str) -> str:
    """Clark notation of a prefixed name (``w:p`` → ``{…main}p``), memoised."""
    return _qn(tag)


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _ILLEGAL_RE.sub("", text)


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """Append a ``w:``-prefixed (or other qualified) element; ``attrs`` keys are qualified too."""
    element = etree.SubElement(parent, qn(tag))
    for key, value in (attrs or {}).items():
        element.set(qn(key), value)
    return element


def val(parent: etree._Element, tag: str, value: str) -> etree._Element:
    """Append ``<tag w:val="value"/>``."""
    element = etree.SubElement(parent, qn(tag))
    element.set(qn("w:val"), value)
    return element


def text_element(parent: etree._Element, text: str, tag: str = "w:t") -> etree._Element:
    """Append a ``w:t`` holding ``text`` (spaces preserved)."""
    element = etree.SubElement(parent, qn(tag))
    element.text = xml_text(text)
    if text[:1].isspace() or text[-1:].isspace():
        element.set(_SPACE, "preserve")
    return element
