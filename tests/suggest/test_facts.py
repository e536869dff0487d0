"""Fact suggestions: sentences that carry a figure, an attributed claim or an event with an actor."""

from __future__ import annotations

from briefer.suggest import KINDS, suggest
from tests.suggest.helpers import found

ARTICLE = (
    "Floods Hit the Coast\n"
    "Heavy rain flooded 40 homes in Dunmore on Tuesday, the regional council said.\n"
    "The weather has been strange this year and nobody quite knows why.\n"
    "Rescuers evacuated the harbour district after the river burst its banks.\n"
    "Ten people left.\n"
    "Will the town be ready for the next storm?\n"
    "Officials estimate the damage at $3 million.\n"
)


def test_fact_is_a_kind_the_suggesters_propose() -> None:
    assert "fact" in KINDS
    assert found(ARTICLE, "fact")


def test_sentences_with_a_figure_a_claim_or_an_actor_event_are_facts_others_are_not() -> None:
    facts = {s.text for s in found(ARTICLE, "fact", published="2024-05-18")}
    assert "Heavy rain flooded 40 homes in Dunmore on Tuesday, the regional council said." in facts
    assert "Officials estimate the damage at $3 million." in facts
    assert "The weather has been strange this year and nobody quite knows why." not in facts
    assert "Ten people left." not in facts  # too short to state a fact
    assert not any(f.endswith("?") for f in facts)  # a question states nothing
    assert not any(f.startswith("Floods Hit") for f in facts)  # a headline is no sentence


def test_facts_are_ranked_the_lead_with_a_figure_and_a_source_first() -> None:
    facts = sorted(found(ARTICLE, "fact", published="2024-05-18"), key=lambda s: -s.confidence)
    assert facts[0].text.startswith("Heavy rain flooded 40 homes")
    assert all(0.5 <= f.confidence <= 1 for f in facts)
    assert facts[0].confidence > facts[-1].confidence
    assert "figure" in facts[0].rule
    assert "claim" in facts[0].rule


def test_asking_for_facts_alone_still_weighs_the_other_kinds() -> None:
    alone = [(s.start, s.end, s.confidence) for s in suggest(ARTICLE, kinds=["fact"])]
    together = [(s.start, s.end, s.confidence) for s in suggest(ARTICLE) if s.kind == "fact"]
    assert alone == together
    assert {s.kind for s in suggest(ARTICLE, kinds=["fact"])} == {"fact"}


def test_fact_spans_are_whole_sentences_without_surrounding_space() -> None:
    for fact in found("  Police said 12 people were arrested in Lviv on Sunday.  \n", "fact"):
        assert fact.text == "Police said 12 people were arrested in Lviv on Sunday."


def test_ukrainian_sentence_with_a_figure_and_a_source_is_a_fact() -> None:
    text = "За даними ДСНС, у Харкові внаслідок обстрілу загинули 5 людей."
    assert [s.text for s in found(text, "fact")] == [text]
