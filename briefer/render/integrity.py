"""Quote integrity at export: every quoted item is still what its source says.

A quote item's tag keeps its offsets and its quote selector (exact words with a
little prefix and suffix, :mod:`briefer.anchor`). Before a brief is exported the
article text at those offsets must be the exact words, with the same words just
before and after; otherwise the export stops with a one-line error naming the
item and what differs, and an edited quote is never exported as the source's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.errors import InvalidInput

if TYPE_CHECKING:
    from briefer.model import Tag
    from briefer.workspace import Workspace

QUOTE_KINDS = frozenset({"quote"})
_SHOWN = 40


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def _first_difference(stored: str, found: str) -> str:
    """``stored 'x…' but the article has 'y…'``, both from the first character that differs."""
    at = next((n for n, (a, b) in enumerate(zip(stored, found, strict=False)) if a != b),
              min(len(stored), len(found)))
    lead = stored.rfind(" ", 0, max(0, at - 10)) + 1  # from a word start, a little before
    return f"the quote has {_excerpt(stored[lead:])} but the article has {_excerpt(found[lead:])}"


def difference(text: str, tag: Tag) -> str | None:
    """What differs between a tag's selector and the article ``text``, or None when it matches."""
    found = text[tag.start : tag.end] if 0 <= tag.start < tag.end <= len(text) else ""
    if found != tag.exact:
        return _first_difference(tag.exact, found)
    before = text[max(0, tag.start - len(tag.prefix)) : tag.start]
    if before != tag.prefix:
        return f"the words before it were {_excerpt(tag.prefix)}, now {_excerpt(before)}"
    after = text[tag.end : tag.end + len(tag.suffix)]
    if after != tag.suffix:
        return f"the words after it were {_excerpt(tag.suffix)}, now {_excerpt(after)}"
    return None


def check_quotes(ws: Workspace, brief_id: int) -> None:
    """Raise InvalidInput naming the first quote item of the brief that no longer matches its article."""
    brief = ws.briefs.get(brief_id)
    texts: dict[int, str] = {}
    for item in sorted(brief.items, key=lambda i: i.id or 0):
        if item.tag_id is None:
            continue
        tag = ws.tags.get(item.tag_id)
        if tag.kind not in QUOTE_KINDS:
            continue
        if tag.article_id not in texts:
            texts[tag.article_id] = ws.articles.text(tag.article_id)
        problem = difference(texts[tag.article_id], tag)
        if problem is not None:
            raise InvalidInput(f"item {item.id} (quote tag {tag.id}, article {tag.article_id})",
                               f"no longer matches its source: {problem}")
