"""Plain-text articles in any encoding. Title: the first line; byline and dateline below it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefer.errors import ImportFailed
from briefer.ingest.normalize import UndecodableError, decode, looks_binary, normalize
from briefer.ingest.textmeta import text_author, text_date
from briefer.model import Article

if TYPE_CHECKING:
    from briefer.ingest.limits import Limits

FORMAT = "txt"
EXTENSIONS = (".txt", ".text")
_TITLE_MAX = 200
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]?$")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")


def sniff(head: bytes) -> bool:
    """Any non-binary content can be read as text; the registry asks this last."""
    return not looks_binary(head)


def split_title(text: str) -> tuple[str, str]:
    """``(title, body)``: a short first line that does not end a sentence is a headline.

    A Markdown heading mark on it ("# Title") is not part of the title.

    Otherwise the title is the start of the first line and the body is the whole text.
    """
    first, _, rest = text.partition("\n")
    first = _HEADING_MARK.sub("", first.strip())
    if rest.strip() and len(first) <= _TITLE_MAX and not _SENTENCE_END.search(first):
        return first, rest.strip("\n")
    if len(first) <= _TITLE_MAX:
        return first, text
    cut = first.rfind(" ", 0, 100)
    return first[: cut if cut > 40 else 100] + "…", text


def extract(data: bytes, name: str, limits: Limits) -> Article:
    """Decode and normalise a text file; raise ImportFailed when it is not text."""
    del limits  # the registry has already capped the size
    if looks_binary(data):
        raise ImportFailed(name, "binary file, not text")
    try:
        raw, _encoding = decode(data)
    except UndecodableError as exc:
        raise ImportFailed(name, str(exc)) from exc
    text = normalize(raw)
    if not text:
        raise ImportFailed(name, "the file holds no text")
    title, body = split_title(text)
    return Article(title=title, text=body, author=text_author(body),
                   published=text_date(body), format=FORMAT)
