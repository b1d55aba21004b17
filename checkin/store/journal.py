"""The sync journal's local side that pulled records need: what is set aside, and
the lookups that check a pulled record's references before it is applied.

A record pulled from the server that fails the checks (unknown kind, wrong
types, a reference to nobody, a time beyond the server's clock) is kept in
``sync_quarantine`` with the reason, counted in the sync status and never
applied; the rest of the pull goes on.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Any

from checkin.store.sqlite import EventStore, now_utc

#: a set-aside record keeps at most this much of its body (for a person to look at)
KEPT_BODY_CHARS = 64 * 1024
_TICKETS = uuid.UUID("0c6f7f0e-3d4b-4f43-9a37-2f1c1a5e8d10")


def attendee_state(db: sqlite3.Connection, attendee_id: str) -> sqlite3.Row | None:
    """What a pulled attendee version is compared with (None: a new person)."""
    row: sqlite3.Row | None = db.execute(
        "SELECT updated_at, code_ref, ticket_code FROM attendees WHERE id = ?",
        (attendee_id,)).fetchone()
    return row


def attendee_exists(db: sqlite3.Connection, attendee_id: str) -> bool:
    return db.execute("SELECT 1 FROM attendees WHERE id = ?", (attendee_id,)).fetchone() \
        is not None


def code_ref_holder(db: sqlite3.Connection, code_ref: str) -> str | None:
    row = db.execute("SELECT id FROM attendees WHERE code_ref = ?", (code_ref,)).fetchone()
    return None if row is None else str(row[0])


def ticket_holder(db: sqlite3.Connection, ticket_code: str, other_than: str) -> str | None:
    """Another person who already has this ticket code (as the door looks it up)."""
    row = db.execute(
        "SELECT id FROM attendees WHERE ticket_code <> '' AND lower(ticket_code) = ? "
        "AND id <> ? LIMIT 1", (ticket_code.lower(), other_than)).fetchone()
    return None if row is None else str(row[0])


def log_ticket_change(db: sqlite3.Connection, *, key: str, desk: str, attendee_id: str,
                      old: str, new: str) -> None:
    """A ticket code changed by another desk: this desk's audit log says so (not sent)."""
    db.execute(
        "INSERT OR IGNORE INTO audit(uuid, at, desk, action, attendee_id, detail) "
        "VALUES (?, ?, ?, 'ticket_code_changed', ?, ?)",
        (str(uuid.uuid5(_TICKETS, key)), now_utc().isoformat(), desk, attendee_id,
         json.dumps({"old": old, "new": new}, ensure_ascii=False)))


def set_aside(db: sqlite3.Connection, *, seq: int, key: str, kind: str, desk: str,
              reason: str, body: Any) -> None:
    """Keep a pulled record that was not applied, with why (idempotent per seq)."""
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False,
                                                          default=str)
    if len(text) > KEPT_BODY_CHARS:
        text = text[:KEPT_BODY_CHARS] + f"… ({len(text)} characters)"
    db.execute(
        "INSERT OR REPLACE INTO sync_quarantine(seq, key, kind, desk, reason, body, "
        "set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, str(key)[:300], str(kind)[:100], str(desk)[:200], reason, text,
         now_utc().isoformat()))


def set_aside_count(store: EventStore) -> int:
    return int(store._read("SELECT count(*) FROM sync_quarantine")[0][0])


def set_aside_records(store: EventStore, limit: int = 100) -> list[dict[str, Any]]:
    """The records set aside, oldest first (for ``checkin sync --json`` and support)."""
    return [dict(r) for r in store._read(
        "SELECT seq, key, kind, desk, reason, set_aside_at FROM sync_quarantine "
        "ORDER BY seq LIMIT ?", (limit,))]


def purge_marker(store: EventStore) -> str | None:
    """The server purge this copy has applied (its salt), if any."""
    row = store._read("SELECT value FROM sync_state WHERE key = 'purge_salt'")
    return str(row[0][0]) if row else None


def forget_after_purge(db: sqlite3.Connection, salt: str | None) -> None:
    """Inside the purge's transaction (with ``temp.purge_ids``): queued references
    follow the new ids, set-aside records (which may hold personal data) go, and a
    purge that came from the server is remembered."""
    db.execute("UPDATE sync_outbox SET ref = (SELECT new FROM temp.purge_ids WHERE old = ref) "
               "WHERE kind = 'attendee' AND ref IN (SELECT old FROM temp.purge_ids)")
    db.execute("DELETE FROM sync_quarantine")
    if salt is not None:
        db.execute("INSERT INTO sync_state(key, value) VALUES ('purge_salt', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (salt,))


def quiet_triggers(db: sqlite3.Connection, on: bool) -> None:
    """While set, the outbox triggers queue nothing (pulled or purged rows)."""
    if on:
        db.execute("INSERT OR IGNORE INTO sync_applying(id) VALUES (1)")
    else:
        db.execute("DELETE FROM sync_applying")
