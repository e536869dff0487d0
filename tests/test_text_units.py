"""Sentences, paragraphs, words and quotations used by the reader's keys (no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.text.units import TextUnits, split_sentences

if TYPE_CHECKING:
    from pathlib import Path


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_sentences_end_after_closing_quotes_and_skip_abbreviations() -> None:
    text = ('Zelensky said, "The war is widening." Then he left. Maj. Gen. Pat Ryder spoke. '
            "U.S. officials agreed! Did they? Yes.")
    assert _texts(text, split_sentences(text)) == [
        'Zelensky said, "The war is widening."',
        "Then he left.",
        "Maj. Gen. Pat Ryder spoke.",
        "U.S. officials agreed!",
        "Did they?",
        "Yes.",
    ]


def test_numbers_with_points_do_not_split() -> None:
    text = "Growth was 2.5 percent in 2024. It slowed."
    assert _texts(text, split_sentences(text)) == ["Growth was 2.5 percent in 2024.", "It slowed."]


def test_paragraphs_are_non_blank_lines() -> None:
    text = "First line.\n\n  Second para. Two sentences.\nThird"
    units = TextUnits(text)
    assert _texts(text, units.paragraphs) == ["First line.", "Second para. Two sentences.", "Third"]
    second = units.paragraphs[1]
    assert units.paragraph_at(second[0] + 3) == second
    assert units.next_paragraph(0) == second
    assert units.previous_paragraph(second[0] + 3) == units.paragraphs[0]
    assert units.previous_paragraph(0) is None
    assert units.next_paragraph(len(text)) is None


def test_sentence_navigation_crosses_paragraphs() -> None:
    text = "One. Two.\nThree. Four."
    units = TextUnits(text)
    pos = 0
    seen = [text[slice(*units.sentence_at(pos))]]
    while (nxt := units.next_sentence(pos)) is not None:
        pos = nxt[0]
        seen.append(text[nxt[0]:nxt[1]])
    assert seen == ["One.", "Two.", "Three.", "Four."]
    back = []
    while (prev := units.previous_sentence(pos)) is not None:
        pos = prev[0]
        back.append(text[prev[0]:prev[1]])
    assert back == ["Three.", "Two.", "One."]


def test_words_keep_numbers_with_separators_whole() -> None:
    text = "recruit another 160,000 personnel"
    units = TextUnits(text)
    start = text.index("160")
    assert text[start:units.word_end_after(start)] == "160,000"
    assert units.word_end_after(start + 7) == text.index(" personnel") + len(" personnel")
    assert units.word_start_before(start + 7) == start
    assert units.word_start_before(start) == text.index("another")


def test_quotations_pair_straight_curly_and_guillemets() -> None:
    text = 'He said "one" and “two” and «three» and "open'
    assert _texts(text, TextUnits(text).quotations) == ["one", "two", "three", "open"]


def test_quotation_at_finds_the_quote_of_the_sentence(sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    units = TextUnits(text)
    pos = text.index("Zelensky expressed")
    quote = units.quotation_at(pos)
    assert quote is not None
    assert text[quote[0]:quote[1]] == (
        "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."
    )
    assert units.quotation_at(text.index("This sentiment")) is None


def test_astral_characters_count_as_one_code_point() -> None:
    text = "🇺🇦 Flag first. Then 😀 this."
    units = TextUnits(text)
    assert _texts(text, split_sentences(text)) == ["🇺🇦 Flag first.", "Then 😀 this."]
    assert units.sentence_at(text.index("this")) == (text.index("Then"), len(text))
