"""A person's role from the words around the name.

Before: ``Ukrainian President Volodymyr Zelensky``, ``Kremlin spokesman Dmitry
Peskov``, ``The Secretary of Ukraine's National Security Council, Oleksandr
Lytvynenko``. After: ``Maria Kolesnyk, an analyst at the association,``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefer.suggest import lexicon

if TYPE_CHECKING:
    from collections.abc import Collection

_WORD = re.compile(r"[\w.'’-]+")
_CONNECTORS = frozenset("of the for and in at".split())
_STOP = frozenset(
    "the a an in on at as but and or if when while after before since with by from to "
    "said says told according".split()
)
_APPOSITION = re.compile(
    r",[ \u00a0](?:(?:the|a|an)[ \u00a0])?([^,.;:\"“”«»\n]{2,90}?)"
    r"(?=,|\.|;|[ \u00a0](?:said|says|told|added)\b)"
)
_POSSESSIVE = re.compile(r"['’]s$")


def _known_name(word: str) -> bool:
    bare = _POSSESSIVE.sub("", word).rstrip(".,")
    return lexicon.key(bare) in lexicon.gazetteer()


def role_before(
    text: str, name_start: int, title_words: Collection[str], demonyms: Collection[str]
) -> tuple[str | None, int | None]:
    """The role phrase right before a name and where it starts, or ``(None, None)``.

    The phrase is built backwards from title words, nationality adjectives, known
    names (possessive too) and connectors, and must hold at least one title word.
    A comma just before the name is allowed when the phrase starts its sentence.
    """
    window_start = max(0, name_start - 160)
    chunk = text[window_start:name_start]
    comma = chunk.rstrip().endswith(",")
    words = list(_WORD.finditer(chunk))
    start = None
    has_title = False
    for m in reversed(words):
        between = chunk[m.end() :] if start is None else chunk[m.end() : start - window_start]
        if between.strip(" \u00a0,") or ("," in between and not (comma and start is None)):
            break
        word = m.group()
        low = _POSSESSIVE.sub("", word.lower()).rstrip(",")
        if low in title_words:
            has_title = True
        elif not (
            low in demonyms
            or low in _CONNECTORS
            or _known_name(word)
            or (word[:1].isupper() and low not in _STOP)
        ):
            break
        start = window_start + m.start()
    if start is None or not has_title:
        return None, None
    while True:
        first = _WORD.match(text, start)
        if first and first.group().lower() in _CONNECTORS:
            start = first.end()
            while start < name_start and text[start] in " \u00a0":
                start += 1
            continue
        break
    role = text[start:name_start].strip(" \u00a0,")
    if comma:
        line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start))
        if text[line_start + 1 : start].strip().lower() not in ("", "the"):
            return None, None
    return (role or None), (start if role else None)


def role_after(text: str, name_end: int) -> str | None:
    """An appositive role after a name (``, an analyst at the association,``), or None."""
    m = _APPOSITION.match(text, name_end)
    if not m:
        return None
    phrase = m.group(1).strip()
    head = [w.lower() for w in phrase.split()[:4]]
    if any(w in lexicon.title_words() for w in head) and not phrase[:1].isdigit():
        return phrase
    return None
