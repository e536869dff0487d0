"""Author and date printed in the first lines of a document's text.

Word files, PDFs, Markdown and plain text often carry no metadata but print a
byline ("By NAME and NAME", "NAME | Reuters") and a dateline ("Nov. 28, 2026 —",
"KYIV, Nov 28 (Reuters) -") under the headline. Only the first few lines are read.
"""

from __future__ import annotations

import re

from briefer.ingest.people import AGENCIES, byline_names, key, person_names
from briefer.text.datelines import dateline

_HEAD_LINES = 6
_LINE_MAX = 160
_AGENCY_SUFFIX = re.compile(r"^(?P<names>[^|,()]{3,80}?)\s*[|,/–—-]\s*(?P<agency>[\w .]{2,40})$")


def _line_names(line: str) -> list[str]:
    """The people of a byline line: "By NAME and NAME" or "NAME | Reuters"."""
    names = byline_names(line)
    if names:
        return names
    match = _AGENCY_SUFFIX.match(line.strip())
    if match and key(match["agency"]) in AGENCIES:
        return person_names(match["names"])
    return []


def text_author(text: str) -> str | None:
    """The people named in a byline among the first lines of ``text``, joined by ", "."""
    for line in [line for line in text.splitlines() if line.strip()][:_HEAD_LINES]:
        if len(line) <= _LINE_MAX:
            names = _line_names(line)
            if names:
                return ", ".join(names)
    return None


def file_author(value: str | None) -> str | None:
    """The people of a document's author property ("python-docx", "admin" are none)."""
    names = person_names(value)
    return ", ".join(names) if names else None


def text_date(text: str, year: int | None = None) -> str | None:
    """The ISO date of a dateline among the first lines of ``text``, else None.

    ``year`` completes a dateline printed without one ("KYIV, Nov 28 (Reuters)").
    """
    found = dateline(text, year, lines=_HEAD_LINES)
    return found.isoformat() if found else None
