"""The event file: created, reopened, refused when foreign, append-only."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from checkin.errors import EventNotFound, NotAnEventFile, UserError
from checkin.model import Attendee, CheckIn
from checkin.store import create_event, open_event
from checkin.store.schema import SCHEMA_VERSION
from checkin.store.sqlite import new_uuid, now_utc

DAYS = [date(2017, 9, 19), date(2017, 9, 20)]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_event_is_private_wal_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "konf.checkin"
    with create_event(path, name="Fachkonferenz", days=DAYS) as store:
        store.add_attendees([Attendee(id=new_uuid(), first_name="Käthe", last_name="Groß",
                                      days=("2017-09-19",), extra={"Raum": "A 1"})])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open_event(path) as store:
        event = store.event()
        assert event.name == "Fachkonferenz"
        assert event.days == tuple(DAYS)
        (person,) = store.attendees()
        assert (person.first_name, person.last_name, person.extra) == ("Käthe", "Groß",
                                                                       {"Raum": "A 1"})
        assert store.query("PRAGMA journal_mode")[0][0] == "wal"
        assert store.query("PRAGMA synchronous")[0][0] == 2  # FULL
        assert store.query("PRAGMA foreign_keys")[0][0] == 1


def test_checkins_are_append_only(demo_store) -> None:  # type: ignore[no-untyped-def]
    person = demo_store.attendees()[0]
    record = CheckIn(uuid=new_uuid(), attendee_id=person.id, day="2017-09-19",
                     desk="Desk 1", at=now_utc())
    demo_store.add_checkin(record)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        demo_store.query("UPDATE checkins SET desk = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        demo_store.query("DELETE FROM checkins")
    assert [c.uuid for c in demo_store.checkins()] == [record.uuid]


def test_checkin_must_name_a_real_person(demo_store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(sqlite3.IntegrityError):
        demo_store.add_checkin(CheckIn(uuid=new_uuid(), attendee_id="nobody",
                                       day="2017-09-19", desk="D", at=now_utc()))


def test_text_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Vorname;Nachname\nAnna;Winkler\n", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(NotAnEventFile, match="not a checkin event file"):
        open_event(path)
    assert _digest(path) == before


def test_foreign_sqlite_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = _digest(path)
    with pytest.raises(NotAnEventFile, match="another program"):
        open_event(path)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_missing_file_says_how_to_create(tmp_path: Path) -> None:
    with pytest.raises(EventNotFound, match="checkin new"):
        open_event(tmp_path / "nope.checkin")


def test_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.checkin"
    create_event(path, name="X", days=DAYS).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(UserError, match="newer version"):
        open_event(path)


def test_older_file_is_migrated_with_backup(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of the current format opens in an app that knows one more migration."""
    from checkin.store import schema
    from checkin.store import sqlite as sqlite_store

    path = tmp_path / "old.checkin"
    with create_event(path, name="Alt", days=DAYS) as store:
        store.add_attendees([Attendee(id=new_uuid(), first_name="Anna", days=("2017-09-19",))])
    newer = [*schema.MIGRATIONS, "ALTER TABLE attendees ADD COLUMN pronouns TEXT;"]
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", newer)
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", len(newer))
    with open_event(path) as store:
        assert store.query("PRAGMA user_version")[0][0] == len(newer)
        assert store.attendees()[0].first_name == "Anna"
        assert store.query("SELECT pronouns FROM attendees")[0][0] is None
    assert (tmp_path / f"old.checkin.v{len(newer) - 1}.bak").exists()


def test_bad_new_event_input(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="name"):
        create_event(tmp_path / "a.checkin", name=" ", days=DAYS)
    with pytest.raises(UserError, match="at least one day"):
        create_event(tmp_path / "a.checkin", name="A", days=[])
    assert not (tmp_path / "a.checkin").exists()


def test_a_copy_never_replaces_an_open_event_or_one_with_a_wal(tmp_path: Path) -> None:
    """A stale -wal beside a replaced file would be replayed into the new one."""
    path = tmp_path / "event.checkin"
    other = tmp_path / "other.checkin"
    create_event(other, name="Other", days=DAYS).close()
    with create_event(path, name="Event", days=DAYS) as store:
        with pytest.raises(UserError, match="already exists"):
            store.save_copy(other)
        with pytest.raises(UserError, match="is a folder"):
            store.save_copy(tmp_path)
        with pytest.raises(UserError, match="is open"):
            store.save_copy(path, overwrite=True)
        Path(f"{other}-wal").write_bytes(b"")
        with pytest.raises(UserError, match="is open"):
            store.save_copy(other, overwrite=True)
        Path(f"{other}-wal").unlink()
        store.save_copy(other, overwrite=True)
    with open_event(other) as copy:
        assert copy.event().name == "Event"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["event.checkin", "other.checkin"]


def test_delete_refuses_an_event_this_process_has_open(tmp_path: Path) -> None:
    from checkin.event.privacy import delete_event

    path = tmp_path / "event.checkin"
    with (create_event(path, name="Event", days=DAYS),
          pytest.raises(UserError, match="Close the event first")):
        delete_event(path)
    assert path in delete_event(path)
    assert list(tmp_path.iterdir()) == []
