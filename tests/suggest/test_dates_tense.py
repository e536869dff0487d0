"""Dates resolved by the tense around them, names that hold a month word, dates counted from
the date before them, and lists of yearless dates."""

from __future__ import annotations

import pytest

from briefer.suggest import suggest
from tests.suggest.helpers import found

FRIDAY = "2019-11-22"


def dates(text: str, published: str = FRIDAY) -> dict[str, object]:
    return {s.text: s.attributes.get("iso") for s in found(text, "date", published)}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The court's ruling on Wednesday was a blow.", "2019-11-20"),  # two days before, not five after
        ("Officials confirmed on Monday that talks had failed.", "2019-11-18"),
        ("The ministers will meet on Monday.", "2019-11-25"),
        ("Sentencing is scheduled to resume on Tuesday.", "2019-11-26"),
    ],
)
def test_a_bare_weekday_points_the_way_of_the_nearest_tense(text: str, iso: str) -> None:
    assert next(iter(dates(text).values())) == iso


def test_a_yearless_day_in_past_reporting_is_this_year_not_next() -> None:
    assert dates("Investigators said the Aug. 7 blasts killed 12.", "2019-08-18") == {"Aug. 7": "2019-08-07"}
    assert dates("The protests began in June.", "2019-11-19") == {"June": "2019-06"}


def test_a_future_marker_or_nothing_takes_the_nearer_date() -> None:
    assert dates("Tickets will go on sale in January.", "2019-11-19") == {"January": "2020-01"}
    assert dates("The transit contract expires on Dec. 31.", "2024-09-30") == {"Dec. 31": "2024-12-31"}


def test_a_quote_takes_its_own_tense() -> None:
    text = "“Classes will start in September,” the mayor said."
    assert dates(text, "2025-02-10") == {"September": "2025-09"}


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Jan Kavan said so.",
        "Thousands joined the March for Life.",
        "Prime Minister Theresa May spoke.",
    ],
)
def test_month_words_in_names_are_no_dates(text: str) -> None:
    assert dates(text) == {}


def test_in_march_before_a_name_is_still_a_date() -> None:
    assert dates("In March President Biden spoke.") == {"March": "2019-03"}


def test_the_previous_and_next_count_from_the_date_before() -> None:
    text = "Troops arrived in August 2016. The next year, they left."
    assert dates(text)["The next year"] == "2017"
    text = "Dealers sold more cars last year, up 4 percent from the previous year."
    assert dates(text)["the previous year"] == "2017"


def test_a_list_of_yearless_dates_continues_into_the_next_year() -> None:
    text = "The tour resumes February 7th in Las Vegas.\nJune 9 – West Palm Beach\nJune 10 – Tampa"
    expected = {"February 7th": "2020-02-07", "June 9": "2020-06-09", "June 10": "2020-06-10"}
    assert dates(text, "2019-11-19") == expected


def test_weekday_date_and_time_written_together_are_one() -> None:
    text = "Tickets go on sale Friday, December 6th, at 10 a.m. local time."
    assert dates(text, "2019-11-19") == {"Friday, December 6th, at 10 a.m.": "2019-12-06T10:00"}


def test_a_game_clock_is_no_time_and_a_pm_time_keeps_its_afternoon() -> None:
    assert dates("The Lakers led with 3:08 to play.") == {}
    assert dates("This story was updated at 5:45 p.m.") == {"5:45 p.m.": "2019-11-22T17:45"}


def test_weekends_seasons_and_periods() -> None:
    found_ = dates("The group said over the weekend that last spring was wet.", "2019-11-18")
    assert found_ == {"the weekend": "2019-W46", "last spring": "2019"}
    assert "the early 2000s" in dates("He lived there in the early 2000s.")
    assert "the past two years" in dates("Prices rose over the past two years.")


def test_this_past_is_the_last_one_before_publication() -> None:
    text = "This past May the plant closed. This past Monday it reopened."
    dates = {s.text: s.attributes.get("iso") for s in suggest(text, published="2019-11-20", kinds=["date"])}
    assert dates == {"This past May": "2019-05", "This past Monday": "2019-11-18"}


def test_that_day_and_later_that_month_count_from_the_date_before_them() -> None:
    text = "The hearing opened on March 4, 2019. That day the judge spoke. Later that month the case closed."
    dates = {s.text: s.attributes.get("iso") for s in suggest(text, published="2019-11-20", kinds=["date"])}
    assert dates == {"March 4, 2019": "2019-03-04", "That day": "2019-03-04", "Later that month": "2019-03"}
