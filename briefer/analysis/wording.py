"""Estimative language (ICD 203) in a brief's analyst-written text: findings with the standard term.

Rules (word lists in ``resources/estimative.yaml``):

- ``nonstandard-likelihood``: a likelihood word outside the scale ("maybe",
  "probably not impossible"), with the scale term to use;
- ``mixed-vocabulary``: a term of the other column than the one the brief uses
  first ("probable" in a brief that says "likely"), with its equivalent;
- ``confidence-with-likelihood``: a confidence level and a likelihood in one
  sentence; ICD 203 keeps them apart.

Offsets are code-point offsets into the field's text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from briefer import yamlsafe
from briefer.paths import resource
from briefer.text.units import split_sentences

if TYPE_CHECKING:
    from briefer.model import Brief

FIELDS = ("bluf", "assessment")


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding of the lint, as ``briefer lint --json`` prints it."""

    rule: str
    field: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON object (the command line's contract)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The scale (term -> band, column), the confidence levels and the non-standard words."""

    terms: dict[str, tuple[int, int]]
    bands: tuple[tuple[str, str], ...]
    confidence: tuple[str, ...]
    nonstandard: dict[str, str]

    def pattern(self) -> re.Pattern[str]:
        """One pattern finding every term, confidence level and non-standard word (longest first)."""
        words = sorted([*self.terms, *self.confidence, *self.nonstandard], key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b",
                          re.IGNORECASE)


@cache
def vocabulary() -> Vocabulary:
    """The shipped word lists."""
    data = yamlsafe.load(resource("estimative.yaml").read_text(encoding="utf-8"))
    bands = tuple((str(a), str(b)) for a, b in data["scale"])
    terms = {term: (band, column) for band, row in enumerate(bands) for column, term in enumerate(row)}
    for variant, term in (data.get("variants") or {}).items():
        terms[str(variant)] = terms[str(term)]
    return Vocabulary(terms, bands, tuple(map(str, data["confidence"])),
                      {str(k): str(v) for k, v in data["nonstandard"].items()})


@cache
def _pattern() -> re.Pattern[str]:
    return vocabulary().pattern()


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), " ".join(m.group().lower().split())) for m in _pattern().finditer(text)]


def lint_text(field: str, text: str, column: int | None = None) -> tuple[list[Finding], int | None]:
    """Findings in one field's text, and the brief's column (the first one used, or ``column``)."""
    vocab = vocabulary()
    findings: list[Finding] = []
    for start, end, word in _words(text):
        shown = text[start:end]
        if word in vocab.nonstandard:
            findings.append(Finding("nonstandard-likelihood", field, start, end, shown,
                                    f"'{shown}' is not on the ICD 203 likelihood scale",
                                    vocab.nonstandard[word]))
        elif word in vocab.terms:
            band, col = vocab.terms[word]
            if column is None:
                column = col
            elif col != column:
                standard = vocab.bands[band][column]
                findings.append(Finding("mixed-vocabulary", field, start, end, shown,
                                        f"'{shown}' is from the other ICD 203 vocabulary than the"
                                        " brief's; keep to one", standard))
    findings.extend(_mixed_sentences(field, text))
    return findings, column


def _mixed_sentences(field: str, text: str) -> list[Finding]:
    """A confidence level and a likelihood term (or non-standard word) in one sentence."""
    vocab = vocabulary()
    found: list[Finding] = []
    paragraph = 0
    for line in text.split("\n"):
        words = _words(line)
        for lo, hi in split_sentences(line):
            inside = [w for w in words if lo <= w[0] < hi]
            confidence = [w for w in inside if w[2] in vocab.confidence]
            likelihood = [w for w in inside if w[2] in vocab.terms or w[2] in vocab.nonstandard]
            if confidence and likelihood:
                start, end, _ = confidence[0]
                shown = line[start:end]
                found.append(Finding(
                    "confidence-with-likelihood", field, paragraph + start, paragraph + end, shown,
                    f"'{shown}' and '{line[likelihood[0][0]:likelihood[0][1]]}' in one sentence:"
                    " state confidence and likelihood separately",
                    "a separate sentence: We have " + shown + " in this judgement."))
        paragraph += len(line) + 1
    return found


def lint_brief(brief: Brief) -> list[Finding]:
    """Every finding in the brief's BLUF and assessment, in field then text order."""
    findings: list[Finding] = []
    column: int | None = None
    for field in FIELDS:
        found, column = lint_text(field, getattr(brief, field), column)
        findings.extend(sorted(found, key=lambda f: (f.start, f.rule)))
    return findings
