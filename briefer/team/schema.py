"""The team library's PostgreSQL schema, as ordered migrations (like the workspace's).

A library ``NAME`` is the schema ``NAME`` holding one table per shared kind
(articles, tags, briefs, brief_items) of the same shape: ``uid``, ``version``,
``author``, ``deleted`` (the tombstone), ``tlp``, ``roles`` and the row as JSON
``data``. One counter per library, bumped by a trigger on every write, gives each
change its version; the counter's row lock makes versions commit in order, so a pull
of ``version > since`` never misses a change committed late, and a pusher that
takes the lock first (``lock_counter``) knows which versions its batch wrote. The same trigger
notifies the channel ``NAME``. Group roles ``NAME_reader`` < ``NAME_tagger`` <
``NAME_editor`` < ``NAME_owner`` hold the grants; row-level security hides TLP:RED
rows from every role not listed on them (their author and owners still see them).

Migration N turns a library of schema N-1 into schema N; ``NAME.meta`` keeps the
number. Never edit a shipped migration: append one.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from psycopg import sql

from briefer.team.library import LibraryError
from briefer.team.names import ROLES

if TYPE_CHECKING:
    import psycopg

TABLES = ("articles", "tags", "briefs", "brief_items")

_TABLE = """
CREATE TABLE {s}.{t} (
    uid     text PRIMARY KEY,
    version bigint NOT NULL,
    author  text NOT NULL DEFAULT session_user,
    deleted boolean NOT NULL DEFAULT false,
    tlp     text,
    roles   text[] NOT NULL DEFAULT '{}',
    data    jsonb NOT NULL
);
CREATE INDEX {t}_by_version ON {s}.{t} (version);
CREATE TRIGGER {t}_stamp BEFORE INSERT OR UPDATE ON {s}.{t} FOR EACH ROW EXECUTE FUNCTION {s}.stamp();
ALTER TABLE {s}.{t} ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON {s}.{t} FOR SELECT USING ({s}.visible(tlp, roles, author));
CREATE POLICY add ON {s}.{t} FOR INSERT WITH CHECK (true);
CREATE POLICY change ON {s}.{t} FOR UPDATE USING ({s}.visible(tlp, roles, author)) WITH CHECK (true);
GRANT SELECT ON {s}.{t} TO {s}_reader;
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: the shared tables, the version counter with its notifying trigger, roles and policies.
    """
    CREATE TABLE {s}.meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE {s}.counter (value bigint NOT NULL);
    INSERT INTO {s}.counter VALUES (0);
    CREATE FUNCTION {s}.stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
    BEGIN
        UPDATE {s}.counter SET value = value + 1 RETURNING value INTO NEW.version;
        NEW.author := session_user;
        PERFORM pg_notify('{s}', '');
        RETURN NEW;
    END $$;
    CREATE FUNCTION {s}.visible(tlp text, roles text[], author text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
        SELECT tlp IS DISTINCT FROM 'TLP:RED' OR author = session_user
            OR pg_has_role(session_user, '{s}_owner', 'MEMBER')
            OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                       WHERE r.rolname = ANY (roles) AND pg_has_role(session_user, r.oid, 'MEMBER'))
    $$;
    CREATE FUNCTION {s}.grant_role(who text, library_role text) RETURNS void LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE r text;
    BEGIN
        IF NOT pg_has_role(session_user, '{s}_owner', 'MEMBER')
           AND NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user) THEN
            RAISE insufficient_privilege USING MESSAGE = 'only an owner of library {s} grants roles';
        END IF;
        IF library_role NOT IN ('reader', 'tagger', 'editor', 'owner') THEN
            RAISE invalid_parameter_value USING MESSAGE = 'no library role ' || library_role;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
            RAISE undefined_object USING MESSAGE = 'no role ' || who || ' on this server (CREATE ROLE first)';
        END IF;
        FOREACH r IN ARRAY ARRAY['reader', 'tagger', 'editor', 'owner'] LOOP
            EXECUTE format('REVOKE %I FROM %I', '{s}_' || r, who);
        END LOOP;
        EXECUTE format('GRANT %I TO %I', '{s}_' || library_role, who);
    END $$;
    CREATE FUNCTION {s}.lock_counter() RETURNS bigint LANGUAGE sql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
        SELECT value FROM {s}.counter FOR UPDATE
    $$;
    REVOKE EXECUTE ON FUNCTION {s}.grant_role(text, text), {s}.lock_counter() FROM PUBLIC;
    GRANT USAGE ON SCHEMA {s} TO {s}_reader;
    GRANT SELECT ON {s}.meta, {s}.counter TO {s}_reader;
    """
    + "".join(_TABLE.replace("{t}", t) for t in TABLES)
    + """
    GRANT INSERT, UPDATE ON {s}.articles, {s}.tags TO {s}_tagger;
    GRANT INSERT, UPDATE ON {s}.briefs, {s}.brief_items TO {s}_editor;
    GRANT EXECUTE ON FUNCTION {s}.lock_counter() TO {s}_tagger;
    GRANT EXECUTE ON FUNCTION {s}.grant_role(text, text) TO {s}_owner;
    """,
    # 2: the rows changed since a version that the caller may no longer see (turned TLP:RED,
    # or its roles changed), by uid only, so a pull removes its stale copies.
    """
    CREATE FUNCTION {s}.withdrawn(since bigint) RETURNS TABLE (kind text, uid text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    """
    + "    UNION ALL\n".join(
        f"        SELECT '{t}', uid FROM {{s}}.{t} WHERE version > since"
        f" AND NOT {{s}}.visible(tlp, roles, author)\n" for t in TABLES)
    + """    $$;
    REVOKE EXECUTE ON FUNCTION {s}.withdrawn(bigint) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION {s}.withdrawn(bigint) TO {s}_reader;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def role(library: str, name: str) -> str:
    """The PostgreSQL group role of a library role (``reader`` of ``crisis``: ``crisis_reader``)."""
    return f"{library}_{name}"


def installed_version(conn: psycopg.Connection[tuple[object, ...]], library: str) -> int | None:
    """The library's schema number, or None when the server has no such library."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"{library}.meta",)).fetchone()
    if row is None or not row[0]:
        return None
    found = conn.execute(
        sql.SQL("SELECT value FROM {}.meta WHERE key = 'schema'").format(sql.Identifier(library))).fetchone()
    return 0 if found is None else int(str(found[0]))


def check(conn: psycopg.Connection[tuple[object, ...]], library: str) -> None:
    """Refuse a missing library, one newer than this Briefer, or one still to be migrated."""
    version = installed_version(conn, library)
    if version is None:
        raise LibraryError(f"library {library}", "no such library on this server (create it with"
                                                 " 'briefer team init')")
    if version > SCHEMA_VERSION:
        raise LibraryError(f"library {library}", f"made by a newer Briefer (schema {version}; this version"
                                                 f" knows up to {SCHEMA_VERSION}); update Briefer")
    if version < SCHEMA_VERSION:
        raise LibraryError(f"library {library}", f"schema {version} is older than this Briefer's"
                                                 f" ({SCHEMA_VERSION}); its owner runs 'briefer team init'")


def migrate(conn: psycopg.Connection[tuple[object, ...]], library: str) -> int:
    """Create the library or bring it to this schema in one transaction; return the old number (0: new)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"briefer library {library}",))
        version = installed_version(conn, library) or 0
        if version > SCHEMA_VERSION:
            check(conn, library)
        if version == 0:
            _create_roles(conn, library)
            conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(library)))
        for script in MIGRATIONS[version:]:
            conn.execute(script.replace("{s}", library).encode())
        conn.execute(sql.SQL("INSERT INTO {}.meta VALUES ('schema', %s) ON CONFLICT (key)"
                             " DO UPDATE SET value = excluded.value").format(sql.Identifier(library)),
                     (str(SCHEMA_VERSION),))
    return version


def _create_roles(conn: psycopg.Connection[tuple[object, ...]], library: str) -> None:
    """The group roles, each a member of the next (an owner is an editor, a tagger, a reader)."""
    for name in ROLES:
        found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role(library, name),)).fetchone()
        if found is None:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role(library, name))))
    for lower, upper in itertools.pairwise(ROLES):
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(role(library, lower)),
                                                      sql.Identifier(role(library, upper))))
