"""The event file's schema and its forward migrations.

Each entry of ``MIGRATIONS`` upgrades a file from version ``n - 1`` to ``n``.
A file written by an older app is upgraded when it is opened (after a backup
copy is made); a file from a newer app is refused with a clear message.
Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

import re
import sqlite3

#: Expected people per day counted from scratch (the backfill of ``expected_days``,
#: and the bulk import's recount instead of a trigger call per row).
EXPECTED_RECOUNT = """
    INSERT OR REPLACE INTO expected_days(day, n)
    SELECT d.day, sum(a.status = 'active') FROM attendee_days d
    JOIN attendees a ON a.id = d.attendee_id GROUP BY d.day"""

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
    # attendance summary for live counts (issue 6): ``presence`` holds each person's
    # earliest valid check-in per day (scope '') and per session (scope = session id),
    # kept current by triggers so counts are index range scans, whichever desk or
    # process wrote the check-in. It is derived data: rebuildable from ``checkins``.
    """
    CREATE INDEX attendee_days_day ON attendee_days(day, attendee_id);
    CREATE INDEX attendees_walk_in ON attendees(id) WHERE walk_in = 1;
    CREATE INDEX attendees_cancelled ON attendees(id) WHERE status = 'cancelled';
    CREATE INDEX attendees_groups ON attendees(id, status, organization, project, role);
    CREATE INDEX sessions_day ON sessions(day, starts, name);
    CREATE INDEX checkins_forced ON checkins(day, attendee_id) WHERE forced = 1;
    CREATE TABLE presence (
        day TEXT NOT NULL,
        scope TEXT NOT NULL,
        attendee_id TEXT NOT NULL,
        checkin TEXT NOT NULL,
        at TEXT NOT NULL,
        desk TEXT NOT NULL,
        PRIMARY KEY (day, scope, attendee_id)
    ) WITHOUT ROWID;
    CREATE INDEX presence_checkin ON presence(checkin);
    CREATE INDEX presence_scope_at ON presence(day, scope, at);
    CREATE INDEX presence_scope_desk ON presence(day, scope, desk);
    CREATE TABLE presence_counts (
        day TEXT NOT NULL,
        scope TEXT NOT NULL,
        desk TEXT NOT NULL,
        slot TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (day, scope, desk, slot)
    ) WITHOUT ROWID;
    CREATE TRIGGER presence_counts_in AFTER INSERT ON presence
    BEGIN
        INSERT INTO presence_counts(day, scope, desk, slot, n)
        VALUES (NEW.day, NEW.scope, NEW.desk, substr(NEW.at, 1, 14) || printf('%02d',
                CAST(substr(NEW.at, 15, 2) AS INTEGER) / 15 * 15), 1)
        ON CONFLICT(day, scope, desk, slot) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER presence_counts_out AFTER DELETE ON presence
    BEGIN
        UPDATE presence_counts SET n = n - 1
        WHERE day = OLD.day AND scope = OLD.scope AND desk = OLD.desk
          AND slot = substr(OLD.at, 1, 14) || printf('%02d',
                CAST(substr(OLD.at, 15, 2) AS INTEGER) / 15 * 15);
    END;
    CREATE TRIGGER presence_counts_move AFTER UPDATE ON presence
    BEGIN
        UPDATE presence_counts SET n = n - 1
        WHERE day = OLD.day AND scope = OLD.scope AND desk = OLD.desk
          AND slot = substr(OLD.at, 1, 14) || printf('%02d',
                CAST(substr(OLD.at, 15, 2) AS INTEGER) / 15 * 15);
        INSERT INTO presence_counts(day, scope, desk, slot, n)
        VALUES (NEW.day, NEW.scope, NEW.desk, substr(NEW.at, 1, 14) || printf('%02d',
                CAST(substr(NEW.at, 15, 2) AS INTEGER) / 15 * 15), 1)
        ON CONFLICT(day, scope, desk, slot) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER presence_on_in AFTER INSERT ON checkins
    WHEN NEW.kind = 'in'
        AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.undoes = NEW.uuid AND u.kind = 'undo')
    BEGIN
        INSERT INTO presence(day, scope, attendee_id, checkin, at, desk)
        SELECT NEW.day, s.scope, NEW.attendee_id, NEW.uuid, NEW.at, NEW.desk
        FROM (SELECT '' AS scope UNION ALL SELECT NEW.session WHERE NEW.session IS NOT NULL) s
        WHERE true
        ON CONFLICT(day, scope, attendee_id) DO UPDATE
            SET checkin = excluded.checkin, at = excluded.at, desk = excluded.desk
            WHERE excluded.at < presence.at
               OR (excluded.at = presence.at AND excluded.checkin < presence.checkin);
    END;
    CREATE TRIGGER presence_on_undo AFTER INSERT ON checkins
    WHEN NEW.kind = 'undo'
    BEGIN
        DELETE FROM presence WHERE checkin = NEW.undoes;
        INSERT OR IGNORE INTO presence(day, scope, attendee_id, checkin, at, desk)
        SELECT day, '', attendee_id, uuid, at, desk FROM (
            SELECT c.day, c.attendee_id, c.uuid, c.at, c.desk FROM checkins t
            JOIN checkins c ON c.attendee_id = t.attendee_id AND c.day = t.day
            WHERE t.uuid = NEW.undoes AND c.kind = 'in' AND NOT EXISTS (
                SELECT 1 FROM checkins u WHERE u.undoes = c.uuid AND u.kind = 'undo')
            ORDER BY c.at, c.uuid LIMIT 1);
        INSERT OR IGNORE INTO presence(day, scope, attendee_id, checkin, at, desk)
        SELECT day, session, attendee_id, uuid, at, desk FROM (
            SELECT c.day, c.session, c.attendee_id, c.uuid, c.at, c.desk FROM checkins t
            JOIN checkins c ON c.attendee_id = t.attendee_id AND c.day = t.day
                AND c.session = t.session
            WHERE t.uuid = NEW.undoes AND c.kind = 'in' AND NOT EXISTS (
                SELECT 1 FROM checkins u WHERE u.undoes = c.uuid AND u.kind = 'undo')
            ORDER BY c.at, c.uuid LIMIT 1);
    END;
    INSERT INTO presence(day, scope, attendee_id, checkin, at, desk)
    SELECT day, scope, attendee_id, uuid, at, desk FROM (
        SELECT c.day, s.scope, c.attendee_id, c.uuid, c.at, c.desk,
               row_number() OVER (PARTITION BY c.day, s.scope, c.attendee_id
                                  ORDER BY c.at, c.uuid) AS n
        FROM checkins c
        JOIN (SELECT '' AS scope UNION ALL SELECT DISTINCT session FROM checkins
              WHERE session IS NOT NULL) s ON s.scope = '' OR s.scope = c.session
        WHERE c.kind = 'in' AND NOT EXISTS (
            SELECT 1 FROM checkins u WHERE u.undoes = c.uuid AND u.kind = 'undo'))
    WHERE n = 1;
    """,
    # sync between desks (checkin.store.journal): the outbox of this desk's own new records,
    # filled by triggers in the same transaction as the record, so a committed record
    # is always queued. Triggers only fire in a desk copy of a shared event (a row
    # 'server' in sync_state) and not while sync applies records pulled from other
    # desks (a row in sync_applying, inserted and deleted inside that transaction).
    """
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE sync_applying (id INTEGER PRIMARY KEY CHECK (id = 1));
    CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('checkin', 'audit', 'attendee', 'badge_batch')),
        ref TEXT NOT NULL
    );
    """ + "".join(
        f"""
    CREATE TRIGGER sync_queue_{name} AFTER {event} ON {table}
    WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'server')
     AND NOT EXISTS (SELECT 1 FROM sync_applying)
    BEGIN INSERT INTO sync_outbox(kind, ref) VALUES ('{kind}', {ref}); END;
    """
        for name, event, table, kind, ref in (
            ("checkin", "INSERT", "checkins", "checkin", "NEW.uuid"),
            ("audit", "INSERT", "audit", "audit", "NEW.uuid"),
            ("attendee_new", "INSERT", "attendees", "attendee", "NEW.id"),
            ("attendee_edit", "UPDATE", "attendees", "attendee", "NEW.id"),
            ("attendee_days_add", "INSERT", "attendee_days", "attendee", "NEW.attendee_id"),
            ("attendee_days_drop", "DELETE", "attendee_days", "attendee", "OLD.attendee_id"),
            ("badge_batch", "INSERT", "badge_batches", "badge_batch", "NEW.id"),
        )
    ),
    # expected people per day (registered for the day, not cancelled), kept by
    # triggers so the live board reads one row instead of counting 100,000.
    # Day edits delete and re-insert attendee_days rows; the purge renames ids
    # (neither "UPDATE OF day" nor "UPDATE OF status"), so the counts stay true.
    """
    CREATE TABLE expected_days (day TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    """ + EXPECTED_RECOUNT + """;
    CREATE TRIGGER expected_on_day_in AFTER INSERT ON attendee_days
    BEGIN
        INSERT INTO expected_days(day, n) VALUES (NEW.day, coalesce(
            (SELECT status = 'active' FROM attendees WHERE id = NEW.attendee_id), 0))
        ON CONFLICT(day) DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER expected_on_day_out AFTER DELETE ON attendee_days
    BEGIN
        UPDATE expected_days SET n = n - 1 WHERE day = OLD.day
            AND (SELECT status FROM attendees WHERE id = OLD.attendee_id) = 'active';
    END;
    CREATE TRIGGER expected_on_day_move AFTER UPDATE OF day ON attendee_days
    BEGIN
        UPDATE expected_days SET n = n - 1 WHERE day = OLD.day
            AND (SELECT status FROM attendees WHERE id = OLD.attendee_id) = 'active';
        INSERT INTO expected_days(day, n) VALUES (NEW.day, coalesce(
            (SELECT status = 'active' FROM attendees WHERE id = NEW.attendee_id), 0))
        ON CONFLICT(day) DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER expected_on_status AFTER UPDATE OF status ON attendees
    WHEN OLD.status <> NEW.status
    BEGIN
        UPDATE expected_days SET n = n + CASE NEW.status WHEN 'active' THEN 1 ELSE -1 END
        WHERE day IN (SELECT day FROM attendee_days WHERE attendee_id = NEW.id);
    END;
    CREATE TRIGGER expected_on_person_out BEFORE DELETE ON attendees
    WHEN OLD.status = 'active'
    BEGIN
        UPDATE expected_days SET n = n - 1
        WHERE day IN (SELECT day FROM attendee_days WHERE attendee_id = OLD.id);
    END;
    """,
    # several desks (issue 11): records pulled from the server that fail the checks
    # are kept here with the reason instead of being applied (``seq``: the server's).
    """
    CREATE TABLE sync_quarantine (
        seq INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        desk TEXT NOT NULL,
        reason TEXT NOT NULL,
        body TEXT NOT NULL,
        set_aside_at TEXT NOT NULL
    );
    """,
    # people with the same name, found for each card the desk shows (possible duplicates
    # of an import; checkin.store.people.namesakes)
    """
    CREATE INDEX attendees_name ON attendees(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def split_statements(script: str) -> list[str]:
    """A migration's statements, one by one (as SQLite itself finds their ends)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


_TRIGGER = re.compile(r"CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s+BEFORE\s+"
                      r"(?:UPDATE|DELETE)\b[^;]*?\bON\s+(\w+)\s", re.IGNORECASE)
_DROP_TRIGGER = re.compile(r"DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?(\w+)", re.IGNORECASE)


def append_only_guards(table: str) -> dict[str, str]:
    """The triggers that keep ``table`` append-only (name → the statement that creates
    it), exactly as the migrations leave them: those that refuse every UPDATE or
    DELETE of a row with ``RAISE(ABORT, …)``. The purge lifts them for its own
    transaction and puts back these very statements."""
    guards: dict[str, str] = {}
    for script in MIGRATIONS:
        for statement in split_statements(script):
            dropped = _DROP_TRIGGER.match(statement)
            if dropped:
                guards.pop(dropped.group(1), None)
                continue
            created = _TRIGGER.match(statement)
            if (created and created.group(2) == table and " WHEN " not in statement.upper()
                    and "RAISE(ABORT" in statement.upper().replace(" ", "")):
                guards[created.group(1)] = statement
    return guards
