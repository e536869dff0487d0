"""Evidence rows: which WARC record holds what a fetched article's page said, and when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.workspace.store import Store, reads

if TYPE_CHECKING:
    import sqlite3

_COLUMNS = "id, article_id, record_id, warc_file, url, final_url, http_status, payload_digest, captured_at"


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    """One kept response in the workspace's evidence folder.

    ``record_id`` is its WARC-Record-ID, ``warc_file`` its file's name in that folder,
    ``payload_digest`` the WARC payload digest.
    """

    record_id: str
    warc_file: str
    url: str
    final_url: str
    http_status: int
    payload_digest: str
    captured_at: str
    article_id: int | None = None
    id: int | None = None


def _record(row: sqlite3.Row) -> EvidenceRecord:
    return EvidenceRecord(
        record_id=row["record_id"], warc_file=row["warc_file"], url=row["url"],
        final_url=row["final_url"], http_status=row["http_status"],
        payload_digest=row["payload_digest"], captured_at=row["captured_at"],
        article_id=row["article_id"], id=row["id"],
    )


class Evidence:
    """The evidence records of one workspace."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, record: EvidenceRecord) -> int:
        """Store a record (linked to ``record.article_id``); return its row id."""
        with self._store.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO evidence (article_id, record_id, warc_file, url, final_url, http_status,"
                " payload_digest, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (record.article_id, record.record_id, record.warc_file, record.url, record.final_url,
                 record.http_status, record.payload_digest, record.captured_at),
            )
        return int(cur.lastrowid or 0)

    @reads
    def of_article(self, article_id: int) -> list[EvidenceRecord]:
        """The records of an article, oldest capture first (empty for an imported file)."""
        rows = self._store.conn.execute(
            f"SELECT {_COLUMNS} FROM evidence WHERE article_id = ? ORDER BY captured_at, id",
            (article_id,),
        )
        return [_record(r) for r in rows]

    @reads
    def latest(self, article_id: int) -> EvidenceRecord | None:
        """The article's most recent record, or None."""
        records = self.of_article(article_id)
        return records[-1] if records else None
