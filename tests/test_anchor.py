"""Quote selectors, finding words by occurrence, and re-anchoring in changed text."""

from __future__ import annotations

import pytest

from briefer.anchor import Selector, find_occurrence, reanchor, select
from briefer.errors import InvalidInput

TEXT = "Russia took 478 square kilometers in October. Russia denied it. Russia took more."


def test_select_takes_context_around_the_words() -> None:
    sel = select(TEXT, 46, 52, context=8)
    assert sel == Selector("Russia", "ctober. ", " denied ")


def test_find_occurrence_counts_from_one() -> None:
    assert find_occurrence(TEXT, "Russia") == (0, 6)
    assert find_occurrence(TEXT, "Russia", 3) == (64, 70)
    with pytest.raises(InvalidInput, match="occurs 3 time"):
        find_occurrence(TEXT, "Russia", 4)
    with pytest.raises(InvalidInput, match="does not occur"):
        find_occurrence(TEXT, "Ukraine")


def test_reanchor_follows_text_inserted_before() -> None:
    sel = select(TEXT, 46, 52)
    moved = "Update, 12:00. " + TEXT
    start, end = reanchor(moved, sel, hint=46) or (0, 0)
    assert moved[start:end] == "Russia"
    assert start == 46 + len("Update, 12:00. ")


def test_reanchor_prefers_matching_context_over_nearness() -> None:
    sel = select(TEXT, 64, 70)  # the third "Russia", before " took more."
    changed = TEXT.replace("Russia denied it.", "")
    start, _ = reanchor(changed, sel, hint=46) or (0, 0)
    assert changed[start:].startswith("Russia took more")


def test_reanchor_falls_back_to_fuzzy_match() -> None:
    sel = Selector("captured 478 square kilometers in October")
    changed = "Analysts say Russia captured 478 square kilometres in October alone."
    start, end = reanchor(changed, sel, hint=10) or (0, 0)
    assert changed[start:end].startswith("captured 478 square kilometres")


def test_reanchor_gives_up_on_unrelated_text() -> None:
    assert reanchor("Completely different words.", Selector("Zelensky said"), 0) is None
