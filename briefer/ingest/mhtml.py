"""Pages a browser saved as MHTML (``.mhtml`` / ``.mht``): the HTML part of the MIME archive.

The archive is parsed with the standard library's email parser; its first
``text/html`` part (the page; the rest are images and styles) goes through the
HTML importer, and ``Snapshot-Content-Location`` gives the page's URL.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import replace
from email.message import EmailMessage
from typing import TYPE_CHECKING

from briefer.errors import ImportFailed
from briefer.ingest import html

if TYPE_CHECKING:
    from briefer.ingest.limits import Limits
    from briefer.model import Article

FORMAT = "mhtml"
EXTENSIONS = (".mhtml", ".mht")
_HEAD = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?MIME-Version:", re.IGNORECASE)


def sniff(head: bytes) -> bool:
    """True when the file starts with MIME headers of a multipart archive."""
    return bool(_HEAD.match(head[:4096])) and b"multipart/related" in head[:4096].lower()


def extract(data: bytes, name: str, limits: Limits) -> Article:
    """The article of the saved page; raise ImportFailed when the archive holds none."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise ImportFailed(name, "not an MHTML archive (no MIME parts)")
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise ImportFailed(name, "no web page in the MHTML archive")
    body = page.get_payload(decode=True)
    if not isinstance(body, bytes) or not body.strip():
        raise ImportFailed(name, "the MHTML archive's page is empty")
    charset = page.get_content_charset()
    if charset and not html.declared_charset(body):
        body = f'<meta charset="{charset}">'.encode("ascii", "ignore") + body
    article = html.extract(body, name, limits)
    location = message.get("Snapshot-Content-Location") or page.get("Content-Location")
    return replace(article, url=article.url or (str(location) if location else None), format=FORMAT)
