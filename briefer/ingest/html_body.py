"""The article body of a parsed web page, as paragraphs of plain text.

trafilatura in precision mode, without comments, does most of the work. Around it:

- an article body split into sibling containers of one class (an advert between
  two halves) is joined first, since trafilatura keeps only the first container;
- when trafilatura returns a small fraction of the page's paragraph text (it took
  a reprint notice, a paywall teaser or nothing), readability-lxml extracts the
  page too and its result is used when it is much longer;
- a leading repeat of the headline is dropped (the title is kept apart), so are
  teaser and share-prompt lines (:mod:`briefer.ingest.furniture`), and
  paragraphs are separated by blank lines, list items and table rows by newlines.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html
from readability import Document as Readability
from trafilatura import bare_extraction

from briefer.ingest.furniture import drop_furniture
from briefer.ingest.quiet import quiet

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_LOGGERS = ("trafilatura", "readability", "htmldate", "courlan", "justext")

#: Below this share of the page's long-paragraph text, trafilatura's result is checked.
SUSPICIOUS_SHARE = 0.2
#: A fallback replaces trafilatura's text only when it is this many times longer.
FALLBACK_GAIN = 2.0
_LONG_PARAGRAPH = 80
_BODYISH = re.compile(r"article|body|content|story|entry|post|text", re.IGNORECASE)
_NOT_BODY = re.compile(r"comment|reply|review|related|teaser|card|promo|footer|sidebar|nav",
                       re.IGNORECASE)
_MIN_SPLIT_TEXT = 200
_MAX_GAP_TEXT = 150
_WORD = re.compile(r"\w+")
_LIST_OR_ROW = re.compile(r"^(?:- |\| )")
_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre tr dd dt figcaption div".split())
#: Pages with more elements than this skip trafilatura and readability, whose time
#: grows faster than the page (100,000 paragraphs took over 30 s): the text of the
#: article element (or body), without scripts, styles and navigation, is taken instead.
MAX_ELEMENTS = 40_000
_NOT_TEXT = ("script", "style", "noscript", "template", "nav", "aside", "footer", "form", "header")


def _paragraph_text(element: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in element.iterchildren("p"))


def _near_ancestors(element: HtmlElement, levels: int = 3) -> list[HtmlElement]:
    chain = [element]
    for ancestor in element.iterancestors():
        if len(chain) > levels:
            break
        chain.append(ancestor)
    return chain


def _adjacent(first: HtmlElement, other: HtmlElement) -> bool:
    """True when ``other`` follows ``first`` under a near common parent with little text between."""
    other_chain = _near_ancestors(other)
    for mine in _near_ancestors(first):
        parent = mine.getparent()
        theirs = next((o for o in other_chain if o is not mine and o.getparent() is parent), None)
        if parent is None or theirs is None:
            continue
        between = 0
        for sibling in mine.itersiblings():
            if sibling is theirs:
                return True
            between += len(sibling.text_content().strip())
            if between > _MAX_GAP_TEXT:
                return False
        return False
    return False


def join_split_bodies(tree: HtmlElement) -> int:
    """Join article-body containers split by adverts into the first one; return how many moved.

    Containers qualify when they share tag and class, the class names a body
    (article, content, story…), each holds real paragraphs, and only short
    text (an advert slot) lies between them.
    """
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for element in tree.iter("div", "section", "article"):
        cls = element.get("class") or ""
        if _BODYISH.search(cls) and not _NOT_BODY.search(cls) and \
                _paragraph_text(element) >= _MIN_SPLIT_TEXT:
            groups.setdefault((element.tag, cls), []).append(element)
    moved = 0
    for members in groups.values():
        first = previous = members[0]
        for other in members[1:]:
            if not _adjacent(previous, other):
                break
            first.extend(list(other))
            other.drop_tree()
            previous = other
            moved += 1
    return moved


def _long_paragraph_text(tree: HtmlElement) -> int:
    return sum(n for p in tree.iter("p") if (n := len(p.text_content().strip())) >= _LONG_PARAGRAPH)


def _trafilatura(tree: HtmlElement) -> str:
    document = bare_extraction(tree, favor_precision=True, include_comments=False,
                               include_tables=True, with_metadata=False)
    if document is None or isinstance(document, dict):  # with_metadata=False: a Document
        return ""
    return document.text or ""


def blocks_text(element: HtmlElement) -> str:
    """Text of an HTML fragment with one line per block element."""
    for block in element.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in element.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _readability(tree: HtmlElement) -> str:
    try:
        summary = Readability(deepcopy(tree)).summary(html_partial=True)
        return blocks_text(lxml.html.fromstring(summary))
    except Exception:  # noqa: BLE001 - a fallback that fails just is not used
        return ""


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def drop_headline(text: str, headlines: tuple[str, ...]) -> str:
    """``text`` without leading lines that repeat one of the page's headlines."""
    keys = {_key(h) for h in headlines if _key(h)}
    lines = text.split("\n")
    while lines and (not lines[0].strip() or _key(lines[0]) in keys):
        lines.pop(0)
    return "\n".join(lines)


def spaced(text: str) -> str:
    """One line per block becomes paragraphs separated by blank lines.

    Consecutive list items and table rows stay on consecutive lines.
    """
    out: list[str] = []
    previous = ""
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if out and not (_LIST_OR_ROW.match(line) and _LIST_OR_ROW.match(previous)):
            out.append("")
        out.append(line)
        previous = line
    return "\n".join(out)


def plain_text(tree: HtmlElement) -> str:
    """The text of the page's article element (or body), in time linear in the page."""
    lxml.etree.strip_elements(tree, *_NOT_TEXT, with_tail=False)
    root = next(tree.iter("article"), None)
    if root is None:
        root = next(tree.iter("body"), tree)
    return blocks_text(root)


def article_text(tree: HtmlElement, headlines: tuple[str, ...] = ()) -> str:
    """The article body of ``tree`` (modified: split bodies are joined) as plain paragraphs.

    Pages of more than :data:`MAX_ELEMENTS` elements get :func:`plain_text` instead.
    """
    if sum(1 for _ in tree.iter()) > MAX_ELEMENTS:
        return spaced(drop_furniture(drop_headline(plain_text(tree), headlines)))
    with quiet(*_LOGGERS):
        join_split_bodies(tree)
        text = _trafilatura(tree)
        if len(text) < SUSPICIOUS_SHARE * _long_paragraph_text(tree):
            fallback = _readability(tree)
            if len(fallback) > FALLBACK_GAIN * len(text):
                text = fallback
    return spaced(drop_furniture(drop_headline(text, headlines)))
