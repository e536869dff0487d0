"""What Enter will make of the current suggestion, said as a sentence for the status bar."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from briefer.render.filters import number, spelled_date
from briefer.suggest.base import Suggestion
from briefer.taxonomy import Taxonomy

_EXCERPT = 60


def _article(label: str) -> str:
    return f"an {label}" if label[:1] in "aeiou" else f"a {label}"


def enter_makes(suggestion: Suggestion, kinds: Taxonomy, accept: str = "Enter", reject: str = "x") -> str:
    """``Enter makes a quote by Volodymyr Zelensky (President of Ukraine); x rejects it.``

    Names the kind and the fields the tag will get: speaker and role, value and
    unit, the date it means.
    """
    kind = suggestion.kind
    label = kinds[kind].label.lower() if kind in kinds else kind
    attributes: Mapping[str, Any] = suggestion.attributes
    what = _article(label)
    if kind == "quote":
        speaker, role = attributes.get("speaker"), attributes.get("role")
        who = f" by {speaker}" if speaker else ", speaker unknown"
        detail = f"{who} ({role})" if speaker and role else who
    elif kind == "figure" and attributes.get("value") is not None:
        detail = f": {number(attributes['value'])} {attributes.get('unit') or ''}".rstrip()
    elif kind == "date" and spelled_date(attributes.get("iso")):
        detail = f": {spelled_date(attributes.get('iso'))}"
    else:
        text = " ".join(suggestion.text.split())
        shown = text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "\u2026"
        detail = f": \u201c{shown}\u201d"
    return f"{accept} makes {what}{detail}; {reject} rejects it."
