"""Briefs in a workspace: header fields, and items ordered within sections.

Positions are 0-based indexes within a (brief, section); every operation keeps
them dense. Each change is one transaction and has an exact inverse, so an undo
command can call it: :meth:`Briefs.remove` (an item) or :meth:`Briefs.delete`
(a whole brief) / :meth:`Briefs.restore`, :meth:`Briefs.move` back to the
:class:`~briefer.model.Moved` origin, and :meth:`Briefs.set` /
:meth:`Briefs.set_item` with the old values.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefer.errors import InvalidInput, NotFound
from briefer.model import (
    Added,
    Brief,
    BriefItem,
    BriefSummary,
    Changes,
    Created,
    DeletedBrief,
    Moved,
    RemovedItem,
)
from briefer.workspace.brief_rows import (
    BRIEF_COLUMNS,
    FIELDS,
    ITEM_COLUMNS,
    check_credibility,
    check_section,
    clean_field,
    item_from_row,
)
from briefer.workspace.store import Store, reads, storable

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

_UNSET: Any = object()


class Briefs:
    """The briefs of one workspace."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- briefs -------------------------------------------------------------

    def new(self, title: str, **fields: Any) -> Created:
        """Create a brief titled ``title``; other :data:`FIELDS` may be given too.

        ``issued`` defaults to now (so the date-time group is derived from it).
        """
        values = {name: clean_field(name, value) for name, value in {"title": title, **fields}.items()}
        now = self._store.now()
        values.setdefault("issued", now)
        names = list(values)
        with self._store.transaction() as conn:
            cur = conn.execute(
                f"INSERT INTO briefs ({', '.join(names)}, created, updated)"
                f" VALUES ({', '.join('?' * len(names))}, ?, ?)",
                [*values.values(), now, now],
            )
            brief_id = int(cur.lastrowid or 0)
        return Created(brief_id, Changes.of(briefs=[brief_id]))

    @reads
    def get(self, brief_id: int) -> Brief:
        """The brief with its items (by section, then position); NotFound when missing."""
        conn = self._store.conn
        row = conn.execute(f"SELECT {BRIEF_COLUMNS} FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        if row is None:
            raise NotFound(f"brief {brief_id}", "no such brief in this workspace")
        items = tuple(
            item_from_row(r)
            for r in conn.execute(
                f"SELECT {ITEM_COLUMNS} FROM brief_items WHERE brief_id = ?"
                " ORDER BY section, position, id",
                (brief_id,),
            )
        )
        return Brief(**{name: row[name] for name in ("id", *FIELDS, "created", "updated")}, items=items)

    @reads
    def all(self) -> list[BriefSummary]:
        """Every brief, most recently changed first, with its number of items."""
        rows = self._store.conn.execute(
            "SELECT b.id, b.title, b.marking, b.template, b.updated,"
            " (SELECT count(*) FROM brief_items i WHERE i.brief_id = b.id) AS item_count"
            " FROM briefs b ORDER BY b.updated DESC, b.id DESC"
        )
        return [
            BriefSummary(r["id"], r["title"], r["marking"], r["template"], r["item_count"], r["updated"])
            for r in rows
        ]

    def set(self, brief_id: int, **fields: Any) -> Changes:
        """Change header fields (:data:`FIELDS`); an empty ``dtg`` means "derive it"."""
        if not fields:
            return Changes()
        values = {name: clean_field(name, value) for name, value in fields.items()}
        assignments = ", ".join(f"{name} = ?" for name in values)
        with self._store.transaction() as conn:
            cur = conn.execute(
                f"UPDATE briefs SET {assignments}, updated = ? WHERE id = ?",
                [*values.values(), self._store.now(), brief_id],
            )
            if cur.rowcount == 0:
                raise NotFound(f"brief {brief_id}", "no such brief in this workspace")
        return Changes.of(briefs=[brief_id])

    def delete(self, brief_id: int) -> DeletedBrief:
        """Delete a brief with its items; :meth:`restore` of the result puts both back exactly."""
        with self._store.transaction() as conn:
            brief = self.get(brief_id)
            conn.execute("DELETE FROM briefs WHERE id = ?", (brief_id,))  # the items cascade
        return DeletedBrief(brief, Changes.of(briefs=[brief_id]))

    def _restore_brief(self, deleted: DeletedBrief) -> Changes:
        brief = deleted.brief
        where = f"brief {brief.id}"
        with self._store.transaction() as conn:
            if conn.execute("SELECT 1 FROM briefs WHERE id = ?", (brief.id,)).fetchone() is not None:
                raise InvalidInput(where, "cannot be restored: another brief has its id")
            for item in brief.items:
                if item.tag_id is not None and conn.execute(
                    "SELECT 1 FROM tags WHERE id = ?", (item.tag_id,)
                ).fetchone() is None:
                    raise NotFound(where, f"cannot be restored: tag {item.tag_id} it cites was removed")
            try:
                conn.execute(
                    f"INSERT INTO briefs ({BRIEF_COLUMNS}) VALUES ({', '.join('?' * (len(FIELDS) + 3))})",
                    [getattr(brief, name) for name in ("id", *FIELDS, "created", "updated")],
                )
                conn.executemany(
                    f"INSERT INTO brief_items ({ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(i.id, i.brief_id, i.section, i.position, i.tag_id, i.text, i.credibility, i.comment)
                     for i in brief.items],
                )
            except sqlite3.IntegrityError as exc:
                raise InvalidInput(where, f"cannot be restored: {exc}") from None
        return deleted.changes

    @reads
    def cited_articles(self, brief_id: int) -> list[int]:
        """Ids of the articles the brief's items cite (through their tags), ascending."""
        rows = self._store.conn.execute(
            "SELECT DISTINCT t.article_id FROM brief_items i JOIN tags t ON t.id = i.tag_id"
            " WHERE i.brief_id = ? ORDER BY t.article_id",
            (brief_id,),
        )
        return [r[0] for r in rows]

    # -- items --------------------------------------------------------------

    @reads
    def item(self, item_id: int) -> BriefItem:
        """One brief item; NotFound when missing."""
        row = self._store.conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM brief_items WHERE id = ?", (item_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"brief item {item_id}", "no such item in this workspace")
        return item_from_row(row)

    def add_tags(
        self, brief_id: int, section: str, tag_ids: Sequence[int], position: int | None = None
    ) -> Added:
        """Add tags as items of ``section`` at ``position`` (None: at the end), in order.

        Raises InvalidInput when a tag is already in the brief; nothing is added then.
        """
        check_section(section)
        with self._store.transaction() as conn:
            self._check_brief(conn, brief_id)
            self._check_new_tags(conn, brief_id, tag_ids)
            ids = [self._insert(conn, brief_id, section, tag_id=t) for t in tag_ids]
            self._place(conn, brief_id, section, ids, position)
            self._touch(conn, brief_id)
        return Added(tuple(ids), Changes.of(briefs=[brief_id]))

    def add_note(self, brief_id: int, section: str, text: str, position: int | None = None) -> Created:
        """Add a free analyst note (plain text) to ``section`` at ``position``."""
        check_section(section)
        if not text.strip():
            raise InvalidInput("note", "must not be empty")
        with self._store.transaction() as conn:
            self._check_brief(conn, brief_id)
            item_id = self._insert(conn, brief_id, section, text=storable(text.strip()))
            self._place(conn, brief_id, section, [item_id], position)
            self._touch(conn, brief_id)
        return Created(item_id, Changes.of(briefs=[brief_id]))

    def add_by_kind(
        self, brief_id: int, tag_ids: Sequence[int], layout: Mapping[str, Sequence[str]]
    ) -> Added:
        """Add each tag to the first section of ``layout`` (section id → kinds) taking its kind.

        Raises InvalidInput naming the tag when no section takes its kind.
        """
        placed: dict[str, list[int]] = {}
        for tag_id in tag_ids:
            kind = self._tag_kind(tag_id)
            section = section_for(kind, layout)
            if section is None:
                raise InvalidInput(f"tag {tag_id}", f"no section of the template takes kind {kind!r}")
            placed.setdefault(section, []).append(tag_id)
        ids: list[int] = []
        with self._store.transaction():
            for section, tags in placed.items():
                ids.extend(self.add_tags(brief_id, section, tags).ids)
        return Added(tuple(ids), Changes.of(briefs=[brief_id]))

    def auto_fill(self, brief_id: int, layout: Mapping[str, Sequence[str]]) -> Added:
        """Add every tag not yet in the brief to the first section taking its kind.

        Tags go in text order (article, then offset) after the items already there;
        tags of kinds no section takes are left out. Running it twice adds nothing.
        """
        with self._store.transaction() as conn:
            self._check_brief(conn, brief_id)
            rows = conn.execute(
                "SELECT t.id, t.kind FROM tags t WHERE t.id NOT IN"
                " (SELECT tag_id FROM brief_items WHERE brief_id = ? AND tag_id IS NOT NULL)"
                ' ORDER BY t.article_id, t.start, t."end", t.id',
                (brief_id,),
            ).fetchall()
            placed: dict[str, list[int]] = {}
            for row in rows:
                section = section_for(row["kind"], layout)
                if section is not None:
                    placed.setdefault(section, []).append(row["id"])
            ids: list[int] = []
            for section, tags in placed.items():
                ids.extend(self.add_tags(brief_id, section, tags).ids)
        return Added(tuple(ids), Changes.of(briefs=[brief_id] if ids else []))

    def move(self, item_id: int, section: str, position: int) -> Moved:
        """Move an item to ``position`` of ``section`` (same or another section).

        Returns where it was: ``move(moved.item_id, moved.section, moved.position)`` undoes it.
        """
        check_section(section)
        old = self.item(item_id)
        with self._store.transaction() as conn:
            old_position = self._section_ids(conn, old.brief_id, old.section).index(item_id)
            conn.execute("UPDATE brief_items SET section = ? WHERE id = ?", (section, item_id))
            if section != old.section:
                self._renumber(conn, self._section_ids(conn, old.brief_id, old.section))
            self._place(conn, old.brief_id, section, [item_id], position)
            self._touch(conn, old.brief_id)
        return Moved(item_id, old.section, old_position, Changes.of(briefs=[old.brief_id]))

    def remove(self, item_id: int) -> RemovedItem:
        """Take an item out of its brief; :meth:`restore` puts it back exactly."""
        item = self.item(item_id)
        with self._store.transaction() as conn:
            ids = self._section_ids(conn, item.brief_id, item.section)
            index = ids.index(item_id)
            conn.execute("DELETE FROM brief_items WHERE id = ?", (item_id,))
            self._renumber(conn, ids[:index] + ids[index + 1 :])
            self._touch(conn, item.brief_id)
        return RemovedItem(replace(item, position=index), Changes.of(briefs=[item.brief_id]))

    def restore(self, removed: RemovedItem | DeletedBrief) -> Changes:
        """Undo :meth:`remove` (an item back in its place) or :meth:`delete` (the whole brief).

        Everything comes back with its ids, fields, positions and timestamps. Raises
        NotFound when the brief (or a tag a deleted brief cites) is gone meanwhile, and
        InvalidInput when its id was taken; nothing is restored then.
        """
        if isinstance(removed, DeletedBrief):
            return self._restore_brief(removed)
        item = removed.item
        with self._store.transaction() as conn:
            self._check_brief(conn, item.brief_id)
            conn.execute(
                f"INSERT INTO brief_items ({ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, item.brief_id, item.section, -1, item.tag_id, item.text,
                 item.credibility, item.comment),
            )
            assert item.id is not None
            self._place(conn, item.brief_id, item.section, [item.id], item.position)
            self._touch(conn, item.brief_id)
        return removed.changes

    def set_item(
        self,
        item_id: int,
        *,
        credibility: int | None = _UNSET,
        comment: str | None = None,
        text: str | None = None,
    ) -> Changes:
        """Set an item's credibility (1–6, None clears), comment, or a note's text."""
        item = self.item(item_id)
        new_credibility = item.credibility if credibility is _UNSET else check_credibility(credibility)
        new_text = item.text if text is None else storable(text.strip())
        if item.tag_id is None and not new_text:
            raise InvalidInput("note", "must not be empty")
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE brief_items SET credibility = ?, comment = ?, text = ? WHERE id = ?",
                (new_credibility, item.comment if comment is None else storable(comment), new_text, item_id),
            )
            self._touch(conn, item.brief_id)
        return Changes.of(briefs=[item.brief_id])

    # -- helpers ------------------------------------------------------------

    def _check_brief(self, conn: sqlite3.Connection, brief_id: int) -> None:
        if conn.execute("SELECT 1 FROM briefs WHERE id = ?", (brief_id,)).fetchone() is None:
            raise NotFound(f"brief {brief_id}", "no such brief in this workspace")

    def _check_new_tags(self, conn: sqlite3.Connection, brief_id: int, tag_ids: Iterable[int]) -> None:
        seen: set[int] = set()
        for tag_id in tag_ids:
            if conn.execute("SELECT 1 FROM tags WHERE id = ?", (tag_id,)).fetchone() is None:
                raise NotFound(f"tag {tag_id}", "no such tag in this workspace")
            row = conn.execute(
                "SELECT section FROM brief_items WHERE brief_id = ? AND tag_id = ?", (brief_id, tag_id)
            ).fetchone()
            if row is not None or tag_id in seen:
                where = f" (section {row['section']})" if row is not None else ""
                raise InvalidInput(f"tag {tag_id}", f"is already in brief {brief_id}{where}")
            seen.add(tag_id)

    def _tag_kind(self, tag_id: int) -> str:
        row = self._store.conn.execute("SELECT kind FROM tags WHERE id = ?", (tag_id,)).fetchone()
        if row is None:
            raise NotFound(f"tag {tag_id}", "no such tag in this workspace")
        return str(row[0])

    def _insert(
        self, conn: sqlite3.Connection, brief_id: int, section: str, *, tag_id: int | None = None,
        text: str = "",
    ) -> int:
        cur = conn.execute(
            "INSERT INTO brief_items (brief_id, section, position, tag_id, text) VALUES (?, ?, -1, ?, ?)",
            (brief_id, section, tag_id, text),
        )
        return int(cur.lastrowid or 0)

    @staticmethod
    def _section_ids(conn: sqlite3.Connection, brief_id: int, section: str) -> list[int]:
        return [
            r[0]
            for r in conn.execute(
                "SELECT id FROM brief_items WHERE brief_id = ? AND section = ? ORDER BY position, id",
                (brief_id, section),
            )
        ]

    def _place(
        self, conn: sqlite3.Connection, brief_id: int, section: str, ids: list[int], position: int | None
    ) -> None:
        """Put ``ids`` (already in the section) at ``position`` and renumber the section."""
        others = [i for i in self._section_ids(conn, brief_id, section) if i not in set(ids)]
        at = len(others) if position is None else max(0, min(position, len(others)))
        self._renumber(conn, others[:at] + ids + others[at:])

    @staticmethod
    def _renumber(conn: sqlite3.Connection, ids: list[int]) -> None:
        conn.executemany(
            "UPDATE brief_items SET position = ? WHERE id = ? AND position != ?",
            [(index, item_id, index) for index, item_id in enumerate(ids)],
        )

    def _touch(self, conn: sqlite3.Connection, brief_id: int) -> None:
        conn.execute("UPDATE briefs SET updated = ? WHERE id = ?", (self._store.now(), brief_id))


def section_for(kind: str, layout: Mapping[str, Sequence[str]]) -> str | None:
    """The first section of ``layout`` (section id → tag kinds) that takes ``kind``."""
    return next((section for section, kinds in layout.items() if kind in kinds), None)
