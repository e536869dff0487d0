"""Actors named by their surroundings rather than by a list.

Datelines (``IZMAIL, Ukraine —``), place prepositions (``near Pokrovsk``,
``в Рязани``), an ordinal before a unit (``the 24th Mechanized Brigade``), a
country's possessive before an organisation (``Finland's Foreign Ministry`` is
the Finnish one) and organisation names in quotation marks after the kind of
body they are (``компания «Твердые цифры»``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefer.suggest import lexicon
from briefer.suggest.morph import is_adjective, nominative_phrase, place_nominative

_DATELINE_END = re.compile(r"(?:,[ \u00a0]|[ \u00a0]\(|[ \u00a0][—–-][ \u00a0])")
_ORDINAL = re.compile(r"\b\d{1,3}(?:st|nd|rd|th|-?[а-яіїє]{1,3})[ \u00a0]+$")
_POSSESSIVE_BEFORE = re.compile(r"([A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?)['’]s[ \u00a0]+$")
_QUOTED_NAME = re.compile(r"[«„\"“](?P<name>[A-ZА-ЯЁІЇЄҐ][^«»„“”\"\n]{1,50})[»“”\"]")
_ADJ = r"[а-яёіїєґ'’-]+"  # adjectives are checked by the morphology


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The context rules' patterns, built once from the word lists of ``context.yaml``."""

    place_prep: re.Pattern[str]
    body_before: re.Pattern[str]
    not_tail: frozenset[str]
    organisation: re.Pattern[str]
    head_scan: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    w = lexicon.context_words()
    heads = "|".join(w["organisation_heads"])
    tail_preps = "|".join(w["tail_prepositions"])
    tail_endings = "|".join(w["tail_endings"])
    return _Patterns(
        place_prep=re.compile(
            r"(?:\b(?:in|near|outside|from|to|towards|around|across|into)"
            rf"|(?<![\w])(?:{'|'.join(w['place_prepositions'])}))"
            r"[ \u00a0]+(?:the[ \u00a0]+)?$",
            re.IGNORECASE,
        ),
        body_before=re.compile(rf"(?<![\w])(?:{'|'.join(w['body_words'])})[ \u00a0]+$", re.IGNORECASE),
        not_tail=frozenset(w["not_tail"]),
        organisation=re.compile(
            rf"(?<![\w'’-])(?:(?P<adj>[А-ЯЁІЇЄҐ]{_ADJ})(?P<mid>(?:[ \u00a0]{_ADJ}){{0,3}})[ \u00a0]"
            rf"(?P<head>(?:{heads})[а-яёіїєґ]*)|(?P<head2>(?=(?i:{heads}))[А-ЯЁІЇЄҐ][а-яёіїєґ]+))"
            rf"(?P<tail>(?:[ \u00a0](?:{tail_preps})?[ \u00a0]?"
            rf"(?:[А-ЯЁІЇЄҐ][\w'’-]+|[а-яёіїєґ'’-]+(?:{tail_endings})\b))"
            rf"{{0,3}})",
        ),
        head_scan=re.compile(rf"(?<![\w'’-])(?i:{heads})"),
    )


@cache
def apposition_to(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """``the group, `` / ``the company that runs X, ``: one of ``nouns``, then the name in apposition."""
    return re.compile(
        rf"\bthe[ \u00a0]+(?:[\w'’-]+[ \u00a0]+)?(?:{lexicon.alternation(list(nouns))})"
        r"(?:[ \u00a0]+(?:that|which)[^,.;:\n]{1,60})?,[ \u00a0]+",
        re.IGNORECASE,
    )


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a capitalised dateline place opening a paragraph."""
    if start and text[start - 1] != "\n":
        return False
    written = text[start:end]
    return written.upper() == written and bool(_DATELINE_END.match(text, end))


def after_place_preposition(text: str, start: int) -> bool:
    """Whether a place preposition (``near``, ``в``, ``під``) stands right before ``start``.

    ``according to`` is none.
    """
    m = _patterns().place_prep.search(text, max(0, start - 14), start)
    return m is not None and not re.search(r"according[ \u00a0]+$", text[max(0, m.start() - 12) : m.start()])


def cyrillic_place(words: list[str], lang: str) -> str | None:
    """The nominative of a Cyrillic place name the morphology knows as a place, else None."""
    if lang not in ("uk", "ru") or not words or not re.match("[А-ЯЁІЇЄҐ]", words[-1]):
        return None
    return place_nominative(" ".join(words), lang)


def ordinal_start(text: str, start: int) -> int:
    """Where an ordinal before ``start`` begins (``24th Mechanized Brigade``), else ``start``."""
    m = _ORDINAL.search(text, max(0, start - 10), start)
    return m.start() if m else start


def possessive_demonym(text: str, start: int) -> str | None:
    """The adjective of a country named in the possessive right before ``start`` (``Finland's``)."""
    m = _POSSESSIVE_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return None
    entry = lexicon.gazetteer().get(lexicon.key(m.group(1)))
    if entry is None or entry.kind != "location":
        return None
    return lexicon.demonym_of().get(entry.canonical)


def quoted_bodies(text: str) -> list[tuple[int, int, str]]:
    """Organisation names in quotation marks after the kind of body they are: (start, end, name)."""
    return [
        (m.start("name"), m.end("name"), m.group("name").strip())
        for m in _QUOTED_NAME.finditer(text)
        if _patterns().body_before.search(text, max(0, m.start() - 30), m.start())
    ]


def _organisation_matches(text: str) -> list[re.Match[str]]:
    """Matches of the organisation phrase, looked for only around head nouns (fast)."""
    organisation = _patterns().organisation
    found: list[re.Match[str]] = []
    done = 0
    for h in _patterns().head_scan.finditer(text):
        if h.start() < done:
            continue
        pos = max(done, text.rfind("\n", 0, h.start()) + 1, h.start() - 120)
        while (m := organisation.search(text, pos, min(len(text), h.end() + 160))) and m.end() <= h.start():
            pos = m.end()
        if m and m.start() <= h.start():
            found.append(m)
            done = m.end()
    return found


def cyrillic_organisations(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Ukrainian and Russian organisation names capitalised on their first word only.

    ``Запорізької обласної військової адміністрації`` → (start, end, nominative name).
    """
    if lang not in ("uk", "ru"):
        return []
    out = []
    names = lexicon.first_names()
    not_tail = _patterns().not_tail
    for m in _organisation_matches(text):
        head = m.group("head") or m.group("head2")
        tail = m.group("tail").split()
        for i, word in enumerate(tail):
            if (word[:1].isupper() and lexicon.stem(word) in names) or word.lower() in not_tail:
                tail = tail[:i]  # a person's name after the organisation's
                break
        if m.group("head2") and not tail:
            continue  # a lone capitalised "Банк" or "Рада" is not a name
        first = [m.group("adj"), *m.group("mid").split()] if m.group("adj") else []
        if not all(is_adjective(w, lang) for w in first):
            continue
        end = m.start() + len(" ".join([*first, head, *tail]))
        if text[m.start() : end] != " ".join([*first, head, *tail]):
            end = m.end()
        name = " ".join([*nominative_phrase(tuple(first), head, lang), *tail])
        out.append((m.start(), end, name[:1].upper() + name[1:]))
    return out


# Verbs that take the hearer, not the speaker, right after them ("told Reuters").
_OBJECT_VERBS = frozenset(
    "told tells tell called calls described describes dubbed labelled labeled termed urged "
    "threatened assured demanded asked".split()
)


_ADVERBS = "|".join(
    "later also then again once previously recently earlier first just only still never often has had have"
    .split()
)


@cache
def _speech(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = lexicon.words(lang).get("speech_verbs", [])
    after = lexicon.alternation(verbs)
    before = lexicon.alternation([v for v in verbs if v not in _OBJECT_VERBS])
    return (
        re.compile(
            rf",?(?:[ \u00a0]+(?:\w+ly|{_ADVERBS}))?[ \u00a0]+(?:{after})\b"
            rf"|,[^,.\n\"“”]{{2,80}},[ \u00a0]+(?:{after})\b",
            re.IGNORECASE,
        ),
        re.compile(rf"(?:^|[\s,\"”’»])(?:{before})[ \u00a0]+$", re.IGNORECASE),
    )


def speaks(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the name at ``[start, end)`` is the subject of a reporting verb.

    ``Noem tweeted``, ``Perry, the energy secretary, said``, ``…," said Avi Bell``.
    """
    after, before = _speech(lang)
    if after.match(text, end):
        return True
    # "…," said Avi Bell. / said Avi Bell, a professor — not "said Tyvak would" (a clause follows)
    return bool(before.search(text, max(0, start - 20), start)) and _CLAUSE_END.match(text, end) is not None


_CLAUSE_END = re.compile(r"\s*(?:$|[.,;:!?\n)–—]|(?:of|from|at|with|for|in)\b)")
