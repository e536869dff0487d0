"""The word lists of resources/gazetteer: data a new language adds, checked as data."""

from __future__ import annotations

import re
from typing import Any

import yaml

from briefer.paths import resource

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_REGEX_ESCAPE = re.compile(r"\\[a-zA-Z]")  # \w in a stem pattern is no Latin letter


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_no_word_of_the_lists_mixes_cyrillic_and_latin_letters() -> None:
    mixed = []
    for name in ("language.yaml", "context.yaml", "dates.yaml"):
        data = yaml.safe_load(resource(f"gazetteer/{name}").read_text(encoding="utf-8"))
        for word in _strings(data):
            for token in _REGEX_ESCAPE.sub("", word).split():
                if _CYRILLIC.search(token) and _LATIN.search(token):
                    mixed.append(f"{name}: {word!r}")
    assert mixed == []


def _non_words(value: Any, where: str) -> list[str]:
    """Words YAML read as something else: a bare ``on``, ``no``, ``yes`` or ``off`` is a boolean."""
    if isinstance(value, bool) or value is None:
        return [where]
    if isinstance(value, dict):
        return [w for k, v in value.items() for w in _non_words(k, where) + _non_words(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [w for i, v in enumerate(value) for w in _non_words(v, f"{where}[{i}]")]
    return []


def test_every_word_of_the_lists_is_read_as_a_word() -> None:
    found = []
    for path in sorted(resource("gazetteer").glob("*.yaml")):
        found += _non_words(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    assert found == []
