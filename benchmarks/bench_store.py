"""The event file: committing one check-in (fsync'd, WAL, FULL); opening a large event
(with its ``PRAGMA quick_check``)."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.population import population
from benchmarks.run import Figure
from checkin.door.door import Door
from checkin.event.demo import create_demo
from checkin.store import create_event, open_event


def _baseline(folder: Path, n: int) -> list[float]:
    db = sqlite3.connect(folder / "base.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE c (uuid TEXT PRIMARY KEY, who TEXT, at TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        db.execute("INSERT INTO c VALUES (?, ?, ?)", (str(i), "x", "t"))
        times.append(time.perf_counter() - start)
    db.close()
    return times


def _opening(folder: Path, size: int) -> list[Figure]:
    """Opening an event of ``size`` people: the first open of a process checks the file."""
    from datetime import date

    path = folder / "large.checkin"
    with create_event(path, name="Large", days=[date(2017, 9, 19), date(2017, 9, 20)]) as store:
        store.import_people(population(size), [], [], bulk=True)
    opens, checks, counts = [], [], []
    for _ in range(3):
        start = time.perf_counter()
        with open_event(path) as store:  # the first connection of this process: checked
            opens.append(time.perf_counter() - start)
            start = time.perf_counter()
            store.query("PRAGMA quick_check")
            checks.append(time.perf_counter() - start)
        start = time.perf_counter()
        db = sqlite3.connect(path)
        db.execute("SELECT count(*) FROM attendees").fetchone()
        db.close()
        counts.append(time.perf_counter() - start)
    base = min(counts) * 1000
    return [
        Figure(f"open an event, first in a process ({size:,} people)", min(opens) * 1000, "ms",
               base, "baseline: connect + SELECT count(*) FROM attendees"),
        Figure(f"PRAGMA quick_check alone ({size:,} people)", min(checks) * 1000, "ms", base,
               "same baseline"),
    ]


def run(quick: bool) -> list[Figure]:
    n = 50 if quick else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = create_demo(folder / "bench.checkin", size=n)
        door = Door(store, "Bench")
        times = []
        for person in store.attendees():
            start = time.perf_counter()
            door.check_in(person.id, day=person.days[0])
            times.append(time.perf_counter() - start)
        store.close()
        base = _baseline(folder, n)
    p95 = statistics.quantiles(times, n=20)[18] * 1000
    base95 = statistics.quantiles(base, n=20)[18] * 1000
    with tempfile.TemporaryDirectory() as tmp:
        opening = _opening(Path(tmp), 10_000 if quick else 100_000)
    return [Figure(f"check-in committed, p95 ({n} people)", p95, "ms", base95,
                   "baseline: bare INSERT with the same pragmas"), *opening]
