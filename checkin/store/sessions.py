"""The sessions of an event's days as stored, and how many people each holds.

The rules (unique names per day, valid times, when a room is full) live in
:mod:`checkin.door.sessions`; these functions read and write the rows.
"""

from __future__ import annotations

from checkin.model import Session
from checkin.store.sqlite import EventStore


def insert_session(store: EventStore, session: Session) -> None:
    with store.transaction() as db:
        db.execute("INSERT INTO sessions(id, day, name, capacity, starts, ends) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   (session.id, session.day, session.name, session.capacity,
                    session.starts, session.ends))


def load_sessions(store: EventStore, day: str | None = None) -> list[Session]:
    """Sessions of one day (or all, for None or ''), by day, start time and name."""
    where, params = ("WHERE day = ?", (day,)) if day else ("", ())
    rows = store._read(f"SELECT id, day, name, capacity, starts, ends FROM sessions {where} "
                       "ORDER BY day, coalesce(starts, ''), name", params)
    return [Session(r["id"], r["day"], r["name"], r["capacity"], r["starts"], r["ends"])
            for r in rows]


def save_session(store: EventStore, session: Session) -> None:
    """Store a session's name, capacity and times (by its id)."""
    with store.transaction() as db:
        db.execute("UPDATE sessions SET name = ?, capacity = ?, starts = ?, ends = ? "
                   "WHERE id = ?",
                   (session.name, session.capacity, session.starts, session.ends, session.id))


def delete_session(store: EventStore, session_id: str) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))


def checkin_records(store: EventStore, session_id: str) -> int:
    """Check-in records (ins and undos) that name the session."""
    return int(store._read("SELECT count(*) FROM checkins WHERE session = ?",
                           (session_id,))[0][0])


def people_in(store: EventStore, day: str, session_id: str) -> int:
    """People checked in to the session (each once, undone check-ins not counted)."""
    return int(store._read("SELECT count(*) FROM presence WHERE day = ? AND scope = ?",
                           (day, session_id))[0][0])
