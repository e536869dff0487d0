"""YAML written by someone else (front matter, taxonomies): safe, bounded, problems in one line.

PyYAML's safe loader already refuses tags that construct Python objects, but
on values a colleague or a web page can write it raises what callers do not
expect: ``ValueError`` for 30 February or an integer of 5,000 digits,
``RecursionError`` for lists nested thousands deep, a reader error for a
control character. Here a value YAML cannot turn into its type stays the text
as written (``2026-02-30``, the 5,000 digits, ``.inf``: a non-finite float is
no number a brief uses), and everything else becomes :class:`YamlProblem`
with the line. (Callers cap the text: PyYAML reads about 200 KB a second.)
"""

from __future__ import annotations

import math
from typing import Any

import yaml

#: The reason given for YAML nested deeper than the parser (or Python's stack) goes.
NESTED = "nested too deeply"


class YamlProblem(ValueError):
    """YAML that cannot be read: ``line`` (1-based, or None) and a one-line ``reason``."""

    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


class _Loader(yaml.SafeLoader):
    """The safe loader, keeping as text the scalars its types cannot hold."""


def _lenient(tag: str, method: Any, keep: Any = None) -> None:
    def construct(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            value = method(loader, node)
        except (ValueError, OverflowError, AttributeError, TypeError):  # e.g. !!timestamp nonsense
            return node.value
        return node.value if keep is not None and not keep(value) else value

    _Loader.add_constructor(tag, construct)


_lenient("tag:yaml.org,2002:int", yaml.SafeLoader.construct_yaml_int)
_lenient("tag:yaml.org,2002:float", yaml.SafeLoader.construct_yaml_float, keep=math.isfinite)
_lenient("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_timestamp)


def _problem(exc: BaseException, offset: int) -> YamlProblem:
    if isinstance(exc, RecursionError):
        return YamlProblem(None, NESTED)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return YamlProblem(mark.line + 1 + offset if mark else None, str(exc.problem or exc.context))
    reader = getattr(exc, "character", None)
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(reader, int):
        return YamlProblem(None, f"a character YAML does not allow (U+{reader:04X})")
    return YamlProblem(None, " ".join(str(exc).split())[:200])


def compose(text: str, line_offset: int = 0) -> yaml.Node | None:
    """The node tree of ``text`` (lines numbered from ``line_offset`` + 1); raise YamlProblem."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError) as exc:
        raise _problem(exc, line_offset) from None


def construct(node: yaml.Node, line_offset: int = 0) -> Any:
    """The value of a composed node (lists, dicts, text, numbers, dates); raise YamlProblem."""
    loader = _Loader("")
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, RecursionError) as exc:
        raise _problem(exc, line_offset) from None
    finally:
        loader.dispose()


def load(text: str) -> Any:
    """The value of a YAML document; raise YamlProblem."""
    node = compose(text)
    return None if node is None else construct(node)
