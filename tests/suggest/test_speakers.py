"""Who said it: attribution patterns, pronouns, groups, roles and linked names."""

from __future__ import annotations

import pytest

from tests.suggest.helpers import one


@pytest.mark.parametrize(
    "text",
    [
        '"The front is holding," said Oleksandr Syrskyi.',
        'Oleksandr Syrskyi said: "The front is holding."',
        '"The front is holding," Oleksandr Syrskyi told reporters in Kyiv.',
        'According to Oleksandr Syrskyi, "The front is holding."',
        'Oleksandr Syrskyi visited the troops, stating, "The front is holding."',
        '"The front is holding," said General Oleksandr Syrskyi, the army chief.',
    ],
    ids=["said-x", "x-said-colon", "told-reporters", "according-to", "participle", "said-title-x"],
)
def test_attribution_patterns(text: str) -> None:
    quote = one(text, "quote", "The front is holding." if '."' in text else "The front is holding")
    assert quote.attributes["speaker"] == "Oleksandr Syrskyi"


def test_pronoun_resolves_to_the_nearest_fitting_person_before_it() -> None:
    text = (
        "Iryna Sobol stood outside her apartment with Viktor Lysenko, a rescuer.\n"
        '"I heard a whistle and then the windows came in," she said.\n'
        '"You listen for a knock," he said.'
    )
    assert (
        one(text, "quote", "I heard a whistle and then the windows came in").attributes["speaker"]
        == "Iryna Sobol"
    )
    assert one(text, "quote", "You listen for a knock").attributes["speaker"] == "Viktor Lysenko"


def test_organisation_speakers_and_groups() -> None:
    text = (
        "Finland's Foreign Ministry detained a tanker on Tuesday.\n"
        '"We will not accept ships that endanger our security," the ministry said.\n'
        '"It is an old ship, badly maintained," operators said.'
    )
    assert (
        one(text, "quote", "We will not accept ships that endanger our security").attributes["speaker"]
        == "Foreign Ministry"
    )
    assert one(text, "quote", "It is an old ship, badly maintained").attributes["speaker"] == "operators"


def test_role_from_the_text_and_a_later_short_mention_linked() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky met allies on Tuesday.\n"
        'Later, Zelensky said: "We need air defense now."'
    )
    quote = one(text, "quote", "We need air defense now.")
    assert quote.attributes["speaker"] == "Volodymyr Zelensky"
    assert quote.attributes["role"] == "Ukrainian President"
    mention = one(text, "person", "Zelensky")
    assert mention.attributes["canonical"] == "Volodymyr Zelensky"


def test_a_paragraph_long_quote_continues_the_previous_speaker() -> None:
    text = (
        '"People stayed through everything," Anatoliy Krut said.\n'
        '"Now I see cars packed with suitcases again."'
    )
    assert (
        one(text, "quote", "Now I see cars packed with suitcases again.").attributes["speaker"]
        == "Anatoliy Krut"
    )


def test_ukrainian_and_russian_speakers_in_the_nominative() -> None:
    uk = "«Бізнес і так працює в умовах відключень світла», – сказала економістка Наталія Бойко."
    assert (
        one(uk, "quote", "Бізнес і так працює в умовах відключень світла").attributes["speaker"]
        == "Наталія Бойко"
    )
    ru = "Аналитик Григорий Ветров представил доклад. По словам Ветрова, «отрасль держится на честном слове»."
    assert one(ru, "quote", "отрасль держится на честном слове").attributes["speaker"] == "Григорий Ветров"
