"""Nominative forms of Ukrainian and Russian personal names (pymorphy3, loaded lazily).

``за словами Наталії Бойко`` names the speaker in the genitive; the canonical
name an analyst wants is ``Наталія Бойко``. The analysers load on first use
(about 0.1 s each) and only for Cyrillic text.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_NAME_TAGS = ("Name", "Surn", "Patr")


@cache
def _analyser(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@cache
def nominative_word(word: str, lang: str, gender: str | None = None) -> str:
    """``word`` in the nominative when it parses as a name in an oblique case."""
    parses = _analyser(lang).parse(word)
    if gender:
        parses = [p for p in parses if ("femn" if gender == "f" else "masc") in p.tag] or parses
    if any("nomn" in p.tag for p in parses):
        return word
    for parse in [p for p in parses if any(t in p.tag for t in _NAME_TAGS)] or parses:
        form = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
        if form is not None:
            word_form: str = form.word
            return word_form[:1].upper() + word_form[1:] if word[:1].isupper() else word_form
    return word


def nominative(name: str, lang: str) -> str:
    """A multi-word Cyrillic name in the nominative, word by word; others unchanged."""
    if lang not in ("uk", "ru") or not name:
        return name
    words = name.split()
    gender = None
    for parse in _analyser(lang).parse(words[0]):
        if "Name" in parse.tag:
            gender = "f" if "femn" in parse.tag else "m"
            break
    return " ".join(nominative_word(w, lang, gender) for w in words)
