"""Quotation marks of every style, nesting, and quotes over sentences and paragraphs."""

from __future__ import annotations

import pytest

from briefer.suggest import suggest
from tests.suggest.helpers import found, one


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            '"We will not retreat from this city," Mayor Ihor Terekhov said.',
            "We will not retreat from this city",
        ),
        (
            "“We will not retreat from this city,” Mayor Ihor Terekhov said.",
            "We will not retreat from this city",
        ),
        ("«Ми не відступимо з цього міста», – сказав мер Ігор Терехов.", "Ми не відступимо з цього міста"),
        ("„Ми не відступимо з цього міста“, – сказав мер Ігор Терехов.", "Ми не відступимо з цього міста"),
        (
            "‘We will not retreat from this city,’ Mayor Ihor Terekhov said.",
            "We will not retreat from this city",
        ),
        (
            "'We will not retreat from this city,' Mayor Ihor Terekhov said.",
            "We will not retreat from this city",
        ),
    ],
    ids=["straight", "curly", "guillemets", "low-high", "single-curly", "single-straight"],
)
def test_each_quote_style_gives_the_words_inside_the_marks(text: str, inner: str) -> None:
    quote = one(text, "quote", inner)
    assert quote.attributes["speaker"] in ("Ihor Terekhov", "Ігор Терехов")


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "‘They told us on the app it was “under control”,’ said Priya Nair, a resident."
    quotes = found(text, "quote")
    assert [q.text for q in quotes] == ["They told us on the app it was “under control”"]
    assert quotes[0].attributes["speaker"] == "Priya Nair"


def test_guillemets_nest_low_high_quotes() -> None:
    text = "«Брат подзвонив і сказав: „Купи мені турнікет“. Я пішла в аптеку», – розповідає Марта Левченко."
    quotes = found(text, "quote")
    assert [q.text for q in quotes] == ["Брат подзвонив і сказав: „Купи мені турнікет“. Я пішла в аптеку"]


def test_a_quote_of_several_sentences_is_one_quote() -> None:
    text = '"The first week was hard. Then it got worse. Then we learned," said Dr. Yulia Petrenko.'
    assert [q.text for q in found(text, "quote")] == [
        "The first week was hard. Then it got worse. Then we learned"
    ]


def test_a_paragraph_opening_a_quote_continues_into_the_next() -> None:
    text = (
        "Serhiy Dovhan, the mayor, spoke quickly.\n"
        "“People ask me if I am afraid. Of course I am afraid.\n"
        "“But fear is not a plan,” Dovhan said.\n"
        "He left for the port."
    )
    quotes = found(text, "quote")
    assert [q.text for q in quotes] == [
        "People ask me if I am afraid. Of course I am afraid.\n“But fear is not a plan"
    ]
    assert quotes[0].attributes["speaker"] == "Serhiy Dovhan"


def test_a_quote_over_three_paragraphs_with_straight_marks() -> None:
    text = 'Kateryna Moroz is a nurse.\n"One.\n"Two.\n"Three," she said.\n'
    assert [q.text for q in found(text, "quote")] == ['One.\n"Two.\n"Three']


def test_a_partial_quote_inside_a_sentence() -> None:
    text = 'Prime Minister Denys Shmyhal called the attack "energy terrorism" and asked for help.'
    quote = one(text, "quote", "energy terrorism")
    assert quote.attributes["speaker"] == "Denys Shmyhal"


def test_apostrophes_and_scare_quotes_are_not_quotes() -> None:
    text = "Ukraine's allies said it's the so-called \"shadow fleet\" of Russia's tankers. «Крила» works."
    assert found(text, "quote") == []


def test_a_single_quoted_word_is_a_term_not_a_quote() -> None:
    text = "Суд назвал публикации «фейками», – сказал адвокат Иван Петров."
    assert found(text, "quote") == []


def test_an_unattributed_long_quote_is_still_suggested_without_speaker() -> None:
    text = 'The leaflet read: "Leave the city before the end of the week or stay in shelters."'
    quote = one(text, "quote", "Leave the city before the end of the week or stay in shelters.")
    assert "speaker" not in quote.attributes or quote.attributes["speaker"] is None
    assert quote.confidence < 0.5


@pytest.mark.parametrize("unit", ['"', "'s ", "“", "„ ", "‘", "« "])
def test_the_quote_finder_is_linear_on_a_flood_of_marks(unit: str) -> None:
    """150 KB of marks that all open and never close once took minutes (each mark scanned all open ones)."""
    import time

    from briefer.text.quotes import find_quotes

    def seconds(size: int) -> float:
        text = unit * (size // len(unit))
        started = time.perf_counter()
        find_quotes(text)
        return time.perf_counter() - started

    small, large = min(seconds(15_000) for _ in range(3)), min(seconds(150_000) for _ in range(3))
    assert large < 3.0  # quadratic took minutes; a loaded CI machine may take a few times the usual
    assert large < 30 * max(small, 0.002)  # ten times the text: at most ~ten times the time, not a hundred


@pytest.mark.parametrize(
    "text",
    [
        "“It was an attempt to mislead voters,’’ Will Moy told the BBC.",
        "“It was an attempt to mislead voters,\" Will Moy told the BBC.",
    ],
    ids=["two-apostrophes-close", "straight-closes-curly"],
)
def test_mixed_quotation_marks_still_pair_up(text: str) -> None:
    quote = one(text, "quote", "It was an attempt to mislead voters")
    assert quote.attributes["speaker"] == "Will Moy"


def test_a_title_with_the_full_stop_inside_its_marks_is_no_quote() -> None:
    text = "He returned to sing hit singles like 1978’s “What a Fool Believes.” The crowd cheered."
    assert found(text, "quote") == []


@pytest.mark.parametrize("before", [
    "the illness is called", "the condition is often called", "the disease is known as",
    "the term often used is", "it has earned the nickname of",
])
def test_a_name_given_in_quotation_marks_is_not_a_quote(before: str) -> None:
    text = f"Dr Lena Marsh said that in cattle {before} “the grain dust handler’s lung disease.”"
    assert suggest(text, kinds=["quote"]) == []


def test_what_someone_called_a_thing_stays_a_quote() -> None:
    text = "The company would not give a number but called it “a fair price for a failing business.”"
    assert [q.text for q in suggest(text, kinds=["quote"])] == ["a fair price for a failing business."]


@pytest.mark.parametrize("verb", ["rejected", "dismissed", "branded", "condemned"])
def test_a_short_quote_characterising_something_is_its_subjects(verb: str) -> None:
    text = f"The Harbour Authority {verb} the reports as “utterly baseless,” and analysts agreed."
    [quote] = suggest(text, kinds=["quote"])
    assert (quote.text, quote.attributes.get("speaker")) == ("utterly baseless", "Harbour Authority")
