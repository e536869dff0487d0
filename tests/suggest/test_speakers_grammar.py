"""Speakers found by the grammar of the attribution, not by a list of known names.

Each case is a construction seen on real news pages, written here with other names:
the subject of the reporting verb before or after it, inversion, appositions on
either side, titles, single surnames linked to the full name, described speakers.
"""

from __future__ import annotations

import pytest

from briefer.suggest import suggest

CASES = [
    ("The committee heard from the diplomat. “And on whose orders?” said Marsh.", "Marsh"),
    ("Lawmakers pressed him again. “Who approved the transfer?” Delgado asked.", "Delgado"),
    ("“That is right,” Okafor said.", "Okafor"),
    ("“We will win,” Brandt said.", "Brandt"),
    ("“The law is clear on this point,” said Ilan Shavit, a professor of law.", "Ilan Shavit"),
    ("Speaking in London, Haraldur Sveinsson said: 'We publish what we can verify.'", "Haraldur Sveinsson"),
    ("“Sales doubled,” the firm’s chief executive, Valdis Kalnins, told reporters.", "Valdis Kalnins"),
    ("“Nobody believes these numbers,” one Weibo commenter wrote, the paper said.", "one Weibo commenter"),
    ("Energy Secretary Rick Perry left early. “I did my job,” Perry said.", "Rick Perry"),
    ("“The tests are done,” explains Project Leader Marta Ngo-Lind. “Now we wait.”", "Marta Ngo-Lind"),
    ("“We worked on the design,” comments Tomas Brandvold of the ESA.", "Tomas Brandvold"),
    ("“Meth is a problem,” Noem tweeted on Monday night.", "Noem"),
    ("«Мне никто не звонил», — пожаловалась Поризкова.", "Поризкова"),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_the_subject_of_the_reporting_verb_is_the_speaker(text: str, speaker: str) -> None:
    quotes = suggest(text, kinds=["quote"])
    assert [q.attributes.get("speaker") for q in quotes][:1] == [speaker]


def test_the_attribution_stays_outside_the_quote() -> None:
    text = "“And on whose authority?” said Marsh, turning to the witness."
    [quote] = suggest(text, kinds=["quote"])
    assert quote.text == "And on whose authority?"


def test_a_speaker_is_never_a_clause() -> None:
    text = "He begged lawmakers for patience. “Give us more time to finish this work,” he said."
    speakers = {q.attributes.get("speaker") for q in suggest(text, kinds=["quote"])}
    assert not any(s and " " in s and s.split()[0].lower() in ("he", "she", "they") for s in speakers)


def test_a_slogan_in_quotation_marks_is_not_a_quote() -> None:
    text = "The state launched a campaign with the slogan “Meth, we’re on it.” It drew ridicule."
    assert suggest(text, kinds=["quote"]) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Peter Okonjo toured the dam site. “This is a proud day for the region,” he told engineers, "
         "according to a statement.", "Peter Okonjo"),
        ("The union met on Friday. Later it put out another statement. “We stand by our members,” it says.",
         None),
    ],
)
def test_a_document_without_its_issuer_is_no_speaker(text: str, speaker: str | None) -> None:
    quotes = suggest(text, kinds=["quote"])
    assert quotes
    assert quotes[-1].attributes.get("speaker") == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz, a close friend of Tom Bell, said the plan was “a serious mistake” on Monday.",
        "Ana Ruiz, the older sister of the founder, Tom Bell, has reportedly told friends it was a "
        "“triumph”.",
        "Ana Ruiz, an economist at Norvik Capital, the Oslo-based fund, told the paper that prices were "
        "“far too high for families.”",
    ],
)
def test_the_name_the_appositions_follow_is_the_subject(text: str) -> None:
    [quote] = suggest(text, kinds=["quote"])
    assert quote.attributes.get("speaker") == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Several officials who met with the Arvenian Trade Council said the talks were “going well”.",
         "Several officials"),
        ("A spokeswoman for the Arvenian Trade Council said the talks were “going well”.",
         "Arvenian Trade Council"),
    ],
)
def test_a_name_in_a_prepositional_phrase_is_no_subject(text: str, speaker: str) -> None:
    [quote] = suggest(text, kinds=["quote"])
    assert quote.attributes.get("speaker") == speaker


def test_a_described_speaker_keeps_its_first_description() -> None:
    text = (
        "“The ferry should never have sailed,” said one retired official.\n\n"
        "“The forecast was clear,” the official added."
    )
    speakers = [q.attributes.get("speaker") for q in suggest(text, kinds=["quote"])]
    assert speakers == ["one retired official", "one retired official"]


def test_the_man_is_not_a_person_named_beside_him() -> None:
    text = (
        "Dr Karl Feist examined the man twice in March.\n\n"
        "“I could barely climb the stairs,” the man wrote in a letter to the clinic."
    )
    [quote] = suggest(text, kinds=["quote"])
    assert quote.attributes.get("speaker") != "Karl Feist"


def test_it_is_not_the_office_in_a_persons_title() -> None:
    text = (
        "Deputy Director of Public Prosecution Anna Lindqvist took the decision to “close the file”, "
        "the Norwegian Prosecution Authority said.\n\n"
        "“The evidence has weakened over time,” it added."
    )
    speakers = [q.attributes.get("speaker") for q in suggest(text, kinds=["quote"])]
    assert speakers == ["Norwegian Prosecution Authority", "Norwegian Prosecution Authority"]


def test_a_production_company_is_an_organisation_that_speaks() -> None:
    text = (
        "Netflix showed the film first. "
        "The company that made it, Dick Stone Productions, denied the claim.\n\n"
        "“We never agreed to any such deal,” they said."
    )
    [quote] = suggest(text, kinds=["quote"])
    assert quote.attributes.get("speaker") == "Dick Stone Productions"
    assert [o.text for o in suggest(text, kinds=["organisation"])] == ["Netflix", "Dick Stone Productions"]


def test_a_name_in_apposition_to_an_organisation_noun_is_an_organisation() -> None:
    text = (
        "The label that signed her, Quiet Engine, says she owes two albums. "
        "Her lawyer met Netflix on Monday.\n\n"
        "Quiet Engine have denied any wrongdoing.\n\n"
        "“We acted within the contract,” they said in a statement."
    )
    [quote] = suggest(text, kinds=["quote"])
    assert quote.attributes.get("speaker") == "Quiet Engine"
    assert [o.text for o in suggest(text, kinds=["organisation"])].count("Quiet Engine") == 2


def test_the_man_far_from_any_named_man_stays_as_written() -> None:
    filler = "The clinic is small. It opened in 1990. Nurses work in shifts. Beds are scarce. Snow fell. "
    text = (
        "Karl Feist founded the clinic.\n\n" + filler + filler + "\n\n"
        "According to the man, the treatment “changed everything within days.”"
    )
    [quote] = suggest(text, kinds=["quote"])
    assert quote.attributes.get("speaker") == "the man"


def test_the_subject_of_a_reported_clause_is_not_the_speaker() -> None:
    text = "Arvenia’s ambassador to Norway warned that the Arvenian government “will answer in kind”."
    speakers = [q.attributes.get("speaker") for q in suggest(text, kinds=["quote"])]
    assert "Arvenian government" not in speakers


#: Constructions seen on real pages, each named for its rule: (text, speaker).
CONSTRUCTIONS = [
    pytest.param(
        "The researchers behind a study published in the journal Marine Ecology Letters argued that "
        "the reefs were “recovering faster than expected.”",
        "The researchers",
        id="the-journal-a-study-appeared-in-is-not-its-authors"),
    pytest.param(
        "Mark Ellison opened the session on Monday.\n\n"
        "During the break, he was photographed with Tom Bell at the harbour.\n\n"
        "He then told reporters: “We are ready for the vote.”",
        "Mark Ellison",
        id="a-pronoun-means-a-subject-not-a-name-after-a-preposition"),
    pytest.param(
        "The African Union High Commissioner for Maritime Safety said the rules “still apply”.",
        "African Union High Commissioner for Maritime Safety",
        id="an-organisation-named-in-parts-is-named-whole"),
    pytest.param(
        "The Harbour Council said volunteers would work in all states to “close the gaps quickly.”",
        "Harbour Council",
        id="a-reporting-verb-after-a-determiner-is-a-noun"),
    pytest.param(
        "The group, Fair Shift Alliance, formed in May. It has criticised Microsoft for months.\n\n"
        "On Monday the group said that the board had “ignored every warning.”",
        "Fair Shift Alliance",
        id="the-group-is-the-name-given-in-apposition"),
    pytest.param(
        "The Meteorological Office has said there is “no need” for coastal residents to leave, "
        "but it has also warned of floods.",
        "Meteorological Office",
        id="a-described-speaker-does-not-start-at-a-preposition"),
    pytest.param(
        "Two former senior defence officials called the plan “a disgrace” on Sunday.",
        "Two former senior defence officials",
        id="a-described-speaker-keeps-all-its-modifiers"),
    pytest.param(
        "Nadia Thomas chaired the hearing.\n\nAnna Berg spoke next.\n\n"
        "Thomas asked for calm on Tuesday. She added: “We owe them patience.”",
        "Nadia Thomas",
        id="a-surname-alone-keeps-the-gender-of-the-full-name"),
    pytest.param(
        "Harbor Lane Records denied the claim on Friday.\n\n"
        "Now they have put out another statement, sent to the organisers.\n\n"
        "“We will appeal the ruling,” it says.",
        "Harbor Lane Records",
        id="a-statement-speaks-for-the-subject-that-put-it-out"),
    pytest.param(
        "Marta Kowal spoke first.\n\n"
        "Her colleague Anna Berg, who runs the warehouse, says trust keeps them going. "
        "“We publish every receipt,” she explains.",
        "Anna Berg",
        id="a-possessive-pronoun-does-not-hide-the-person-after-it"),
]


@pytest.mark.parametrize(("text", "speaker"), CONSTRUCTIONS)
def test_the_speaker_of_a_construction(text: str, speaker: str) -> None:
    [quote] = suggest(text, kinds=["quote"])
    assert quote.attributes.get("speaker") == speaker
