"""What a number counts: the noun after it, found past adjectives and modifiers.

``three severe flood warnings`` counts warnings, ``два шкільні автобуси`` counts
автобуси; an English count above one runs on to its plural head. The words that
end the search or stand for adjectives are data (``quantities.yaml``).
"""

from __future__ import annotations

import re

from briefer.suggest import wordlists

_WORDS = re.compile(r"(?:[A-Z]\.){2,}|[\w'’-]+|[^\w\s]")  # U.S. is one word


def _stop(word: str, lang: str) -> bool:
    return word in wordlists.words(lang, "stop_nouns")


def noun_after(text: str, pos: int, lang: str) -> tuple[int, str] | None:
    """The counted noun after a number (its end, lower case), past adjectives and names; or None."""
    adjectives = wordlists.words(lang, "adjectives")
    adjective_endings = tuple(wordlists.words(lang, "adjective_endings"))
    verb_endings = tuple(wordlists.words(lang, "verb_endings"))
    gap = pos
    for w in list(_WORDS.finditer(text, pos, min(len(text), pos + 80)))[:4]:
        word = w.group()
        if text[gap : w.start()].strip(" \u00a0"):
            return None
        if not word[0].isalpha():
            if word.isdigit() and gap != pos and text[pos:gap].strip()[:1].isupper():
                gap = w.end()
                continue  # a model number inside the phrase: "six Mirage 2000 fighter jets"
            return None
        low = word.lower()
        if low in wordlists.words(lang, "skip_before_noun") and gap == pos:
            gap = w.end()
            continue
        if _stop(low, lang) or (verb_endings and low.endswith(verb_endings) and not word[0].isupper()):
            return None
        gap = w.end()
        if word[0].isupper() or (
            (low in adjectives or (adjective_endings and low.endswith(adjective_endings)))
            and _next_is_word(text, gap, lang)
        ):
            continue
        if low.endswith(("ed", "ing", "'s", "’s")):
            return None
        return w.end(), low
    return None


def plural(word: str, lang: str = "en") -> bool:
    """Whether an English word looks plural (warnings, jets, people)."""
    return word in wordlists.words(lang, "irregular_plurals") or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
    )


def plural_after(text: str, pos: int, lang: str = "en") -> tuple[int, str] | None:
    """The plural head a noun phrase ends on within three more words ("severe flood warnings")."""
    gap = pos
    for w in list(_WORDS.finditer(text, pos, min(len(text), pos + 50)))[:3]:
        word = w.group()
        low = word.lower()
        if text[gap : w.start()].strip(" \u00a0") or not word[0].isalpha() or _stop(low, lang):
            return None
        gap = w.end()
        if plural(low, lang):
            return w.end(), low
    return None


def _next_is_word(text: str, pos: int, lang: str) -> bool:
    m = re.match(r"[ \u00a0]+([\w'’-]+)", text[pos : pos + 40])
    return m is not None and not _stop(m.group(1).lower(), lang)
