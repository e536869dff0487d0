"""Promotional and page-furniture lines inside an article body, found by their form.

Teasers for other stories ("SEE MORE: …", "DON'T MISS", "… [INSIGHT]"), share
and follow prompts ("Like this story? Share it with a friend!"), and list
headers of other content ("Most read in world news", "Also on …") are short
lines of a recognisable shape. They are recognised by general rules, never by
site: a short line opening with an upper-case label and a colon, a short line
ending in a bracketed upper-case tag, and short lines that invite the reader to
share, follow, subscribe or read elsewhere. Capitals alone are no sign: articles
have subheadings in capitals.
"""

from __future__ import annotations

import re

#: Lines longer than this many words (or characters) are article text, whatever their shape.
MAX_WORDS = 14
MAX_CHARS = 200
_CAPS_LABEL = re.compile(r"^(?:[A-Z][A-Z'’]+\s){0,3}[A-Z][A-Z'’]{2,}:\s+\S")
_CAPS_TAG = re.compile(r"\S+\s+\S+\s+.*\[[A-Z][A-Z ]{2,20}\]\s*$")
_PROMPT = re.compile(
    r"^(?:like this (?:story|article)|share (?:this|it) (?:on|with)\b|follow us|subscribe (?:to|now)"
    r"|sign up for"
    r"|also on\b|most (?:read|popular|viewed)\b|read (?:more|also|next)\b|see also\b"
    r"|recommended for you|you (?:may|might) also like|don'?t miss\b|related(?: articles| stories)?:"
    r"|get (?:our|the) newsletter)",
    re.IGNORECASE)


def is_furniture(line: str) -> bool:
    """True when ``line`` is a teaser, prompt or list header, not article text."""
    text = line.strip()
    if len(text) > MAX_CHARS:
        return False
    item = text.startswith(("- ", "• ", "* "))
    text = text.lstrip("-•*> ").strip()
    words = text.split()
    if not words or len(words) > MAX_WORDS:
        return False
    # A list item may well be an offer or instruction of the article ("- Sign up for…").
    return bool(_CAPS_LABEL.match(text) or _CAPS_TAG.search(text) or (
        not item and _PROMPT.match(text)))


def drop_furniture(text: str) -> str:
    """``text`` (one block per line) without its furniture lines."""
    return "\n".join(line for line in text.split("\n") if not is_furniture(line))
