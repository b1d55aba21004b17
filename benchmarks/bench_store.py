"""Foundation: committing one check-in to the event file (fsync'd, WAL, FULL)."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.run import Figure
from checkin.demo import create_demo
from checkin.door import Door


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
    return [Figure(f"check-in committed, p95 ({n} people)", p95, "ms", base95,
                   "baseline: bare INSERT with the same pragmas")]
