"""The event file's schema and its forward migrations.

Each entry of ``MIGRATIONS`` upgrades a file from version ``n - 1`` to ``n``.
A file written by an older app is upgraded when it is opened (after a backup
copy is made); a file from a newer app is refused with a clear message.
Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

#: ``PRAGMA application_id`` of every event file: ASCII "CHKI".
APPLICATION_ID = 0x43484B49

MIGRATIONS: list[str] = [
    # version 1: the foundation
    """
    CREATE TABLE event (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'de',
        created_at TEXT NOT NULL
    );
    CREATE TABLE event_days (day TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE attendees (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '',
        project TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        ticket_code TEXT NOT NULL DEFAULT '',
        code_ref TEXT NOT NULL UNIQUE,
        extra TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        walk_in INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX attendees_ticket ON attendees(ticket_code) WHERE ticket_code <> '';
    CREATE INDEX attendees_email ON attendees(email) WHERE email <> '';
    CREATE TABLE attendee_days (
        attendee_id TEXT NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        PRIMARY KEY (attendee_id, day)
    ) WITHOUT ROWID;
    CREATE TABLE checkins (
        uuid TEXT PRIMARY KEY,
        attendee_id TEXT NOT NULL REFERENCES attendees(id),
        day TEXT NOT NULL,
        desk TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('in', 'undo')),
        undoes TEXT,
        session TEXT,
        forced INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX checkins_attendee_day ON checkins(attendee_id, day);
    CREATE INDEX checkins_day_at ON checkins(day, at);
    CREATE INDEX checkins_undoes ON checkins(undoes) WHERE undoes IS NOT NULL;
    CREATE TRIGGER checkins_append_only_update BEFORE UPDATE ON checkins
    BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;
    CREATE TRIGGER checkins_append_only_delete BEFORE DELETE ON checkins
    BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;
    CREATE TABLE audit (
        uuid TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        desk TEXT NOT NULL,
        action TEXT NOT NULL,
        attendee_id TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_action ON audit(action, attendee_id);
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        capacity INTEGER,
        starts TEXT,
        ends TEXT
    );
    CREATE TABLE templates (name TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID;
    """,
    # badges: batches printed in advance and where each person's badge is in them
    """
    CREATE TABLE badge_batches (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        desk TEXT NOT NULL,
        layout TEXT NOT NULL,
        template TEXT NOT NULL,
        sort TEXT NOT NULL,
        selection TEXT NOT NULL DEFAULT '{}',
        count INTEGER NOT NULL
    );
    CREATE TABLE badge_positions (
        batch_id TEXT NOT NULL REFERENCES badge_batches(id),
        attendee_id TEXT NOT NULL REFERENCES attendees(id),
        number INTEGER NOT NULL,
        box TEXT NOT NULL,
        page INTEGER NOT NULL,
        slot INTEGER NOT NULL,
        PRIMARY KEY (batch_id, attendee_id)
    ) WITHOUT ROWID;
    CREATE INDEX badge_positions_attendee ON badge_positions(attendee_id);
    """,
    # the door: an unknown or lower-case ticket code is looked up without a full scan
    """
    CREATE INDEX attendees_ticket_lower ON attendees(lower(ticket_code))
        WHERE ticket_code <> '';
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
