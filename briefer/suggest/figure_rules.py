"""The rules a number passes through to become a figure, as one table a reader can scan.

Each rule takes the text, the language's patterns and a candidate figure (a number
match with its span, value and unit so far). A rule returns False to drop the
candidate (it is no figure), or True to keep it, possibly widened (a unit, a
counted noun, a qualifier) or narrowed. ``RULES`` runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefer.suggest import lexicon, wordlists
from briefer.suggest.counted import noun_after, plural, plural_after
from briefer.suggest.figure_lang import FigureLang
from briefer.suggest.numbers import digits_value, words_value

if TYPE_CHECKING:
    from briefer.model import AttrValue

_YEAR = re.compile(r"(?:19|20)\d\d")
_UNIT_GLUED = re.compile(r"(?:mm|km|kg|m\b|bn|k\b|%)")
_SCORE = re.compile(r"\(?\d{1,3}\)?(?:[-–]\d{1,3})?")
_WORD_BEFORE = re.compile(r"([\w.]+)[ \u00a0]$")
# "two of the bombs", "seven of LeBron's assists", "four of five": the figure is the first number
_PARTITIVE = re.compile(
    r" of (?:the|its|their|his|her|our|[A-Z][\w.]*['’]s|(?P<bare>them|those|us|whom|\d+|[a-z]+)\b)"
)


@dataclass(slots=True)
class Candidate:
    """A number on its way to becoming a figure."""

    m: re.Match[str]
    start: int
    end: int
    value: float = 0.0
    upper: float | None = None
    unit: str | None = None
    attributes: dict[str, AttrValue] = field(default_factory=dict)
    #: where the figure's words end when the span stops short of them (a price's rate)
    reach: int = 0

    @property
    def words_only(self) -> bool:
        """Whether the number is written in words (``three``), not digits."""
        return bool(self.m.group("w")) and not self.m.group("d")


Rule = Callable[[str, FigureLang, Candidate], bool]


def _value(m: re.Match[str], cfg: FigureLang, suffix: str) -> float | None:
    written_mult = m.group(f"m{suffix}")
    mult = cfg.multipliers.get((written_mult or "").lower().rstrip("."), 1.0)
    if written_mult and mult == 1.0:
        mult = cfg.multipliers.get(written_mult.lower(), 1.0)
    half = 0.5 if not suffix and m.group("half") else 0.0  # "six and a half", "шести с половиной"
    if m.group(f"d{suffix}"):
        scaled = bool(written_mult) or (not suffix and bool(m.group("pct")))
        after = m.string[m.end(f"d{suffix}") : m.end(f"d{suffix}") + 1]
        return (digits_value(m.group(f"d{suffix}"), cfg.lang, scaled=scaled or after == "%") + half) * mult
    written = m.group(f"w{suffix}")
    value = words_value(written, cfg.lang) if written else None
    return None if value is None else (value + half) * mult


def value(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """The number's value (multipliers and "and a half" applied); none: no figure."""
    found = _value(f.m, cfg, "")
    if found is None:
        return False
    f.value = found
    return True


def not_in_a_code(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """Not part of an identifier, an ordinal or decade, a year, or a clock time written as a code.

    ``F-16``, ``Su-34``; ``24th``, ``1990s``, ``10am``; ``0100 GMT``; ``3:08 to play``.
    """
    before = text[max(0, f.start - 2) : f.start]
    if before.endswith("-") and before[:1].isalpha():
        return False
    m = f.m
    if m.group("d") and not m.group("cur"):
        if re.match(r"\d:", before) or re.match(r":\d", text[m.end("d") : m.end("d") + 2]):
            return False  # a clock, a game clock or a ratio
        nxt = text[m.end() : m.end() + 2]
        if nxt[:1].isalpha() and not _UNIT_GLUED.match(text, m.end()):
            return False
        if _YEAR.fullmatch(m.group("d")) and not m.group("m"):
            return False
    code = wordlists.phrase_pattern(cfg.lang, "not_a_figure_after").match(text, f.end + 1)
    return not (code and text[f.end : f.end + 1] == " ")


def not_in_an_idiom(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """Not a number word in a set phrase (``one another``, ``на все сто``) or a name (``the Six-Day War``)."""
    window = wordlists.phrase_pattern(cfg.lang, "idioms")
    for idiom in window.finditer(text, max(0, f.start - 30), min(len(text), f.end + 30)):
        if idiom.start() <= f.start < idiom.end():
            return False
    named = f.words_only and f.m.group("w")[:1].isupper() and re.match(r"-[A-Z]", text[f.end : f.end + 2])
    return not named


def not_a_score(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """Not a score (``6-4, 7-6 (5)``, ``a 2-1 win``, ``109-98``).

    A score is a pair of bare numbers falling or among other pairs, or a tie-break
    in brackets after one.
    """
    m = f.m
    if not m.group("d") or m.group("cur") or m.group("m"):
        return True
    if text[f.start - 1 : f.start] == "(" and text[m.end("d") : m.end("d") + 1] == ")":
        return not re.search(r"\d[-–]\d+[ \u00a0]?$", text[max(0, f.start - 12) : f.start - 1])
    paired = re.match(r"[-–](\d{1,3})(?![\d%]|[.,]\d)", text[m.end("d") : m.end("d") + 6])
    unit = cfg.after.match(text, m.end())
    if not paired or (unit is not None and unit.group("unit")):
        return True
    first, second = float(m.group("d").replace(",", "")), float(paired.group(1))
    around = text[max(0, f.start - 10) : f.start] + text[m.end("d") : m.end("d") + 14]
    listed = len(re.findall(r"\d[-–]\d", around)) > 1 or "(" in around
    return not (first >= second or listed)


def one_counts_a_noun(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """``one`` counts only where it is a number, not a pronoun or determiner.

    ``only one of the matches``, ``one child``; not ``one official said``, ``any one person``.
    """
    if not f.words_only or f.value != 1 or f.m.group("m"):
        return True
    lang = cfg.lang
    before = text[max(0, f.start - 20) : f.start].lower().split()
    last_two = " ".join(before[-2:])
    if before and (before[-1] in wordlists.words(lang, "one_pronoun_after")):
        return False
    if before and (
        before[-1] in wordlists.words(lang, "one_counted_after")
        or last_two in wordlists.words(lang, "one_counted_after")
    ):
        return True
    nxt = re.match(r"[ \u00a0]+(\w+)", text[f.end : f.end + 20])
    one_nouns = {lexicon.stem(n) for n in wordlists.words(lang, "one_nouns")}
    return nxt is not None and lexicon.stem(nxt.group(1).lower().rstrip("s")) in one_nouns


def range_upper(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """A range's upper bound (``5 to 7``, ``97%–98%``, ``1.5-2 billion``).

    A falling pair (``from $47 billion to $8 billion``) is two figures: the first ends
    before the joiner.
    """
    m = f.m
    if not (m.group("d2") or m.group("w2")):
        return True
    second = (m.group("w2") or "").lower()
    if second in cfg.multipliers and not m.group("m"):  # "13.8-billion-year": a multiplier, no range
        f.value *= cfg.multipliers[second]
        f.end = m.end("w2")
        return True
    upper = _value(m, cfg, "2")
    if m.group("pct") and text[m.end("d2") : m.end("d2") + 1] != "%":
        upper = None  # "fell 3.4% to 38.60 euros": a change and a level, not a range
    lower = f.value
    if m.group("m2") and not m.group("m"):
        lower *= cfg.multipliers.get(m.group("m2").lower().rstrip("."), 1.0)
    if upper is None or upper <= lower:
        f.end = max(m.end(g) for g in ("d", "w", "m", "pct") if m.group(g))
        return True
    f.value, f.upper = lower, upper
    return True


def currency_and_unit(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """A currency symbol (``$``, ``₴``) or a unit right after the number (``km``, ``%``)."""
    currency = f.m.group("cur") or f.m.group("cur2")
    f.unit = cfg.symbols.get(currency) if currency else None
    if f.m.group("pct") and f.upper is not None:
        f.unit = "%"
    u = cfg.after.match(text, f.end)
    if u and u.group("unit"):
        f.unit = f.unit or cfg.units[" ".join(u.group("unit").lower().split())]
        f.end = u.end()
    return True


def compound_or_rate(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """Rates and compounds after a number.

    ``$5 a day``, ``60 km per hour``, ``$60-a-barrel`` (a rate; for money the span stays on
    the amount); ``45-year-old`` (a compound,
    its noun the unit); a compound naming a thing (``3-pointer``) is no figure.
    """
    tail = cfg.tail.match(text, f.end)
    if not tail or not tail.group():
        return True
    per = tail.group("per") or tail.group("any") or tail.group("per2")
    if tail.group("per") and f.unit is None:
        return True  # "twice a year": a count, not a rate
    if per:
        money = f.unit in cfg.symbols.values()
        f.unit = f"{f.unit or ''} per {per.lower()}".strip()
        if money:  # "$13 a share": the amount is the figure, the rate its unit (USD per share)
            f.reach = tail.end()
        else:
            f.end = tail.end()
    elif tail.group("compound"):
        parts = tail.group("compound").split("-")
        if parts[-1].lower() in wordlists.words(cfg.lang, "thing_compounds"):
            return False
        mult = cfg.multipliers.get(parts[0].lower())
        if mult and len(parts) > 1:
            f.value *= mult
            parts = parts[1:]
        f.unit = f.unit or " ".join(parts)
        f.end = tail.end()
    return True


def counted_noun(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """What a bare number counts.

    ``times`` for ``twice``; the noun of a partitive (``two of
    the bombs``: the figure is ``two``); the noun after it, running on to an English plural
    head and over a list (``30,154 new cars, trucks and SUVs``). A number word counting
    nothing (``the three``) or an identifier (``Article 5``, ``Fortune 500``) is no figure.
    """
    if f.unit is not None:
        return True
    m, lang = f.m, cfg.lang
    if f.words_only and m.group("w").lower() in wordlists.words(lang, "times_words"):
        f.unit = "times"
        return True
    if m.group("d") and not m.group("m") and _identifier(text, f.start, lang):
        return False
    partitive = _PARTITIVE.match(text[f.end : f.end + 40])
    if partitive and lang == "en":
        counted = None if partitive.group("bare") else noun_after(text, f.end + partitive.end(), lang)
        f.unit = counted[1] if counted else None
        return True
    noun = noun_after(text, f.end, lang)
    if noun and lang == "en" and f.value >= 2 and not plural(noun[1], lang):
        noun = plural_after(text, noun[0], lang) or noun
    if noun:
        f.unit, f.end = noun[1], _listed(text, noun[0], cfg)
        rate = cfg.tail.match(text, f.end)
        if rate and rate.group("any"):  # "60 frames per second"
            f.unit, f.end = f"{f.unit} per {rate.group('any').lower()}", rate.end()
        return True
    return not (
        f.words_only
        and (
            f.value < 2
            or bool(re.search(r"\bthe\s+$", text[max(0, f.start - 5) : f.start], re.IGNORECASE))
            or text[f.end : f.end + 4] == " of "
        )
    )


def _listed(text: str, end: int, cfg: FigureLang) -> int:
    """The end of a list of nouns the counted one opens (``cars, trucks and SUVs``).

    A last item that is itself a quantity (``two shotguns and hundreds of rounds``) is none.
    """
    items = re.match(
        r"(?:,[ \u00a0][A-Za-z]+)*,?[ \u00a0](?:and|or)[ \u00a0]([A-Za-z]+)\b", text[end : end + 60]
    )
    if cfg.lang != "en" or not items or not plural(last := items.group(1).lower(), cfg.lang):
        return end
    return end if last.removesuffix("s") in cfg.multipliers else end + items.end()


def _identifier(text: str, start: int, lang: str) -> bool:
    """A bare number right after a capitalised word mid-sentence: Article 5, Mirage 2000."""
    word = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not word or not word.group(1)[:1].isupper():
        return False
    before = text[max(0, word.start() - 4) : word.start()]
    if "\n" in before:
        return False  # the word opens a paragraph
    before = before.strip().rstrip("\"'”’»)")  # a sentence may end inside quotes: 'money.” Nearly 300'
    return (
        before[-1:] not in (".", "!", "?", "") and word.group(1).lower() not in lexicon.words(lang)["months"]
    )


def sentence_stop(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """A full stop ending the span ends the sentence, not an abbreviation: leave it out."""
    if text[f.end - 1] == "." and not re.match(r"\s*[a-zа-яёіїєґ0-9]", text[f.end : f.end + 3]):
        f.end -= 1
    return True


def qualifier(text: str, cfg: FigureLang, f: Candidate) -> bool:
    """An approximation before the number (``about``, ``понад``, ``a maximum of``) is the ``qualifier``.

    It joins the span; ``between``/``from`` only open a range.
    """
    bound = wordlists.table(cfg.lang, "bound_phrases")
    for phrase, meaning in bound.items():
        start = f.start - len(phrase) - 1
        if start >= 0 and " ".join(text[start : f.start].lower().split()) == phrase:
            f.attributes["qualifier"] = str(meaning)
            f.start = start
            return True
    approx = cfg.approx.search(text, max(0, f.start - 25), f.start)
    if not approx:
        return True
    word = " ".join(approx.group().lower().split())
    if word in cfg.openers:
        if f.upper is not None:
            f.start = approx.start()
        return True  # "up from 15%": a baseline, not a range
    f.attributes["qualifier"] = cfg.approximations.get(word, "about")
    f.start = approx.start()
    return True


#: The rules in the order they run: what is no figure first, then what widens one.
RULES: tuple[tuple[str, Rule], ...] = (
    ("value", value),
    ("not-in-a-code", not_in_a_code),
    ("not-in-an-idiom", not_in_an_idiom),
    ("not-a-score", not_a_score),
    ("one-counts-a-noun", one_counts_a_noun),
    ("range", range_upper),
    ("currency-and-unit", currency_and_unit),
    ("compound-or-rate", compound_or_rate),
    ("counted-noun", counted_noun),
    ("sentence-stop", sentence_stop),
    ("qualifier", qualifier),
)
