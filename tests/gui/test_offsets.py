"""Code points (core) to UTF-16 (Qt) and back."""

from __future__ import annotations

from briefer.gui.offsets import Utf16Map


def test_bmp_text_maps_one_to_one() -> None:
    m = Utf16Map("Kyiv — Київ")
    assert [m.to_utf16(i) for i in range(5)] == list(range(5))
    assert m.to_code_point(9) == 9


def test_astral_characters_take_two_units() -> None:
    text = "a😀b🇺🇦c"
    m = Utf16Map(text)
    # a=0, 😀=1 (units 1-2), b=2 (unit 3), 🇺=3 (4-5), 🇦=4 (6-7), c=5 (unit 8)
    assert [m.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert [m.to_code_point(u) for u in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]
    assert len(text.encode("utf-16-le")) // 2 == m.to_utf16(len(text))


def test_a_position_inside_a_pair_maps_to_the_next_character() -> None:
    m = Utf16Map("😀x")
    assert m.to_code_point(1) == 1
