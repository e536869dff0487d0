"""Jinja filters for brief templates: citations, date-time groups, grades, dates…

Every filter returns either safe Markdown (:class:`markupsafe.Markup`) it built
from escaped parts, or plain text that the template output escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup

from briefer.dtg import DTG_RE, format_dtg, parse_iso
from briefer.render.escape import comment_marker, escape_markdown

_URL_RE = re.compile(r"^https?://[^\s<>\x00-\x1f\\`]+$", re.IGNORECASE)


def cite(value: Any) -> Markup:
    """A footnote reference ``[^N]`` to an item's source (or a source, or a number); "" if none."""
    number = value
    if isinstance(value, Mapping):
        number = value.get("citation", value.get("number"))
    if number is None or number == "":
        return Markup("")
    return Markup(f"[^{int(number)}]")


def dtg(value: Any) -> str:
    """An ISO date-time as a date-time group (``251430ZNOV26``); a DTG stays as it is."""
    if value is None or value == "":
        return ""
    text = str(value)
    return text if DTG_RE.match(text) else format_dtg(text)


def grade(item: Mapping[str, Any], brackets: bool = True) -> Markup:
    """An item's Admiralty grade, source reliability + information credibility: ``[B2]``."""
    code = escape_markdown(str(item.get("grade") or ""))
    return Markup(f"[{code}]" if code and brackets else code)


def date(value: Any, format: str = "%d %B %Y") -> str:  # noqa: A002 - Jinja's own naming
    """An ISO date or date-time formatted with strftime codes (default ``25 November 2026``)."""
    if value is None or value == "":
        return ""
    try:
        return parse_iso(str(value)).strftime(format)
    except ValueError:
        return str(value)


def md(value: Any) -> Markup:
    """Escape a value for Markdown explicitly (what output does by default)."""
    return Markup(escape_markdown("" if value is None else str(value)))


def join_names(names: Iterable[Any], last: str = "and") -> Markup:
    """Names joined for prose: ``A``, ``A and B``, ``A, B and C``."""
    parts = [escape_markdown(str(n)) for n in names if n]
    if len(parts) < 2:
        return Markup("".join(parts))
    return Markup(f"{', '.join(parts[:-1])} {escape_markdown(last)} {parts[-1]}")


def plural(count: Any, singular: str, plural: str | None = None) -> str:
    """``singular`` when ``count`` (a number or a list) is one, else ``plural`` (default: +s)."""
    n = len(count) if isinstance(count, list | tuple | dict) else count
    return singular if n == 1 else (plural if plural is not None else singular + "s")


def comment(item: Mapping[str, Any]) -> Markup:
    """An item's analyst comment as a Word comment on its paragraph (DOCX only)."""
    text = str(item.get("comment") or "").strip()
    return Markup(comment_marker(text)) if text else Markup("")


def number(value: Any) -> str:
    """A number with thousands separators: ``160000`` → ``160,000``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def quote(value: Any) -> Markup:
    """Text between typographic double quotes, escaped: “…”."""
    return Markup(f"\u201c{escape_markdown(str(value))}\u201d")


def link(url: Any, text: Any = None) -> Markup:
    """A Markdown link to an http(s) URL (``<url>`` without text); "" for any other URL."""
    href = str(url or "").strip()
    if not _URL_RE.match(href):
        return Markup(escape_markdown(str(text))) if text else Markup("")
    href = href.replace("(", "%28").replace(")", "%29")
    if text is None:
        return Markup(f"<{href}>")
    return Markup(f"[{escape_markdown(str(text))}]({href})")


def reference(source: Mapping[str, Any]) -> Markup:
    """A source as a citation line: outlet, “title”, author, date and link."""
    parts = [escape_markdown(str(source[key])) for key in ("outlet",) if source.get(key)]
    if source.get("title"):
        parts.append(quote(source["title"]))
    if source.get("author"):
        parts.append(escape_markdown(str(source["author"])))
    if source.get("date"):
        parts.append(escape_markdown(date(source["date"])))
    line = ", ".join(parts) or "Untitled source"
    url = link(source.get("url"))
    return Markup(f"{line}. {url}" if url else f"{line}.")


FILTERS: dict[str, Callable[..., Any]] = {
    "cite": cite, "dtg": dtg, "grade": grade, "date": date, "md": md, "join_names": join_names,
    "plural": plural, "comment": comment, "number": number, "quote": quote,
    "link": link, "reference": reference,
}
