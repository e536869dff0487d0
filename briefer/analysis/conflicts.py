"""Conflicts: the same metric about the same actor/place and time window with different values.

Two or more figure claims (:mod:`briefer.analysis.claims`) sharing a metric, an
actor/place and a time window whose values disagree (beyond the claims'
:data:`~briefer.analysis.claims.TOLERANCE`, 2 % of the larger value) make one
conflict ("12 killed" vs "40 killed", "25 million" vs "50 million deaths"),
listing every tag on each side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from briefer.analysis.claims import Claim
    from briefer.model import AttrValue, Tag


@dataclass(frozen=True, slots=True)
class Value:
    """One side's report: the tag, its article, the value and unit as tagged."""

    tag: int
    article: int
    value: AttrValue
    unit: str | None
    claim: int

    def to_json(self) -> dict[str, object]:
        """The value as the command line's JSON object."""
        return {"tag": self.tag, "article": self.article, "value": self.value, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Disagreeing reports of one metric; ``number`` from 1; ``claims`` the rival claims' numbers."""

    number: int
    kind: str
    about: str
    values: tuple[Value, ...]
    claims: tuple[int, ...]

    def to_json(self) -> dict[str, object]:
        """The conflict as the command line's JSON object."""
        return {"conflict": self.number, "kind": self.kind, "about": self.about,
                "values": [v.to_json() for v in self.values]}


def describe(key: Sequence[str]) -> str:
    """``("killed", "kharkiv", "2026-11-20")`` -> ``"killed: Kharkiv (2026-11-20)"``."""
    unit, about, when = ([*list(key), "", "", ""])[:3]
    text = f"{unit or 'figure'}: {about}" if about else unit or "figure"
    return f"{text} ({when})" if when else text


def find(claims: Sequence[Claim], tags: Mapping[int, Tag]) -> list[Conflict]:
    """The conflicts among ``claims`` (figure claims with one key and several values)."""
    rivals: dict[tuple[str, ...], list[Claim]] = {}
    for claim in claims:
        if claim.kind == "figure":
            rivals.setdefault(claim.key, []).append(claim)
    found = []
    for key, group in rivals.items():
        if len(group) < 2:
            continue
        values = tuple(
            Value(t, tags[t].article_id, tags[t].attributes.get("value"),
                  _unit(tags[t].attributes.get("unit")), c.number)
            for c in group for t in c.tags)
        found.append((min(v.tag for v in values), key, values, tuple(c.number for c in group)))
    found.sort(key=lambda f: f[0])
    return [Conflict(n, "figure", describe(key), values, numbers)
            for n, (_, key, values, numbers) in enumerate(found, 1)]


def _unit(unit: AttrValue) -> str | None:
    return None if unit is None or unit == "" else str(unit)
