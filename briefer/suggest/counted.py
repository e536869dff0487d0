"""What a number counts: the noun after it, found past adjectives and modifiers.

``three severe flood warnings`` counts warnings, ``два шкільні автобуси`` counts
автобуси; an English count above one runs on to its plural head.
"""

from __future__ import annotations

import re

STOP_NOUNS = frozenset(
    "of the a an and or but to in on at by for from with as than that which who whom whose "
    "were was are is be been being have has had will would could should may might can do did "
    "not no so more most less least over under about around after before since until per each "
    "today yesterday tomorrow now then ago last next here there ago alone across into onto through "
    "throughout within along near inside outside toward towards against among between beyond during "
    "via without since while when where if because "
    "this these those it its their his her our they he she we you i also only just still "
    "і й та в у на з із до за по від що як не а але ще вже це би ж и с со к о об от для при "
    "был была были было будет є був була були буде".split()
)
_VERB_ENDINGS = ("ть", "ться", "тися", "ла", "ли", "ло", "лася", "лись", "лося")
_WORDS = re.compile(r"[\w'’-]+|[^\w\s]")
_ADJ_ENDINGS = (
    "ed",
    "ing",
    "al",
    "ary",
    "ive",
    "ic",
    "ian",
    "ish",
    "ese",
    "ful",
    "less",
    "ous",
    "ern",
    "ий",
    "ій",
    "ый",
    "ой",
    "ая",
    "яя",
    "ое",
    "ее",
    "ые",
    "ие",
    "і",
    "их",
    "іх",
    "ых",
    "ої",
    "ної",
)
_ADJECTIVES = frozenset(
    "port air fighter apartment new more military civilian foreign armed local senior "
    "young old small large big major heavy light nuclear additional other".split()
)
_IRREGULAR_PLURALS = frozenset(
    "people children men women police personnel staff troops cattle aircraft crew".split()
)


def noun_after(text: str, pos: int) -> tuple[int, str] | None:
    """The counted noun after a number (its end, lower case), past adjectives and names; or None."""
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
        if low in ("more", "other", "більше", "больше") and gap == pos:
            gap = w.end()
            continue
        if low in STOP_NOUNS or (low.endswith(_VERB_ENDINGS) and not word[0].isupper()):
            return None
        gap = w.end()
        if (
            word[0].isupper()
            or (low in _ADJECTIVES or low.endswith(_ADJ_ENDINGS))
            and _next_is_word(text, gap)
        ):
            continue
        if low.endswith(("ed", "ing", "'s", "’s")):
            return None
        return w.end(), low
    return None


def plural(word: str) -> bool:
    """Whether an English word looks plural (warnings, jets, people)."""
    return word in _IRREGULAR_PLURALS or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
    )


def plural_after(text: str, pos: int) -> tuple[int, str] | None:
    """The plural head a noun phrase ends on within three more words ("severe flood warnings")."""
    gap = pos
    for w in list(_WORDS.finditer(text, pos, min(len(text), pos + 50)))[:3]:
        word = w.group()
        low = word.lower()
        if text[gap : w.start()].strip(" \u00a0") or not word[0].isalpha() or low in STOP_NOUNS:
            return None
        gap = w.end()
        if plural(low):
            return w.end(), low
    return None


def _next_is_word(text: str, pos: int) -> bool:
    m = re.match(r"[ \u00a0]+([\w'’-]+)", text[pos : pos + 40])
    return m is not None and m.group(1).lower() not in STOP_NOUNS
