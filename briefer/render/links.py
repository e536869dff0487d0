"""Which links a brief may carry, in every output format: one allow-list.

A link in a brief is clicked by its readers. ``smb://`` or ``file://`` links
hand the reader's credentials to another machine, ``ms-word:``, ``search-ms:``
and the like start programs; ``javascript:`` runs code. Only web and mail links
and links within the document (``#anchor``) are kept; the HTML and the DOCX
writers both ask :func:`allowed_href`, and drop the link (keeping its text).
"""

from __future__ import annotations

import re

#: URL schemes a brief's links may use.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: What browsers ignore inside a URL (so "java\tscript:" is "javascript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def allowed_href(href: str) -> bool:
    """True for an http, https or mailto URL, or a link within the document (``#id``)."""
    cleaned = _IGNORED.sub("", href)
    if cleaned.startswith("#"):
        return True
    scheme = _SCHEME.match(cleaned)
    return scheme is not None and scheme.group(1).lower() in ALLOWED_SCHEMES
