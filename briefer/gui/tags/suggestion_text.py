"""Tag fields as a reader says them, and what Enter will make of the current suggestion.

``160,000 personnel`` rather than ``160000``, ``Tue 5 Nov 2024`` rather than
``2024-11-05``: for the status bar, the tag panel and the brief composer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.render.filters import number, spelled_date

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefer.suggest.base import Suggestion
    from briefer.taxonomy import Taxonomy

_EXCERPT = 60


def _article(label: str) -> str:
    return f"an {label}" if label[:1] in "aeiou" else f"a {label}"


def field_text(kind: str, attributes: Mapping[str, Any]) -> str:
    """A tag's main fields as read: speaker (role), value and unit, the date meant; "" if none."""
    if kind == "quote" and attributes.get("speaker"):
        role = attributes.get("role")
        return f"{attributes['speaker']} ({role})" if role else str(attributes["speaker"])
    if kind == "figure" and attributes.get("value") is not None:
        return f"{number(attributes['value'])} {attributes.get('unit') or ''}".rstrip()
    if kind == "date":
        return spelled_date(attributes.get("iso"))
    return ""


def enter_makes(suggestion: Suggestion, kinds: Taxonomy, accept: str = "Enter", reject: str = "x") -> str:
    """What Enter and x do to ``suggestion``, in the words of the status line.

    ``Enter makes a quote by Volodymyr Zelensky (President of Ukraine); x rejects it.``

    Names the kind and the fields the tag will get: speaker and role, value and
    unit, the date it means.
    """
    kind = suggestion.kind
    label = kinds[kind].label.lower() if kind in kinds else kind
    attributes: Mapping[str, Any] = suggestion.attributes
    what = _article(label)
    fields = field_text(kind, attributes)
    if kind == "quote":
        detail = f" by {fields}" if fields else ", speaker unknown"
    elif fields:
        detail = f": {fields}"
    else:
        text = " ".join(suggestion.text.split())
        shown = text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "\u2026"
        detail = f": \u201c{shown}\u201d"
    return f"{accept} makes {what}{detail}; {reject} rejects it."
