"""The three clocks of an item and the timeline of a brief (or of a workspace).

Each item knows when it *happened* (its own date tag's ``iso`` value, else that of
a date tag in the same sentence), when its article was *published* and when it
was *captured* (the latest fetch's evidence). Actors and places are not events
and stay off the timeline. Its timeline date is when it
happened, else when it was published; an item with neither is left out. Items
dated before the brief's period (:func:`period_start`: ``2026-11-25 to 2026-12-01``,
``10-21 November 2026``, ``last week``) are flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from briefer.suggest.dates import find_dates
from briefer.suggest.document import Document
from briefer.text.units import split_sentences

if TYPE_CHECKING:
    from briefer.model import Article, Tag
    from briefer.workspace import Workspace

#: Kinds naming who and where, not what happened: never on the timeline.
ACTOR_KINDS = frozenset({"person", "organisation", "location"})
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
#: The first day of a range of days just before a date: "10-" of "10-21 November 2026".
_DAY_RANGE = re.compile(r"\b(\d{1,2})\s*[-\u2013\u2014]\s*$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated item: its date (ISO), the clocks it was dated from, and its source."""

    date: str
    tag: int
    article: int
    text: str
    happened: str | None
    published: str | None
    captured: str | None
    before_period: bool = False
    item: int | None = None

    def to_json(self) -> dict[str, object]:
        """``{"date", "tag", "article", "text"}``: the ``briefer timeline --json`` contract."""
        return {"date": self.date, "tag": self.tag, "article": self.article, "text": self.text}

    def context(self) -> dict[str, object]:
        """Every field, for templates."""
        return {"date": self.date, "tag": self.tag, "article": self.article, "text": self.text,
                "happened": self.happened, "published": self.published, "captured": self.captured,
                "before_period": self.before_period, "item": self.item}


def period_start(period: str, anchor: str | None = None) -> str | None:
    """When a brief's period begins (ISO, compared as a prefix), or None when its text names no date.

    Its first ISO date (``2026-11-25 to 2026-12-01``), else the first date the date
    suggester (:mod:`briefer.suggest.dates`) reads in the text: ``10-21 November
    2026`` begins on 2026-11-10 (a range of days, on its first), ``November 2026`` on
    2026-11, ``last week`` on that week's Monday. ``anchor`` (the brief's issue date,
    ISO) places the dates without a year or relative to it ("since 10 November").
    """
    found = _ISO_DATE.search(period or "")
    if found:
        return found.group(1)
    if not (period or "").strip():
        return None
    dates = find_dates(Document(period, "en"), anchor)
    if not dates:
        return None
    first = dates[0]  # a first date that cannot be placed: unknown (a later one is not the start)
    iso = _calendar(str(first.attributes.get("iso") or ""))
    days = _DAY_RANGE.search(period, 0, first.start)
    return _on_day(iso, int(days.group(1))) if iso and days and len(iso) == 10 else iso


def _calendar(iso: str) -> str | None:
    """A year, month or day as ISO (a week as its Monday); None for anything else (a time alone)."""
    week = _WEEK.match(iso)
    if week:
        return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1).isoformat()
    return iso if _CALENDAR.match(iso) else None


def _on_day(iso: str, day: int) -> str:
    """``iso`` (a day) moved to ``day`` of its month, when that day exists."""
    try:
        return date.fromisoformat(iso).replace(day=day).isoformat()
    except ValueError:
        return iso


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lower = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", end)
    upper = len(text) if newline < 0 else newline
    for a, b in split_sentences(text, lower, upper):
        if a <= start < b or (a <= start and end <= b):
            return a, max(b, end)
    return lower, upper


def happened(tag: Tag, article_tags: list[Tag], text: str) -> str | None:
    """When the tagged thing happened: its own ISO date, else a date tag's in its sentence."""
    if tag.kind == "date" and tag.attributes.get("iso"):
        return str(tag.attributes["iso"])
    lo, hi = _sentence(text, tag.start, tag.end)
    for other in article_tags:
        if other.kind == "date" and other.attributes.get("iso") and lo <= other.start and other.end <= hi:
            return str(other.attributes["iso"])
    return None


def timeline(ws: Workspace, brief_id: int | None = None) -> list[Entry]:
    """Every dated item of a brief (or every dated tag of the workspace), in date order."""
    if brief_id is not None:
        brief = ws.briefs.get(brief_id)
        pairs: list[tuple[int | None, int | None]] = [(i.tag_id, i.id) for i in brief.items]
        start = period_start(brief.period, brief.issued or brief.created)
        tags = {t.id: t for a in ws.briefs.cited_articles(brief_id) for t in ws.tags.all(a)}
    else:
        start = None
        tags = {t.id: t for t in ws.tags.all()}
        pairs = [(t, None) for t in tags]
    by_article: dict[int, list[Tag]] = {}
    for t in tags.values():
        by_article.setdefault(t.article_id, []).append(t)
    articles: dict[int, Article] = {}
    captured: dict[int, str | None] = {}
    entries: list[Entry] = []
    for tag_id, item_id in pairs:
        tag = tags.get(tag_id) if tag_id is not None else None
        if tag is None or tag.id is None or tag.kind in ACTOR_KINDS:
            continue
        if tag.article_id not in articles:
            articles[tag.article_id] = ws.articles.get(tag.article_id)
            evidence = ws.evidence.latest(tag.article_id)
            captured[tag.article_id] = evidence.captured_at if evidence else None
        article = articles[tag.article_id]
        when = happened(tag, by_article[tag.article_id], article.text)
        date = when or article.published
        if not date:
            continue
        entries.append(Entry(date, tag.id, tag.article_id, tag.exact, when, article.published,
                             captured[tag.article_id], bool(start and date[:10] < start), item_id))
    return sorted(entries, key=lambda e: (e.date, e.article, e.tag))
