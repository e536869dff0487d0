"""Escaping text from sources so it reads as itself in Markdown.

:func:`escape_markdown` makes any string inert: emphasis, code, links, raw
HTML, tables, headings and list markers in it become plain characters, and
newlines become spaces (a quote stays inside its list item or table cell). The
result reads the same in markdown-it and in Python-Markdown.

In templates the rule is one type: a :class:`Markdown` value is output as it
is, any other value (a source's text, a number, whatever a Jinja filter or a
string method rebuilt) is escaped where it is output or joined to Markdown
(:mod:`briefer.render.runtime` puts :func:`escape` where Jinja would escape
for HTML). No filter path can hand source text to the document unescaped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from collections.abc import Callable

#: Private-use characters framing an analyst comment the DOCX writer anchors.
COMMENT_OPEN, COMMENT_CLOSE = "\ue000", "\ue001"
COMMENT_RE = re.compile(f"{COMMENT_OPEN}([0-9a-fA-F]*){COMMENT_CLOSE}")  # any case: see Markdown
#: Text in another language: LANG_OPEN + hex(BCP 47 tag) + COMMENT_CLOSE … LANG_END.
LANG_OPEN, LANG_END = "\ue002", "\ue003"
#: Any marker: group 1 a comment, group 2 a language starting; else a language ending.
MARKER_RE = re.compile(f"{COMMENT_OPEN}([0-9a-fA-F]*){COMMENT_CLOSE}|{LANG_OPEN}([0-9a-fA-F]*){COMMENT_CLOSE}"
                       f"|{LANG_END}")

# Characters XML 1.0 forbids, lone surrogates, and our own markers.
_DROP_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\ue000-\ue003]")
_SPACE_RE = re.compile("[ \t\n\r\f\v\x85\u2028\u2029]+")
# Numeric character references, not &lt;: a case change must not turn one into
# another entity (&Lt; is U+226A) or into text (&AMP is not an entity).
_ALWAYS = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|",
    "#": "\\#", "<": "&#60;", ">": "&#62;",
}
# An & that could start an entity, with what follows or with what comes after.
_ALWAYS_RE = re.compile("[" + re.escape("".join(_ALWAYS)) + "]|&(?=#?[0-9A-Za-z]*(?:;|$))")
# At the start: list, heading and fence markers; and what would go on Markdown
# before it: . ) a number into a list marker, ( : a "]" into a link or definition.
_LEADING = {
    "-": "\\-", "+": "\\+", "=": "&#61;", "~": "&#126;", ".": "\\.", ")": "\\)", "(": "\\(", ":": "&#58;",
}
# At the end: what would start Markdown with a "[" after it (image, inline footnote).
_TRAILING = {"!": "\\!", "^": "&#94;"}
_ORDERED_RE = re.compile(r"^( ?\d{1,9})([.)])")
# Anything escape_markdown would change, other than at the very start.
_NEEDS_WORK_RE = re.compile(
    f"{_DROP_RE.pattern}|{_SPACE_RE.pattern[:-1]}{{2,}}|[\t\n\r\f\v\x85\u2028\u2029]|{_ALWAYS_RE.pattern}"
    "|^ |[!^]$"
)


def clean_text(text: str) -> str:
    """Text without XML-illegal characters, its whitespace runs made single spaces."""
    return _SPACE_RE.sub(" ", _DROP_RE.sub("", text))


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders exactly as ``text`` (whitespace collapsed).

    The result stays text whatever sits before or after it (a line start,
    another escaped piece, a citation): pieces of one string escaped apart and
    joined read as the string. Hence ``&`` is escaped when letters and the end
    could make an entity with what follows; a leading ``.`` or ``)`` (ending a
    list number), ``(`` or ``:`` (making a link or a definition of a ``]``); a
    final ``!`` or ``^`` (starting an image or an inline footnote); and a lone
    space (pieces of spaces could indent a code block).
    """
    if not _NEEDS_WORK_RE.search(text) and text[:1] not in _LEADING and not text[:1].isdigit():
        return text
    text = clean_text(text)
    if text == " ":
        return "&#32;"
    text = _ALWAYS_RE.sub(lambda m: _ALWAYS.get(m.group(), "&#38;"), text)
    stripped = text.lstrip(" ")
    if stripped[:1] in _LEADING:
        text = text[: len(text) - len(stripped)] + _LEADING[stripped[0]] + stripped[1:]
    text = _ORDERED_RE.sub(r"\1\\\2", text, count=1)
    last = _TRAILING.get(text[-1:])
    return text[:-1] + last if last else text


def strip_comments(markdown: str) -> str:
    """Markdown without the comment and language markers the DOCX writer reads."""
    return MARKER_RE.sub("", markdown)


def language_marker(language: str) -> str:
    """The marker starting text in ``language`` (a BCP 47 tag); :data:`LANG_END` ends it."""
    return f"{LANG_OPEN}{language.encode('utf-8').hex()}{COMMENT_CLOSE}"


def comment_marker(text: str) -> str:
    """A marker carrying an analyst comment invisibly through Markdown."""
    return f"{COMMENT_OPEN}{text.encode('utf-8').hex()}{COMMENT_CLOSE}"


def decode_comment(hex_text: str) -> str:
    """The comment text a marker carries, without characters XML cannot hold ('' for a broken marker).

    Markers come from :func:`comment_marker`; a template may still write the
    private-use characters itself, around an odd number of hex digits.
    """
    try:
        data = bytes.fromhex(hex_text)
    except ValueError:
        return ""
    return _DROP_RE.sub("", data.decode("utf-8", "replace"))


def analyst_markdown(text: str) -> Markdown:
    """Markdown the analyst wrote (BLUF, assessment), output as it is but for our comment markers."""
    return Markdown(text.replace(COMMENT_OPEN, "").replace(COMMENT_CLOSE, ""))


class Markdown(Markup):
    """Markdown a template outputs as it is; every other value is escaped on output.

    Briefer's filters build it from escaped parts; the analyst's own Markdown
    fields (BLUF, assessment) are given as it. Jinja captures (macros, ``{% set %}``
    and ``{% filter %}`` blocks) are Markdown too, since all their parts were output.

    Joining it with anything else (``~``, ``+``, ``%``, ``join``, ``format``)
    escapes the other parts. Changing its case (escapes use no letters, and no
    case mapping makes punctuation, digits or spaces) or trimming its spaces and
    tabs keeps it Markdown. Cutting or replacing inside it (slices, ``replace``,
    ``split``, ``truncate``, padding, stripping other characters) gives plain
    text, escaped again wherever it goes, because a cut can split an escape or
    bring a mid-line character to the start of a line.
    """

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> Markdown:
        """``s`` as Markdown: itself when it is Markdown, else its text escaped."""
        return escape(s)

    def strip(self, chars: str | None = None) -> str:  # type: ignore[override]  # text when chars given
        """Markdown without surrounding spaces and tabs; plain text when stripping other characters."""
        return self._trimmed(str.strip, chars)

    def lstrip(self, chars: str | None = None) -> str:  # type: ignore[override]  # text when chars given
        """Markdown without leading spaces and tabs; plain text when stripping other characters."""
        return self._trimmed(str.lstrip, chars)

    def rstrip(self, chars: str | None = None) -> str:  # type: ignore[override]  # text when chars given
        """Markdown without trailing spaces and tabs; plain text when stripping other characters."""
        return self._trimmed(str.rstrip, chars)

    def _trimmed(self, method: Callable[[str, str | None], str], chars: str | None) -> str:
        # Only ASCII whitespace: Python's own strip also takes U+00A0 and the like,
        # which Markdown does not count as indentation, so "\xa01. x" would become a list.
        if chars is None or not chars.strip(_ASCII_SPACE):
            return Markdown(method(str(self), _ASCII_SPACE if chars is None else chars))
        return method(str(self), chars)


_ASCII_SPACE = " \t\n\r\f\v"


def _as_text(method: Callable[..., Any]) -> Callable[..., Any]:
    def as_text(self: Markdown, *args: Any, **kwargs: Any) -> Any:
        return method(str(self), *args, **kwargs)

    as_text.__name__ = method.__name__
    as_text.__doc__ = f"Plain text: ``str.{method.__name__}`` on the Markdown's characters."
    return as_text


#: Markdown methods that cut or rebuild the text, so give plain text (see :class:`Markdown`).
TEXT_METHODS = (
    "__getitem__", "center", "ljust", "partition", "removeprefix", "removesuffix", "replace",
    "rjust", "rpartition", "rsplit", "split", "splitlines", "translate", "zfill",
)
for _name in TEXT_METHODS:
    setattr(Markdown, _name, _as_text(getattr(str, _name)))


def escape(value: Any) -> Markdown:
    """Any value as Markdown: Markdown as it is, anything else as its text, escaped.

    A ``markupsafe.Markup`` that is not Markdown is HTML (from a Jinja filter
    such as ``tojson`` or ``urlize``): its text, without tags, is escaped.
    """
    if isinstance(value, Markdown):
        return value
    text = value.striptags() if isinstance(value, Markup) else str(value)
    return Markdown(escape_markdown(text))
