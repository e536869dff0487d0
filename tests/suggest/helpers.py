"""Small helpers for suggestion tests."""

from __future__ import annotations

from briefer.suggest import Suggestion, suggest


def found(text: str, kind: str, published: str | None = None) -> list[Suggestion]:
    """The suggestions of one kind, checking every span holds its text."""
    result = suggest(text, published=published, kinds=[kind])
    for s in result:
        assert text[s.start : s.end] == s.text
    return result


def one(text: str, kind: str, exact: str, published: str | None = None) -> Suggestion:
    """The single suggestion of ``kind`` whose text is ``exact``."""
    matches = [s for s in found(text, kind, published) if s.text == exact]
    assert matches, f"no {kind} {exact!r} in {[s.text for s in found(text, kind, published)]}"
    return matches[0]
