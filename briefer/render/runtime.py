"""Jinja's runtime with Markdown escaping in place of HTML escaping.

Jinja escapes for HTML: ``~``, ``join``, macros and ``Markup`` methods call
markupsafe's HTML ``escape``, so a source string a filter rebuilt and then
joined to a citation would keep its ``*`` and ``[``. Compiled brief templates
instead import the names below in place of ``jinja2.runtime``'s, so every
escape Jinja does is :func:`~briefer.render.escape.escape` and every capture is
:class:`~briefer.render.escape.Markdown`; :func:`finalize` escapes whatever
else reaches the output, even inside ``{% autoescape false %}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2.runtime
from jinja2 import pass_eval_context
from jinja2.compiler import CodeGenerator
from markupsafe import soft_str

from briefer.render.escape import Markdown, escape

if TYPE_CHECKING:
    from collections.abc import Iterable

    from jinja2.nodes import EvalContext, Node

__all__ = ["BriefCodeGenerator", "Macro", "Markdown", "escape", "finalize", "markup_join"]

_JINJA_RUNTIME = "from jinja2.runtime import "
_OURS = "from briefer.render.runtime import Markdown as Markup, Macro, escape, markup_join"


@pass_eval_context
def finalize(eval_ctx: EvalContext, value: Any) -> Markdown:
    """Jinja ``finalize``: Markdown passes, None prints nothing, anything else is escaped.

    It takes the evaluation context only so that Jinja never folds an output at
    compile time, where it would escape it for HTML instead.
    """
    return Markdown() if value is None else escape(value)


def markup_join(seq: Iterable[Any]) -> str:
    """Jinja's ``~``: Markdown when any part is markup (the others escaped), else plain text."""
    parts = [soft_str(part) for part in seq]
    if any(hasattr(part, "__html__") for part in parts):
        return Markdown().join(parts)
    return "".join(parts)


class Macro(jinja2.runtime.Macro):
    """Jinja's macro, whose output (all of it escaped already) is Markdown, not HTML."""

    def _invoke(self, arguments: list[Any], autoescape: bool) -> str:
        output = self._func(*arguments)
        return Markdown(output) if autoescape else output


class BriefCodeGenerator(CodeGenerator):
    """Jinja's code generator, importing this module's names after ``jinja2.runtime``'s."""

    def writeline(self, x: str, node: Node | None = None, extra: int = 0) -> None:
        """Write a line of the compiled module (and our import after Jinja's runtime import)."""
        super().writeline(x, node, extra)
        if x.startswith(_JINJA_RUNTIME):
            super().writeline(_OURS)
