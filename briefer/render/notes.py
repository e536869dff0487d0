"""Footnote hygiene for a template's Markdown: no note without a citation.

A template writes one definition per source, but a source may be cited only
by items it leaves out (a memo's first eight points). Markdown readers differ
on such orphans (Python-Markdown lists them, markdown-it drops them), so they
are removed from the Markdown itself: every format then shows the same notes.
"""

from __future__ import annotations

import re

# A definition starts a line: [^label]: text (continuation lines are indented).
_DEFINITION_RE = re.compile(r"^\[\^([^\]\s]+)\]:[^\n]*(?:\n(?:[ \t]+[^\n]*|[ \t]*(?=\n[ \t]+\S)))*\n?", re.M)
_REFERENCE_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def drop_uncited_notes(markdown: str) -> str:
    """``markdown`` without the footnote definitions nothing refers to."""
    if "[^" not in markdown:
        return markdown
    definitions = list(_DEFINITION_RE.finditer(markdown))
    if not definitions:
        return markdown
    spans = [(m.start(), m.end()) for m in definitions]
    cited: set[str] = set()
    last = 0
    for start, end in [*spans, (len(markdown), len(markdown))]:
        cited.update(m.group(1) for m in _REFERENCE_RE.finditer(markdown, last, start))
        last = end
    parts: list[str] = []
    last = 0
    for match in definitions:
        if match.group(1) not in cited:
            parts.append(markdown[last : match.start()])
            last = match.end()
    parts.append(markdown[last:])
    return "".join(parts)
