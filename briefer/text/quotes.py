"""Quotation spans: straight, curly, «guillemets», „low-high“ and single quotes.

Marks pair up within a paragraph; nested quotes stay inside the outer one. A
paragraph that opens a quote without closing it continues into the next (news
style: each continued paragraph re-opens with a mark, only the last closes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.text.spans import trim

_MARKS = re.compile("[\"'“”«»„‘’]")
_OPEN_BEFORE = frozenset("([{—–-/“‘«„\"'")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…’”»\"'")
_REOPEN = frozenset('"“«„‘')
MAX_CONTINUED = 8  # paragraphs a quote may run over


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the marks' offsets and the words between them.

    ``open``/``close`` index the opening and closing marks; ``start``/``end`` the
    words inside (no surrounding spaces, no trailing comma). ``paragraphs`` is how
    many paragraphs it runs over; ``closed`` is False when no closing mark was found.
    """

    open: int
    close: int
    start: int
    end: int
    paragraphs: int = 1
    closed: bool = True


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line of the text."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _closable(mark: str, prev: str, nxt: str) -> str:
    """The opening marks that ``mark``, between ``prev`` and ``nxt``, may close."""
    if mark == "»":
        return "«"
    if mark == "”":
        return "“„"
    if mark == "“":
        return "„"
    if mark == "’":
        if nxt == "’":
            return "“‘'"  # ’’ typed for ”
        return "" if nxt.isalpha() else "‘'"
    if mark == '"':
        return "" if prev.isspace() else '"“'  # “…" mixed: the straight mark closes the curly one
    if mark == "'":
        return "" if prev.isspace() or nxt.isalpha() else "'‘"
    return ""


def _opens(mark: str, prev: str, nxt: str) -> bool:
    if mark in "«„“":
        return not nxt.isspace()
    if mark == "‘":
        return not prev.isalnum() and not nxt.isspace()
    if mark in "\"'":
        return (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
    return False


def _scan(text: str, start: int, end: int, stack: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Pair marks in ``text[start:end]`` onto ``stack``; return closed outermost pairs.

    A mark closes the innermost open quote it can close. ``depths`` keeps, per
    opening mark, the stack depths holding it, so finding that quote takes
    constant time and the scan stays linear however many quotes are left open.
    """
    found = []
    depths: dict[str, list[int]] = {}
    for depth, (opener, _) in enumerate(stack):
        depths.setdefault(opener, []).append(depth)
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        mark = text[i]
        prev = text[i - 1] if i > start else "\n"
        nxt = text[i + 1] if i + 1 < end else "\n"
        candidates = [depths[o][-1] for o in _closable(mark, prev, nxt) if depths.get(o)]
        if candidates:
            depth = max(candidates)
            opened = stack[depth][1]
            del stack[depth:]
            for held in depths.values():
                while held and held[-1] >= depth:
                    held.pop()
            if not stack:
                found.append((opened, i))
        elif _opens(mark, prev, nxt):
            depths.setdefault(mark, []).append(len(stack))
            stack.append((mark, i))
    return found


def _quote(text: str, opened: int, closed: int, paragraphs: int, is_closed: bool = True) -> Quote | None:
    start, end = trim(text, opened + 1, closed)
    while end > start and text[end - 1] in ", \u00a0":
        end -= 1
    if end <= start:
        return None
    return Quote(opened, closed, start, end, paragraphs, is_closed)


def find_quotes(text: str) -> list[Quote]:
    """Every outermost quotation of the text, in order."""
    paras = paragraphs(text)
    quotes: list[Quote] = []
    index = 0
    while index < len(paras):
        p_start, p_end = paras[index]
        stack: list[tuple[str, int]] = []
        for opened, closed in _scan(text, p_start, p_end, stack):
            q = _quote(text, opened, closed, 1)
            if q:
                quotes.append(q)
        if not stack:
            index += 1
            continue
        carried = stack[0]
        follow = index + 1
        result = None
        while follow < len(paras) and follow - index < MAX_CONTINUED:
            f_start, f_end = paras[follow]
            first = f_start
            if text[first] in _REOPEN:
                first += 1
            stack = [carried]
            pairs = _scan(text, first, f_end, stack)
            if pairs:
                result = (pairs[0][0], pairs[0][1], follow)
                break
            if not stack or stack[0] != carried:
                break
            follow += 1
        if result is not None and result[0] == carried[1]:
            q = _quote(text, carried[1], result[1], result[2] - index + 1)
            if q:
                quotes.append(q)
            # the rest of the closing paragraph may hold more quotes
            stack = []
            for opened, closed in _scan(text, result[1] + 1, paras[result[2]][1], stack):
                q = _quote(text, opened, closed, 1)
                if q:
                    quotes.append(q)
            index = result[2] + 1
            continue
        q = _quote(text, carried[1], p_end, 1, is_closed=False)
        if q:
            quotes.append(q)
        index += 1
    return quotes


def masked(text: str, quotes: list[Quote]) -> str:
    """The text with quotation interiors blanked out (``·``), keeping a final ``.``, ``!``, ``?`` or ``…``.

    Offsets are unchanged, so rules can look for attributions outside quotes and
    sentence boundaries never fall inside one.
    """
    parts = []
    pos = 0
    for q in quotes:
        inner_end = q.close if q.closed else q.end
        keep = inner_end
        while keep > q.open + 1 and text[keep - 1] in ".!?… ":
            keep -= 1
        parts.append(text[pos : q.open + 1])
        parts.append("·" * (keep - q.open - 1))
        pos = keep
    parts.append(text[pos:])
    return "".join(parts)
