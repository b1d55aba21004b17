"""The PostgreSQL server that desks share: addresses, connections, its tables.

The server holds one append-only journal of records (check-ins, audit
entries, attendee versions), numbered by a sequence so that each desk pulls
"everything after number N". Records are keyed by UUID, so pushing the same
record twice is harmless. Passwords never leave this module's connection
calls: what is stored, shown or logged is :func:`public_url`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from checkin.addresses import public_url, remember_secrets, scrub_secrets
from checkin.errors import UserError

#: the NOTIFY channel a push announces new records on
CHANNEL = "checkin_records"
#: pushes take this transaction lock so that sequence numbers commit in order
#: (a desk reading "after N" can then never skip a record committed later)
PUSH_LOCK = 0x43484B49

SERVER_SCHEMA = """
CREATE TABLE checkin_event (
    id integer PRIMARY KEY CHECK (id = 1),
    event_uuid text NOT NULL,
    name text NOT NULL,
    language text NOT NULL,
    days jsonb NOT NULL,
    settings jsonb NOT NULL,
    shared_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE checkin_records (
    seq bigserial PRIMARY KEY,
    uuid text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('checkin', 'audit', 'attendee', 'badge_batch')),
    desk text NOT NULL,
    body jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE checkin_desks (
    desk text PRIMARY KEY,
    last_seen timestamptz NOT NULL,
    outbox integer NOT NULL DEFAULT 0
);
"""


class ServerUnreachable(UserError):
    """The server cannot be reached now (network, server down, refused login)."""


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


def holds_event(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute("SELECT to_regclass('checkin_event') IS NOT NULL").fetchone()
    return bool(row and row[0])


def create_schema(conn: psycopg.Connection[Any]) -> None:
    for statement in SERVER_SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement.encode())


@contextmanager
def push_transaction(conn: psycopg.Connection[Any], sender: str) -> Iterator[None]:
    """A transaction that appends records in sequence order and announces them."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
        yield
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, sender))
