"""Nominative forms of Ukrainian and Russian personal names (pymorphy3, loaded lazily).

``за словами Наталії Бойко`` names the speaker in the genitive; the canonical
name an analyst wants is ``Наталія Бойко``. The analysers load on first use
(about 0.1 s each) and only for Cyrillic text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

_NAME_TAGS = ("Name", "Surn", "Patr")


class _Analyser:
    """The pymorphy3 analyser, with no parse for a word it cannot read.

    pymorphy3 asks Unicode for each letter's name and fails on letters that have none.
    """

    def __init__(self, analyser: MorphAnalyzer) -> None:
        self._analyser = analyser

    def parse(self, word: str) -> list[Any]:
        try:
            return list(self._analyser.parse(word))
        except (KeyError, ValueError):
            return []


@cache
def _analyser(lang: str) -> _Analyser:
    import pymorphy3

    return _Analyser(pymorphy3.MorphAnalyzer(lang=lang))


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


@cache
def place_nominative(name: str, lang: str) -> str | None:
    """A Cyrillic place name in the nominative when its last word parses as a place (Geox)."""
    words = name.split()
    analyser = _analyser(lang)
    parse = next((p for p in analyser.parse(words[-1]) if "Geox" in str(p.tag)), None)
    if parse is None:
        return None
    head = parse.inflect({"nomn"})
    if head is None:
        return None
    gender = "f" if "femn" in str(parse.tag) else None
    out = [nominative_word(w, lang, gender) for w in words[:-1]] + [head.word]
    return " ".join(w[:1].upper() + w[1:] for w in out)


_FEMININE_ENDINGS = (("ої", "а"), ("ій", "а"), ("ою", "а"), ("ей", "ая"), ("ой", "ая"), ("ую", "ая"))


@cache
def nominative_phrase(adjectives: tuple[str, ...], head: str, lang: str) -> list[str]:
    """Adjectives and their head noun in the nominative singular, agreeing in gender.

    ``Запорізької обласної … адміністрації`` → ``Запорізька обласна … адміністрація``.
    """
    analyser = _analyser(lang)
    nouns = [
        p for p in analyser.parse(head.lower()) if "NOUN" in str(p.tag) and "plur" not in str(p.tag)
    ] or analyser.parse(head.lower())
    first = {p.tag.case for p in analyser.parse(adjectives[0].lower())} if adjectives else set()
    noun = next(
        (p for p in nouns if p.tag.case in first and p.tag.case != "nomn"),
        next((p for p in nouns if p.tag.case != "nomn"), nouns[0]),
    )
    form = noun.inflect({"nomn"})
    out_head = form.word if form else head.lower()
    case = noun.tag.case
    gender = noun.tag.gender
    out = []
    for word in adjectives:
        low = word.lower()
        candidates = [
            p
            for p in analyser.parse(low)
            if "ADJF" in str(p.tag) and p.tag.case == case and "Supr" not in str(p.tag)
        ]
        inflected = None
        if candidates:
            inflected = candidates[0].inflect({"nomn"} | ({gender} if gender else set()))
        if inflected is not None and inflected.word[: len(low) - 3] == low[: len(low) - 3]:
            new = inflected.word
        elif gender == "femn":
            new = next((low[: -len(a)] + b for a, b in _FEMININE_ENDINGS if low.endswith(a)), low)
        else:
            new = low
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return [*out, out_head[:1].upper() + out_head[1:] if head[:1].isupper() else out_head]


@cache
def is_adjective(word: str, lang: str) -> bool:
    """Whether a Cyrillic word can be an adjective (full form)."""
    return any("ADJF" in str(p.tag) for p in _analyser(lang).parse(word.lower()))
