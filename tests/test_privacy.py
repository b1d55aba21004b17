"""Retention, the purge (personal data gone, counts kept) and deleting an event."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from checkin.attendance.stats import day_stats
from checkin.errors import UserError
from checkin.event.privacy import (
    delete_event,
    purge,
    purge_due,
    retention_ends,
    set_retention_days,
)
from checkin.model import CheckIn
from checkin.store import open_event
from checkin.store.sqlite import new_uuid, now_utc
from tests.attendance_scenario import D1, D2, build
from tests.helpers import run_cli

PERSONAL = ["Ärger", "Bauer", "Dömges", "anna@uni-koeln.de", "Uni Köln", "Teilnehmerin",
            "P1 Moor", "Weiß"]


def _figures(store: object) -> list[object]:
    from checkin.store import EventStore

    assert isinstance(store, EventStore)
    result = []
    for day in (D1, D2):
        s = day_stats(store, day, breakdowns=False)
        result.append((s.expected, s.checked_in, s.missing, s.walk_ins, s.unexpected,
                       dict(s.desks), [(o.session.name, o.checked_in) for o in s.sessions],
                       [n for _, n in s.arrivals]))
    return result


def _bytes_of(path: Path) -> bytes:
    data = path.read_bytes()
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        if extra.exists():
            data += extra.read_bytes()
    return data


def test_retention_and_due_date(tmp_path: Path) -> None:
    store, _ = build(tmp_path / "e.checkin")
    assert retention_ends(store) is None and not purge_due(store, date(2030, 1, 1))
    set_retention_days(store, 30)
    assert retention_ends(store) == date(2017, 10, 21)
    assert not purge_due(store, date(2017, 10, 20))
    assert purge_due(store, date(2017, 10, 21))
    with pytest.raises(UserError, match="makes no sense"):
        set_retention_days(store, -1)
    store.close()


def test_purge_keeps_counts_and_removes_personal_data(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    store, _ = build(path)
    store.log("edit", desk="Desk 1", attendee_id="anna", detail={"last_name": "Ärger"})
    backup = path.with_name(path.name + ".v1.bak")
    shutil.copy2(path, backup)
    before = _figures(store)
    assert "Ärger".encode() in _bytes_of(path)
    summary = purge(store)
    assert summary.attendees == 7 and summary.backups_deleted == (backup,)
    assert _figures(store) == before
    people = store.attendees()
    assert all(p.full_name == "" and p.organization == "" and p.email == "" for p in people)
    assert sorted(p.walk_in for p in people) == [False] * 6 + [True]
    assert not {p.id for p in people} & {"anna", "bernd", "clara", "dieter", "eva", "frank"}
    assert store.audit_log(action="edit")[0]["detail"] == {}
    # the append-only guard is back
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), store.transaction() as db:
        db.execute("DELETE FROM checkins")
    # new check-ins still work after the purge
    store.add_checkin(CheckIn(uuid=new_uuid(), attendee_id=people[0].id, day=D2,
                              desk="Desk 1", at=now_utc()))
    store.close()
    raw = _bytes_of(path)
    for word in PERSONAL:
        assert word.encode() not in raw, word
    assert not backup.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open_event(path) as again:
        assert again.setting("purged_at")


def test_purge_cli(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    build(path)[0].close()
    refused = run_cli("purge", path)
    assert refused.returncode == 2 and "no retention period is set" in refused.stderr
    assert run_cli("retention", path, "30").returncode == 0
    asked = run_cli("purge", path)  # the retention period (2017) is long over
    assert asked.returncode == 0 and "Run again with --yes" in asked.stdout
    assert b"Bauer" in _bytes_of(path)
    done = run_cli("purge", path, "--yes")
    assert done.returncode == 0, done.stderr
    assert "7 people are now anonymous" in done.stdout
    assert b"Bauer" not in _bytes_of(path)
    again = run_cli("purge", path, "--yes")
    assert "Already purged" in again.stdout
    shown = run_cli("retention", path)
    assert "kept 30 days after the event; the purge is due from 2017-10-21" in shown.stdout


def test_delete_event_removes_file_wal_and_backups(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    store, _ = build(path)
    other = tmp_path / "other.checkin.v1.bak"
    other.write_bytes(b"x")
    (tmp_path / "e.checkin.v1.bak").write_bytes(b"backup")
    store.close()
    refused = run_cli("delete", path)
    assert refused.returncode == 2 and path.exists()
    not_event = tmp_path / "notes.txt"
    not_event.write_text("hello")
    with pytest.raises(UserError):
        delete_event(not_event)
    assert not_event.exists()
    done = run_cli("delete", path, "--yes")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "other.checkin.v1.bak"]


def test_purge_while_another_desk_reads_says_so_and_can_be_finished(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    store, _ = build(path)
    other = sqlite3.connect(path)
    other.execute("BEGIN")
    assert other.execute("SELECT count(*) FROM attendees").fetchone()[0] == 7
    with pytest.raises(UserError, match="another desk"):
        purge(store)
    assert all(not p.last_name for p in store.attendees())
    assert _figures(store)[0][0] == 5
    other.rollback()
    other.close()
    store.close()
    again = run_cli("purge", path, "--yes")
    assert again.returncode == 0 and "Already purged" in again.stdout, again.stderr
    for word in PERSONAL:
        assert word.encode() not in _bytes_of(path), word
