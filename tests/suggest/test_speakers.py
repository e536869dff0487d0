"""Who said it: attribution patterns, pronouns, groups, roles and linked names."""

from __future__ import annotations

import pytest

from tests.suggest.helpers import found, one


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
        == "Finnish Foreign Ministry"
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


def test_a_common_noun_refers_back_to_the_person_named_before() -> None:
    uk = (
        "Місцева мешканка Оксана Ткачук розповіла про вибух. "
        "«Я якраз стояла в черзі по хліб», – згадує жінка."
    )
    assert one(uk, "quote", "Я якраз стояла в черзі по хліб").attributes["speaker"] == "Оксана Ткачук"
    en = 'Anna Kovalenko, 70, lives alone. A woman next door said: "She never leaves the flat now."'
    assert one(en, "quote", "She never leaves the flat now.").attributes.get("speaker") != "Anna Kovalenko"


def test_a_pronoun_inside_a_source_phrase_resolves_to_the_person_before() -> None:
    ru = "Министр строительства Игорь Лаптев выступил на штабе. По его словам, «это в полтора раза больше»."
    assert one(ru, "quote", "это в полтора раза больше").attributes["speaker"] == "Игорь Лаптев"


def test_a_name_in_quotation_marks_between_verb_and_speaker_is_skipped() -> None:
    ru = (
        "Губернатор Николай Громов сообщил о пожаре.\n"
        "«Каждый удар выводит установку из строя на недели», — сказал «Новой газете Европа» "
        "аналитик Борис Ефремов."
    )
    quotes = {q.text: q.attributes.get("speaker") for q in found(ru, "quote")}
    assert quotes == {"Каждый удар выводит установку из строя на недели": "Борис Ефремов"}


def test_a_lone_given_name_after_a_description_is_the_speaker() -> None:
    ru = "«Окна дрожали так, что я думала, это у нас во дворе», — рассказала местная жительница Елена."
    assert (
        one(ru, "quote", "Окна дрожали так, что я думала, это у нас во дворе").attributes["speaker"]
        == "Елена"
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We defended well," Oklahoma City coach Billy Donovan said.', "Billy Donovan"),
        ('"I played one of my best matches," the 14th-ranked Novak said.', "Novak"),
        ('"The vote was close," veteran Ohio lawmaker Marcy Kaptur said.', "Marcy Kaptur"),
    ],
)
def test_words_before_the_subject_of_an_inverted_attribution_do_not_hide_it(text: str, speaker: str) -> None:
    assert found(text, "quote")[0].attributes["speaker"] == speaker


def test_a_document_speaks_for_whoever_issued_it() -> None:
    text = (
        "Two soldiers died in a helicopter crash, the US military said in a statement on Wednesday.\n\n"
        '"The cause of the crash is under investigation," the statement said.\n\n'
        '"The market is pricing a recovery," said a report from Kotak Institutional Equities.'
    )
    speakers = [q.attributes["speaker"] for q in found(text, "quote")]
    assert speakers == ["US military", "Kotak Institutional Equities"]


def test_a_title_of_an_office_before_a_name_stays_the_office_and_the_name_is_the_speaker() -> None:
    text = (
        "Deputy Director of Public Prosecution Eva-Marie Persson closed the case.\n\n"
        'Ms Persson said: "The evidence has weakened."'
    )
    assert one(text, "quote", "The evidence has weakened.").attributes["speaker"] == "Eva-Marie Persson"
    assert one(text, "organisation", "Public Prosecution")


def test_a_quote_paragraph_after_reported_speech_is_that_speakers() -> None:
    text = (
        "Negotiator Saeb Erekat said the move was meant to force a surrender.\n\n"
        '"They wanted us on our knees. We stand tall."\n\n'
        "The talks are due to resume next week."
    )
    assert found(text, "quote")[0].attributes["speaker"] == "Saeb Erekat"


def test_an_organisation_inside_a_group_only_modifies_it() -> None:
    text = "Former royal PR aides called it “an articulated lorry crash” of a performance."
    assert found(text, "quote")[0].attributes["speaker"] == "Former royal PR aides"


def test_the_name_right_after_the_quote_is_the_speaker_before_its_apposition() -> None:
    text = "“It was an attempt to mislead voters,” Will Moy, chief executive of Full Fact, told the BBC."
    assert found(text, "quote")[0].attributes["speaker"] == "Will Moy"


def test_an_attribution_closing_the_sentence_names_the_speaker_of_a_partial_quote() -> None:
    text = 'Doctors should "take really detailed histories" of their patients, Dempsey said.'
    assert found(text, "quote")[0].attributes["speaker"] == "Dempsey"


def test_a_royal_title_belongs_to_a_lone_given_name() -> None:
    text = 'Prince Andrew gave an interview. "I have no recollection of meeting her," he told the BBC.'
    assert found(text, "quote")[0].attributes["speaker"] == "Prince Andrew"
    assert one(text, "person", "Andrew").attributes["canonical"] == "Prince Andrew"
