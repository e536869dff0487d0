"""The workspace schema as ordered migrations; ``PRAGMA user_version`` is the index.

Migration N (1-based) turns a version N-1 workspace into version N. Never edit a
migration that has shipped: append a new one.
"""

from __future__ import annotations

#: Marks a SQLite file as a Briefer workspace ("BRIF"), in the database header.
APPLICATION_ID = 0x42524946


def _shared(table: str, kind: str) -> str:
    """Migration 7 for one shared table: sync columns, and triggers recording what to push.

    A row gets its uid when inserted (an article's is its text hash, so the same text is
    the same article everywhere). Every change made while no sync is applying pulled rows
    marks the row pending; a deletion also leaves a tombstone.
    """
    uid = "new.sha256" if table == "articles" else "lower(hex(randomblob(16)))"
    local = "NOT EXISTS (SELECT 1 FROM sync_state WHERE applying)"
    return f"""
    ALTER TABLE {table} ADD COLUMN uid TEXT;
    ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE {table} ADD COLUMN last_author TEXT;
    CREATE UNIQUE INDEX {table}_by_uid ON {table}(uid);
    CREATE TRIGGER {table}_uid AFTER INSERT ON {table} WHEN new.uid IS NULL BEGIN
        UPDATE {table} SET uid = {uid} WHERE id = new.id;
    END;
    CREATE TRIGGER {table}_added AFTER INSERT ON {table} WHEN new.uid IS NOT NULL AND {local} BEGIN
        DELETE FROM tombstones WHERE kind = '{kind}' AND uid = new.uid;
        INSERT OR IGNORE INTO sync_pending (kind, uid) VALUES ('{kind}', new.uid);
    END;
    CREATE TRIGGER {table}_changed AFTER UPDATE ON {table} WHEN new.uid IS NOT NULL AND {local} BEGIN
        DELETE FROM tombstones WHERE kind = '{kind}' AND uid = new.uid;
        INSERT OR IGNORE INTO sync_pending (kind, uid) VALUES ('{kind}', new.uid);
    END;
    CREATE TRIGGER {table}_deleted AFTER DELETE ON {table} WHEN old.uid IS NOT NULL AND {local} BEGIN
        INSERT OR REPLACE INTO tombstones (kind, uid, version, deleted_at)
        VALUES ('{kind}', old.uid, old.version, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        INSERT OR IGNORE INTO sync_pending (kind, uid) VALUES ('{kind}', old.uid);
    END;
    """

MIGRATIONS: tuple[str, ...] = (
    # 1: articles with full-text search, tags anchored by position and quote.
    """
    CREATE TABLE articles (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        author      TEXT,
        outlet      TEXT,
        url         TEXT,
        published   TEXT,
        language    TEXT,
        format      TEXT,
        source_file TEXT,
        sha256      TEXT NOT NULL UNIQUE,
        text        TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TABLE tags (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        start      INTEGER NOT NULL CHECK (start >= 0),
        "end"      INTEGER NOT NULL CHECK ("end" > start),
        exact      TEXT NOT NULL,
        prefix     TEXT NOT NULL DEFAULT '',
        suffix     TEXT NOT NULL DEFAULT '',
        attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
        note       TEXT NOT NULL DEFAULT '',
        created    TEXT NOT NULL,
        updated    TEXT NOT NULL
    );
    CREATE INDEX tags_by_article ON tags(article_id, start);
    """,
    # 2: briefs with ordered items, and a reliability grade per source.
    """
    ALTER TABLE articles ADD COLUMN grade TEXT
        CHECK (grade IS NULL OR grade IN ('A', 'B', 'C', 'D', 'E', 'F'));
    CREATE TABLE briefs (
        id         INTEGER PRIMARY KEY,
        title      TEXT NOT NULL,
        marking    TEXT NOT NULL DEFAULT 'TLP:CLEAR',
        dtg        TEXT,
        issued     TEXT,
        period     TEXT NOT NULL DEFAULT '',
        author     TEXT NOT NULL DEFAULT '',
        template   TEXT NOT NULL DEFAULT 'sitrep',
        bluf       TEXT NOT NULL DEFAULT '',
        assessment TEXT NOT NULL DEFAULT '',
        created    TEXT NOT NULL,
        updated    TEXT NOT NULL
    );
    CREATE TABLE brief_items (
        id          INTEGER PRIMARY KEY,
        brief_id    INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        section     TEXT NOT NULL,
        position    INTEGER NOT NULL,
        tag_id      INTEGER REFERENCES tags(id) ON DELETE CASCADE,
        text        TEXT NOT NULL DEFAULT '',
        credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
        comment     TEXT NOT NULL DEFAULT '',
        CHECK (tag_id IS NOT NULL OR text != '')
    );
    CREATE INDEX brief_items_by_brief ON brief_items(brief_id, section, position);
    CREATE INDEX brief_items_by_tag ON brief_items(tag_id);
    """,
    # 3: suggestions the analyst rejected, not proposed again for that article.
    """
    CREATE TABLE rejected_suggestions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        exact      TEXT NOT NULL,
        PRIMARY KEY (article_id, kind, start, "end")
    ) WITHOUT ROWID;
    """,
    # 4: near-duplicates: each article's MinHash signature with one bucket per band,
    # and the earlier article an import was found to repeat.
    """
    ALTER TABLE articles ADD COLUMN near_duplicate_of INTEGER
        REFERENCES articles(id) ON DELETE SET NULL;
    ALTER TABLE articles ADD COLUMN similarity REAL;
    CREATE TABLE article_signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature  BLOB NOT NULL
    );
    CREATE TABLE signature_buckets (
        band       INTEGER NOT NULL,
        bucket     INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, bucket, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX signature_buckets_by_article ON signature_buckets(article_id);
    """,
    # 5: fetched pages: WARC evidence records, earlier versions of re-fetched articles,
    # tags whose quote vanished from a new version, and feeds with their entries.
    """
    CREATE TABLE evidence (
        id             INTEGER PRIMARY KEY,
        article_id     INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        record_id      TEXT NOT NULL UNIQUE,
        warc_file      TEXT NOT NULL,
        url            TEXT NOT NULL,
        final_url      TEXT NOT NULL,
        http_status    INTEGER NOT NULL,
        payload_digest TEXT NOT NULL,
        captured_at    TEXT NOT NULL
    );
    CREATE INDEX evidence_by_article ON evidence(article_id, captured_at);
    CREATE TABLE article_versions (
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version     INTEGER NOT NULL CHECK (version >= 1),
        title       TEXT NOT NULL,
        text        TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
    ) WITHOUT ROWID;
    CREATE TABLE vanished_tags (
        tag_id      INTEGER PRIMARY KEY REFERENCES tags(id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        vanished_at TEXT NOT NULL
    );
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        polled_at     TEXT,
        error         TEXT,
        added_at      TEXT NOT NULL
    );
    CREATE TABLE feed_entries (
        feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        url        TEXT NOT NULL,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        read       INTEGER NOT NULL DEFAULT 0,
        seen_at    TEXT NOT NULL,
        PRIMARY KEY (feed_id, url)
    ) WITHOUT ROWID;
    """,
    # 6: a TLP 2.0 marking per article and per tag (a tag without one has its article's).
    """
    ALTER TABLE articles ADD COLUMN tlp TEXT;
    ALTER TABLE tags ADD COLUMN tlp TEXT;
    """,
    # 7: team libraries (briefer.team): every shared row gets a stable uid (an article's is
    # its text hash), the library version it was last synced at and that version's author
    # role; deletions leave a tombstone; sync_state links the workspace to a library.
    """
    ALTER TABLE articles ADD COLUMN red_roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(red_roles));
    ALTER TABLE tags ADD COLUMN red_roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(red_roles));
    ALTER TABLE briefs ADD COLUMN red_roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(red_roles));
    CREATE TABLE sync_state (
        library   TEXT PRIMARY KEY,
        dsn       TEXT NOT NULL,
        pulled    INTEGER NOT NULL DEFAULT 0,
        last_sync TEXT,
        applying  INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sync_pending (
        kind TEXT NOT NULL,
        uid  TEXT NOT NULL,
        PRIMARY KEY (kind, uid)
    ) WITHOUT ROWID;
    CREATE TABLE tombstones (
        kind       TEXT NOT NULL,
        uid        TEXT NOT NULL,
        version    INTEGER NOT NULL,
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (kind, uid)
    ) WITHOUT ROWID;
    CREATE TABLE sync_base (
        kind TEXT NOT NULL,
        uid  TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (kind, uid)
    ) WITHOUT ROWID;
    CREATE TABLE sync_conflicts (
        kind    TEXT NOT NULL,
        uid     TEXT NOT NULL,
        field   TEXT NOT NULL,
        mine    TEXT NOT NULL CHECK (json_valid(mine)),
        theirs  TEXT NOT NULL CHECK (json_valid(theirs)),
        PRIMARY KEY (kind, uid, field)
    ) WITHOUT ROWID;
    """
    + "".join(_shared(table, kind) for table, kind in (
        ("articles", "article"), ("tags", "tag"), ("briefs", "brief"), ("brief_items", "item")))
    + "UPDATE articles SET uid = sha256;\n"
    + "".join(f"UPDATE {table} SET uid = lower(hex(randomblob(16)));\n"
              for table in ("tags", "briefs", "brief_items")),
)

SCHEMA_VERSION = len(MIGRATIONS)
