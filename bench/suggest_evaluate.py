"""Annotated development articles (``*.ann``) and scoring suggestions against them.

The format is described in ``tests/data/suggest/README.md``: a ``key: value``
header, a ``---`` line, then the text with inline marks ``⟦q=SPEAKER|…⟧``,
``⟦n=VALUE UNIT|…⟧`` and ``⟦d=ISO|…⟧`` that may nest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.errors import InvalidInput

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

OPEN, CLOSE = "⟦", "⟧"
MARK_KINDS = {"q": "quote", "n": "figure", "d": "date", "p": "person", "o": "organisation", "l": "location"}
ACTOR_KINDS = ("person", "organisation", "location")
_HEAD = re.compile(r"([qndpol])(?:=([^|⟦⟧]*))?\|")


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated span: kind, offsets into the clean text, and its attributes."""

    kind: str
    start: int
    end: int
    text: str
    attributes: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Annotated:
    """An annotated article: its clean text, header fields, marked spans and actors."""

    name: str
    text: str
    header: dict[str, str]
    spans: tuple[Gold, ...]
    actors: dict[str, tuple[str, ...]]

    @property
    def published(self) -> str | None:
        """The publication date from the header, or None."""
        return self.header.get("published") or None

    @property
    def split(self) -> str:
        """``dev`` or ``heldout``."""
        return self.header.get("split", "dev")


def _attributes(kind: str, raw: str | None, where: str) -> dict[str, object]:
    if raw is None or raw == "":
        if kind == "quote":
            raise InvalidInput(where, "a quote needs a speaker")
        if kind == "figure":
            raise InvalidInput(where, "a figure needs a value")
        return {}
    if kind == "quote":
        return {"speaker": [name.strip() for name in raw.split(" / ") if name.strip()]}
    if kind == "date":
        return {"iso": raw.strip()}
    if kind in ACTOR_KINDS:
        return {"canonical": raw.strip()}
    value, _, unit = raw.strip().partition(" ")
    low, _, high = value.partition("..")
    try:
        attrs: dict[str, object] = {"value": float(low)}
        if high:
            attrs["upper"] = float(high)
    except ValueError as exc:
        raise InvalidInput(where, f"figure value {value!r} is not a number") from exc
    attrs["unit"] = unit.strip()
    return attrs


def parse(source: str, name: str = "article") -> Annotated:
    """Parse an annotated article; raise InvalidInput naming the problem."""
    head, sep, body = source.partition("\n---\n")
    if not sep:
        raise InvalidInput(name, "no '---' line after the header")
    header: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip():
            key, colon, value = line.partition(":")
            if not colon:
                raise InvalidInput(name, f"header line {line!r} is not 'key: value'")
            header[key.strip()] = value.strip()
    text: list[str] = []
    length = 0
    stack: list[tuple[str, int, dict[str, object]]] = []
    spans: list[Gold] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == OPEN:
            m = _HEAD.match(body, i + 1)
            if not m:
                raise InvalidInput(name, f"malformed mark at {body[i : i + 30]!r}")
            kind = MARK_KINDS[m.group(1)]
            stack.append((kind, length, _attributes(kind, m.group(2), f"{name}: {body[i : i + 40]!r}")))
            i = m.end()
            continue
        if ch == CLOSE:
            if not stack:
                raise InvalidInput(name, f"unopened mark end near {body[max(0, i - 30) : i]!r}")
            kind, start, attrs = stack.pop()
            clean = "".join(text)
            if start == length or clean[start:length].strip() != clean[start:length]:
                raise InvalidInput(name, f"empty or space-padded {kind} near {clean[start:length]!r}")
            spans.append(Gold(kind, start, length, clean[start:length], attrs))
            i += 1
            continue
        text.append(ch)
        length += 1
        i += 1
    if stack:
        raise InvalidInput(name, f"{len(stack)} mark(s) never closed")
    actors = {
        kind: tuple(n.strip() for n in header.get(kind, "").split(";") if n.strip()) for kind in ACTOR_KINDS
    }
    spans.sort(key=lambda g: (g.start, g.end))
    return Annotated(name, "".join(text).rstrip("\n"), header, tuple(spans), actors)


def load(path: str | Path) -> Annotated:
    """Read and parse one ``*.ann`` file."""
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), path.name)


def load_dir(folder: str | Path, splits: Iterable[str] | None = None) -> list[Annotated]:
    """Every ``*.ann`` article in a folder (optionally only some splits), by name."""
    wanted = set(splits) if splits is not None else None
    articles = [load(p) for p in sorted(Path(folder).glob("*.ann"))]
    return [a for a in articles if wanted is None or a.split in wanted]


_DETERMINERS = frozenset("the a an one".split())
_PUNCT = re.compile(r"[^\w\s]")


def normalise_name(name: str) -> str:
    """A name for comparison: lower case, no punctuation or leading article."""
    words = _PUNCT.sub(" ", name.replace("’s", "").replace("'s", "")).lower().split()
    while len(words) > 1 and words[0] in _DETERMINERS:
        words.pop(0)
    return " ".join(words)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add another count in place."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> dict[str, float | int]:
        """Precision, recall, F1 and the raw counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def overlap_ratio(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Shared characters over the longer span's length (0..1)."""
    shared = min(a_end, b_end) - max(a_start, b_start)
    return max(0, shared) / max(a_end - a_start, b_end - b_start, 1)


def speaker_matches(gold: Gold, speaker: object) -> bool:
    """Whether a predicted speaker is one of the gold speaker's names."""
    if not isinstance(speaker, str) or not speaker:
        return False
    names = gold.attributes.get("speaker") or []
    assert isinstance(names, list)
    return normalise_name(speaker) in {normalise_name(n) for n in names}


def match(
    gold: Sequence[Gold], predicted: Sequence[Any], *, exact: bool, agree: Any = None
) -> list[tuple[Gold, Any]]:
    """Pairs of gold and predicted spans matched one to one (exact or ≥ 50 % overlap).

    ``agree(gold, predicted)`` may add a condition (the same speaker for quotes).
    """
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_ratio = None, 0.0
        for i, p in enumerate(predicted):
            if i in used or (agree is not None and not agree(g, p)):
                continue
            ratio = overlap_ratio(g.start, g.end, p.start, p.end)
            if exact and (p.start, p.end) != (g.start, g.end):
                continue
            if ratio >= 0.5 and ratio > best_ratio:
                best, best_ratio = i, ratio
        if best is not None:
            used.add(best)
            pairs.append((g, predicted[best]))
    return pairs


def score_article(article: Annotated, predicted: Sequence[Any]) -> dict[str, dict[str, Counts]]:
    """Counts per kind and mode for one article's predictions (Suggestion-like objects)."""
    result: dict[str, dict[str, Counts]] = {}
    for kind in ("quote", "figure", "date"):
        gold = [g for g in article.spans if g.kind == kind]
        pred = [p for p in predicted if p.kind == kind]
        modes = {"exact": (True, None), "overlap": (False, None)}
        if kind == "quote":
            same = lambda g, p: speaker_matches(g, p.attributes.get("speaker"))  # noqa: E731
            modes = {"exact": (True, same), "overlap": (False, same), "span_only": (False, None)}
        result[kind] = {}
        for mode, (exact, agree) in modes.items():
            tp = len(match(gold, pred, exact=exact, agree=agree))
            result[kind][mode] = Counts(tp, len(pred) - tp, len(gold) - tp)
        if kind in ("figure", "date"):
            pairs = match(gold, pred, exact=False)
            right = sum(_attribute_right(kind, g, p) for g, p in pairs)
            checked = sum(kind == "figure" or bool(g.attributes.get("iso")) for g, _ in pairs)
            result[kind]["attribute"] = Counts(right, checked - right, 0)
    quotes = [g for g in article.spans if g.kind == "quote"]
    pairs = match(quotes, [p for p in predicted if p.kind == "quote"], exact=False)
    named = [(g, p) for g, p in pairs if _is_named(g)]
    right = sum(speaker_matches(g, p.attributes.get("speaker")) for g, p in named)
    result["quote"]["named_speaker"] = Counts(right, len(named) - right, 0)
    by_mention = any(g.kind in ACTOR_KINDS for g in article.spans)
    for kind in ACTOR_KINDS:
        gold_spans = [g for g in article.spans if g.kind == kind]
        if by_mention:  # labelled mention by mention: score spans, typed, >= 50 % overlap
            tp = len(match(gold_spans, [p for p in predicted if p.kind == kind], exact=False))
            pred = sum(p.kind == kind for p in predicted)
            result[kind] = {"span": Counts(tp, pred - tp, len(gold_spans) - tp)}
            continue
        gold_names = {normalise_name(n) for n in article.actors[kind]}
        pred_names = {
            normalise_name(str(p.attributes.get("canonical") or p.text)) for p in predicted if p.kind == kind
        }
        tp = len(gold_names & pred_names)
        result[kind] = {"entity": Counts(tp, len(pred_names) - tp, len(gold_names) - tp)}
    return result


def _is_named(gold: Gold) -> bool:
    """Whether a gold quote's speaker is a name (not a description such as "one official")."""
    names = gold.attributes.get("speaker") or []
    assert isinstance(names, list)
    first = str(names[0]) if names else "?"
    return first[:1].isupper() and first.split()[0].lower() not in _DETERMINERS


def _attribute_right(kind: str, gold: Gold, pred: Any) -> bool:
    if kind == "date":
        return str(pred.attributes.get("iso") or "") == gold.attributes.get("iso")
    value = pred.attributes.get("value")
    expected = gold.attributes["value"]
    assert isinstance(expected, float)
    return isinstance(value, int | float) and abs(value - expected) <= 1e-6 * max(1.0, abs(expected))
