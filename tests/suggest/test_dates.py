"""Dates and times, absolute and relative to the publication date."""

from __future__ import annotations

import pytest

from tests.suggest.helpers import found, one

PUBLISHED = "2024-05-18"  # a Saturday


@pytest.mark.parametrize(
    ("text", "exact", "iso"),
    [
        ("The offensive began on May 10.", "May 10", "2024-05-10"),
        ("It was signed on 5 October 2023.", "5 October 2023", "2023-10-05"),
        ("Troops arrived in March 2022.", "March 2022", "2022-03"),
        ("The strike came on Monday.", "Monday", "2024-05-13"),
        ("The strike came late Friday.", "late Friday", "2024-05-17"),
        ("Leaders will meet on Tuesday.", "Tuesday", "2024-05-21"),
        ("Prices peaked last October.", "last October", "2023-10"),
        ("Exports rose earlier this month.", "earlier this month", "2024-05"),
        ("Talks collapsed last week.", "last week", "2024-W19"),
        ("The summit is due next month.", "next month", "2024-06"),
        ("He arrived yesterday.", "yesterday", "2024-05-17"),
        ("The law passed two days ago.", "two days ago", "2024-05-16"),
        ("Since 2014 the war has changed.", "2014", "2014"),
        ("The warning lasts until 6pm on Monday.", "6pm on Monday", "2024-05-20T18:00"),
        ("Верховна Рада у вівторок ухвалила закон.", "вівторок", "2024-05-14"),
        ("Закон набуде чинності 18 травня.", "18 травня", "2024-05-18"),
        ("Вторгнення почалося 24 лютого 2022 року.", "24 лютого 2022 року", "2022-02-24"),
        ("Инфляция ускорилась в сентябре.", "сентябре", "2023-09"),
        ("Ставку повысили на этой неделе.", "этой неделе", "2024-W20"),
        ("Цього року врожай менший.", "Цього року", "2024"),
    ],
)
def test_dates_resolved_against_publication(text: str, exact: str, iso: str) -> None:
    assert one(text, "date", exact, published=PUBLISHED).attributes["iso"] == iso


def test_without_a_publication_date_only_fixed_dates_get_iso() -> None:
    text = "The strike came on Monday, in October, months after March 2022."
    dates = {d.text: d.attributes.get("iso") for d in found(text, "date")}
    assert dates == {"Monday": None, "October": None, "March 2022": "2022-03"}


def test_malformed_publication_date_is_refused() -> None:
    from briefer.errors import InvalidInput
    from briefer.suggest import suggest

    with pytest.raises(InvalidInput, match="published"):
        suggest("On Monday.", published="last Tuesday")


def test_edge_words_stay_outside_and_quarters_are_dates() -> None:
    text = "Jets will arrive by the end of the year. Output fell in the first half of 2024."
    assert one(text, "date", "the year", published=PUBLISHED).attributes["iso"] == "2024"
    assert one(text, "date", "the first half of 2024").attributes["iso"] == "2024"
    assert one("За перше півріччя дефіцит зріс.", "date", "перше півріччя")


def test_a_lone_time_falls_on_its_sentences_day_or_the_publication_day() -> None:
    text = "Sirens sounded at 5 a.m. across the city. On Friday crews worked from 9:30 in the port."
    dates = {d.text: d.attributes.get("iso") for d in found(text, "date", published=PUBLISHED)}
    assert dates["5 a.m."] == "2024-05-18T05:00"
    assert dates["9:30"] == "2024-05-17T09:30"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Вибух пролунав о 9 годині вечора.", "2024-05-18T21:00"),
        ("Обстрел начался в 3 часа дня.", "2024-05-18T15:00"),
        ("Сирени вмикали опівночі.", "2024-05-18T00:00"),
        ("The convoy left at noon.", "2024-05-18T12:00"),
    ],
)
def test_ukrainian_and_russian_times_of_day_keep_their_half_of_the_day(text: str, iso: str) -> None:
    assert [d.attributes.get("iso") for d in found(text, "date", published=PUBLISHED)] == [iso]
