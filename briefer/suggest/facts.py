"""Facts: the sentences an analyst would tag as a fact, ranked by how much they carry.

A sentence is a candidate when it states something checkable: it carries a
figure, an attributed claim (a reporting verb or a source phrase, or a quote
with its speaker), or an event with an actor (a person, organisation or place
with a date or a past-tense verb). Any one of the three makes a fact of
``THRESHOLD`` confidence; each other one, the lead (the article's first full
sentence) and a date add to it. The span is the whole sentence.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from briefer.suggest import lexicon, wordlists
from briefer.suggest.base import ACTOR_KINDS, Suggestion
from briefer.suggest.tense import PAST, Tenses

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefer.suggest.document import Document

#: The least confidence a proposed fact has.
THRESHOLD = 0.5
#: From here a fact is a strong candidate (the lead with one more piece of evidence, or
#: two kinds of evidence and a date): the reader draws these; the others are reached by key.
STRONG = 0.7
_MIN_WORDS = 6
_ENDS = frozenset(".!…\"”»’'")
_CORE = ("figure", "claim", "event")
_WEIGHTS = {"lead": 0.2, "figure": 0.15, "claim": 0.15, "event": 0.15, "date": 0.05}


@cache
def _attribution(lang: str) -> re.Pattern[str]:
    w = lexicon.words(lang)
    phrases = [*w["speech_verbs"], *w["speech_participles"], *w["speech_phrases"]]
    return re.compile(rf"(?<![\w'’])(?:{lexicon.alternation(phrases)})(?![\w'’])", re.IGNORECASE)


def _evidence(doc: Document, span: tuple[int, int], inside: Sequence[Suggestion], tenses: Tenses) -> set[str]:
    """What a sentence carries: figure, claim, date, event (an actor with a date or a past verb)."""
    kinds: set[str] = {s.kind for s in inside}
    found: set[str] = {k for k in ("figure", "date") if k in kinds}
    attributed = any(s.kind == "quote" and s.attributes.get("speaker") for s in inside)
    if attributed or _attribution(doc.lang).search(doc.masked, *span):
        found.add("claim")
    if kinds & set(ACTOR_KINDS) and (
        "date" in found or any(t == PAST for _, t in tenses.within(*span, quoted=False))
    ):
        found.add("event")
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_facts(doc: Document, found: Sequence[Suggestion]) -> list[Suggestion]:
    """Candidate fact sentences of ``doc``, given the other suggestions found in it."""
    text = doc.text
    ordered = sorted(found, key=lambda s: s.start)
    openers = wordlists.words(doc.lang, "not_fact_openers")
    out: list[Suggestion] = []
    tenses = doc.tenses
    lead_seen = False
    i = 0
    for s_start, s_end in doc.sentences:
        start, end = _trimmed(text, s_start, s_end)
        words = text[start:end].split()
        while i < len(ordered) and ordered[i].end <= start:
            i += 1
        inside = []
        for s in ordered[i:]:
            if s.start >= end:
                break
            inside.append(s)
        heading = (start, end) == _trimmed(text, *doc.paragraph_at(start)) and text[end - 1] not in _ENDS
        if len(words) < _MIN_WORDS or heading or text[end - 1] == "?" or words[0].lower() in openers:
            continue
        evidence = _evidence(doc, (start, end), inside, tenses)
        if not lead_seen:
            lead_seen = True
            evidence.add("lead")
        if not evidence & {*_CORE, "lead"}:
            continue
        confidence = min(0.95, THRESHOLD - 0.15 + sum(_WEIGHTS[e] for e in evidence))
        if confidence >= THRESHOLD:
            rule = "fact-" + "+".join(e for e in _WEIGHTS if e in evidence)
            out.append(Suggestion("fact", start, end, text[start:end], {}, rule, round(confidence, 2)))
    return out
