"""Choosing among legacy 8-bit encodings by the alphabets of the languages news is written in.

charset-normalizer ranks decodings by how messy and how coherent they look, but
for short texts it often cannot tell cp1252 from cp1250 ("Pål Jonson" read as
cp1250 is "Pĺl Jonson": both look like clean Latin text). A right decoding
spells its words in one language's alphabet; a wrong one mixes letters of
several ("ĺ" is Slovak, "ö" is not) or puts symbols inside words ("po³udniowej").
:func:`best_decoding` prefers the candidate whose letters fit one alphabet best,
then charset-normalizer's own judgement, then the more common encoding.
"""

from __future__ import annotations

import string
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from charset_normalizer import CharsetMatch, CharsetMatches

#: The letters beyond ASCII of each language written in a legacy 8-bit encoding (lower case).
ALPHABETS: dict[str, str] = {
    # cp1252, Latin-1, Latin-9
    "Swedish": "åäöé", "Norwegian": "æøåéèêóòô", "Danish": "æøåé", "Finnish": "äöåšž",
    "Icelandic": "áðéíóúýþæö", "German": "äöüß", "Dutch": "éëïèöü", "French": "àâæçéèêëîïôœùûüÿ",
    "Spanish": "áéíñóúü", "Portuguese": "áâãàçéêíóôõú", "Italian": "àèéìíòóù", "Catalan": "àçèéíïòóúü",
    # cp1250, ISO 8859-2
    "Polish": "ąćęłńóśźż", "Czech": "áčďéěíňóřšťúůýž", "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Hungarian": "áéíóöőúüű", "Croatian": "čćđšž", "Slovene": "čšž", "Romanian": "ăâîșşțţ",
    "Albanian": "çë",
    # cp1251, KOI8, ISO 8859-5, Mac Cyrillic, cp866
    "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’",
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя’",
    "Bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "Serbian": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "Macedonian": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    # cp1253, cp1254, cp1257
    "Greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
    "Turkish": "çğıöşüâî", "Lithuanian": "ąčęėįšųūž", "Latvian": "āčēģīķļņšūž", "Estonian": "äöõüšž",
}
_ASCII_LETTERS = frozenset(string.ascii_letters)
_OTHER_SCRIPTS = frozenset(
    {"Russian", "Ukrainian", "Belarusian", "Bulgarian", "Serbian", "Macedonian", "Greek"}
)
#: (letters, written in Latin script) per language.
_BY_NAME = {name: (frozenset(letters), name not in _OTHER_SCRIPTS) for name, letters in ALPHABETS.items()}
_LETTERS = tuple(_BY_NAME.values())
#: Punctuation that sits inside words in every language (apostrophes, hyphens, dashes, quotes).
_IN_WORDS = frozenset("’‘ʼ‐‑–—“”„«»…·")
#: Characters of each candidate that are weighed (enough for any language to show).
_SAMPLE = 65536
#: Encodings in the order they are met on the web, for a tie nothing else breaks.
_PREVALENCE = ("cp1252", "cp1251", "cp1250", "iso8859_15", "iso8859_1", "koi8_r", "koi8_u")


def alphabet_fit(text: str, languages: Iterable[str] | None = None) -> float:
    """The share of the text's non-ASCII word characters that one language's alphabet holds.

    ``languages`` limits the alphabets tried to those named (none known: 0.0).

    A word character is a letter, or a symbol touching one (a symbol inside a
    word is a decoding error; apostrophes, dashes and quotes are not). In a
    language of another script than Latin, a letter touching a Latin one does
    not fit (``youТve`` is English read as cp866). 1.0 when there are none.
    """
    alphabets = _LETTERS if languages is None else [_BY_NAME[n] for n in languages if n in _BY_NAME]
    counted: Counter[tuple[str, bool]] = Counter()
    for i, ch in enumerate(text):
        if ord(ch) < 128 or ch in _IN_WORDS:
            continue
        before, after = text[i - 1] if i else " ", text[i + 1] if i + 1 < len(text) else " "
        if ch.isalpha() or before.isalpha() or after.isalpha():
            counted[ch.lower(), before in _ASCII_LETTERS or after in _ASCII_LETTERS] += 1
    total = sum(counted.values())
    if not total:
        return 1.0
    best = max((sum(n for (ch, by_latin), n in counted.items() if ch in letters and (latin or not by_latin))
                for letters, latin in alphabets), default=0)
    return best / total


def best_decoding(matches: CharsetMatches) -> tuple[str, str] | None:
    """``(text, encoding)`` of the candidate that fits one alphabet best; None without candidates.

    Only candidates about as clean as the cleanest compete (charset-normalizer's
    mess ratio within 0.1). Compared, to two decimals: the fit (of the first 64 K
    characters) to any alphabet, then to the alphabets of the languages
    charset-normalizer hears most in that decoding (its first three; Italian read as cp1250 spells
    "venerdě", which fits Czech, but the words are Italian); then the mess ratio,
    the coherence, and how common the encoding is.
    """
    candidates = list(matches)
    if not candidates:
        return None
    cleanest = min(m.chaos for m in candidates)

    def rank(m: CharsetMatch) -> tuple[float, float, float, float, int]:
        common = _PREVALENCE.index(m.encoding) if m.encoding in _PREVALENCE else len(_PREVALENCE)
        sample = str(m)[:_SAMPLE]
        return (round(alphabet_fit(sample), 2), round(alphabet_fit(sample, m.languages[:3]), 2),
                -round(m.chaos, 2), round(m.coherence, 2), -common)

    best = max((m for m in candidates if m.chaos <= cleanest + 0.1), key=rank)
    return str(best), best.encoding
