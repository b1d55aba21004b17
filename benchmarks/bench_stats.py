"""Attendance figures and the day-end export at congress scale.

100,000 attendees over two days and 150,000 check-in records (repeat scans,
undos, a few sessions and walk-ins). Figures: the full stats of the event
(the live board's and ``checkin stats --json``'s figures) against a bare
``count(*)`` over the check-ins, and the XLSX export of the busiest day
against a bare openpyxl write-only dump of the same rows.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.run import Figure
from checkin.attendance.stats import day_stats, event_stats
from checkin.door.sessions import add_session
from checkin.model import Attendee
from checkin.store import EventStore, create_event
from checkin.store.sqlite import _iso, new_uuid

DAYS = ("2017-09-19", "2017-09-20")


def build_event(path: Path, people: int, records: int, seed: int = 6) -> EventStore:
    """A big event written with bulk inserts (the triggers still maintain ``presence``)."""
    rng = random.Random(seed)
    store = create_event(path, name="Kongress", days=[datetime.fromisoformat(d).date()
                                                      for d in DAYS])
    orgs = [f"Organisation {i}" for i in range(2000)]
    projects = [f"Projekt {i}" for i in range(300)]
    roles = ["Teilnehmer", "Referent", "Presse", "Team", "Aussteller"]
    attendees = []
    for i in range(people):
        days = DAYS if rng.random() < 0.6 else (rng.choice(DAYS),)
        attendees.append(Attendee(
            id=new_uuid(), first_name=f"Vorname{i}", last_name=f"Nachname{i}",
            organization=rng.choice(orgs), project=rng.choice(projects),
            role=rng.choice(roles), email=f"p{i}@example.org", days=tuple(days),
            status="cancelled" if rng.random() < 0.02 else "active",
            walk_in=rng.random() < 0.01))
    store.add_attendees(attendees)
    sessions = [add_session(store, day=d, name=f"Workshop {k}", capacity=500)
                for d in DAYS for k in range(10)]
    start = {d: datetime.fromisoformat(f"{d}T07:00:00+00:00") for d in DAYS}
    rows: list[tuple[object, ...]] = []
    ins: list[str] = []
    while len(rows) < records:
        person = rng.choice(attendees)
        day = rng.choice(person.days)
        at = start[day] + timedelta(seconds=rng.randrange(0, 9 * 3600))
        session = None
        if rng.random() < 0.1:
            session = rng.choice([s.id for s in sessions if s.day == day])
        uid = new_uuid()
        if ins and rng.random() < 0.02:
            rows.append((uid, person.id, day, "Desk 1", _iso(at.astimezone(UTC)), "undo",
                         ins.pop(), None, 0))
            continue
        rows.append((uid, person.id, day, f"Desk {rng.randrange(1, 11)}",
                     _iso(at.astimezone(UTC)), "in", None, session, 0))
        ins.append(uid)
    with store.transaction() as db:
        db.executemany("INSERT INTO checkins(uuid, attendee_id, day, desk, at, kind, undoes, "
                       "session, forced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    store.query("ANALYZE")
    return store


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def busiest_day(store: EventStore) -> str:
    return max(DAYS, key=lambda d: day_stats(store, d, breakdowns=False).checked_in)


def run(quick: bool) -> list[Figure]:
    people, records = (10_000, 15_000) if quick else (100_000, 150_000)
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = build_event(folder / "big.checkin", people, records)
        # the naive count: distinct people with an 'in' record per day, ignoring undos
        bare = _best(lambda: store.query(
            "SELECT day, count(DISTINCT attendee_id) FROM checkins WHERE kind = 'in' "
            "GROUP BY day"), 5) * 1000
        headline = _best(lambda: event_stats(store, breakdowns=False), 5) * 1000
        one_day = _best(lambda: day_stats(store, DAYS[0], breakdowns=False), 5) * 1000
        full = _best(lambda: event_stats(store), 3) * 1000
        figures += [
            Figure("stats of one day, live-board refresh (no breakdowns)", one_day, "ms",
                   bare, "baseline: naive distinct count per day"),
            Figure(f"stats, all figures but breakdowns ({people:,} people)", headline, "ms",
                   bare, "≤ 50 ms; baseline: naive distinct count per day"),
            Figure("stats incl. breakdowns org/project/role", full, "ms", bare,
                   "baseline: naive distinct count per day"),
        ]
        figures += _export_figures(store, folder)
        store.close()
    return figures


def _export_figures(store: EventStore, folder: Path) -> list[Figure]:
    try:
        from checkin.export import ExportOptions, export_day
        from checkin.export.rows import day_rows
    except ImportError:
        return []
    from openpyxl import Workbook

    day = busiest_day(store)
    rows = day_rows(store, day)

    def bare_dump() -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet(day)
        for r in rows:
            sheet.append([r.fields["last_name"], r.fields["first_name"], r.fields["title"],
                          r.fields["organization"], r.fields["project"], r.fields["role"],
                          r.at.replace(tzinfo=None) if r.at else None, r.desk,
                          "yes" if r.walk_in else None])
        book.save(folder / "bare.xlsx")

    bare = _best(bare_dump, 1)
    ours = _best(lambda: export_day(store, day, folder / "day.xlsx",
                                    ExportOptions()), 1)
    return [Figure(f"export busiest day to XLSX ({len(rows):,} rows + session sheets)", ours,
                   "s", bare, "≤ 10 s; baseline: bare write-only dump of the day's rows")]
