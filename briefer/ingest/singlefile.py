"""Pages saved by SingleFile: one HTML file with every image inlined as a ``data:`` URI.

The inlined resources can be most of the file (megabytes of base64): any
``data:`` URI over :data:`MAX_DATA_URI` characters is cut to an empty one before
the HTML importer parses the page. The page's address comes from the comment
SingleFile writes at the top (``url: https://…``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from briefer.ingest import html

if TYPE_CHECKING:
    from briefer.ingest.limits import Limits
    from briefer.model import Article

FORMAT = "singlefile"
EXTENSIONS = (".html", ".htm")
MAX_DATA_URI = 4096
_MARK = re.compile(rb"<!--\s*Page saved with SingleFile", re.IGNORECASE)
_URL = re.compile(rb"<!--\s*Page saved with SingleFile.*?\burl:\s*(\S+)", re.IGNORECASE | re.DOTALL)
_DATA_URI = re.compile(rb"data:[^\"'()\s,]{0,200},[^\"'()\s]{%d,}" % MAX_DATA_URI)


def sniff(head: bytes) -> bool:
    """True for a page whose first bytes carry SingleFile's mark."""
    return bool(_MARK.search(head[:4096])) and html.sniff(head)


def extract(data: bytes, name: str, limits: Limits) -> Article:
    """The article of a SingleFile page, with its large ``data:`` URIs removed first."""
    found = _URL.search(data[:4096])
    article = html.extract(_DATA_URI.sub(b"data:,", data), name, limits)
    url = found.group(1).decode("utf-8", "replace").rstrip("-> ") if found else None
    return replace(article, url=article.url or url, format=FORMAT)
