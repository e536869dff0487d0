"""Russian people, organisations and places from natasha's news NER model.

On real Russian news the rule-based finder reaches an F1 of 64 (factRuEval-2016
development set) where natasha's slovnet tagger reaches 91; its weights ship inside
the ``natasha`` wheel (MIT), so nothing is downloaded at run time. The model loads
once per process (about 0.6 s) and tags about 100,000 characters a second.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

KINDS = {"PER": "person", "ORG": "organisation", "LOC": "location"}
_LOCK = threading.Lock()


class Span(NamedTuple):
    """One named entity: kind (a taxonomy kind), code-point offsets."""

    kind: str
    start: int
    end: int


@cache
def _tagger() -> Callable[[str], list[Span]]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def tag(text: str) -> list[Span]:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return [Span(KINDS[s.type], s.start, s.stop) for s in doc.spans if s.type in KINDS]

    return tag


def entities(text: str) -> list[Span]:
    """The named entities of a Russian text, in text order (thread-safe)."""
    with _LOCK:
        return _tagger()(text)
