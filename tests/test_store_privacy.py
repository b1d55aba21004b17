"""The purge's file side (checkin.store.privacy): guards come from the schema, not names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checkin.event.privacy import purge
from checkin.store import schema
from checkin.store import sqlite as sqlite_store
from checkin.store.schema import append_only_guards
from tests.attendance_scenario import build

#: a later schema that also keeps badge positions append-only (a guard the purge's
#: code has never heard of, on a table that refers to people)
LATER_GUARD = """
    CREATE TRIGGER positions_fixed BEFORE UPDATE ON badge_positions
    BEGIN SELECT RAISE(ABORT, 'badge positions are append-only'); END;
    """


def test_the_guards_are_the_schemas_own_statements() -> None:
    guards = append_only_guards("checkins")
    assert sorted(guards) == ["checkins_append_only_delete", "checkins_append_only_update"]
    assert all(s.startswith(f"CREATE TRIGGER {name} ") for name, s in guards.items())
    assert append_only_guards("attendees") == {}  # people change; their triggers count


def test_purge_lifts_and_restores_a_guard_added_by_a_later_migration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    later = [*schema.MIGRATIONS, LATER_GUARD]
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", later)
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", len(later))
    store, _ = build(tmp_path / "e.checkin")
    with store.transaction() as db:  # a printed batch: positions that name people
        db.execute("INSERT INTO badge_batches(id, created_at, desk, layout, template, sort, "
                   "count) VALUES ('b1', '2025-01-01T00:00:00+00:00', 'Desk 1', 'a6', "
                   "'standard', 'name', 1)")
        db.execute("INSERT INTO badge_positions VALUES ('b1', 'anna', 1, 'A', 1, 1)")
    summary = purge(store)
    assert summary.attendees == 7
    (position,) = store.query("SELECT attendee_id FROM badge_positions")
    assert position[0].startswith("anon-")  # re-keyed with everyone else
    # the guards are back: writing through the raw connection (tests may) is refused
    with pytest.raises(sqlite3.DatabaseError, match="badge positions are append-only"), \
            store.transaction() as db:
        db.execute("UPDATE badge_positions SET box = 'Z'")
    with pytest.raises(sqlite3.DatabaseError, match="check-ins are append-only"), \
            store.transaction() as db:
        db.execute("DELETE FROM checkins")
    store.close()
