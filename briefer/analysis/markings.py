"""TLP 2.0 markings of a brief's items and the brief's roll-up.

An item is marked as its tag is, else as its tag's article is; an unmarked item
restricts nothing. A brief is proposed the most restrictive marking of its items,
and a brief marked below one of its items is refused at render time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.dtg import TLP_LABELS, is_tlp, restriction
from briefer.errors import InvalidInput

if TYPE_CHECKING:
    from briefer.workspace import Workspace


class MarkingRefused(InvalidInput):
    """A brief marked less restrictively than one of its items: ``brief 1 is TLP:GREEN but …``."""

    def __init__(self, brief_id: int, reason: str) -> None:
        super().__init__(f"brief {brief_id}", reason)
        self.args = (f"brief {brief_id} {reason}",)


@dataclass(frozen=True, slots=True)
class MarkingCheck:
    """A brief's marking against its items': the proposed label, the items carrying it, those above."""

    brief_id: int
    marking: str
    proposed: str
    above: tuple[tuple[int, str], ...]
    proposed_by: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no item is more restricted than the brief."""
        return not self.above

    def proposal(self) -> str:
        """``Proposed TLP:AMBER (items 4, 9)``; ``Proposed TLP:CLEAR (no item is marked)``."""
        ids = ", ".join(map(str, self.proposed_by))
        why = f"item{'s' if len(self.proposed_by) > 1 else ''} {ids}" if ids else "no item is marked"
        return f"Proposed {self.proposed} ({why})"

    def proposal_json(self) -> dict[str, object]:
        """``{"tlp": "TLP:AMBER", "items": [4, 9]}``: the roll-up and the items it comes from."""
        return {"tlp": self.proposed, "items": list(self.proposed_by)}

    def message(self) -> str:
        """``is TLP:GREEN but items 4, 9 are TLP:RED`` (the most restricted label named first)."""
        parts = []
        for label in reversed(TLP_LABELS):
            ids = [str(i) for i, tlp in self.above if tlp == label]
            if ids:
                parts.append(f"item{'s' if len(ids) > 1 else ''} {', '.join(ids)}"
                             f" {'are' if len(ids) > 1 else 'is'} {label}")
        return f"is {self.marking} but {'; '.join(parts)}"


def rolled_up(labels: list[str | None], floor: str = "TLP:CLEAR") -> str:
    """The most restrictive of ``labels`` (None restricts nothing), at least ``floor``."""
    marked = [label for label in labels if label is not None] + [floor]
    return max(marked, key=restriction)


def check_brief(ws: Workspace, brief_id: int) -> MarkingCheck:
    """Compare the brief's marking with its items'. A marking that is not TLP is not compared."""
    brief = ws.briefs.get(brief_id)
    items = ws.tags.markings(brief_id)
    proposed = rolled_up([tlp for _, tlp in items])
    proposed_by = tuple(i for i, tlp in items if tlp == proposed)
    if not is_tlp(brief.marking):
        return MarkingCheck(brief_id, brief.marking, proposed, (), proposed_by)
    level = restriction(brief.marking)
    above = tuple((i, tlp) for i, tlp in items if tlp is not None and restriction(tlp) > level)
    return MarkingCheck(brief_id, brief.marking, proposed, above, proposed_by)


def require_marking(ws: Workspace, brief_id: int, allow_below_items: bool = False) -> MarkingCheck:
    """The check; raise MarkingRefused (``brief 1 is TLP:GREEN but item 4 is TLP:RED``) unless allowed."""
    result = check_brief(ws, brief_id)
    if not result.ok and not allow_below_items:
        raise MarkingRefused(brief_id, result.message())
    return result
