"""Code-point offsets (the core's) to UTF-16 positions (Qt's) and back.

Qt counts a character outside the Basic Multilingual Plane (most emoji) as two
UTF-16 code units; Python counts it as one code point. Text without such
characters maps one to one, at no cost.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts positions in one text between code points and UTF-16 code units."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position just after each astral character.
        self._ends = [cp + i + 2 for i, cp in enumerate(self._astral)]

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 position of code-point offset ``cp``."""
        return cp + bisect_left(self._astral, cp) if self._astral else cp

    def to_code_point(self, unit: int) -> int:
        """The code-point offset of UTF-16 position ``unit`` (inside a pair: the next character)."""
        return unit - bisect_right(self._ends, unit) if self._astral else unit
