"""Code points (core) to reader document positions (UTF-16, blank line between paragraphs)."""

from __future__ import annotations

from briefer.gui.reader.offsets import DocumentMap, document_text


def test_bmp_text_on_one_line_maps_one_to_one() -> None:
    m = DocumentMap("Kyiv — Київ")
    assert [m.to_document(i) for i in range(5)] == list(range(5))
    assert m.to_code_point(9) == 9


def test_astral_characters_take_two_units() -> None:
    text = "a😀b🇺🇦c"
    m = DocumentMap(text)
    # a=0, 😀=1 (units 1-2), b=2 (unit 3), 🇺=3 (4-5), 🇦=4 (6-7), c=5 (unit 8)
    assert [m.to_document(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert [m.to_code_point(u) for u in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]
    assert len(text.encode("utf-16-le")) // 2 == m.to_document(len(text))


def test_paragraphs_get_a_blank_line_between_them() -> None:
    text = "One.\nTwo 😀.\nThree."
    shown = document_text(text)
    assert shown == "One.\n\nTwo 😀.\n\nThree."
    m = DocumentMap(text)
    for word in ("One", "Two", "Three"):
        cp = text.index(word)
        pos = m.to_document(cp)
        assert shown.encode("utf-16-le")[2 * pos:2 * pos + 2 * len(word)].decode("utf-16-le") == word
        assert m.to_code_point(pos) == cp
    assert m.to_code_point(5) == text.index("Two")  # the blank line belongs to the next paragraph


def test_a_position_inside_a_pair_maps_to_the_next_character() -> None:
    m = DocumentMap("😀x")
    assert m.to_code_point(1) == 1
