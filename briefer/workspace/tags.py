"""Tags in a workspace: add (checked against the text), update, remove, restore, list.

Attributes are parsed by their kind's field types from the taxonomy (a figure's
``value`` is a number, a date's ``iso`` an ISO date), so every caller (CLI, GUI,
suggestions) stores the same values; a value not of its type is refused.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefer.anchor import select
from briefer.errors import InvalidInput, NotFound
from briefer.model import AttrValue, BriefItem, Changes, Created, Tag
from briefer.taxonomy import Taxonomy, load_default
from briefer.workspace.article_edits import tlp_value
from briefer.workspace.store import Store, reads, storable

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Mapping, Sequence

_COLUMNS = ('id, article_id, kind, start, "end", exact, prefix, suffix, attributes, note, created,'
            " updated, tlp")
_ITEM_COLUMNS = "id, brief_id, section, position, tag_id, text, credibility, comment"


@dataclass(frozen=True, slots=True)
class Removed:
    """A removed tag and the brief items that cited it, enough to restore both."""

    tag: Tag
    items: tuple[BriefItem, ...]
    changes: Changes


def _tag(row: sqlite3.Row) -> Tag:
    """A tag from a row of :data:`_COLUMNS` (empty attributes not parsed: most tags have none)."""
    tag_id, article_id, kind, start, end, exact, prefix, suffix, attributes, note, created, updated, tlp = row
    return Tag(
        id=tag_id, article_id=article_id, kind=kind, start=start, end=end, exact=exact, prefix=prefix,
        suffix=suffix, attributes={} if attributes == "{}" else json.loads(attributes), note=note,
        created=created, updated=updated, tlp=tlp,
    )


def _clean_attributes(attributes: Mapping[str, AttrValue] | None) -> dict[str, AttrValue]:
    """Attributes without empty values; raise InvalidInput for non-JSON values."""
    clean: dict[str, AttrValue] = {}
    for key, value in (attributes or {}).items():
        if not isinstance(key, str) or not key:
            raise InvalidInput(f"attribute {key!r}", "names must be non-empty text")
        if value is None or value == "":
            continue
        if not isinstance(value, str | int | float | bool):
            raise InvalidInput(f"attribute {key!r}", "must be text, a number or true/false")
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidInput(f"attribute {key!r}", "must be a finite number")
        clean[storable(key)] = storable(value) if isinstance(value, str) else value
    return clean


class Tags:
    """The tags of one workspace, their attributes typed by the taxonomy's fields."""

    def __init__(self, store: Store, kinds: Taxonomy | None = None) -> None:
        self._store = store
        self._kinds = kinds

    @property
    def kinds(self) -> Taxonomy:
        """The taxonomy typing tag fields (the shipped one and the user's, unless given)."""
        if self._kinds is None:
            self._kinds = load_default()
        return self._kinds

    def _typed(self, kind: str, attributes: Mapping[str, AttrValue] | None) -> dict[str, AttrValue]:
        """Attributes cleaned, and parsed by ``kind``'s field types when the taxonomy has it."""
        clean = _clean_attributes(attributes)
        return self.kinds[kind].parse(clean) if kind in self.kinds else clean

    def add(
        self,
        article_id: int,
        kind: str,
        start: int,
        end: int,
        *,
        exact: str | None = None,
        attributes: Mapping[str, AttrValue] | None = None,
        note: str = "",
    ) -> Created:
        """Tag ``text[start:end]`` of an article with ``kind``.

        Raises InvalidInput when the offsets are outside the text or ``exact``
        (when given) differs from the text there, or an attribute is not of its
        field's type; NotFound for a missing article.
        """
        if not kind:
            raise InvalidInput("kind", "must not be empty")
        attrs = self._typed(kind, attributes)
        with self._store.transaction() as conn:
            row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise NotFound(f"article {article_id}", "no such article in this workspace")
            sel = select(row[0], start, end)
            if exact is not None and exact != sel.exact:
                raise InvalidInput(
                    f"offsets {start}-{end}", f"hold {sel.exact[:40]!r}, not {exact[:40]!r}"
                )
            now = self._store.now()
            cur = conn.execute(
                'INSERT INTO tags (article_id, kind, start, "end", exact, prefix, suffix,'
                " attributes, note, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, kind, start, end, sel.exact, sel.prefix, sel.suffix,
                 json.dumps(attrs, ensure_ascii=False), storable(note), now, now),
            )
            tag_id = int(cur.lastrowid or 0)
        return Created(tag_id, Changes.of(articles=[article_id], tags=[tag_id]))

    @reads
    def get(self, tag_id: int) -> Tag:
        """The tag with this id; raise NotFound when there is none."""
        row = self._store.conn.execute(f"SELECT {_COLUMNS} FROM tags WHERE id = ?", (tag_id,)).fetchone()
        if row is None:
            raise NotFound(f"tag {tag_id}", "no such tag in this workspace")
        return _tag(row)

    @reads
    def all(self, article_id: int | None = None, kind: str | None = None) -> list[Tag]:
        """Tags of one article (or of all), in text order; optionally of one kind."""
        where: list[str] = []
        params: list[int | str] = []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._store.conn.execute(
            f'SELECT {_COLUMNS} FROM tags{clause} ORDER BY article_id, start, "end", id', params
        )
        return [_tag(r) for r in rows]

    @reads
    def of_articles(self, article_ids: Sequence[int], kinds: Sequence[str] | None = None,
                    plus: Iterable[int] = ()) -> list[Tag]:
        """The tags of several articles in one query, in text order (article, then offset).

        With ``kinds``: only tags of those kinds, and the tags whose ids are in ``plus``.
        """
        if not article_ids:
            return []
        marks = ", ".join("?" * len(article_ids))
        params: list[object] = list(article_ids)
        where = ""
        if kinds is not None:
            where = (f" AND (kind IN ({', '.join('?' * len(kinds))})"
                     " OR id IN (SELECT value FROM json_each(?)))")
            params += [*kinds, json.dumps(sorted(plus))]
        rows = self._store.conn.execute(
            f"SELECT {_COLUMNS} FROM tags WHERE article_id IN ({marks}){where}"
            ' ORDER BY article_id, start, "end", id', params)
        return [_tag(r) for r in rows]

    def update(
        self,
        tag_id: int,
        *,
        kind: str | None = None,
        attributes: Mapping[str, AttrValue] | None = None,
        note: str | None = None,
    ) -> Changes:
        """Change a tag's kind, attributes (replaced whole) or note; offsets never change.

        Attributes given (or kept, when the kind changes) are parsed by the kind's
        field types; InvalidInput names the first that is not of its type.
        """
        old = self.get(tag_id)
        new_kind = kind or old.kind
        if attributes is None and new_kind == old.kind:
            typed = dict(old.attributes)
        else:
            typed = self._typed(new_kind, old.attributes if attributes is None else attributes)
        new = replace(
            old,
            kind=new_kind,
            attributes=typed,
            note=old.note if note is None else storable(note),
        )
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE tags SET kind = ?, attributes = ?, note = ?, updated = ? WHERE id = ?",
                (new.kind, json.dumps(dict(new.attributes), ensure_ascii=False), new.note,
                 self._store.now(), tag_id),
            )
            briefs = [r[0] for r in conn.execute(
                "SELECT DISTINCT brief_id FROM brief_items WHERE tag_id = ?", (tag_id,))]
        return Changes.of(articles=[old.article_id], tags=[tag_id], briefs=briefs)

    def set_tlp(self, tag_id: int, tlp: str | None) -> Changes:
        """Mark a tag TLP 2.0 (exact spelling), or clear it with None so it has its article's."""
        value = None if tlp is None else tlp_value(tlp)
        with self._store.transaction() as conn:
            row = conn.execute("SELECT article_id FROM tags WHERE id = ?", (tag_id,)).fetchone()
            if row is None:
                raise NotFound(f"tag {tag_id}", "no such tag in this workspace")
            conn.execute("UPDATE tags SET tlp = ?, updated = ? WHERE id = ?",
                         (value, self._store.now(), tag_id))
            briefs = [r[0] for r in conn.execute(
                "SELECT DISTINCT brief_id FROM brief_items WHERE tag_id = ?", (tag_id,))]
        return Changes.of(articles=[row[0]], tags=[tag_id], briefs=briefs)

    @reads
    def markings(self, brief_id: int) -> list[tuple[int, str | None]]:
        """``(item id, TLP)`` of a brief's tag items: the tag's marking, else its article's, else None."""
        rows = self._store.conn.execute(
            "SELECT i.id, coalesce(t.tlp, a.tlp) FROM brief_items i JOIN tags t ON t.id = i.tag_id"
            " JOIN articles a ON a.id = t.article_id WHERE i.brief_id = ? ORDER BY i.id", (brief_id,))
        return [(int(r[0]), r[1]) for r in rows]

    def remove(self, tag_id: int) -> Removed:
        """Delete a tag and the brief items citing it; the result can :meth:`restore` them."""
        tag = self.get(tag_id)
        with self._store.transaction() as conn:
            items = tuple(
                BriefItem(id=r["id"], brief_id=r["brief_id"], section=r["section"],
                          position=r["position"], tag_id=r["tag_id"], text=r["text"],
                          credibility=r["credibility"], comment=r["comment"])
                for r in conn.execute(
                    f"SELECT {_ITEM_COLUMNS} FROM brief_items WHERE tag_id = ?", (tag_id,))
            )
            conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
        changes = Changes.of(articles=[tag.article_id], tags=[tag_id], briefs={i.brief_id for i in items})
        return Removed(tag, items, changes)

    def restore(self, removed: Removed) -> Changes:
        """Put back a removed tag with its id, timestamps and brief items."""
        tag = removed.tag
        with self._store.transaction() as conn:
            conn.execute(
                f"INSERT INTO tags ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (tag.id, tag.article_id, tag.kind, tag.start, tag.end, tag.exact, tag.prefix,
                 tag.suffix, json.dumps(dict(tag.attributes), ensure_ascii=False), tag.note,
                 tag.created, tag.updated, tag.tlp),
            )
            conn.executemany(
                f"INSERT INTO brief_items ({_ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(i.id, i.brief_id, i.section, i.position, i.tag_id, i.text, i.credibility,
                  i.comment) for i in removed.items],
            )
        return removed.changes
