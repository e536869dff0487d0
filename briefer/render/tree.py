"""Markdown parsed once into a tree that every writer (HTML, DOCX) walks.

The dialect is CommonMark with GitHub-style tables and footnotes, raw HTML off
(it stays literal text) and links limited by markdown-it's URL validation (no
``javascript:``). Python-Markdown with the tables and footnotes extensions reads
the same documents the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin


@cache
def parser() -> MarkdownIt:
    """The shared Markdown parser."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return md.enable("table").use(footnote_plugin)


@dataclass(slots=True)
class Tree:
    """A parsed document: markdown-it's tokens, its env (footnotes), and the node tree."""

    tokens: list[Token]
    env: dict[str, Any] = field(default_factory=dict)
    _root: SyntaxTreeNode | None = None

    @property
    def root(self) -> SyntaxTreeNode:
        """The document as a tree of nodes (built once, on first use)."""
        if self._root is None:
            self._root = SyntaxTreeNode(self.tokens)
        return self._root


def parse(markdown: str) -> Tree:
    """Parse Markdown into a :class:`Tree`."""
    env: dict[str, Any] = {}
    tokens = parser().parse(markdown, env)
    return Tree(tokens, env)
