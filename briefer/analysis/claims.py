"""Claims: items of different articles asserting the same thing, and the credibility they suggest.

Grouping rules (all from the analyst's own tags):

- **figures**: the same metric (the unit normalised: case, plural, synonyms such as
  dead/deaths/killed, scale words such as "million" folded into the value) about the
  same actor or place (a person, organisation or location tagged in the same
  paragraph, else anywhere in the article) and the same time window (the date tag of
  the paragraph, else the article's publication date; within :data:`WINDOW_DAYS`).
  Values agree when they differ by at most :data:`TOLERANCE` (2 %) of the larger:
  "478" and "480 square kilometres" agree, "12 killed" and "13 killed" do not.
- **quotes**: the same speaker (same surname, case-insensitive) and the same words,
  fuzzy: rapidfuzz's ratio of the normalised texts at least :data:`QUOTE_SIMILARITY`
  (quotes without a speaker: with each other only, at 95).
- **facts**: content-word overlap (Jaccard) at least :data:`FACT_OVERLAP`, or at least
  :data:`FACT_OVERLAP_SHARED` when they also share a number or a tagged actor/place.

A claim counts its **independent** sources: one per story cluster
(:mod:`briefer.analysis.stories`), an article in no cluster being its own story.
Suggested credibility (Admiralty scale; suggested only, never stored here):
1 when confirmed by ≥ 2 independent sources and more of them than any claim
contradicting it; 5 when otherwise contradicted (a conflicting figure,
:mod:`briefer.analysis.conflicts`); 3 for the rest (one source, no contradiction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, cast

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from briefer.model import AttrValue, Tag

TOLERANCE = 0.02
WINDOW_DAYS = 3
QUOTE_SIMILARITY = 85.0
FACT_OVERLAP = 0.5
FACT_OVERLAP_SHARED = 0.3
CLAIM_KINDS = ("figure", "quote", "fact")
ACTOR_KINDS = ("person", "organisation", "location")

_WORD = re.compile(r"\w+")
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9}
_SYNONYMS = {"dead": "killed", "death": "killed", "deaths": "killed", "fatality": "killed",
             "fatalities": "killed", "died": "killed", "kill": "killed", "wounded": "injured",
             "injury": "injured", "injuries": "injured", "hurt": "injured", "km": "kilometre",
             "kilometer": "kilometre", "kilometers": "kilometre", "kilometres": "kilometre",
             "sq": "square"}
_GENERIC = {"people", "person", "persons", "individuals", "of", "the", "a", "an", "were", "was", "been"}
_STOP = frozenset("""a an the of to in on at by for from with and or but is are was were be been has have
had it its this that these those as said says say after before over into about than their they he she
his her them we our not no also which who will would could can more most up out""".split())


@dataclass(frozen=True, slots=True)
class Source:
    """What a claim needs to know of an article: its story, publication date, text."""

    article_id: int
    story: int
    published: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """A claim-kind tag with what it is about (actors/places) and when (ISO date or None)."""

    tag: Tag
    about: frozenset[str]
    when: str | None
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Claim:
    """Tags asserting one thing; ``number`` from 1; ``key`` groups rival claims (figures)."""

    number: int
    kind: str
    tags: tuple[int, ...]
    articles: tuple[int, ...]
    independent_sources: int
    suggested_credibility: int
    key: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The claim as the command line's JSON object."""
        return {"claim": self.number, "kind": self.kind, "tags": list(self.tags),
                "articles": list(self.articles), "independent_sources": self.independent_sources,
                "suggested_credibility": self.suggested_credibility}


def name_key(text: str) -> str:
    """An actor or place name compared case- and spacing-insensitively."""
    return " ".join(_WORD.findall(text.casefold()))


@lru_cache(maxsize=65536)
def metric(value: float, unit: str | None) -> tuple[float, str]:
    """``(value, unit key)``: scale words folded into the value, the unit normalised.

    ``(25, "million deaths")`` -> ``(25_000_000, "killed")``.
    """
    words: list[str] = []
    for word in _WORD.findall((unit or "").casefold()):
        if word in _SCALE and not words:
            value *= _SCALE[word]
            continue
        word = _SYNONYMS.get(word, word)
        if word in _GENERIC:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(_SYNONYMS.get(word, word))
    return value, " ".join(words)


def agree(a: float, b: float) -> bool:
    """True when two figures are the same within :data:`TOLERANCE` of the larger."""
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def same_window(a: str | None, b: str | None) -> bool:
    """True when two event dates are within :data:`WINDOW_DAYS` (or either is unknown)."""
    days = _days(a, b)
    return days is None or days <= WINDOW_DAYS


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    lower = text.rfind("\n", 0, start) + 1
    upper = text.find("\n", end)
    return lower, len(text) if upper < 0 else upper


def items(tags: Sequence[Tag], sources: Mapping[int, Source]) -> list[Item]:
    """The claim-kind tags with their actors/places and event date, from the other tags."""
    by_article: dict[int, list[Tag]] = {}
    for tag in tags:
        by_article.setdefault(tag.article_id, []).append(tag)
    found = []
    for article_id, own in by_article.items():
        source = sources[article_id]
        actors = [(t.start, name_key(t.exact), t.exact) for t in own if t.kind in ACTOR_KINDS]
        dates = [(t.start, str(t.attributes["iso"])) for t in own
                 if t.kind == "date" and t.attributes.get("iso")]
        everywhere = frozenset(key for _, key, _ in actors)
        names = {key: " ".join(exact.split()) for _, key, exact in reversed(actors)}
        for tag in own:
            if tag.kind not in CLAIM_KINDS:
                continue
            lower, upper = _paragraph(source.text, tag.start, tag.end)
            near = frozenset(key for start, key, _ in actors if lower <= start < upper)
            when = next((iso for start, iso in dates if lower <= start < upper), source.published)
            found.append(Item(tag, near or everywhere, when, names))
    return found


@lru_cache(maxsize=65536)
def _surname(speaker: str) -> str:
    words = _WORD.findall(speaker.casefold())
    return words[-1] if words else ""


@lru_cache(maxsize=65536)
def quote_words(text: str) -> str:
    """A quote's words, case-folded, one space apart: how quote wordings are compared."""
    return " ".join(_WORD.findall(text.casefold()))


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry content (stop words left out), case-folded."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


#: How many earlier items sharing one blocking key an item is compared with (the latest).
_PER_KEY = 40


def _root(parent: list[int], i: int) -> int:
    """The representative of ``i`` in the union-find ``parent`` (paths halved on the way)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    """Join the groups of ``a`` and ``b`` under the lower representative."""
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _collected(members: list[Item], parent: list[int]) -> list[list[Item]]:
    """The groups of the union-find ``parent`` over ``members``, in member order."""
    groups: dict[int, list[Item]] = {}
    for index, item in enumerate(members):
        groups.setdefault(_root(parent, index), []).append(item)
    return list(groups.values())


def _groups(members: list[Item], same: Callable[[Item, Item], bool],
            keys: Callable[[Item], Iterable[object]]) -> list[list[Item]]:
    """Single-link groups of ``members`` under the pairwise test ``same``, in member order.

    Only items sharing a blocking key (``keys``: a surname, a content word…) are
    compared, each with at most :data:`_PER_KEY` earlier items of that key, and
    never two items already in one group: near-linear on large briefs.
    """
    parent = list(range(len(members)))
    seen: dict[object, list[int]] = {}
    for index, item in enumerate(members):
        tried: set[int] = set()
        for key in keys(item):
            earlier = seen.setdefault(key, [])
            for other in earlier[-_PER_KEY:]:
                if other in tried:
                    continue
                tried.add(other)
                if _root(parent, index) != _root(parent, other) and same(item, members[other]):
                    _union(parent, index, other)
            earlier.append(index)
    return _collected(members, parent)


def _day(when: str | None) -> date | None:
    """The event date of ``when`` (its first ten characters), None when unknown or unreadable."""
    try:
        return date.fromisoformat(when[:10]) if when else None
    except ValueError:
        return None


def _about_groups(members: list[Item], unit: Callable[[Item], str]) -> list[list[Item]]:
    """Single-link groups of figures of one unit, sharing an actor/place, in one time window.

    Exactly the groups of :func:`same_window` over every pair, in member order, in
    O(n log n): per unit and name, an item of unknown date is in the window of
    every other, and dated items chain when consecutive ones are
    :data:`WINDOW_DAYS` or fewer apart.
    """
    parent = list(range(len(members)))
    buckets: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(members):
        for name in item.about:
            buckets.setdefault((unit(item), name), []).append(index)
    days = [_day(i.when) for i in members]
    for bucket in buckets.values():
        dated = sorted((day, i) for i in bucket if (day := days[i]) is not None)
        if len(dated) < len(bucket):
            dated = [(date.min, i) for i in bucket]
        for (before, a), (after, b) in pairwise(dated):
            if (after - before).days <= WINDOW_DAYS:
                _union(parent, a, b)
    return _collected(members, parent)


def _figure_groups(members: list[Item]) -> list[tuple[tuple[str, ...], list[Item]]]:
    """Figures with a number value grouped by metric/about/window, then by agreeing value."""
    metrics = {id(i): m for i in members if (m := metric_of(i))[0] == m[0]}  # NaN: no number value
    members = [i for i in members if id(i) in metrics]
    found: list[tuple[tuple[str, ...], list[Item]]] = []
    for bucket in _about_groups(members, lambda i: metrics[id(i)][1]):
        unit = metrics[id(bucket[0])][1]
        names = sorted(frozenset.intersection(*(i.about for i in bucket)) or bucket[0].about)
        labels = [next((i.names[n] for i in bucket if n in i.names), n) for n in names]  # the first spelling
        key = (unit, ", ".join(labels), min((i.when or "")[:10] for i in bucket))
        run: list[Item] = []
        for item in sorted(bucket, key=lambda i: metrics[id(i)][0]):
            if run and not agree(metrics[id(run[-1])][0], metrics[id(item)][0]):
                found.append((key, run))
                run = []
            run.append(item)
        found.append((key, run))
    return found


def metric_of(item: Item) -> tuple[float, str]:
    """A figure item's normalised ``(value, unit key)``; NaN when it has no number value."""
    value = item.tag.attributes.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return float("nan"), ""
    unit = item.tag.attributes.get("unit")
    return metric(float(value), str(unit) if unit is not None else None)


def _same_quote(a: Item, b: Item) -> bool:
    sa = _surname(str(a.tag.attributes.get("speaker") or ""))
    sb = _surname(str(b.tag.attributes.get("speaker") or ""))
    needed = QUOTE_SIMILARITY if sa == sb and sa else 95.0 if sa == sb else 101.0
    return fuzz.ratio(quote_words(a.tag.exact), quote_words(b.tag.exact)) >= needed


def _same_fact(a: Item, b: Item) -> bool:
    wa, wb = content_words(a.tag.exact), content_words(b.tag.exact)
    if not wa or not wb:
        return False
    overlap = len(wa & wb) / len(wa | wb)
    shared = any(w.isdigit() for w in wa & wb) or bool(a.about & b.about)
    return overlap >= FACT_OVERLAP or (shared and overlap >= FACT_OVERLAP_SHARED)


def group(found: Iterable[Item]) -> list[tuple[str, tuple[str, ...], list[Item]]]:
    """``(kind, key, items)`` for every claim, before numbering and counting."""
    by_kind: dict[str, list[Item]] = {k: [] for k in CLAIM_KINDS}
    for item in sorted(found, key=lambda i: i.tag.id or 0):
        by_kind[item.tag.kind].append(item)
    result: list[tuple[str, tuple[str, ...], list[Item]]] = [
        ("figure", key, g) for key, g in _figure_groups(by_kind["figure"])]
    result += [("quote", (), g) for g in _groups(
        by_kind["quote"], _same_quote, lambda i: [_surname(str(i.tag.attributes.get("speaker") or ""))])]
    result += [("fact", (), g) for g in _groups(
        by_kind["fact"], _same_fact, lambda i: content_words(i.tag.exact))]
    return result


class Reach:
    """What a tag elsewhere must share with some items to possibly assert one of their claims.

    A necessary condition, looser than the grouping rules: a figure with the same
    metric (its article naming one of the actors/places the items' figures are
    about), a quote of the same speaker close enough in its words to one of
    theirs, a fact sharing enough content words with one of theirs. What it admits
    is grouped by :func:`group` like any other item.
    """

    def __init__(self, found: Iterable[Item]) -> None:
        self.names: set[str] = set()  # what the figures are about
        self.fact_names: set[str] = set()  # what the facts are about
        self.units: set[str] = set()
        self._quotes: dict[str, list[str]] = {}
        self._facts: list[frozenset[str]] = []
        for item in found:
            if item.tag.kind == "figure":
                value, unit = metric_of(item)
                if value == value:  # a figure without a number value is no claim (NaN)
                    self.names |= item.about
                    self.units.add(unit)
            elif item.tag.kind == "quote":
                speaker = _surname(str(item.tag.attributes.get("speaker") or ""))
                self._quotes.setdefault(speaker, []).append(quote_words(item.tag.exact))
            elif words := content_words(item.tag.exact):
                self._facts.append(words)
                self.fact_names |= item.about
        self._postings: dict[str, list[int]] = {}
        for index, words in enumerate(self._facts):
            for word in words:
                self._postings.setdefault(word, []).append(index)

    @property
    def has_quotes(self) -> bool:
        """True when the items hold a quote (so quotes elsewhere may join them)."""
        return bool(self._quotes)

    @property
    def has_facts(self) -> bool:
        """True when the items hold a fact with content words."""
        return bool(self._facts)

    def counts(self, value: AttrValue, unit: AttrValue) -> bool:
        """True when a figure's value and unit are of a metric the items' figures measure."""
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        return metric(float(value), str(unit) if unit is not None else None)[1] in self.units

    def heard(self, quotes: Sequence[tuple[str, AttrValue]]) -> list[bool]:
        """For each ``(text, speaker)``: may it be one of the items' quotes (as :func:`group` judges)?

        One batch per speaker's surname (rapidfuzz's ``cdist`` over every pair).
        """
        found = [False] * len(quotes)
        by_surname: dict[str, list[int]] = {}
        for index, (_, speaker) in enumerate(quotes):
            surname = _surname(speaker if isinstance(speaker, str) else "")
            if surname in self._quotes:
                by_surname.setdefault(surname, []).append(index)
        for surname, indexes in by_surname.items():
            scores = process.cdist([quote_words(quotes[i][0]) for i in indexes], self._quotes[surname],
                                   scorer=fuzz.ratio, score_cutoff=QUOTE_SIMILARITY if surname else 95.0,
                                   workers=-1)
            hits = cast("list[bool]", scores.any(axis=1).tolist())
            for index, hit in zip(indexes, hits, strict=True):
                found[index] = hit
        return found

    def may_say(self, text: str) -> bool | None:
        """Whether a fact may say what one of the items' facts says.

        True: enough content words in common (or fewer, with a number); None: fewer,
        so only when its article names an actor/place those facts are about
        (:attr:`fact_names`); False: not.
        """
        words = content_words(text)
        shared: dict[int, int] = {}
        for word in words:
            for index in self._postings.get(word, ()):
                shared[index] = shared.get(index, 0) + 1
        found: bool | None = False
        for index, n in shared.items():
            overlap = n / (len(words) + len(self._facts[index]) - n)
            if overlap >= FACT_OVERLAP or (overlap >= FACT_OVERLAP_SHARED
                                           and any(w.isdigit() for w in words & self._facts[index])):
                return True
            if overlap >= FACT_OVERLAP_SHARED:
                found = None
        return found


def build(found: Iterable[Item], sources: Mapping[int, Source]) -> list[Claim]:
    """Number the claims (by their first tag), count independent sources, suggest credibility."""
    raw = []
    for kind, key, members in group(found):
        tags = tuple(sorted(i.tag.id or 0 for i in members))
        articles = tuple(sorted({i.tag.article_id for i in members}))
        raw.append((tags, kind, key, articles, len({sources[a].story for a in articles})))
    raw.sort()
    rivals: dict[tuple[str, ...], list[int]] = {}
    for _, kind, key, _, independent in raw:
        if kind == "figure":
            rivals.setdefault(key, []).append(independent)
    claims = []
    for number, (tags, kind, key, articles, independent) in enumerate(raw, 1):
        others = list(rivals.get(key, [])) if kind == "figure" else []
        if others:
            others.remove(independent)
        if independent >= 2 and all(independent > o for o in others):
            credibility = 1
        elif others:
            credibility = 5
        else:
            credibility = 3
        claims.append(Claim(number, kind, tags, articles, independent, credibility, key))
    return claims
