"""Shared rows of a workspace as library documents, and library documents written back.

A document is a row as plain JSON data with references by uid (a tag names its
article's uid, an item its brief's and tag's), so it means the same in every
workspace. Everything here runs inside the caller's workspace transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.workspace.brief_rows import FIELDS

if TYPE_CHECKING:
    import sqlite3

Doc = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Kind:
    """One shared kind: its local (and library) table, copied columns and references.

    ``refs`` are ``(local column, document key, referenced table)``; ``json_columns``
    hold JSON text locally and a JSON value in the document.
    """

    name: str
    table: str
    columns: tuple[str, ...]
    refs: tuple[tuple[str, str, str], ...] = ()
    json_columns: tuple[str, ...] = ()

    def select(self) -> str:
        """The SELECT list reading a document's values, the uid and the version (alias ``x``)."""
        refs = [f'(SELECT r.uid FROM {table} r WHERE r.id = x."{col}") AS "{key}"'
                for col, key, table in self.refs]
        return ", ".join(['x.uid', 'x.version', *(f'x."{c}"' for c in self.columns), *refs])

    def doc(self, row: sqlite3.Row) -> Doc:
        """The document of a row read with :meth:`select`."""
        doc = {c: row[c] for c in self.columns}
        for c in self.json_columns:
            doc[c] = json.loads(doc[c])
        for _col, key, _table in self.refs:
            doc[key] = row[key]
        return doc

    def tlp(self, doc: Doc) -> str | None:
        """The marking that decides who may see the row in the library."""
        value = doc.get("marking") if self.name == "brief" else doc.get("tlp")
        return None if value is None else str(value)


ARTICLE = Kind("article", "articles", (
    "title", "author", "outlet", "url", "published", "language", "format", "source_file", "sha256", "text",
    "imported_at", "grade", "tlp", "red_roles"), json_columns=("red_roles",))
TAG = Kind("tag", "tags", (
    "kind", "start", "end", "exact", "prefix", "suffix", "attributes", "note", "created", "updated", "tlp",
    "red_roles"), refs=(("article_id", "article", "articles"),), json_columns=("attributes", "red_roles"))
BRIEF = Kind("brief", "briefs", (*FIELDS, "created", "updated", "red_roles"), json_columns=("red_roles",))
ITEM = Kind("item", "brief_items", ("section", "position", "text", "credibility", "comment"),
            refs=(("brief_id", "brief", "briefs"), ("tag_id", "tag", "tags")))

#: Parents first: a pulled tag finds its article, an item its brief and tag.
KINDS = (ARTICLE, TAG, BRIEF, ITEM)
BY_NAME = {k.name: k for k in KINDS}
BY_TABLE = {k.table: k for k in KINDS}


def read(conn: sqlite3.Connection, kind: Kind, uid: str) -> tuple[int, Doc] | None:
    """``(version, document)`` of the local row with this uid, or None when there is none."""
    row = conn.execute(f"SELECT {kind.select()} FROM {kind.table} x WHERE x.uid = ?", (uid,)).fetchone()
    return None if row is None else (int(row["version"]), kind.doc(row))


def local_id(conn: sqlite3.Connection, table: str, uid: str | None) -> int | None:
    """The local id of the row of ``table`` with this uid (None for none)."""
    if uid is None:
        return None
    row = conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else int(row[0])


def write(conn: sqlite3.Connection, kind: Kind, uid: str, version: int, author: str | None, doc: Doc) -> bool:
    """Insert or update the local row of ``uid`` to hold ``doc``; False when it cannot be placed.

    A row cannot be placed when a row it refers to is missing here (the library hid it,
    TLP:RED) or, for an article, when the workspace holds its text under another uid.
    """
    values: dict[str, Any] = {}
    for c in kind.columns:
        value = doc.get(c)
        values[c] = json.dumps(value, ensure_ascii=False) if c in kind.json_columns else value
    for col, key, table in kind.refs:
        values[col] = local_id(conn, table, doc.get(key))
        if values[col] is None and doc.get(key) is not None:
            return False
    values.update(version=version, last_author=author)
    if conn.execute(f"SELECT 1 FROM {kind.table} WHERE uid = ?", (uid,)).fetchone() is not None:
        assignments = ", ".join(f'"{c}" = ?' for c in values)
        conn.execute(f"UPDATE {kind.table} SET {assignments} WHERE uid = ?", [*values.values(), uid])
        return True
    if kind is ARTICLE and conn.execute("SELECT 1 FROM articles WHERE sha256 = ?",
                                        (doc.get("sha256"),)).fetchone() is not None:
        return False
    values["uid"] = uid
    names = ", ".join(f'"{c}"' for c in values)
    conn.execute(f"INSERT INTO {kind.table} ({names}) VALUES ({', '.join('?' * len(values))})",
                 list(values.values()))
    return True


def delete(conn: sqlite3.Connection, kind: Kind, uid: str) -> bool:
    """Delete the local row of ``uid`` (what refers to it cascades); whether there was one."""
    return conn.execute(f"DELETE FROM {kind.table} WHERE uid = ?", (uid,)).rowcount > 0
