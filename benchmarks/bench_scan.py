"""Scan to committed check-in at a big congress: resolve the code, check, commit.

An event file with 100,000 attendees; each measured step is what the desk
does after a scanner's Enter: verify the signed badge code (or look up an
external ticket code), find the person, check for an earlier check-in today,
append the record and commit it (WAL, synchronous=FULL). Baseline, same run
and same disk: a bare INSERT with the same pragmas.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.bench_store import _baseline
from benchmarks.population import population
from benchmarks.run import Figure
from checkin.door import codes
from checkin.door.door import Door, Status
from checkin.store import create_event, open_event

DAY = "2017-09-19"


def run(quick: bool) -> list[Figure]:
    size, scans = (10_000, 100) if quick else (100_000, 400)
    rng = random.Random(9)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = create_event(folder / "congress.checkin", name="Congress",
                             days=[date(2017, 9, 19), date(2017, 9, 20)])
        store.add_attendees(population(size))
        store.close()  # the list was imported the day before: the door opens the file fresh
        store = open_event(folder / "congress.checkin")
        secret = store.code_secret()
        people = [p for p in store.attendees() if DAY in p.days]
        chosen = rng.sample(people, scans)
        door = Door(store, "Bench")
        times = []
        for number, person in enumerate(chosen):
            code = person.ticket_code if number % 4 == 0 else codes.badge_code(
                secret, person.code_ref)
            start = time.perf_counter()
            result = door.scan(code, day=DAY)
            times.append(time.perf_counter() - start)
            assert result.status == Status.CHECKED_IN, result.message
        store.close()
        base = _baseline(folder, scans)
    p50 = statistics.median(times) * 1000
    p95 = statistics.quantiles(times, n=20)[18] * 1000
    base50 = statistics.median(base) * 1000
    base95 = statistics.quantiles(base, n=20)[18] * 1000
    label = f"{size:,} attendees"
    return [
        Figure(f"scan to committed check-in p50 ({label})", p50, "ms", base50,
               "baseline: bare INSERT, same pragmas"),
        Figure(f"scan to committed check-in p95 ({label})", p95, "ms", base95, "≤ 20 ms"),
    ]
