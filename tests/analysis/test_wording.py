"""ICD 203 estimative-language findings on real-sounding brief text."""

from __future__ import annotations

from briefer.analysis.wording import lint_brief, lint_text
from briefer.model import Brief


def _rules(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.suggestion) for f in lint_text("bluf", text)[0]]


def test_standard_wording_passes() -> None:
    assert _rules("Russian forces will almost certainly keep pressing towards Pokrovsk through"
                  " December. A ceasefire before spring is unlikely.") == []
    assert _rules("We have moderate confidence in this judgement.") == []


def test_words_outside_the_scale_get_the_standard_term() -> None:
    text = "Kyiv could maybe open talks; it is probably not impossible that Moscow accepts."
    assert _rules(text) == [
        ("nonstandard-likelihood", "could", "roughly even chance"),
        ("nonstandard-likelihood", "maybe", "roughly even chance"),
        ("nonstandard-likelihood", "probably not impossible", "roughly even chance"),
    ]
    assert _rules("Pyongyang will probably send more troops.") == [
        ("nonstandard-likelihood", "probably", "likely")]
    assert _rules("The strike in May destroyed a likely depot.") == []  # "May" is a month


def test_mixed_vocabularies_across_fields() -> None:
    brief = Brief(title="SITREP", bluf="Further North Korean deployments are likely.",
                  assessment="A breakthrough at Kurakhove is highly probable within weeks.")
    [finding] = lint_brief(brief)
    assert (finding.rule, finding.field, finding.text, finding.suggestion) == (
        "mixed-vocabulary", "assessment", "highly probable", "very likely")
    assert brief.assessment[finding.start:finding.end] == "highly probable"


def test_confidence_and_likelihood_in_one_sentence() -> None:
    text = "Selydove has fallen.\nWe assess with high confidence that Russia will likely take Kurakhove."
    [finding] = lint_text("assessment", text)[0]
    assert finding.rule == "confidence-with-likelihood"
    assert text[finding.start:finding.end] == "high confidence"
    assert "'likely'" in finding.message
