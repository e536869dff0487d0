"""Code-point offsets (the core's) to positions in the reader's document (Qt's) and back.

Qt counts a character outside the Basic Multilingual Plane (most emoji) as two
UTF-16 code units; Python counts it as one code point. The reader also shows one
blank line between paragraphs (a plain-text view has no paragraph spacing):
paragraphs the text already separates by a blank line are shown as they are, and
a lone newline between two paragraphs becomes two characters of the document;
the lines of a list or table stay on consecutive lines. Both are the same rule:
some characters of the text take two positions in the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

#: A newline that alone ends a paragraph (not in a blank line, not before a list item or table row).
_LONE_NEWLINE = r"(?<!\n)\n(?!\n)(?!- |\d+\. |[^\n]* \| )"
_WIDE = re.compile(f"[\U00010000-\U0010ffff]|{_LONE_NEWLINE}")
_DOUBLED = re.compile(_LONE_NEWLINE)


def document_text(text: str) -> str:
    """The text as the reader's document holds it: one blank line between paragraphs."""
    return _DOUBLED.sub("\n\n", text)


class DocumentMap:
    """Converts positions between a text (code points) and its reader document."""

    def __init__(self, text: str) -> None:
        self._wide = [m.start() for m in _WIDE.finditer(text)]
        # Document position just after each wide character.
        self._ends = [cp + i + 2 for i, cp in enumerate(self._wide)]

    def to_document(self, cp: int) -> int:
        """The document position of code-point offset ``cp``."""
        return cp + bisect_left(self._wide, cp)

    def to_code_point(self, pos: int) -> int:
        """The code-point offset of document position ``pos`` (inside a wide one: the next)."""
        return pos - bisect_right(self._ends, pos)
