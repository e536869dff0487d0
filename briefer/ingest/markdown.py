"""Markdown articles: what a reader sees, with metadata from YAML front matter.

Front matter (``---`` … ``---`` at the top, read with PyYAML's safe loader and
capped in size) may give ``title``, ``author``, ``outlet`` or ``source``,
``url``, ``date`` or ``published``, and ``language``. Without a title there, the
first heading is the title. The stored text has the markup removed: paragraphs
and headings become paragraphs, list items and table rows become lines, and
quotation marks stay exactly as written (no typographic rewriting).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from briefer import yamlsafe
from briefer.errors import ImportFailed
from briefer.ingest.html_meta import iso_date
from briefer.ingest.normalize import UndecodableError, decode, looks_binary, normalize
from briefer.ingest.textmeta import text_author, text_date
from briefer.model import Article

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it.token import Token

    from briefer.ingest.limits import Limits

FORMAT = "markdown"
EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
#: Front matter larger than this is refused (it is metadata, not a document).
MAX_FRONT_MATTER = 64 * 1024
_FIELDS = {"title": ("title",), "author": ("author", "authors", "byline"),
           "outlet": ("outlet", "source", "publisher", "site"), "url": ("url", "link", "canonical"),
           "published": ("published", "date", "pubdate"), "language": ("language", "lang")}
_LOOKS_MARKDOWN = re.compile(
    r"\A(?:\ufeff)?---\s*\n|^#{1,6}\s+\S|^\S.*\n(?:=+|-+)\s*$|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*",
    re.MULTILINE,
)
_TAGS = re.compile(r"<[^>]*>")


def sniff(head: bytes) -> bool:
    """True for text that shows Markdown syntax (front matter, headings, links, bold)."""
    if looks_binary(head):
        return False
    try:
        text = decode(head)[0]
    except UndecodableError:
        return False
    return _LOOKS_MARKDOWN.search(text) is not None


def _parser() -> MarkdownIt:
    return (MarkdownIt("commonmark", {"typographer": False})
            .enable(["table", "strikethrough"]).use(front_matter_plugin))


def _inline(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts).strip()


class _Renderer:
    """Markdown tokens to plain text blocks (paragraphs; lists and tables as line groups)."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.group: list[str] | None = None  # lines of the list or table being built
        self.lists: list[list[Any]] = []  # [ordered, next number, first paragraph pending]
        self.row: list[str] | None = None
        self.headings: list[tuple[str, int]] = []  # (text, block index)
        self.heading_level = 0  # of the heading whose text comes next

    def _line(self, text: str) -> None:
        if not self.lists:
            self.blocks.append(text)
            return
        ordered, number, pending = self.lists[-1]
        indent = "  " * (len(self.lists) - 1)
        if pending:
            marker = f"{number}. " if ordered else "- "
            self.lists[-1][2] = False
            text = f"{indent}{marker}{text}"
        else:
            text = f"{indent}  {text}"
        if self.group is not None:
            self.group.append(text)

    def _close_group(self) -> None:
        if self.group:
            self.blocks.append("\n".join(self.group))
        self.group = None

    def feed(self, tokens: list[Token]) -> None:
        """Render ``tokens`` into :attr:`blocks` (and :attr:`headings`), one handler per token type."""
        self.heading_level = 0
        for token in tokens:
            handler = _HANDLERS.get(token.type)
            if handler is not None:
                handler(self, token)

    def _open_list(self, token: Token) -> None:
        if not self.lists:
            self.group = []
        start = int(token.attrGet("start") or 1)
        self.lists.append([token.type == "ordered_list_open", start - 1, False])

    def _open_item(self, token: Token) -> None:
        self.lists[-1][1] += 1
        self.lists[-1][2] = True

    def _close_list(self, token: Token) -> None:
        self.lists.pop()
        if not self.lists:
            self._close_group()

    def _open_table(self, token: Token) -> None:
        self.group = []

    def _close_table(self, token: Token) -> None:
        self._close_group()

    def _open_row(self, token: Token) -> None:
        self.row = []

    def _close_row(self, token: Token) -> None:
        if self.row is not None and self.group is not None:
            self.group.append(" | ".join(self.row))
            self.row = None

    def _open_heading(self, token: Token) -> None:
        self.heading_level = int(token.tag[1])

    def _text(self, token: Token) -> None:
        """Inline text: a table cell, a heading (outside lists) or a line of its block."""
        text = _inline(token)
        if self.row is not None:
            self.row.append(text)
        elif text:
            if self.heading_level and not self.lists:
                self.headings.append((text, len(self.blocks)))
            self._line(text)
        self.heading_level = 0

    def _code(self, token: Token) -> None:
        if token.content.strip():
            self._line(token.content.rstrip("\n"))

    def _html(self, token: Token) -> None:
        text = html.unescape(_TAGS.sub("", token.content)).strip()
        if text:
            self._line(text)


_HANDLERS: dict[str, Callable[[_Renderer, Token], None]] = {
    "bullet_list_open": _Renderer._open_list,
    "ordered_list_open": _Renderer._open_list,
    "list_item_open": _Renderer._open_item,
    "bullet_list_close": _Renderer._close_list,
    "ordered_list_close": _Renderer._close_list,
    "table_open": _Renderer._open_table,
    "table_close": _Renderer._close_table,
    "tr_open": _Renderer._open_row,
    "tr_close": _Renderer._close_row,
    "heading_open": _Renderer._open_heading,
    "inline": _Renderer._text,
    "fence": _Renderer._code,
    "code_block": _Renderer._code,
    "html_block": _Renderer._html,
}


def _value(data: dict[str, Any], field: str) -> str | None:
    for key in _FIELDS[field]:
        value = data.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if isinstance(v, str | int | float))
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        if isinstance(value, str | int | float) and str(value).strip():
            return " ".join(str(value).split())
    return None



def front_matter(tokens: list[Token], name: str) -> dict[str, Any]:
    """The YAML front matter among parsed ``tokens`` as a dict ({} when there is none)."""
    token = next((t for t in tokens if t.type == "front_matter"), None)
    if token is None:
        return {}
    if len(token.content) > MAX_FRONT_MATTER:
        raise ImportFailed(name, f"front matter is over {MAX_FRONT_MATTER // 1024} KB")
    try:
        data = yamlsafe.load(token.content)
    except yamlsafe.YamlProblem as exc:
        if exc.reason == yamlsafe.NESTED:
            raise ImportFailed(name, "front matter is nested too deeply") from exc
        where = f" at line {exc.line + 1}" if exc.line is not None else ""
        raise ImportFailed(name, f"front matter{where}: {exc.reason}") from exc
    return data if isinstance(data, dict) else {}


def extract(data: bytes, name: str, limits: Limits) -> Article:
    """Decode, read front matter, and render a Markdown file to plain text."""
    del limits  # the registry has capped the size
    if looks_binary(data):
        raise ImportFailed(name, "binary file, not Markdown")
    try:
        source = normalize(decode(data)[0])
    except UndecodableError as exc:
        raise ImportFailed(name, str(exc)) from exc
    tokens = _parser().parse(source)
    meta = front_matter(tokens, name)
    renderer = _Renderer()
    renderer.feed(tokens)
    blocks = renderer.blocks
    title = _value(meta, "title")
    heading, index = renderer.headings[0] if renderer.headings else (None, -1)
    if index == 0 and (title is None or heading == title):
        blocks = blocks[1:]  # the document opens with its title: keep it out of the body
    title = title or heading
    text = normalize("\n\n".join(blocks))
    if not text:
        raise ImportFailed(name, "the file holds no text")
    return Article(
        title=title or text.partition("\n")[0][:200], text=text,
        author=_value(meta, "author") or text_author(text), outlet=_value(meta, "outlet"),
        url=_value(meta, "url"),
        published=iso_date(_value(meta, "published")) or text_date(text),  # 30 February or .inf is no date
        language=_value(meta, "language"), format=FORMAT,
    )
