"""The suggestion value and what every suggester shares: kinds, languages, spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefer.model import AttrValue

#: The taxonomy kinds the suggesters propose.
KINDS = ("fact", "quote", "figure", "date", "person", "organisation", "location")
ACTOR_KINDS = ("person", "organisation", "location")

_CYRILLIC = frozenset(chr(c) for c in range(0x0400, 0x0500))
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_RUSSIAN = frozenset("ыэъёЫЭЪЁ")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A span of an article a suggester proposes to tag.

    ``start``/``end`` are code-point offsets: ``text == article_text[start:end]``;
    for a quote the span is the words inside the quotation marks. ``attributes``
    hold the kind's fields (quote: speaker, role; figure: value, unit; date: iso;
    actors: canonical). ``rule`` names what found it; ``confidence`` is 0..1.
    """

    kind: str
    start: int
    end: int
    text: str
    attributes: Mapping[str, AttrValue] = field(default_factory=dict)
    rule: str = ""
    confidence: float = 0.5

    def __post_init__(self) -> None:
        object.__setattr__(self, "attributes", MappingProxyType(dict(self.attributes)))

    def __hash__(self) -> int:
        return hash((self.kind, self.start, self.end, self.text, self.rule))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this suggestion shares at least one character with ``[start, end)``."""
        return self.start < end and start < self.end

    def to_json(self) -> dict[str, object]:
        """The command line's JSON object: kind, offsets, text, speaker, attributes, rule."""
        data: dict[str, object] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.attributes.get("speaker"),
        }
        for key, value in self.attributes.items():
            data.setdefault(key, value)
        data["rule"] = self.rule
        data["confidence"] = round(self.confidence, 2)
        return data


def detect_language(text: str, sample: int = 4000) -> str:
    """``en``, ``uk`` or ``ru`` from the letters of the text's beginning (Latin → en)."""
    head = text[:sample]
    cyrillic = sum(ch in _CYRILLIC for ch in head)
    latin = sum("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in head)
    if cyrillic <= latin:
        return "en"
    uk = sum(ch in _UKRAINIAN for ch in head)
    ru = sum(ch in _RUSSIAN for ch in head)
    return "uk" if uk > ru else "ru"  # no letter of either: Ukrainian prose nearly always has і


class Occupancy:
    """Which characters of a text are taken, for fast overlap checks."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length + 1)

    def free(self, start: int, end: int) -> bool:
        """Whether no character of ``[start, end)`` is taken."""
        return not any(self._taken[start:end])

    def take(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` as taken."""
        self._taken[start:end] = b"\x01" * (end - start)


