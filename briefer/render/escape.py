"""Escaping text from sources so it reads as itself in Markdown.

:func:`escape_markdown` makes any string inert: emphasis, code, links, raw
HTML, tables, headings and list markers in it become plain characters, and
newlines become spaces (a quote stays inside its list item or table cell). The
result reads the same in markdown-it and in Python-Markdown.

In templates, strings looked up in the context are :class:`Source` strings:
Jinja's autoescape calls their ``__html__``, which escapes them for Markdown;
:class:`Markdown` marks the fields the analyst wrote in Markdown (BLUF,
assessment), whose ``__html__`` passes them through as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

#: Private-use characters framing an analyst comment the DOCX writer anchors.
COMMENT_OPEN, COMMENT_CLOSE = "\ue000", "\ue001"
COMMENT_RE = re.compile(f"{COMMENT_OPEN}([0-9a-f]*){COMMENT_CLOSE}")

# Characters XML 1.0 forbids, lone surrogates, and our own comment markers.
_DROP_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\ue000\ue001]")
_SPACE_RE = re.compile("[ \t\n\r\f\v\x85\u2028\u2029]+")
_ALWAYS = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|",
    "#": "\\#", "<": "&lt;", ">": "&gt;",
}
_ALWAYS_RE = re.compile("[" + re.escape("".join(_ALWAYS)) + "]|&(?=#?[0-9A-Za-z]+;)")
_LEADING = {"-": "\\-", "+": "\\+", "=": "&#61;", "~": "&#126;"}
_ORDERED_RE = re.compile(r"^( ?\d{1,9})([.)])")
# Anything escape_markdown would change, other than at the very start.
_NEEDS_WORK_RE = re.compile(
    f"{_DROP_RE.pattern}|{_SPACE_RE.pattern[:-1]}{{2,}}|[\t\n\r\f\v\x85\u2028\u2029]|{_ALWAYS_RE.pattern}|^ "
)


def clean_text(text: str) -> str:
    """Text without XML-illegal characters, its whitespace runs made single spaces."""
    return _SPACE_RE.sub(" ", _DROP_RE.sub("", text))


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders exactly as ``text`` (whitespace collapsed)."""
    text = str(text)  # a plain str, never a Source
    if not _NEEDS_WORK_RE.search(text) and text[:1] not in _LEADING and not text[:1].isdigit():
        return text
    text = clean_text(text)
    text = _ALWAYS_RE.sub(lambda m: _ALWAYS.get(m.group(), "&amp;"), text)
    stripped = text.lstrip(" ")
    if stripped[:1] in _LEADING:
        text = text[: len(text) - len(stripped)] + _LEADING[stripped[0]] + stripped[1:]
    return _ORDERED_RE.sub(r"\1\\\2", text, count=1)


def strip_comments(markdown: str) -> str:
    """Markdown without the comment markers the DOCX writer reads."""
    return COMMENT_RE.sub("", markdown)


def comment_marker(text: str) -> str:
    """A marker carrying an analyst comment invisibly through Markdown."""
    return f"{COMMENT_OPEN}{text.encode('utf-8').hex()}{COMMENT_CLOSE}"


def decode_comment(hex_text: str) -> str:
    """The comment text a marker carries, without characters XML cannot hold."""
    return _DROP_RE.sub("", bytes.fromhex(hex_text).decode("utf-8", "replace"))


class Markdown(str):
    """A context string the analyst wrote in Markdown: templates output it unescaped."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


def _keep(method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(self: Source, *args: Any, **kwargs: Any) -> Any:
        result = method(self, *args, **kwargs)
        if isinstance(result, str):
            return Source(result)
        if isinstance(result, list | tuple):
            return type(result)(Source(r) if isinstance(r, str) else r for r in result)
        return result

    wrapped.__name__ = method.__name__
    wrapped.__doc__ = method.__doc__
    return wrapped


class Source(str):
    """A string from a source: escaped for Markdown wherever a template outputs it.

    String methods (slicing, ``upper``, ``replace``, ``split``…) keep the mark, so
    a transformed source value is still escaped.
    """

    __slots__ = ()

    def __html__(self) -> Markup:
        return Markup(escape_markdown(self))

    def __radd__(self, other: str) -> Source:  # str has no __radd__ to wrap
        return Source(str(other) + str(self))


for _name in (
    "__add__", "__getitem__", "__mod__", "__mul__", "__rmul__", "capitalize", "casefold", "center",
    "expandtabs", "join", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix",
    "replace", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "strip", "swapcase",
    "title", "translate", "upper", "zfill",
):
    setattr(Source, _name, _keep(getattr(str, _name)))


def finalize(value: Any) -> Any:
    """Jinja ``finalize``: safe values pass, None prints nothing, the rest is escaped."""
    if hasattr(value, "__html__"):
        return value
    if value is None:
        return Markup("")
    return Markup(escape_markdown(str(value)))
