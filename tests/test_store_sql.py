"""The store owns the event's SQL: query() only reads, maintenance has named functions."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from checkin.errors import ReadOnlyPlace
from checkin.model import Attendee
from checkin.store import create_event, maintenance, open_event
from checkin.store.sqlite import EventStore, ReadOnlyQuery, new_uuid

DAYS = [date(2017, 9, 19)]
SECRET = "Xylophonstimmerin Quenzelwort"

WRITES = [
    "UPDATE checkins SET desk = 'x'",
    "DELETE FROM settings",
    "INSERT INTO settings(key, value) VALUES ('k', '1')",
    "  -- a comment first\n  DELETE FROM settings",
    "/* hidden */ DROP TABLE templates",
    "CREATE TABLE notes (a)",
    "VACUUM",
    "ANALYZE",
    "REINDEX",
    "BEGIN IMMEDIATE",
    "ATTACH DATABASE ':memory:' AS other",
    "PRAGMA secure_delete = OFF",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA journal_mode(DELETE)",
    "PRAGMA main.synchronous = OFF",
    "PRAGMA wal_checkpoint(TRUNCATE)",
    "PRAGMA wal_checkpoint",
    "PRAGMA optimize",
    "PRAGMA foreign_keys = OFF",
    "WITH gone AS (SELECT 1) DELETE FROM settings",
    "WITH x AS (SELECT 1) INSERT INTO settings(key, value) VALUES ('k', '1')",
]


def _event(path: Path) -> EventStore:
    store = create_event(path, name="Konferenz", days=DAYS)
    store.add_attendees([Attendee(id=new_uuid(), first_name="Käthe", last_name="Groß",
                                  days=("2017-09-19",))])
    return store


def _state(store: EventStore) -> tuple[object, ...]:
    return (sorted(tuple(r) for r in store.query("SELECT key, value FROM settings")),
            store.query("PRAGMA journal_mode")[0][0], store.query("PRAGMA synchronous")[0][0],
            store.query("PRAGMA foreign_keys")[0][0], store.query("PRAGMA secure_delete")[0][0],
            [tuple(r) for r in store.query("SELECT name FROM sqlite_master ORDER BY name")])


@pytest.mark.parametrize("sql", WRITES)
def test_query_refuses_every_write(tmp_path: Path, sql: str) -> None:
    with _event(tmp_path / "e.checkin") as store:
        before = _state(store)
        with pytest.raises(ReadOnlyQuery, match=r"only reads"):
            store.query(sql)
        assert _state(store) == before
        # the refusal leaves the connection writable for the store's own writes
        store.set_setting("after", 1)
        assert store.setting("after") == 1


def test_query_reads(tmp_path: Path) -> None:
    with _event(tmp_path / "e.checkin") as store:
        assert store.query("SELECT count(*) FROM attendees")[0][0] == 1
        assert store.query("WITH n AS (SELECT count(*) AS c FROM attendees) SELECT c FROM n"
                           )[0][0] == 1
        assert store.query("VALUES (1), (2)")[1][0] == 2
        assert store.query("pragma JOURNAL_MODE")[0][0] == "wal"
        assert "last_name" in {r["name"] for r in store.query("PRAGMA table_info('attendees')")}
        assert store.query("PRAGMA quick_check(3)")[0][0] == "ok"
        assert store.query("SELECT ?", (5,))[0][0] == 5


def test_a_read_only_event_stays_read_only_after_a_query(tmp_path: Path) -> None:
    _event(tmp_path / "e.checkin").close()
    with open_event(tmp_path / "e.checkin", read_only=True) as store:
        assert store.query("SELECT count(*) FROM attendees")[0][0] == 1
        with pytest.raises(ReadOnlyQuery):
            store.query("WITH x AS (SELECT 1) DELETE FROM settings")
        assert store.query("PRAGMA query_only")[0][0] == 1
        with pytest.raises(ReadOnlyPlace):
            maintenance.compact(store)
        with pytest.raises(ReadOnlyPlace):
            maintenance.secure_delete(store, True)


def test_secure_delete_and_compact_leave_no_trace_of_deleted_data(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    with _event(path) as store:
        store.set_setting("note", SECRET)
        maintenance.secure_delete(store, True)
        assert store.query("PRAGMA secure_delete")[0][0] == 1
        store.set_setting("note", "")
        assert maintenance.compact(store) is True
        assert store.query("PRAGMA freelist_count")[0][0] == 0
        assert Path(f"{path}-wal").stat().st_size == 0
        raw = path.read_bytes()
        maintenance.secure_delete(store, False)
        assert store.query("PRAGMA secure_delete")[0][0] == 0
    assert SECRET.encode() not in raw


def test_compact_says_when_a_reader_keeps_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    with _event(path) as store:
        reader = sqlite3.connect(path, isolation_level=None)
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM attendees").fetchone()  # holds a snapshot
            store.set_setting("note", "after the snapshot")
            assert maintenance.checkpoint(store) is False
            reader.execute("COMMIT")
        finally:
            reader.close()
        assert maintenance.checkpoint(store) is True


def test_maintenance_is_refused_inside_a_transaction(tmp_path: Path) -> None:
    with _event(tmp_path / "e.checkin") as store, store.transaction(), \
            pytest.raises(RuntimeError, match="inside a transaction"):
        maintenance.compact(store)


def test_data_version_changes_when_another_desk_commits(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    with _event(path) as board, open_event(path) as desk:
        before = board.data_version()
        assert board.data_version() == before  # nothing new: the board does not redraw
        desk.set_setting("note", "a check-in elsewhere")
        assert board.data_version() != before
