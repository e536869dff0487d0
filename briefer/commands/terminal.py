r"""Printing source text on a terminal: control characters made visible, never obeyed.

Titles, names and texts come from the web and from colleagues. An ESC or a C1
control (CSI is U+009B) in them would let an article move the cursor, rewrite
the screen, retitle the window or worse when the command line prints it. On a
terminal, standard output and error pass through :class:`VisibleText`, which
prints every control character except tab and newline as ``\xNN``. JSON output
escapes them itself (:func:`json_text`), so it stays valid JSON anywhere.
"""

from __future__ import annotations

import io
import json
import re
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1_OR_DEL = re.compile("[\x7f-\x9f]")


def visible(text: str) -> str:
    r"""``text`` with every control character but tab and newline written as ``\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_text(value: Any) -> str:
    """``value`` as one line of JSON (UTF-8), with DEL and C1 controls escaped too."""
    text = json.dumps(value, ensure_ascii=False)
    return _C1_OR_DEL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class VisibleText(io.TextIOBase):
    """A text stream that writes through :func:`visible` to the terminal it wraps."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.raw_stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters made visible."""
        self.raw_stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        """Flush the terminal stream."""
        self.raw_stream.flush()

    def isatty(self) -> bool:
        """True: only terminals are wrapped."""
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The wrapped stream's encoding."""
        return self.raw_stream.encoding


def raw(stream: TextIO) -> TextIO:
    """The terminal under a :class:`VisibleText` (for our own escapes: the progress line)."""
    return stream.raw_stream if isinstance(stream, VisibleText) else stream


@contextmanager
def guarded() -> Iterator[None]:
    """Make control characters visible on standard output and error while they are terminals."""
    saved = sys.stdout, sys.stderr
    if sys.stdout.isatty():
        sys.stdout = VisibleText(sys.stdout)
    if sys.stderr.isatty():
        sys.stderr = VisibleText(sys.stderr)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stdout, sys.stderr = saved
