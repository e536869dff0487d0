"""The template engine: Jinja's immutable sandbox producing Markdown.

:func:`render_markdown` runs in a child process (see :mod:`briefer.render.api`):
a template from a colleague can neither reach Python internals (sandbox), nor
hang or exhaust the app (time and memory limits), nor flood it (output cap).
Undefined names are errors (StrictUndefined), reported with the template line.
"""

from __future__ import annotations

import re
import traceback
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefer.errors import TemplateFailed
from briefer.render.filters import FILTERS
from briefer.render.runtime import BriefCodeGenerator, finalize

MAX_OUTPUT_CHARS = 20_000_000
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_CACHE: dict[tuple[str, str], jinja2.Template] = {}
_CACHE_SIZE = 16


class BriefEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox for brief contexts, escaping for Markdown.

    A dict's keys win over its methods (``section.items`` is the items). Only
    :class:`~briefer.render.escape.Markdown` is output as it is; any other value
    is escaped, whatever filters or string methods made it (see
    :mod:`briefer.render.runtime`).
    """

    code_generator_class = BriefCodeGenerator

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``: a context key first, then the sandbox's checked attribute."""
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def environment() -> BriefEnvironment:
    """The sandboxed environment brief templates run in."""
    env = BriefEnvironment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env


_ENV = environment()


def _compile(body: str, filename: str) -> jinja2.Template:
    key = (filename, body)
    template = _CACHE.get(key)
    if template is None:
        try:
            code = _ENV.compile(body, name=filename, filename=filename)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateFailed(filename, exc.lineno, exc.message or "syntax error") from None
        except RecursionError:
            raise TemplateFailed(filename, None, "nested too deeply to compile") from None
        except (ValueError, OverflowError, MemoryError) as exc:  # Jinja folds constants: 10**5000
            raise TemplateFailed(filename, None, f"cannot compile a constant ({_short(exc)})") from None
        template = _ENV.template_class.from_code(_ENV, code, _ENV.globals)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = template
    return template


def _short(exc: BaseException) -> str:
    """The first clause of an exception's message (Python's digit-limit message runs on)."""
    return str(exc).split(";")[0].strip() or type(exc).__name__


def _template_line(exc: BaseException, filename: str) -> int | None:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    return frames[-1].lineno if frames else None


def render_markdown(
    body: str, filename: str, context: dict[str, Any], max_chars: int = MAX_OUTPUT_CHARS
) -> str:
    """Render a template body with ``context``; raise TemplateFailed with file and line.

    Runs of blank lines are collapsed to one and leading blank lines dropped.
    """
    template = _compile(body, filename)
    parts: list[str] = []
    size = 0
    try:
        for chunk in template.generate(context):
            size += len(chunk)
            if size > max_chars:
                raise TemplateFailed(filename, None, f"output is larger than {max_chars:,} characters")
            parts.append(chunk)
    except TemplateFailed:
        raise
    except SecurityError as exc:
        raise TemplateFailed(filename, _template_line(exc, filename), f"not allowed: {exc}") from None
    except jinja2.TemplateError as exc:
        raise TemplateFailed(filename, _template_line(exc, filename), str(exc)) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        line = _template_line(exc, filename)
        raise TemplateFailed(filename, line, f"{type(exc).__name__}: {_short(exc)}") from None
    except RecursionError as exc:
        line = _template_line(exc, filename)
        raise TemplateFailed(filename, line, "recursion too deep (a macro or loop that calls itself"
                                             " without end?)") from None
    text = _BLANK_LINES_RE.sub("\n\n", "".join(parts)).lstrip("\n")
    return text.rstrip() + "\n" if text.strip() else ""
