"""Times of day as news writes them: ``6pm``, ``10:30``, ``ten o'clock``, ``9 години ранку``."""

from __future__ import annotations

import re
from functools import cache

from briefer.suggest import lexicon
from briefer.suggest.numbers import words_value

_NOON, _MIDNIGHT = ("noon",), ("midnight",)


@cache
def day_parts() -> str:
    """An alternation of the day parts (``morning``, ``вечора``) that may follow a time or weekday."""
    return lexicon.alternation(lexicon.words("en")["day_parts"] + lexicon.date_words()["day_parts"])


def _named(kind: str) -> list[str]:
    return [*(_NOON if kind == "noon" else _MIDNIGHT), *lexicon.date_words()[f"{kind}_words"]]


@cache
def _time_patterns() -> tuple[re.Pattern[str], ...]:
    """Times as separate simple patterns (one alternation of them all scans far slower).

    A digit is looked for before the look-behind: most positions fail it at once.
    """
    words = lexicon.date_words()
    return (
        re.compile(
            r"(?=\d)(?<![\d.,:])(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?[ \u00a0]?"
            r"(?P<ap>[aApP]\.[mM]\.|[aApP][mM]\b)"
        ),
        re.compile(r"(?=\d)(?<![\d.,:])(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)\b(?![.,:]\d)"),
        re.compile(
            rf"(?=\d)(?<![\d.,:])(?P<hl>\d{{1,2}})[ \u00a0](?:{lexicon.alternation(words['hour_words'])})"
            rf"(?:[ \u00a0](?P<part>{day_parts()}))?"
        ),
        re.compile(
            rf"\b(?P<named>{lexicon.alternation(_named('noon') + _named('midnight'))})\b", re.IGNORECASE
        ),
        re.compile(r"\b(?P<hw>[A-Za-z]+(?:-[a-z]+)?)[ \u00a0]o['’]clock\b"),
    )


def find_times(text: str) -> list[re.Match[str]]:
    """Every time-of-day expression in the text, in order."""
    return sorted((m for p in _time_patterns() for m in p.finditer(text)), key=lambda m: (m.start(), m.end()))


def clock(m: re.Match[str], lang: str) -> tuple[int, int] | None:
    """``(hour, minute)`` of a time match (24-hour), or None when it is no time."""
    g = {key: value for key, value in m.groupdict().items() if value is not None}  # groups that matched
    if g.get("named"):
        return (12, 0) if g["named"].lower() in _named("noon") else (0, 0)
    if g.get("h24"):
        return int(g["h24"]), int(g["mi24"])
    if g.get("hl"):
        hour = int(g["hl"])
        part = (g.get("part") or "").lower()
        afternoon = part in lexicon.date_words()["afternoon_parts"]
        return (hour + 12 if afternoon and hour < 12 else hour), 0
    hour_value = int(g["h"]) if g.get("h") else int(words_value(g.get("hw", ""), lang) or -1)
    if not 0 <= hour_value <= 12:
        return None
    minute = int(g.get("mi") or 0)
    ap = (g.get("ap") or "").lower()
    evening = re.match(
        r"[ \u00a0]+(?:last night|tonight|this evening|in the evening)", m.string[m.end() : m.end() + 20]
    )
    if (ap.startswith("p") or (not ap and evening)) and hour_value < 12:
        hour_value += 12
    elif ap.startswith("a") and hour_value == 12:
        hour_value = 0
    return hour_value, minute
