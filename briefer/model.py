"""Plain data of Briefer: articles, tags, briefs and change sets. No I/O here.

Offsets are code-point offsets into :attr:`Article.text` (Python string
indices), the text an importer normalised once and that never changes after.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

#: JSON-compatible attribute values of a tag (speaker, value, unit, iso date…).
AttrValue = str | int | float | bool | None

METADATA_FIELDS = ("title", "author", "outlet", "url", "published", "language")


@dataclass(frozen=True, slots=True)
class Article:
    """One imported article: normalised text plus the metadata its file had.

    ``id`` is None until the workspace stores it. Missing metadata is None.
    ``published`` is an ISO 8601 date or date-time string.
    ``grade`` is the source reliability on the Admiralty scale (A–F) or None.
    ``near_duplicate_of`` is the earlier article this text repeats (``similarity``
    of them, 0–1), found at import. ``tlp`` is its TLP 2.0 marking or None.
    """

    title: str
    text: str
    id: int | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    format: str | None = None
    source_file: str | None = None
    imported_at: str | None = None
    grade: str | None = None
    near_duplicate_of: int | None = None
    similarity: float | None = None
    tlp: str | None = None

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the normalised text: equal texts are duplicates."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def metadata(self) -> dict[str, str | None]:
        """The descriptive fields as a dict (title, author, outlet, url, published, language)."""
        return {name: getattr(self, name) for name in METADATA_FIELDS}


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """A row of the article list: what a list shows without loading the text."""

    id: int
    title: str
    outlet: str | None
    published: str | None
    tag_count: int
    format: str | None = None
    grade: str | None = None
    near_duplicate_of: int | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article matching a full-text query, with a snippet around the match."""

    id: int
    title: str
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class Tag:
    """A span of an article marked with a kind from the taxonomy.

    ``start``/``end`` form a W3C TextPositionSelector; ``exact``/``prefix``/``suffix``
    a TextQuoteSelector, kept so the tag can be re-anchored in a changed text.
    ``attributes`` hold the kind's fields (speaker, role, value, unit, iso…).
    ``tlp`` is the tag's own TLP 2.0 marking (None: its article's).
    """

    article_id: int
    kind: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    attributes: Mapping[str, AttrValue] = field(default_factory=dict)
    note: str = ""
    id: int | None = None
    created: str | None = None
    updated: str | None = None
    tlp: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The tag as the command line's JSON object (attributes flattened in)."""
        data: dict[str, Any] = {
            "id": self.id,
            "article": self.article_id,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.exact,
            "speaker": self.attributes.get("speaker"),
        }
        for key, value in self.attributes.items():
            data.setdefault(key, value)
        data["note"] = self.note
        data["tlp"] = self.tlp
        return data


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One entry of a brief section: a tag, or a free analyst note (``tag_id`` None).

    ``credibility`` is the information credibility 1–6 (Admiralty scale) or None;
    ``comment`` is an analyst note a template may show as a Word comment.
    """

    brief_id: int
    section: str
    position: int
    tag_id: int | None = None
    text: str = ""
    credibility: int | None = None
    comment: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Brief:
    """A brief: its header fields, analyst-written Markdown and ordered items.

    ``dtg`` is an explicit date-time group; when None it is derived from
    ``issued`` (an ISO 8601 UTC date-time). ``marking`` is a TLP 2.0 label or a
    free classification line.
    """

    title: str
    id: int | None = None
    marking: str = "TLP:CLEAR"
    dtg: str | None = None
    issued: str | None = None
    period: str = ""
    author: str = ""
    template: str = "sitrep"
    bluf: str = ""
    assessment: str = ""
    items: tuple[BriefItem, ...] = ()
    created: str | None = None
    updated: str | None = None


@dataclass(frozen=True, slots=True)
class BriefSummary:
    """A row of the brief list: what a list shows without loading the items."""

    id: int
    title: str
    marking: str
    template: str
    item_count: int
    updated: str


def _ids(values: Iterable[int]) -> frozenset[int]:
    return frozenset(int(v) for v in values)


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation touched, so views reload exactly that and no more."""

    articles: frozenset[int] = frozenset()
    tags: frozenset[int] = frozenset()
    briefs: frozenset[int] = frozenset()

    @classmethod
    def of(
        cls, *, articles: Iterable[int] = (), tags: Iterable[int] = (), briefs: Iterable[int] = ()
    ) -> Changes:
        """Build a change set from any iterables of ids."""
        return cls(_ids(articles), _ids(tags), _ids(briefs))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles | other.articles, self.tags | other.tags, self.briefs | other.briefs
        )

    def __bool__(self) -> bool:
        return bool(self.articles or self.tags or self.briefs)


@dataclass(frozen=True, slots=True)
class Created:
    """The id of something an operation created, and what changed."""

    id: int
    changes: Changes


@dataclass(frozen=True, slots=True)
class Imported:
    """The result of storing an article; ``duplicate`` when its text was already there.

    ``near_duplicate_of`` is a stored article the new one is at least 80 % the
    same as (``similarity`` 0–1); it is imported all the same.
    """

    id: int
    title: str
    duplicate: bool
    changes: Changes
    near_duplicate_of: int | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Added:
    """The ids of brief items an operation added (in order), and what changed."""

    ids: tuple[int, ...]
    changes: Changes


@dataclass(frozen=True, slots=True)
class RemovedItem:
    """A removed brief item, exactly as it was: pass it to ``restore`` to undo."""

    item: BriefItem
    changes: Changes


@dataclass(frozen=True, slots=True)
class DeletedBrief:
    """A deleted brief with its items, exactly as it was: pass it to ``restore`` to undo."""

    brief: Brief
    changes: Changes


@dataclass(frozen=True, slots=True)
class Moved:
    """Where a moved brief item came from: move it back there to undo."""

    item_id: int
    section: str
    position: int
    changes: Changes
