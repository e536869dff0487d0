"""Figures with normalised values and units."""

from __future__ import annotations

import pytest

from tests.suggest.helpers import found, one


@pytest.mark.parametrize(
    ("text", "exact", "value", "unit"),
    [
        ("Rescuers evacuated 9,000 people from the border.", "9,000 people", 9000, "people"),
        ("The loan is worth $1.5 billion in total.", "$1.5 billion", 1_500_000_000, "USD"),
        ("The council spent 140 million hryvnias on shelters.", "140 million hryvnias", 140_000_000, "UAH"),
        ("Storage sites are 94.2% full.", "94.2%", 94.2, "%"),
        ("Yields fell by 40 percent in the south.", "40 percent", 40, "%"),
        ("Russia captured 478 square kilometers in October.", "478 square kilometers", 478, "km²"),
        ("The river rose to 5.2 metres overnight.", "5.2 metres", 5.2, "m"),
        ("Crews delivered 40 tonnes of bottled water.", "40 tonnes", 40, "tonnes"),
        ("The town lies 30 km from the border.", "30 km", 30, "km"),
        ("Three people were injured.", "Three people", 3, "people"),
        ("They found a dozen cargoes at sea.", "a dozen cargoes", 12, "cargoes"),
        ("Дефіцит склав 1,8 мільярда гривень.", "1,8 мільярда гривень", 1_800_000_000, "UAH"),
        ("Мінімальна зарплата становить 8.000 грн.", "8.000 грн", 8000, "UAH"),
        ("Ставка выросла до 21% годовых.", "21%", 21, "%"),
        ("Підписали 1.200 журналістів.", "1.200 журналістів", 1200, "журналістів"),
        ("Almost a third of the farmland cannot be used.", "Almost a third", 33.3, "%"),
        ("Roughly half of what the country needs.", "Roughly half", 50, "%"),
        ("Two-thirds of the voters stayed home.", "Two-thirds", 66.7, "%"),
        ("Половина людей виїхала.", "Половина", 50, "%"),
        ("Брак кадрів відчувають дві третини підприємств.", "дві третини", 66.7, "%"),
        ("Около четверти бюджета ушло на оборону.", "Около четверти", 25, "%"),
        ("He planted potatoes on half a hectare of garden.", "half a hectare", 0.5, "ha"),
        ("Forecasters issued three severe flood warnings.", "three severe flood warnings", 3, "warnings"),
        ("Allies pledged six Mirage 2000 fighter jets.", "six Mirage 2000 fighter jets", 6, "jets"),
        ("Фонд передав два шкільні автобуси.", "два шкільні автобуси", 2, "автобуси"),
        ("He was sentenced to six and a half years.", "six and a half years", 6.5, "years"),
        ("Суд приговорил его к шести с половиной годам колонии.", "шести с половиной годам", 6.5, "годам"),
        ("He visits twice a year.", "twice", 2, "times"),
        ("The river rose by a metre overnight.", "a metre", 1, "m"),
        ("Загинула одна дитина.", "одна дитина", 1, "дитина"),
    ],
)
def test_values_and_units(text: str, exact: str, value: float, unit: str) -> None:
    figure = one(text, "figure", exact)
    assert figure.attributes["value"] == pytest.approx(value)
    assert figure.attributes["unit"] == unit


def test_approximate_figures_carry_their_qualifier() -> None:
    text = "About 300 soldiers, nearly 40 tanks and more than 2,000 drones were involved."
    assert one(text, "figure", "About 300 soldiers").attributes["qualifier"] == "about"
    assert one(text, "figure", "nearly 40 tanks").attributes["qualifier"] == "nearly"
    assert one(text, "figure", "more than 2,000 drones").attributes["qualifier"] == "more than"


def test_ranges_give_lower_and_upper_values() -> None:
    text = "Prices will trade between 35 and 45 euros, and freight costs $25-$30 per tonne."
    low = one(text, "figure", "between 35 and 45 euros")
    assert (low.attributes["value"], low.attributes["upper"], low.attributes["unit"]) == (35, 45, "EUR")
    freight = one(text, "figure", "$25-$30")  # a price: the rate goes into its unit
    assert (freight.attributes["value"], freight.attributes["upper"]) == (25, 30)
    uk = one("Армії потрібно 450–500 тисяч осіб.", "figure", "450–500 тисяч осіб")
    assert (uk.attributes["value"], uk.attributes["upper"]) == (450_000, 500_000)


def test_numbers_in_words() -> None:
    text = "A couple of thousand additional North Korean troops and three missiles arrived."
    assert (
        one(text, "figure", "A couple of thousand additional North Korean troops").attributes["value"] == 2000
    )
    assert one(text, "figure", "three missiles").attributes["value"] == 3


def test_years_dates_ordinals_and_identifiers_are_not_figures() -> None:
    text = (
        "In 2022 the 24th brigade got F-16 jets under Article 5 on May 10, "
        "Ukraine's second-largest city said at 10:30."
    )
    assert found(text, "figure") == []


def test_fractions_that_state_no_share_are_not_figures() -> None:
    text = "The glass is half empty in the second half of the year; друга половина дня минула."
    assert found(text, "figure") == []


def test_a_partitive_is_the_number_counting_the_noun_after_of() -> None:
    text = "Air defence shot down 30 of the missiles; two of them fell in fields."
    assert one(text, "figure", "30").attributes["unit"] == "missiles"
    assert one(text, "figure", "two").attributes["value"] == 2
    assert [f.text for f in found("It was one of the largest attacks.", "figure")] == []


def test_a_baseline_after_from_is_its_own_figure() -> None:
    text = "The share rose to 38% from 15% in 2022."
    assert {f.text for f in found(text, "figure")} == {"38%", "15%"}


def test_one_as_a_pronoun_or_determiner_is_not_a_figure() -> None:
    text = "If I can make one family smile, one official said. Це ще одне закрите підприємство."
    assert found(text, "figure") == []
