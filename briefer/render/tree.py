"""Markdown parsed once into a tree that every writer (HTML, DOCX) walks.

The dialect is CommonMark with GitHub-style tables and footnotes, pandoc-style
fenced divs for the analyst's own words (``::: analyst``), raw HTML off
(it stays literal text) and links limited by markdown-it's URL validation (no
``javascript:``). Python-Markdown with the tables and footnotes extensions reads
the same documents the same way.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it.token import Token

#: Fenced divs (``::: analyst`` … ``:::``, as pandoc writes them) the writers style.
CONTAINERS = ("analyst",)


@cache
def parser() -> MarkdownIt:
    """The shared Markdown parser."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").use(footnote_plugin)
    for name in CONTAINERS:
        md.use(container_plugin, name=name)
    return md


class Node:
    """One node of the document tree: a block or inline element with its children.

    Like markdown-it's SyntaxTreeNode (``type`` without ``_open``, ``tag``,
    ``attrs``, ``meta``, ``content``, ``children``) but built in one pass, about
    three times faster on a 5000-item brief.
    """

    __slots__ = ("attrs", "children", "content", "meta", "tag", "type")

    def __init__(self, token: Token | None = None) -> None:
        self.type = token.type.removesuffix("_open") if token is not None else "root"
        self.tag = token.tag if token is not None else ""
        self.attrs: dict[str, Any] = token.attrs if token is not None else {}
        self.meta: dict[str, Any] = token.meta if token is not None else {}
        self.content = token.content if token is not None else ""
        self.children: list[Node] = []


def build_tree(tokens: list[Token], root: Node | None = None) -> Node:
    """Nest markdown-it's flat token stream (inline children included) into nodes."""
    root = root or Node()
    stack = [root]
    for token in tokens:
        if token.nesting == -1:
            stack.pop()
            continue
        node = Node(token)
        stack[-1].children.append(node)
        if token.nesting == 1:
            stack.append(node)
        elif token.children:
            build_tree(token.children, node)
    return root


@dataclass(slots=True)
class Tree:
    """A parsed document: markdown-it's tokens, its env (footnotes), and the node tree."""

    tokens: list[Token]
    env: dict[str, Any] = field(default_factory=dict)
    _root: Node | None = None

    @property
    def root(self) -> Node:
        """The document as a tree of nodes (built once, on first use)."""
        if self._root is None:
            self._root = build_tree(self.tokens)
        return self._root


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures.

    Parsing a 5000-item brief makes a few hundred thousand objects; with a big
    live heap (the app's) collections triggered by them cost 15-25 % of the time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(markdown: str) -> Tree:
    """Parse Markdown into a :class:`Tree` (its node tree built too)."""
    env: dict[str, Any] = {}
    with paused_gc():
        tokens = parser().parse(markdown, env)
        tree = Tree(tokens, env)
        tree.root  # noqa: B018 - build the node tree while the collector rests
    return tree


def size(tree: Tree) -> int:
    """How many elements (block and inline tokens) a parsed document has: what laying it out costs."""
    return len(tree.tokens) + sum(len(token.children or ()) for token in tree.tokens)
