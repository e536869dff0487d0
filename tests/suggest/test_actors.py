"""People, organisations and places: titles, gazetteers, capitalisation, aliases."""

from __future__ import annotations

from tests.suggest.helpers import found, one


def test_titles_gazetteers_and_organisation_words() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke in Moscow on Friday, while the Polish "
        "Interior Ministry and NATO met in Brussels with Maj. Gen. Pat Ryder."
    )
    people = {p.text for p in found(text, "person")}
    assert people == {"Dmitry Peskov", "Pat Ryder"}
    assert {o.text for o in found(text, "organisation")} >= {"Kremlin", "Polish Interior Ministry", "NATO"}
    assert {loc.text for loc in found(text, "location")} == {"Moscow", "Brussels"}


def test_sentence_starts_are_not_mistaken_for_names() -> None:
    text = "Among the dead was a boy. Discussions are expected soon. Both sides agreed."
    assert found(text, "person") == []
    assert found(text, "organisation") == []


def test_aliases_link_to_the_canonical_name() -> None:
    text = (
        "The Institute for the Study of War (ISW) said U.S. officials agreed. "
        "ISW analysts and Washington disagreed with the United Nations."
    )
    assert one(text, "location", "U.S.").attributes["canonical"] == "United States"
    assert one(text, "organisation", "United Nations").attributes["canonical"] == "United Nations"
    assert all(
        o.attributes["canonical"] == "Institute for the Study of War"
        for o in found(text, "organisation")
        if o.text in ("ISW", "Institute for the Study of War")
    )


def test_places_named_by_their_context() -> None:
    text = "Moscow claimed the villages of Bogoyavlenka, Girnyk and Katerynivka."
    assert {loc.text for loc in found(text, "location")} == {
        "Moscow",
        "Bogoyavlenka",
        "Girnyk",
        "Katerynivka",
    }


def test_cyrillic_places_match_inflected_forms() -> None:
    text = "Удар по Запорізькій області та Києву."
    canon = {loc.attributes["canonical"] for loc in found(text, "location")}
    assert canon == {"Запорізька область", "Київ"}
