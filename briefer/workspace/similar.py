"""Stored text signatures of a workspace's articles, and the lookup of near-duplicates.

Each article's MinHash signature (:mod:`briefer.text.similarity`) is kept with
one bucket per band; an incoming text is compared only with the articles that
share a bucket with it, so the check stays fast at tens of thousands of articles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.text.similarity import Signature

if TYPE_CHECKING:
    import sqlite3

#: A text at least this similar to a stored one is reported as its near-duplicate.
NEAR_DUPLICATE = 0.8


def store(conn: sqlite3.Connection, article_id: int, signature: Signature) -> None:
    """Keep ``signature`` for ``article_id`` (inside the caller's transaction)."""
    conn.execute("INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)",
                 (article_id, signature.to_bytes()))
    conn.executemany("INSERT OR IGNORE INTO signature_buckets (band, bucket, article_id)"
                     " VALUES (?, ?, ?)",
                     [(band, bucket, article_id) for band, bucket in enumerate(signature.buckets())])


def nearest(conn: sqlite3.Connection, signature: Signature,
            threshold: float = NEAR_DUPLICATE) -> tuple[int, float] | None:
    """``(article id, similarity)`` of the stored article most like ``signature``, if ≥ threshold.

    Ties go to the oldest article (the first copy imported).
    """
    pairs = list(enumerate(signature.buckets()))
    where = " OR ".join("(band = ? AND bucket = ?)" for _ in pairs)
    params = [value for pair in pairs for value in pair]
    rows = conn.execute(
        f"SELECT s.article_id, s.signature FROM article_signatures s WHERE s.article_id IN"
        f" (SELECT article_id FROM signature_buckets WHERE {where}) ORDER BY s.article_id",
        params,
    ).fetchall()
    best: tuple[int, float] | None = None
    for article_id, data in rows:
        score = signature.similarity(Signature.from_bytes(data))
        if score >= threshold and (best is None or score > best[1]):
            best = (int(article_id), score)
    return best
