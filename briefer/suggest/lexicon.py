"""Gazetteers and word lists from ``resources/gazetteer``, loaded once and cached.

Lookups are case-insensitive. Cyrillic names also match inflected forms through
:func:`stem` (``України`` and ``Україною`` both give ``україн``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import yaml

from briefer.paths import resource

if TYPE_CHECKING:
    from collections.abc import Iterable

_CYRILLIC_RE = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


@cache
def _stem_rules() -> tuple[tuple[str, ...], frozenset[str]]:
    """The stemmer's case endings (in the order tried) and final letters, from ``language.yaml``."""
    data = _language_file()
    return tuple(data["case_endings"]), frozenset(data["final_letters"])


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude case-insensitive stem: Cyrillic case endings and final vowels removed.

    Latin words are only lower-cased. Short words keep at least three letters.
    """
    low = word.lower().replace("’", "'")
    if not _CYRILLIC_RE.search(low):
        return low
    endings, final_letters = _stem_rules()
    for ending in endings:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            low = low[: -len(ending)]
            break
    for _ in range(2):
        if len(low) > 3 and low[-1] in final_letters:
            low = low[:-1]
    return low


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The lookup key of a (multi-word) name: each word stemmed, single spaces."""
    return " ".join(stem(w) for w in name.replace("’", "'").split())


def _lines(name: str) -> list[str]:
    text = resource(f"gazetteer/{name}").read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer entity: its kind, canonical name, the listed name matched and its Cyrillic names.

    For an inflected form, the listed name matched is the name in the nominative.
    """

    kind: str
    canonical: str
    alias: str = ""
    cyrillic: tuple[str, ...] = ()

    def name_in(self, lang: str) -> str:
        """The matched Cyrillic name, or the entity's name in the article's spelling.

        The second when the match came through the other language's form (``Львові`` →
        Львів, not Львов).
        """
        other = _UK_LETTERS if lang == "ru" else _RU_LETTERS
        if not other.search(self.alias):
            return self.alias
        return next((n for n in self.cyrillic if not other.search(n)), self.alias)


_UK_LETTERS = re.compile("[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile("[ыэъёЫЭЪЁ]")


def _alternation_keys(name: str) -> list[str]:
    """Extra keys for a Ukrainian name whose і/ї turns to о/є in other cases (Харків → Харкові)."""
    words = name.split()
    last = words[-1]
    if _CYRILLIC_RE.search(last) and last[-2:] in ("ів", "їв"):
        changed = last[:-2] + ("ов" if last[-2] == "і" else "єв")
        return [key(" ".join([*words[:-1], changed]))]
    return []


@cache
def gazetteer() -> dict[str, Entry]:
    """Name key → entity, for countries, places and organisations with their aliases."""
    table: dict[str, Entry] = {}
    for file, kind in (
        ("organisations.txt", "organisation"),
        ("countries.txt", "location"),
        ("places.txt", "location"),
    ):
        for line in _lines(file):
            names = [n.strip() for n in line.split("|") if n.strip()]
            cyrillic = tuple(n for n in names if _CYRILLIC_RE.search(n) and not n.isupper() and n[0] != "~")
            nominative = None
            for name in names:
                if name.startswith("~"):  # an inflected form of the name before it
                    table.setdefault(key(name[1:]), Entry(kind, names[0], nominative or name[1:], cyrillic))
                    continue
                if _CYRILLIC_RE.search(name) and not name.isupper():
                    nominative = name
                entry = Entry(kind, names[0], name, cyrillic)
                for k in [key(name), *_alternation_keys(name)]:
                    table.setdefault(k, entry)
    return table


@cache
def longest_name() -> int:
    """How many words the longest gazetteer name has."""
    return max(len(k.split()) for k in gazetteer())


@cache
def name_lengths() -> dict[str, int]:
    """First word's key → how many words the longest gazetteer name starting with it has."""
    table: dict[str, int] = {}
    for k in gazetteer():
        words = k.split()
        table[words[0]] = max(table.get(words[0], 0), len(words))
    return table


@cache
def first_names() -> dict[str, str]:
    """Given name (lower case) → ``m`` or ``f``."""
    table = {}
    for line in _lines("first-names.txt"):
        name, _, gender = line.rpartition(" ")
        table[name.lower()] = gender
        table.setdefault(stem(name), gender)
    return table


@cache
def titles() -> frozenset[str]:
    """Lower-case title phrases that stand before a name (president, maj. gen.…)."""
    return frozenset(_lines("titles.txt"))


@cache
def title_words() -> frozenset[str]:
    """Single lower-case words of the titles, without connectors (of, the…)."""
    return frozenset(w for t in titles() for w in t.split() if w not in ("of", "the", "in", "for"))


@cache
def demonyms() -> frozenset[str]:
    """Lower-case nationality adjectives (ukrainian, north korean…)."""
    return frozenset(line.split("|")[0].strip().lower() for line in _lines("demonyms.txt"))


@cache
def demonym_of() -> dict[str, str]:
    """Canonical country name → its adjective (``Finland`` → ``Finnish``)."""
    table: dict[str, str] = {}
    for line in _lines("demonyms.txt"):
        adjective, _, country = (part.strip() for part in line.partition("|"))
        if country:
            table.setdefault(country, adjective)
    return table


@cache
def org_words() -> frozenset[str]:
    """Lower-case words that make a capitalised phrase an organisation."""
    return frozenset(line.lower() for line in _lines("org-words.txt"))


@cache
def _language_file() -> dict[str, Any]:
    data = yaml.safe_load(resource("gazetteer/language.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def words(lang: str) -> dict[str, Any]:
    """The word lists of one language (en, uk, ru); English for any other.

    Ukrainian and Russian each get the other's words too: short texts are hard to
    tell apart, and a Ukrainian article may quote Russian.
    """
    data = _language_file()
    if lang not in ("uk", "ru"):
        return dict(data["en"])
    own, other = data[lang], data["ru" if lang == "uk" else "uk"]
    merged: dict[str, Any] = {}
    for name in own.keys() | other.keys():
        mine, theirs = own.get(name), other.get(name)
        if isinstance(mine, dict) or isinstance(theirs, dict):
            merged[name] = {**(theirs or {}), **(mine or {})}
        else:
            merged[name] = list(mine or []) + [w for w in theirs or [] if w not in (mine or [])]
    return merged


@cache
def _yaml(name: str) -> dict[str, Any]:
    data = yaml.safe_load(resource(f"gazetteer/{name}").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def context_words() -> dict[str, list[str]]:
    """The Ukrainian and Russian words of the context rules (``context.yaml``), by list."""
    return {str(name): [str(w) for w in words] for name, words in _yaml("context.yaml").items()}


def date_words() -> dict[str, Any]:
    """The Ukrainian and Russian words of the date rules (``dates.yaml``), by list."""
    return _yaml("dates.yaml")


def shared(section: str) -> dict[str, Any]:
    """A language-independent section of ``language.yaml`` (currencies, units)."""
    value = _language_file()[section]
    assert isinstance(value, dict)
    return value


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace.

    A look-ahead for the phrases' first letters (either case) comes first, so the
    regex engine skips most positions without trying each phrase.
    """
    items = sorted({str(p) for p in phrases}, key=len, reverse=True)
    firsts = "".join(sorted({c for p in items if p for c in (p[0].lower(), p[0].upper())}))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)
    return f"(?=[{re.escape(firsts)}])(?:{body})" if items else body
