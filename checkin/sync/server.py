"""The PostgreSQL server that desks share: addresses, connections, its tables.

The server holds one append-only journal of records (check-ins, audit
entries, attendee versions), numbered by a sequence so that each desk pulls
"everything after number N". Records are keyed by UUID, so pushing the same
record twice is harmless. Passwords never leave this module's connection
calls: what is stored, shown or logged is :func:`public_url`.

The schema is versioned (``checkin_schema_version``, forward migrations in
:data:`SERVER_MIGRATIONS`, like the event file's): a desk upgrades an older
server on first contact and refuses a newer one. Desks work through the role
``checkin_desk``, which may read the journal and append to it but never
change or delete a record; CHECK constraints refuse rows of the wrong shape
from anyone, and the one rewrite there is, the purge, runs in the schema
owner's ``checkin_purge`` function.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from checkin.errors import UserError
from checkin.sync.addresses import public_url, remember_secrets, scrub_secrets

#: the NOTIFY channel a push announces new records on
CHANNEL = "checkin_records"
#: pushes take this transaction lock so that sequence numbers commit in order
#: (a desk reading "after N" can then never skip a record committed later)
PUSH_LOCK = 0x43484B49

#: the role desks write through: it may read the journal and append to it, never
#: change or delete a record (one role per PostgreSQL cluster, NOLOGIN: logins are
#: made members of it, and a superuser's desk connection switches to it)
DESK_ROLE = "checkin_desk"
#: upgrades of the server schema take this transaction lock (two desks at once)
SCHEMA_LOCK = 0x43484B53
#: a record's JSON text may be this long (a badge batch of a big event is longer)
MAX_RECORD_BYTES = 1 << 20
MAX_BATCH_BYTES = 64 << 20
_KINDS = "('checkin', 'audit', 'attendee', 'badge_batch')"

#: A well-formed journal row (inline in the constraint, not a function: a SQL
#: function would be planned again for every row a desk pushes)
_SHAPE = f"""kind IN {_KINDS}
    AND length(desk) BETWEEN 1 AND 200
    AND jsonb_typeof(body) = 'object'
    AND octet_length(body::text) <= CASE kind WHEN 'badge_batch'
        THEN {MAX_BATCH_BYTES} ELSE {MAX_RECORD_BYTES} END
    AND length(uuid) <= 300
    AND CASE kind
        WHEN 'attendee' THEN uuid ~ '^attendee:[^[:space:][:cntrl:]]+$'
        WHEN 'badge_batch' THEN uuid ~ '^badge_batch:[^[:space:][:cntrl:]]+$'
        ELSE uuid ~ '^[0-9a-fA-F]{{8}}(-[0-9a-fA-F]{{4}}){{3}}-[0-9a-fA-F]{{12}}$'
        END"""

#: Forward migrations of the server's schema, like the event file's: entry ``n``
#: upgrades a server from version ``n`` to ``n + 1``, one statement per string.
#: Append new migrations; never edit one that has shipped.
SERVER_MIGRATIONS: list[list[str]] = [
    # version 1: the journal as the first release created it (no version table yet)
    [
        """CREATE TABLE checkin_event (
            id integer PRIMARY KEY CHECK (id = 1),
            event_uuid text NOT NULL,
            name text NOT NULL,
            language text NOT NULL,
            days jsonb NOT NULL,
            settings jsonb NOT NULL,
            shared_at timestamptz NOT NULL DEFAULT now()
        )""",
        f"""CREATE TABLE checkin_records (
            seq bigserial PRIMARY KEY,
            uuid text NOT NULL UNIQUE,
            kind text NOT NULL CHECK (kind IN {_KINDS}),
            desk text NOT NULL,
            body jsonb NOT NULL,
            received_at timestamptz NOT NULL DEFAULT clock_timestamp()
        )""",
        """CREATE TABLE checkin_desks (
            desk text PRIMARY KEY,
            last_seen timestamptz NOT NULL,
            outbox integer NOT NULL DEFAULT 0
        )""",
    ],
    # version 2: a version table, the shape of a record checked by the server, the
    # desk role (append and read only) and the purge of a shared event
    [
        """CREATE TABLE checkin_schema_version (
            id integer PRIMARY KEY CHECK (id = 1),
            version integer NOT NULL,
            upgraded_at timestamptz NOT NULL DEFAULT now()
        )""",
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DESK_ROLE}') THEN
                CREATE ROLE {DESK_ROLE} NOLOGIN;
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$""",
        "ALTER TABLE checkin_event ADD COLUMN purged_at timestamptz",
        "ALTER TABLE checkin_event ADD COLUMN purge_salt text",
        # NOT VALID: rows already in an old journal stay (desks set bad ones aside)
        f"ALTER TABLE checkin_records ADD CONSTRAINT checkin_records_shape "
        f"CHECK ({_SHAPE}) NOT VALID",
        """CREATE FUNCTION checkin_anon_id(p_salt text, p_id text) RETURNS text
            LANGUAGE sql IMMUTABLE AS $$
            SELECT 'anon-' || substr(md5(p_salt || ':' || p_id), 1, 24)
            $$""",
        f"""CREATE FUNCTION checkin_purge(p_event text) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            v_salt text;
        BEGIN
            PERFORM pg_advisory_xact_lock({0x43484B49});
            SELECT purge_salt INTO v_salt FROM checkin_event
                WHERE id = 1 AND event_uuid = p_event FOR UPDATE;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'this database holds another event';
            END IF;
            IF v_salt IS NOT NULL THEN
                RETURN v_salt;
            END IF;
            v_salt := md5(gen_random_uuid()::text || clock_timestamp()::text);
            DELETE FROM checkin_records WHERE NOT ({_SHAPE});
            UPDATE checkin_records SET
                uuid = 'attendee:' || checkin_anon_id(v_salt, coalesce(body->>'id', uuid))
                       || ':' || substr(md5(uuid), 1, 16),
                body = coalesce((SELECT jsonb_object_agg(key, CASE
                    WHEN key IN ('days', 'status', 'walk_in', 'created_at', 'updated_at')
                        THEN value
                    WHEN jsonb_typeof(value) <> 'string' THEN 'null'::jsonb
                    WHEN key IN ('id', 'code_ref')
                        THEN to_jsonb(checkin_anon_id(v_salt, body->>'id'))
                    WHEN key = 'extra' THEN to_jsonb('{{}}'::text)
                    ELSE to_jsonb(''::text) END) FROM jsonb_each(body)), '{{}}'::jsonb)
            WHERE kind = 'attendee';
            UPDATE checkin_records SET body = jsonb_set(body, '{{attendee_id}}',
                    to_jsonb(checkin_anon_id(v_salt, body->>'attendee_id')))
            WHERE kind = 'checkin' AND jsonb_typeof(body->'attendee_id') = 'string';
            UPDATE checkin_records SET body = body || jsonb_build_object('detail', '{{}}'::text)
                || CASE WHEN jsonb_typeof(body->'attendee_id') = 'string'
                   THEN jsonb_build_object('attendee_id',
                                           checkin_anon_id(v_salt, body->>'attendee_id'))
                   ELSE '{{}}'::jsonb END
            WHERE kind = 'audit';
            UPDATE checkin_records SET body = jsonb_set(body, '{{positions}}', coalesce((
                    SELECT jsonb_agg(CASE WHEN jsonb_typeof(p->'attendee_id') = 'string'
                        THEN p || jsonb_build_object('attendee_id',
                                                     checkin_anon_id(v_salt, p->>'attendee_id'))
                        ELSE p END ORDER BY n)
                    FROM jsonb_array_elements(body->'positions') WITH ORDINALITY e(p, n)),
                    '[]'::jsonb))
            WHERE kind = 'badge_batch' AND jsonb_typeof(body->'positions') = 'array';
            UPDATE checkin_event SET purged_at = now(), purge_salt = v_salt WHERE id = 1;
            RETURN v_salt;
        END
        $$""",
        "REVOKE ALL ON checkin_event, checkin_records, checkin_desks, checkin_schema_version "
        "FROM PUBLIC",
        "REVOKE ALL ON FUNCTION checkin_purge(text) FROM PUBLIC",
        f"GRANT SELECT ON checkin_event, checkin_schema_version TO {DESK_ROLE}",
        f"GRANT SELECT, INSERT (uuid, kind, desk, body) ON checkin_records TO {DESK_ROLE}",
        f"GRANT USAGE ON SEQUENCE checkin_records_seq_seq TO {DESK_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE ON checkin_desks TO {DESK_ROLE}",
        f"GRANT EXECUTE ON FUNCTION checkin_purge(text) TO {DESK_ROLE}",
    ],
]
SERVER_SCHEMA_VERSION = len(SERVER_MIGRATIONS)


class ServerUnreachable(UserError):
    """The server cannot be reached now (network, server down, refused login)."""


class ServerTooNew(UserError):
    """The server's schema was written by a newer checkin than this one."""


def database_name(url: str) -> str:
    try:
        name = conninfo_to_dict(url).get("dbname")
    except psycopg.ProgrammingError as exc:
        raise UserError(f"{public_url(url)} is not a valid PostgreSQL address "
                        f"({describe(exc, url)}). "
                        "Write it as postgresql://USER@HOST:PORT/DATABASE.") from None
    if not name:
        raise UserError(f"{public_url(url)} names no database. Add it at the end, e.g. "
                        "postgresql://postgres@laptop:5432/fachkonferenz.")
    return str(name)


def describe(exc: BaseException, url: str) -> str:
    """A one-line error text without the password, should libpq ever echo it."""
    return _scrub(" ".join(str(exc).split()), url)


def _scrub(text: str, url: str) -> str:
    """Mask the URL's password however it is spelled, even if the URL cannot be parsed."""
    remember_secrets(url)
    try:
        password = conninfo_to_dict(url).get("password")
    except psycopg.ProgrammingError:  # the driver's message may quote the whole URL
        password = None
    if password:
        text = text.replace(str(password), "***")
    return scrub_secrets(text)


def connect(url: str, *, timeout: float = 3, autocommit: bool = False, desk: str = "",
            **overrides: Any) -> psycopg.Connection[Any]:
    """Open a connection; libpq options in the URL (sslmode, …) pass through.

    TCP keepalives and a TCP user timeout are switched on (unless the URL says
    otherwise) so that a dropped Wi-Fi is noticed within seconds, not minutes.
    """
    try:
        params: dict[str, Any] = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise UserError(f"{public_url(url)} is not a valid PostgreSQL address "
                        f"({describe(exc, url)}). "
                        "Write it as postgresql://USER@HOST:PORT/DATABASE.") from None
    params.setdefault("connect_timeout", max(1, round(timeout)))
    params.setdefault("application_name", f"checkin {desk}".strip()[:63])
    for key, value in (("keepalives", 1), ("keepalives_idle", 5),
                       ("keepalives_interval", 2), ("keepalives_count", 2),
                       ("tcp_user_timeout", 10000)):
        params.setdefault(key, value)
    params.update(overrides)
    try:
        return psycopg.connect(autocommit=autocommit, **params)
    except psycopg.OperationalError as exc:
        detail = describe(exc, url)
        raise ServerUnreachable(
            f"Cannot reach the event server {public_url(url)} ({detail}). Check the "
            "network and that the server is running; this desk keeps working and "
            "syncs when it is back.") from None


def _missing_database(exc: ServerUnreachable) -> bool:
    return bool(re.search(r"database \S+ does not exist", exc.message))


def ensure_database(url: str) -> psycopg.Connection[Any]:
    """Connect to the URL's database, creating it first if it does not exist."""
    try:
        return connect(url, autocommit=True)
    except ServerUnreachable as exc:
        if not _missing_database(exc):
            raise
    name = database_name(url)
    with connect(url, autocommit=True, dbname="postgres") as admin:
        try:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.errors.DuplicateDatabase:
            pass  # another desk created it a moment ago
        except psycopg.errors.InsufficientPrivilege:
            raise UserError(
                f"The user in {public_url(url)} may not create the database {name!r}. "
                "Ask the server's administrator to create it, then share again.") from None
    return connect(url, autocommit=True)


def schema_version(conn: psycopg.Connection[Any]) -> int:
    """The server schema's version: 0 for a database without an event.

    Read from ``checkin_schema_version``; a database shared by the first release
    has no such table but its ``checkin_event`` table, which is version 1.
    """
    row = conn.execute("SELECT to_regclass('checkin_schema_version') IS NOT NULL, "
                       "to_regclass('checkin_event') IS NOT NULL").fetchone()
    assert row is not None
    if row[0]:
        found = conn.execute("SELECT version FROM checkin_schema_version").fetchone()
        return int(found[0]) if found else 0
    return 1 if row[1] else 0


def holds_event(conn: psycopg.Connection[Any]) -> bool:
    return schema_version(conn) > 0


def create_schema(conn: psycopg.Connection[Any]) -> None:
    """The newest schema on an empty database (inside the caller's transaction)."""
    _migrate(conn, 0)


def _migrate(conn: psycopg.Connection[Any], version: int) -> None:
    for number in range(version, SERVER_SCHEMA_VERSION):
        for statement in SERVER_MIGRATIONS[number]:
            conn.execute(statement.encode())
    conn.execute(
        "INSERT INTO checkin_schema_version(id, version) VALUES (1, %s) ON CONFLICT (id) "
        "DO UPDATE SET version = excluded.version, upgraded_at = now()",
        (SERVER_SCHEMA_VERSION,))


def _too_new(conn: psycopg.Connection[Any], version: int) -> ServerTooNew:
    name = conn.info.dbname
    return ServerTooNew(
        f"The event server's database {name!r} was set up by a newer version of checkin "
        f"(server format {version}, this app knows up to {SERVER_SCHEMA_VERSION}). Update "
        "checkin on this desk; it keeps working on its own copy meanwhile.")


def prepare(conn: psycopg.Connection[Any]) -> int:
    """Before a desk talks to the journal: upgrade an older server schema, refuse a
    newer one, then switch to the desk role (when this login may). Returns the version
    (0: no event here). The connection must be in autocommit mode."""
    version = schema_version(conn)
    if version > SERVER_SCHEMA_VERSION:
        raise _too_new(conn, version)
    if 0 < version < SERVER_SCHEMA_VERSION:
        conn.execute("RESET ROLE")  # upgrades need the login's own rights
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                version = schema_version(conn)  # another desk may have upgraded meanwhile
                if version > SERVER_SCHEMA_VERSION:
                    raise _too_new(conn, version)
                if version < SERVER_SCHEMA_VERSION:
                    _migrate(conn, version)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise UserError(
                f"The event server's tables are from an older checkin and the user "
                f"{conn.info.user!r} may not upgrade them ({describe(exc, '')}). Open the "
                "event once as the user who shared it (or PostgreSQL's 'postgres'), which "
                "upgrades it; every record is kept.") from None
        version = SERVER_SCHEMA_VERSION
    if version:
        row = conn.execute("SELECT pg_has_role(session_user, %s, 'MEMBER')",
                           (DESK_ROLE,)).fetchone()
        if row and row[0]:
            conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(DESK_ROLE)))
    return version


def purge_journal(conn: psycopg.Connection[Any], event_uuid: str) -> str:
    """Purge the server's journal of personal data (through the schema owner's
    ``checkin_purge``, which the desk role may execute); returns the purge's salt,
    from which every desk derives the same anonymous ids."""
    row = conn.execute("SELECT checkin_purge(%s)", (event_uuid,)).fetchone()
    assert row is not None
    return str(row[0])


@contextmanager
def push_transaction(conn: psycopg.Connection[Any], sender: str) -> Iterator[None]:
    """A transaction that appends records in sequence order and announces them."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
        yield
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, sender))
