"""Word lists of the figure, date, tense and fact suggesters (``quantities.yaml``).

The words live in ``resources/gazetteer/quantities.yaml``, one block per
language, so a new language is new data. Ukrainian and Russian each get the
other's words too (a Ukrainian article may quote Russian).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml

from briefer.paths import resource

_KIN = {"uk": "ru", "ru": "uk"}


@cache
def _file() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(resource("gazetteer/quantities.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _union(mine: Any, theirs: Any) -> Any:
    if isinstance(mine, dict) or isinstance(theirs, dict):
        return {**(theirs or {}), **(mine or {})}
    return list(dict.fromkeys([*(mine or []), *(theirs or [])]))


@cache
def lists(lang: str) -> dict[str, Any]:
    """Every list of ``lang`` (English for a language without a block)."""
    data = _file()
    own = data.get(lang) or data["en"]
    kin = data.get(_KIN.get(lang, ""), {})
    return {name: _union(own.get(name), kin.get(name)) for name in own.keys() | kin.keys()}


@cache
def words(lang: str, name: str) -> frozenset[str]:
    """One list of ``lang`` as a set of lower-case words or phrases."""
    return frozenset(str(w).lower() for w in lists(lang).get(name) or ())


@cache
def table(lang: str, name: str) -> dict[str, Any]:
    """One mapping of ``lang`` (phrase → value), keys in lower case."""
    return {str(k).lower(): v for k, v in (lists(lang).get(name) or {}).items()}


@cache
def phrase_pattern(lang: str, name: str) -> re.Pattern[str]:
    """A case-insensitive regex matching any phrase of one list as whole words."""
    phrases = sorted(words(lang, name), key=len, reverse=True)
    if not phrases:
        return re.compile("(?!)")
    firsts = re.escape("".join(sorted({c for p in phrases for c in (p[0].lower(), p[0].upper())})))
    body = "|".join(re.escape(p).replace(r"\ ", r"[ \u00a0]+") for p in phrases)
    # the first-letter look-ahead first: the engine skips most positions at once
    return re.compile(rf"(?=[{firsts}])(?<![\w'’])(?:{body})(?![\w'’])", re.IGNORECASE)
