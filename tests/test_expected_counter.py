"""The per-day 'expected' counters the triggers keep agree with a recount from scratch.

Every path that adds, cancels or re-days people is walked through: a bulk
import (indexes dropped and rebuilt), a re-import that cancels and re-days
people, walk-ins, edits of days and status, the purge, and the migration's
backfill of an event file written before the counters existed.
"""

from __future__ import annotations

import csv
import random
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from checkin.attendance.stats import day_stats, expected_count
from checkin.door.door import Door
from checkin.event.privacy import purge
from checkin.importing import commit, prepare, preview
from checkin.store import EventStore, create_event, open_event
from checkin.store.schema import MIGRATIONS

DAYS = (date(2017, 9, 19), date(2017, 9, 20))
D1, D2 = (d.isoformat() for d in DAYS)
HEADER = ["Vorname", "Nachname", "E-Mail", "Teilnahme 19.09.", "Teilnahme 20.09."]


def recount(store: EventStore) -> dict[str, int]:
    rows = store.query("SELECT d.day, count(*) FROM attendee_days d JOIN attendees a "
                       "ON a.id = d.attendee_id WHERE a.status = 'active' GROUP BY d.day")
    return {r[0]: int(r[1]) for r in rows}


def counters(store: EventStore) -> dict[str, int]:
    return {d: expected_count(store, d) for d in (D1, D2)}


def assert_counts_true(store: EventStore) -> dict[str, int]:
    truth = {d: recount(store).get(d, 0) for d in (D1, D2)}
    assert counters(store) == truth
    assert {d: day_stats(store, d, breakdowns=False).expected for d in (D1, D2)} == truth
    return truth


def people_list(path: Path, n: int, seed: int, skip: frozenset[int] = frozenset()) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(n):
            if i in skip:
                continue
            day1, day2 = rng.choice([("x", "x"), ("x", ""), ("", "x")])
            out.writerow([f"Anna{i}", f"Müller{i}", f"p{i}@example.org", day1, day2])
    return path


def do_import(store: EventStore, path: Path) -> None:
    commit(store, prepare(preview(path, store.event().days), store))


def test_counts_stay_true_through_imports_walk_ins_edits_and_purge(tmp_path: Path) -> None:
    store = create_event(tmp_path / "e.checkin", name="Kongress", days=list(DAYS))
    # 6,000 new rows: the bulk path that drops and rebuilds the indexes
    do_import(store, people_list(tmp_path / "a.csv", 6000, seed=1))
    first = assert_counts_true(store)
    assert sum(first.values()) > 6000  # two-day people count on both days

    # a changed list: 300 people gone (cancelled), everyone's days drawn anew
    do_import(store, people_list(tmp_path / "b.csv", 6000, seed=2,
                                 skip=frozenset(range(0, 6000, 20))))
    assert store.query("SELECT count(*) FROM attendees WHERE status = 'cancelled'")[0][0] == 300
    assert_counts_true(store)

    # the cancelled come back in the next list
    do_import(store, people_list(tmp_path / "c.csv", 6000, seed=2))
    assert store.query("SELECT count(*) FROM attendees WHERE status = 'cancelled'")[0][0] == 0
    before = assert_counts_true(store)

    Door(store).add_walk_in({"first_name": "Kai", "last_name": "Neu"}, day=D2)
    assert assert_counts_true(store) == {D1: before[D1], D2: before[D2] + 1}

    person = next(p for p in store.attendees() if p.days == (D1,))
    store.update_attendee(replace(person, days=(D1, D2)))
    store.update_attendee(replace(person, days=(D2,), status="cancelled"))
    assert assert_counts_true(store) == {D1: before[D1] - 1, D2: before[D2] + 1}
    store.update_attendee(replace(person, days=(D2,), status="active"))
    assert assert_counts_true(store) == {D1: before[D1] - 1, D2: before[D2] + 2}

    summary_before = counters(store)
    purge(store)
    assert assert_counts_true(store) == summary_before
    store.close()


def test_migration_backfills_the_counters_of_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "old.checkin"
    store = create_event(path, name="Kongress", days=list(DAYS))
    do_import(store, people_list(tmp_path / "a.csv", 200, seed=3))
    store.update_attendee(replace(store.attendees()[0], status="cancelled"))
    truth = recount(store)
    store.close()
    # make it a file from before the counters: no table, no triggers, older version
    db = sqlite3.connect(path)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE 'expected_on_%'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    db.execute("DROP TABLE expected_days")
    db.execute("DROP TABLE sync_quarantine")  # made by a later migration, made again
    db.execute("DROP INDEX attendees_name")  # likewise
    counters_migration = next(i for i, m in enumerate(MIGRATIONS)
                              if "CREATE TABLE expected_days" in m)
    db.execute(f"PRAGMA user_version = {counters_migration}")
    db.commit()
    db.close()
    reopened = open_event(path)
    try:
        assert counters(reopened) == {d: truth.get(d, 0) for d in (D1, D2)}
        assert sum(truth.values()) > 200
    finally:
        reopened.close()


def test_counts_stay_true_when_sync_applies_people_from_other_desks(tmp_path: Path) -> None:
    from checkin.store.journal import apply_attendee as _apply_attendee

    store = create_event(tmp_path / "e.checkin", name="Kongress", days=list(DAYS))
    do_import(store, people_list(tmp_path / "a.csv", 50, seed=4))
    before = assert_counts_true(store)
    row = dict(store.query("SELECT * FROM attendees LIMIT 1")[0])
    days = [r[0] for r in store.query("SELECT day FROM attendee_days WHERE attendee_id = ?",
                                      (row["id"],))]
    newer = {**row, "status": "cancelled", "updated_at": "9999-01-01T00:00:00Z",
             "days": days}
    stranger = {**row, "id": "from-desk-2", "code_ref": "DESK2REF", "email": "",
                "ticket_code": "", "status": "active", "days": [D1, D2]}
    with store.transaction() as db:
        assert _apply_attendee(db, newer)  # another desk cancelled this person
        assert _apply_attendee(db, stranger)  # and registered someone for both days
    after = assert_counts_true(store)
    assert after == {d: before[d] - (d in days) + 1 for d in (D1, D2)}
    store.close()
