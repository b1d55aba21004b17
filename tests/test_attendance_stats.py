"""Attendance counts on the scripted two-day scenario, against hand-computed numbers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkin.attendance.stats import day_counts, day_stats, event_stats
from checkin.door.door import Door, Status
from checkin.door.sessions import (
    add_session,
    find_session,
    list_sessions,
    occupancy,
    remove_session,
    session_occupancy,
    update_session,
)
from checkin.errors import UserError
from checkin.store import open_event
from tests.attendance_scenario import D1, D2, build
from tests.helpers import run_cli


def _groups(stats_json: dict[str, object], key: str) -> dict[str, tuple[object, object]]:
    rows = stats_json[key]
    assert isinstance(rows, list)
    return {r["name"]: (r["expected"], r["checked_in"]) for r in rows}


def test_day_one_figures(tmp_path: Path) -> None:
    store, sessions = build(tmp_path / "e.checkin")
    s = day_stats(store, D1)
    # expected: Anna, Bernd, Clara, Frank, Wanda (Eva cancelled, Dieter only day 2)
    assert s.expected == 5
    # here: Anna, Bernd (2nd try), Clara (twice recorded), Eva (forced), Wanda
    assert s.checked_in == 5
    assert s.missing == 1  # Frank: his only check-in was undone
    assert s.walk_ins == 1
    assert s.unexpected == 1  # Eva
    assert dict(s.desks) == {"Desk 1": 2, "Desk 2": 3}  # Anna, Eva | Bernd, Clara, Wanda
    occupied = {o.session.name: (o.checked_in, o.capacity, o.full) for o in s.sessions}
    assert occupied == {"Workshop A": (2, 2, True), "Marktplatz": (1, None, False)}
    slots = [(slot.astimezone(UTC).strftime("%H:%M"), n) for slot, n in s.arrivals]
    assert slots == [("07:00", 1), ("07:15", 0), ("07:30", 1), ("07:45", 1), ("08:00", 1),
                     ("08:15", 1)]
    org = {g.name: (g.expected, g.checked_in) for g in s.breakdowns["organization"]}
    assert org == {"Uni Köln": (2, 2), "TU Berlin": (1, 1), "Fraunhofer": (1, 1),
                   "Extern": (1, 1)}
    project = {g.name: (g.expected, g.checked_in) for g in s.breakdowns["project"]}
    assert project == {"P1 Moor": (2, 2), "P2 Wald": (1, 1), "P3 See": (1, 1), "": (1, 1)}
    role = {g.name: (g.expected, g.checked_in) for g in s.breakdowns["role"]}
    assert role == {"Teilnehmerin": (2, 2), "Referent": (1, 1), "Teilnehmer": (1, 0),
                    "Presse": (0, 1), "Gast": (1, 1)}
    assert sessions["A"].name == "Workshop A"
    store.close()


def test_day_two_figures(tmp_path: Path) -> None:
    store, _ = build(tmp_path / "e.checkin")
    s = day_stats(store, D2)
    assert (s.expected, s.checked_in, s.missing, s.walk_ins, s.unexpected) == (4, 2, 2, 0, 0)
    assert dict(s.desks) == {"Desk 1": 1, "Desk 2": 1}
    assert [(o.session.name, o.checked_in, o.full) for o in s.sessions] == [
        ("Workshop B", 1, True)]
    assert day_counts(store, D2).checked_in == 2
    store.close()


def test_counts_survive_reopening_and_match_the_store(tmp_path: Path) -> None:
    """The trigger-kept summary agrees with the check-in records themselves."""
    store, sessions = build(tmp_path / "e.checkin")
    store.close()
    with open_event(tmp_path / "e.checkin") as store:
        for day in (D1, D2):
            day_only = set(store.checked_in(day))
            via_sessions = {p for s in list_sessions(store, day)
                            for p in store.checked_in(day, s.id)}
            assert day_stats(store, day).checked_in == len(day_only | via_sessions)
        assert occupancy(store, sessions["A"]).checked_in == len(
            store.checked_in(D1, sessions["A"].id))
        # the per-desk/slot counters agree with the summary rows they count
        counted = store.query("SELECT day, scope, desk, sum(n) FROM presence_counts "
                              "GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3")
        rows = store.query("SELECT day, scope, desk, count(*) FROM presence "
                           "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
        assert [tuple(r) for r in counted] == [tuple(r) for r in rows]


def test_stats_json_keeps_the_foundation_shape_and_adds(tmp_path: Path) -> None:
    store, _ = build(tmp_path / "e.checkin")
    store.close()
    result = run_cli("stats", tmp_path / "e.checkin", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["event"] == "Fachkonferenz Wasser 2017"
    assert data["attendees"] == 7
    day1, day2 = data["days"]
    assert (day1["date"], day1["expected"], day1["checked_in"]) == (D1, 5, 5)
    assert (day2["date"], day2["expected"], day2["checked_in"]) == (D2, 4, 2)
    assert (day1["missing"], day1["walk_ins"], day1["desks"]) == (1, 1, {"Desk 1": 2,
                                                                         "Desk 2": 3})
    assert [(x["name"], x["checked_in"], x["capacity"], x["full"]) for x in day1["sessions"]] \
        == [("Workshop A", 2, 2, True), ("Marktplatz", 1, None, False)]
    assert _groups(day1, "by_project")["P1 Moor"] == (2, 2)
    assert _groups(day2, "by_organization")["TU Berlin"] == (1, 1)
    assert _groups(day2, "by_role")["Referent"] == (1, 0)
    assert sum(a["checked_in"] for a in day1["arrivals"]) == 5
    text = run_cli("stats", tmp_path / "e.checkin")
    assert "2017-09-19: 5 of 5 checked in, 1 missing, 1 walk-in" in text.stdout
    assert "Workshop A: 2 of 2 (full)" in text.stdout


def test_empty_event_has_zero_figures(tmp_path: Path) -> None:
    from datetime import date

    from checkin.store import create_event

    with create_event(tmp_path / "n.checkin", name="Leer", days=[date(2017, 9, 19)]) as store:
        s = day_stats(store, D1)
        assert (s.expected, s.checked_in, s.missing, s.walk_ins, s.arrivals) == (0, 0, 0, 0, ())
        assert event_stats(store)["days"] == [s.as_json()]


def test_sessions_crud_and_capacity_warning(tmp_path: Path) -> None:
    store, sessions = build(tmp_path / "e.checkin")
    full = session_occupancy(store, sessions["A"].id)
    assert full is not None and full.full
    assert "Workshop A is full: 2 of 2" in full.warning
    bigger = update_session(store, sessions["A"], capacity=30)
    assert not occupancy(store, bigger).full and occupancy(store, bigger).free == 28
    assert find_session(store, "workshop a").capacity == 30
    with pytest.raises(UserError, match="already has a session"):
        add_session(store, day=D1, name="Workshop A")
    with pytest.raises(UserError, match="not a time of day"):
        add_session(store, day=D1, name="Late", starts="25:00")
    with pytest.raises(UserError, match="cannot be removed"):
        remove_session(store, sessions["A"])
    extra = add_session(store, day=D2, name="Poster", capacity=None)
    remove_session(store, extra)
    assert [s.name for s in list_sessions(store, D2)] == ["Workshop B"]
    store.close()


def test_sessions_cli(tmp_path: Path) -> None:
    path = tmp_path / "e.checkin"
    build(path)[0].close()
    added = run_cli("sessions", path, "add", "--day", D2, "--name", "Führung",
                    "--capacity", "12", "--starts", "14:00")
    assert added.returncode == 0, added.stderr
    listed = run_cli("sessions", path, "list", "--json")
    rows = {r["name"]: r for r in json.loads(listed.stdout)}
    assert rows["Führung"]["capacity"] == 12 and rows["Workshop A"]["full"] is True
    text = run_cli("sessions", path, "list", "--day", D1).stdout
    assert "Workshop A (09:00–10:30): 2 of 2  FULL" in text
    assert "Führung (14:00): 0 of 12" in run_cli("sessions", path).stdout
    bad = run_cli("sessions", path, "add", "--day", "2017-09-21", "--name", "X")
    assert bad.returncode == 2 and bad.stderr.startswith("error: 2017-09-21 is not a day")
    assert run_cli("sessions", path, "remove", "Führung").returncode == 0


def test_a_late_repeat_record_does_not_move_the_first_arrival(tmp_path: Path) -> None:
    store, _ = build(tmp_path / "e.checkin")
    door = Door(store, "Desk 9")
    early = datetime(2017, 9, 19, 6, 0, tzinfo=UTC)
    # an earlier record merged from another desk does move it: earliest valid wins
    from checkin.model import CheckIn
    from checkin.store.sqlite import new_uuid

    store.add_checkin(CheckIn(uuid=new_uuid(), attendee_id="clara", day=D1, desk="Desk 9",
                              at=early))
    assert dict(day_stats(store, D1).desks) == {"Desk 1": 2, "Desk 2": 2, "Desk 9": 1}
    assert door.check_in("clara", day=D1).status == Status.ALREADY_CHECKED_IN
    store.close()


def test_upgrading_an_older_file_fills_the_summary_from_its_check_ins(tmp_path: Path) -> None:
    """The migration's backfill gives the same figures as the triggers did."""
    from checkin.store.schema import MIGRATIONS, split_statements

    (migration,) = [m for m in MIGRATIONS if "CREATE TABLE presence" in m]
    (backfill,) = [s for s in split_statements(migration) if s.startswith("INSERT INTO presence")]
    store, _ = build(tmp_path / "e.checkin")
    kept = [store.query("SELECT * FROM presence ORDER BY day, scope, attendee_id")]
    with store.transaction() as db:
        db.execute("DELETE FROM presence")
        assert day_stats(store, D1).checked_in == 0
        db.execute(backfill)
    assert [store.query("SELECT * FROM presence ORDER BY day, scope, attendee_id")] == kept
    assert day_stats(store, D1).checked_in == 5
    store.close()


def test_the_arrivals_chart_keeps_to_its_day(tmp_path: Path) -> None:
    """A check-in recorded for day 1 with a wrong clock (a year later) is counted, not charted."""
    from checkin.model import CheckIn
    from checkin.store.sqlite import new_uuid

    store, _ = build(tmp_path / "e.checkin")
    store.add_checkin(CheckIn(uuid=new_uuid(), attendee_id="frank", day=D1, desk="Desk 2",
                              at=datetime(2018, 9, 19, 7, 0, tzinfo=UTC)))
    s = day_stats(store, D1)
    assert s.checked_in == 6 and s.missing == 0
    assert sum(n for _, n in s.arrivals) == 5 and len(s.arrivals) == 6
    store.close()
