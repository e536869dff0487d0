"""Gazetteer names in running text.

The longest listed name at a position, and how to name what it matched.
"""

from __future__ import annotations

import re

from briefer.suggest import lexicon

_WINDOW_WORD = re.compile(r"[\w'’.-]+")


def gazetteer_at(text: str, start: int, limit: int) -> tuple[int, lexicon.Entry, str] | None:
    """The longest gazetteer name starting at ``start``: (end, entry, matched alias)."""
    table = lexicon.gazetteer()
    first = _WINDOW_WORD.match(text, start)
    if first is None:
        return None
    word = first.group()
    lengths = lexicon.name_lengths()
    forms = (word, word.rstrip("."), word.rstrip(".").removesuffix("'s").removesuffix("’s"))
    limit = min(limit, max(lengths.get(lexicon.stem(w), 0) for w in forms))
    if not limit:
        return None
    words: list[tuple[int, int]] = []
    for m in _WINDOW_WORD.finditer(text, start, min(len(text), start + 90)):
        if m.start() != start and text[words[-1][1] if words else start : m.start()].strip(" \u00a0"):
            break
        word_end = m.end()
        while (
            word_end > m.start() + 1
            and text[word_end - 1] == "."
            and "." not in text[m.start() : word_end - 1]
        ):
            word_end -= 1
        possessive = text[word_end - 2 : word_end] in ("'s", "’s")
        words.append((m.start(), word_end - 2 if possessive else word_end))
        if possessive or len(words) >= limit:
            break
    for n in range(len(words), 0, -1):
        end = words[n - 1][1]
        phrase = text[start:end]
        for candidate in (phrase, phrase.rstrip(".")):
            entry = table.get(lexicon.key(candidate))
            if entry and candidate:
                return start + len(candidate), entry, candidate
    return None


def canonical_of(entry: lexicon.Entry, lang: str = "en") -> str:
    """English canonical names for Latin mentions; for Cyrillic ones the name in the article's language.

    ``Львові`` in Ukrainian text is Львів, ``Львове`` in Russian Львов.
    """
    if re.search("[а-яёіїєґ]", entry.alias, re.IGNORECASE):
        return entry.name_in(lang)
    return entry.canonical
