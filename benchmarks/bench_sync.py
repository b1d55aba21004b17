"""Three desks against one PostgreSQL server: live latency and offline catch-up.

* A check-in at desk A, measured from the scan until desks B and C (each
  running the same live loop as the desk window) have pulled and applied it.
  Baseline: the raw round trip of one INSERT + NOTIFY to a LISTENing
  connection, with no app code at all.
* Desk C was offline and queued 1,000 check-ins; measured from reconnecting
  until desk B has them all. Baseline: one raw ``executemany`` of 1,000 rows.

Server: ``CHECKIN_TEST_POSTGRES_URL`` (default postgresql://postgres@127.0.0.1:5432/test);
a scratch database is created and dropped.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from benchmarks.run import Figure
from checkin.door.door import Door
from checkin.event.demo import create_demo
from checkin.store.sqlite import EventStore
from checkin.sync.desks import open_desk, share
from checkin.sync.protocol import Desk, SyncReport, run_live

ADMIN_URL = os.environ.get("CHECKIN_TEST_POSTGRES_URL",
                           "postgresql://postgres@127.0.0.1:5432/test")


@contextmanager
def _scratch_database() -> Iterator[str]:
    name = f"checkin_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = urlsplit(ADMIN_URL)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def _raw_notify_round_trips(url: str, n: int) -> list[float]:
    times: list[float] = []
    with psycopg.connect(url, autocommit=True) as listener, \
            psycopg.connect(url, autocommit=True) as writer:
        writer.execute("CREATE TABLE bench_raw (id bigserial PRIMARY KEY, body jsonb)")
        listener.execute("LISTEN bench_raw")
        for i in range(n):
            start = time.perf_counter()
            with writer.transaction():
                writer.execute("INSERT INTO bench_raw(body) VALUES (%s::jsonb)", (f'{{"i": {i}}}',))
                writer.execute("NOTIFY bench_raw")
            for _ in listener.notifies(timeout=5, stop_after=1):
                pass
            times.append(time.perf_counter() - start)
    return times


def _raw_bulk_insert(url: str, n: int) -> float:
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE bench_bulk (uuid text PRIMARY KEY, body jsonb)")
        conn.commit()
        start = time.perf_counter()
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO bench_bulk VALUES (%s, %s::jsonb)",
                            [(str(uuid.uuid4()), '{"kind": "in"}') for _ in range(n)])
        conn.commit()
        return time.perf_counter() - start


class _Watcher:
    """A desk running the live loop in a thread; counts the check-ins it has."""

    def __init__(self, store: EventStore, url: str, name: str) -> None:
        self.desk = Desk(store, url, name)
        self.stop = threading.Event()
        self.changed = threading.Condition()
        self.count = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        run_live(self.desk, stop=self.stop, poke=threading.Event(), report=self._report,
                 wait_step=0.05)

    def _report(self, report: SyncReport) -> None:
        if report.pulled:
            count = int(self.desk.store.query("SELECT count(*) FROM checkins")[0][0])
            with self.changed:
                self.count = count
                self.changed.notify_all()

    def wait_for(self, count: int, timeout: float = 30) -> float:
        with self.changed:
            self.changed.wait_for(lambda: self.count >= count, timeout)
        return time.perf_counter()


def _open(url: str, name: str, home: Path) -> EventStore:
    os.environ["CHECKIN_DATA_DIR"] = str(home / name)
    return open_desk(url, name)


def run(quick: bool) -> list[Figure]:
    live_n = 20 if quick else 100
    queued_n = 200 if quick else 1000
    saved = os.environ.get("CHECKIN_DATA_DIR")
    with tempfile.TemporaryDirectory() as tmp, _scratch_database() as url:
        home = Path(tmp)
        create_demo(home / "event.checkin", size=live_n + queued_n).close()
        share(home / "event.checkin", url)
        a, b, c = (_open(url, name, home) for name in ("Desk A", "Desk B", "Desk C"))
        try:
            people = a.attendees()
            watchers = [_Watcher(b, url, "Desk B"), _Watcher(c, url, "Desk C")]
            for w in watchers:
                w.thread.start()
            desk_a, door_a = Desk(a, url, "Desk A"), Door(a, "Desk A")
            latencies: list[float] = []
            with psycopg.connect(url, autocommit=True) as conn:
                for i, person in enumerate(people[:live_n], start=1):
                    start = time.perf_counter()
                    door_a.check_in(person.id, day=person.days[0])
                    desk_a.sync(conn)
                    latencies.append(max(w.wait_for(i) for w in watchers) - start)
            for w in watchers[1:]:   # desk C goes offline
                w.stop.set()
                w.thread.join()
            door_c = Door(c, "Desk C")
            for person in people[live_n:]:
                door_c.check_in(person.id, day=person.days[0])
            start = time.perf_counter()
            report = Desk(c, url, "Desk C").sync()
            pushed = time.perf_counter() - start
            seen_at_b = watchers[0].wait_for(live_n + queued_n) - start
            watchers[0].stop.set()
            watchers[0].thread.join()
            assert report.pushed == queued_n, report
        finally:
            for store in (a, b, c):
                store.close()
            if saved is None:
                os.environ.pop("CHECKIN_DATA_DIR", None)
            else:
                os.environ["CHECKIN_DATA_DIR"] = saved
        raw = _raw_notify_round_trips(url, live_n)
        bulk = _raw_bulk_insert(url, queued_n)
    return [
        Figure(f"check-in visible at 2 other desks, p95 ({live_n})", _p95(latencies) * 1000,
               "ms", _p95(raw) * 1000, "< 1000 ms; baseline: raw INSERT+NOTIFY round trip"),
        Figure(f"offline desk pushes {queued_n} queued check-ins", pushed * 1000, "ms",
               bulk * 1000, "baseline: raw executemany of as many rows"),
        Figure(f"... until all {queued_n} are at another desk", seen_at_b * 1000, "ms",
               bulk * 1000, "< 5000 ms"),
    ]
