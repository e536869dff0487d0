"""Figures as real news writes them: scores, idioms, codes, shares, vague counts, ranges."""

from __future__ import annotations

import pytest

from tests.suggest.helpers import found


def figures(text: str) -> dict[str, dict[str, object]]:
    return {s.text: dict(s.attributes) for s in found(text, "figure")}


@pytest.mark.parametrize(
    "text",
    [
        "Nadal beat Khachanov 6-3, 7-6 (7) to level the series.",
        "The Lakers won 112-107 over the Thunder.",
        "It ended at 2 a.m. local time (0100 GMT).",
        "James hit a 3-pointer late in the game.",
        "Ми готові на все сто, сказав він.",
        "They helped one another through the night.",
        "Settlements were captured in the Six-Day War.",
    ],
)
def test_scores_codes_idioms_and_names_are_no_figures(text: str) -> None:
    assert figures(text) == {}


def test_an_adverb_after_a_number_is_no_unit() -> None:
    assert figures("The index closed at 46 close to its low.") == {"46": {"value": 46}}


def test_a_qualifier_is_an_attribute_and_the_number_stays_in_the_span() -> None:
    [(text, attrs)] = figures("Інфляція становила менше 25% у березні.").items()
    assert "25%" in text
    assert (attrs["value"], attrs["unit"], attrs["qualifier"]) == (25, "%", "less than")
    [(_, attrs)] = figures("He faces a maximum of 10 years in prison.").items()
    assert attrs["qualifier"] == "up to"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Several thousand teachers marched.", 3000, "teachers"),
        ("An outbreak affected nearly three dozen immigrants.", 36, "immigrants"),
        ("Eight out of ten companies use it.", 80, "%"),
        ("He lost by five-and-a-half points.", 5.5, "points"),
        ("The bond hit 16.057% on Monday.", 16.057, "%"),
        ("Big Machine have twice denied it.", 2, "times"),
        ("His symptoms improved within a month.", 1, "months"),
        ("Only one of the matches reached three sets.", 1, "matches"),
        ("Seven of LeBron's assists came late.", 7, "assists"),
    ],
)
def test_counts_as_real_news_writes_them(text: str, value: float, unit: str) -> None:
    attrs = next(iter(figures(text).values()))
    assert (attrs["value"], attrs["unit"]) == (value, unit)


def test_a_falling_pair_is_two_figures_and_a_rising_one_a_range() -> None:
    two = figures("Its valuation was slashed from $47 billion to $8 billion.")
    assert sorted(a["value"] for a in two.values()) == [8_000_000_000, 47_000_000_000]
    [rising] = figures("Saturation is regularly 97%–98% now.").values()
    assert (rising["value"], rising["upper"], rising["unit"]) == (97, 98, "%")


def test_a_rate_after_a_day_is_no_single_day() -> None:
    assert "a day" not in figures("Blackouts of up to eight hours a day could return.")


def test_a_number_after_a_date_still_counts() -> None:
    assert "nine days" in figures("They arrived on November 3—nine days before the announcement.")


def test_a_list_of_counted_nouns_is_one_figure() -> None:
    assert "30,154 new cars, trucks and SUVs" in figures("Dealers sold 30,154 new cars, trucks and SUVs.")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Бюджет міста становить 2,5 млн гривень.", 2_500_000, "UAH"),
        ("Зарплата зросла до 15 тис. грн.", 15_000, "UAH"),
        ("У місті 120 шкіл.", 120, "шкіл"),
        ("Понад 1,2 млрд грн виділено на ремонт.", 1_200_000_000, "UAH"),
    ],
)
def test_ukrainian_figures(text: str, value: float, unit: str) -> None:
    attrs = next(iter(figures(text).values()))
    assert (attrs["value"], attrs["unit"]) == (value, unit)


def test_a_duration_inside_a_period_is_a_figure_and_the_period_a_date() -> None:
    text = "Rents have doubled over the past three years in the capital."
    assert figures(text) == {"three years": {"value": 3, "unit": "years"}}
    assert [s.text for s in found(text, "date")] == ["the past three years"]


def test_a_list_of_counted_nouns_ends_before_another_quantity() -> None:
    assert figures("Police seized four pistols and thousands of bullets.") == {
        "four pistols": {"value": 4, "unit": "pistols"}}
    assert "5 trucks and buses" in figures("The convoy had 5 trucks and buses.")


def test_a_preposition_after_a_participle_ends_the_search_for_the_counted_noun() -> None:
    assert figures("The agency revised 120,000 based on later surveys.") == {"120,000": {"value": 120000}}


def test_a_clock_or_a_ratio_is_no_figure() -> None:
    assert figures("Their guard scored with 2:41 to play, a 3:1 edge.") == {}


def test_a_time_after_a_price_is_no_rate() -> None:
    assert figures("Homes cost $412,000, up from $398,500 a year ago.") == {
        "$412,000": {"value": 412000, "unit": "USD"}, "$398,500": {"value": 398500, "unit": "USD"}}
    assert figures("Rooms cost $90 a night.") == {"$90": {"value": 90, "unit": "USD per night"}}


def test_a_price_per_unit_spans_the_amount_and_keeps_the_rate_in_its_unit() -> None:
    assert figures("The offer was $13 a share, or $9.99-a-month for readers.") == {
        "$13": {"value": 13, "unit": "USD per share"}, "$9.99": {"value": 9.99, "unit": "USD per month"}}
    assert figures("Trains run at 60 kilometres per hour.") == {
        "60 kilometres per hour": {"value": 60, "unit": "km per hour"}}


def test_a_capitalised_word_opening_a_sentence_after_a_quote_names_no_identifier() -> None:
    text = "“We have the money.” About 40 schools closed.\n\nSome 12 unions marched."
    assert set(figures(text)) == {"About 40 schools", "Some 12 unions"}
    assert figures("Members invoked Article 5 of the treaty.") == {}


def test_an_abbreviated_name_with_full_stops_does_not_end_the_counted_noun() -> None:
    assert figures("Some 200 U.S. military personnel stayed, and 3 U.N. agencies left.") == {
        "Some 200 U.S. military personnel": {"value": 200, "unit": "personnel", "qualifier": "about"},
        "3 U.N. agencies": {"value": 3, "unit": "agencies"}}
