"""Jinja filters for brief templates: citations, date-time groups, grades, dates.

Every filter returns either :class:`~briefer.render.escape.Markdown` it built
from escaped parts, or plain text that the template output escapes. Jinja's
own filters that escape or join (``safe``, ``e``, ``forceescape``, ``join``) or
keep markup (``title``, ``indent``) are replaced by Markdown-aware ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import pass_eval_context
from jinja2.filters import do_indent, do_title, make_attrgetter

from briefer.dtg import DTG_RE, format_dtg, parse_iso
from briefer.render.escape import LANG_END, Markdown, comment_marker, escape, language_marker

if TYPE_CHECKING:
    from jinja2.nodes import EvalContext

_URL_RE = re.compile(r"^https?://[^\s<>\x00-\x1f\\`]+$", re.IGNORECASE)


def cite(value: Any) -> Markdown:
    """A footnote reference ``[^N]`` to an item's source (or a source, or a number); "" if none."""
    number = value
    if isinstance(value, Mapping):
        number = value.get("citation", value.get("number"))
    if number is None or number == "":
        return Markdown("")
    return Markdown(f"[^{int(number)}]")


def dtg(value: Any) -> str:
    """An ISO date-time as a date-time group (``251430ZNOV26``); a DTG stays as it is."""
    if value is None or value == "":
        return ""
    text = str(value)
    return text if DTG_RE.match(text) else format_dtg(text)


def grade(item: Mapping[str, Any], brackets: bool = True) -> Markdown:
    """An item's Admiralty grade, source reliability + information credibility: ``[B2]``."""
    code = escape(item.get("grade") or "")
    return Markdown(f"[{code}]") if code and brackets else code


def date(value: Any, format: str = "%d %B %Y") -> str:
    """An ISO date or date-time formatted with strftime codes (default ``25 November 2026``)."""
    if value is None or value == "":
        return ""
    try:
        return parse_iso(str(value)).strftime(format)
    except ValueError:
        return str(value)


_ISO_PARTS_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# English names whatever the process locale (Qt may set one).
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def spelled_date(iso: Any, weekday: bool = True) -> str:
    """An ISO date spelled for a reader: ``Tue 5 Nov 2024``, ``Nov 2024``, ``2024``; "" if none.

    Without ``weekday``: ``5 Nov 2024``.
    """
    match = _ISO_PARTS_RE.match(str(iso or ""))
    if not match:
        return ""
    year, month, day = match.groups()
    try:
        if day:
            value = dt.date(int(year), int(month), int(day))
            day_name = f"{_DAYS[value.weekday()]} " if weekday else ""
            return f"{day_name}{value.day} {_MONTHS[value.month - 1]} {year}"
        if month:
            return f"{_MONTHS[dt.date(int(year), int(month), 1).month - 1]} {year}"
    except ValueError:
        return ""
    return year


def when(item: Mapping[str, Any]) -> Markdown:
    """A date item as what it means, with the words as reported where they differ.

    ``Tue 5 Nov 2024 (“Tuesday”)``; just the reported words when the date is unknown.
    """
    reported = " ".join(str(item.get("text") or "").split())
    attributes = item.get("attributes") or {}
    spelled = spelled_date(attributes.get("iso"))
    if not spelled:
        return escape(reported)
    if not reported or reported.casefold() == spelled.casefold():
        return escape(spelled)
    return Markdown(f"{escape(spelled)} ({quote(reported)})")


def lang(value: Any, item: Mapping[str, Any]) -> Markdown:
    """``value`` marked as in the item's language when its source is not in the brief's.

    Word and the PDF then spell-check and read it aloud in that language; the
    Markdown and HTML show it unchanged.
    """
    language = str(item.get("language") or "")
    text = escape(value)
    if not language:
        return text
    return Markdown(f"{language_marker(language)}{text}{LANG_END}")


def host(url: Any) -> str:
    """The site of an http(s) URL without ``www.`` (a short link text); "" for anything else."""
    if not _URL_RE.match(str(url or "").strip()):
        return ""
    name = urlsplit(str(url).strip()).hostname or ""
    return name.removeprefix("www.")


def md(value: Any) -> Markdown:
    """Escape a value for Markdown explicitly (what output does by default); Markdown stays."""
    return escape("" if value is None else value)


def join_names(names: Iterable[Any], last: str = "and") -> Markdown:
    """Names joined for prose: ``A``, ``A and B``, ``A, B and C``."""
    parts = [escape(n) for n in names if n]
    if len(parts) < 2:
        return Markdown().join(parts)
    return Markdown(f"{', '.join(parts[:-1])} {escape(last)} {parts[-1]}")


def plural(count: Any, singular: str, plural: str | None = None) -> str:
    """``singular`` when ``count`` (a number or a list) is one, else ``plural`` (default: +s)."""
    n = len(count) if isinstance(count, list | tuple | dict) else count
    return singular if n == 1 else (plural if plural is not None else singular + "s")


def comment(item: Mapping[str, Any]) -> Markdown:
    """An item's analyst comment as a Word comment on its paragraph (DOCX only)."""
    text = str(item.get("comment") or "").strip()
    return Markdown(comment_marker(text)) if text else Markdown("")


def number(value: Any) -> str:
    """A number with thousands separators: ``160000`` → ``160,000``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def quote(value: Any) -> Markdown:
    """Text between typographic double quotes, escaped: “…”."""
    return Markdown(f"\u201c{escape(value)}\u201d")


def link(url: Any, text: Any = None) -> Markdown:
    """A Markdown link to an http(s) URL (``<url>`` without text); "" for any other URL."""
    href = str(url or "").strip()
    if not _URL_RE.match(href):
        return escape(text) if text else Markdown()
    href = href.replace("(", "%28").replace(")", "%29")
    if text is None:
        return Markdown(f"<{href}>")
    return Markdown(f"[{escape(text)}]({href})")


def reference(source: Mapping[str, Any], with_link: bool = True) -> Markdown:
    """A source as a citation line: outlet, “title”, author, date and (``with_link``) link.

    A page fetched by Briefer also says when it was captured.
    """
    parts = [escape(source[key]) for key in ("outlet",) if source.get(key)]
    if source.get("title"):
        parts.append(quote(source["title"]))
    if source.get("author"):
        parts.append(escape(source["author"]))
    if source.get("date"):
        parts.append(escape(date(source["date"])))
    line = ", ".join(parts) or "Untitled source"
    url = link(source.get("url")) if with_link else ""
    cited = f"{line}. {url}" if url else f"{line}."
    if source.get("captured"):
        cited += f" Captured {escape(date(source['captured'], '%d %B %Y %H:%M UTC'))}."
    return Markdown(cited)


def safe(value: Any) -> Markdown:
    """Jinja's ``safe`` cannot vouch for text: Markdown stays, anything else is escaped."""
    return escape(value)


@pass_eval_context
def join(
    eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None
) -> Markdown:
    """Jinja's ``join``, escaping every part that is not Markdown (the separator too)."""
    if attribute is not None:
        value = map(make_attrgetter(eval_ctx.environment, attribute), value)
    return escape(d).join(value)


def title(value: Any) -> str:
    """Jinja's ``title``; Markdown stays Markdown (a case change keeps its escapes)."""
    return Markdown(do_title(str(value))) if isinstance(value, Markdown) else do_title(value)


def indent(value: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    """Jinja's ``indent``; Markdown stays Markdown (its lines are only indented)."""
    if isinstance(value, Markdown):
        return Markdown(do_indent(str(value), width, first, blank))
    return do_indent(value, width, first, blank)


FILTERS: dict[str, Callable[..., Any]] = {
    "cite": cite, "dtg": dtg, "grade": grade, "date": date, "md": md, "join_names": join_names,
    "plural": plural, "comment": comment, "number": number, "quote": quote,
    "link": link, "reference": reference, "when": when, "host": host,
    "spelled": spelled_date, "lang": lang,
    "safe": safe, "e": escape, "escape": escape, "forceescape": escape, "join": join, "title": title,
    "indent": indent,
}
