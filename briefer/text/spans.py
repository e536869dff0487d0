"""Small helpers on code-point spans of a text."""

from __future__ import annotations


def trim(text: str, start: int, end: int, chars: str = " \t\n\u00a0") -> tuple[int, int]:
    """``[start, end)`` without the given characters at either edge."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
