"""Several desks as real processes against the real PostgreSQL server.

Each desk is a separate "laptop": its own data folder (so its own local copy)
and every scan a separate ``python -m checkin scan URL CODE --desk NAME``
process. After each scenario every desk shows the same counts and no
acknowledged check-in is lost.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from checkin.door.door import Door
from checkin.store import open_event
from checkin.sync.desks import share
from tests.helpers import ROOT, wait_for
from tests.pg import ensure_server_running, query, restart_server, unreachable

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
DAY = "2017-09-19"


def expected_today(event: Path) -> list[int]:
    """Ticket numbers of the demo people registered for DAY (so a scan checks them in)."""
    with open_event(event) as store:
        return sorted(int(a.ticket_code[5:]) for a in store.attendees() if a.expected_on(DAY))


EXPECTED: list[int] = []


def code(n: int) -> str:
    """The ticket code of the n-th person expected today."""
    return f"FK17-{EXPECTED[n]:05d}"


class DeskLaptop:
    """One desk: its own data folder, talking to the server through the CLI."""

    def __init__(self, name: str, url: str, home: Path) -> None:
        self.name, self.url, self.home = name, url, home
        home.mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "CHECKIN_DATA_DIR": str(home)}

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "checkin", *args, "--desk", self.name]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        out = subprocess.run(self.command(*args), capture_output=True, text=True,
                             env=self.env, timeout=120)
        assert out.returncode == 0, out.stderr
        assert "Traceback" not in out.stderr
        return out

    def scan(self, n: int, *, url: str | None = None) -> dict[str, object]:
        out = self.run("scan", url or self.url, code(n), "--day", DAY, "--json")
        answer: dict[str, object] = json.loads(out.stdout)
        return answer

    def sync(self) -> str:
        return self.run("sync", self.url).stdout

    def copy(self) -> Path:
        (path,) = (self.home / "desks").glob(f"*/{self.name.replace(' ', '-')}.checkin")
        return path

    def checked_in(self) -> dict[str, str]:
        with open_event(self.copy()) as store:
            return {a: r.uuid for a, r in store.checked_in(DAY).items()}

    def stats(self) -> object:
        return json.loads(self.run("stats", self.url, "--json").stdout)


@pytest.fixture
def desks(pg_url: str, demo_path: Path, tmp_path: Path) -> list[DeskLaptop]:
    share(demo_path, pg_url)
    EXPECTED[:] = expected_today(demo_path)
    laptops = [DeskLaptop(f"Desk {n}", pg_url, tmp_path / f"laptop{n}") for n in (1, 2, 3)]
    for laptop in laptops:
        assert "Pushed 0" in laptop.sync()   # join: the first copy comes from the server
    return laptops


class Acks:
    """Every answer a desk gave, so the test can check nothing acknowledged was lost."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.checked_in: list[tuple[str, str]] = []   # (attendee id, desk)
        self.present: set[str] = set()
        self.queued = 0

    def add(self, desk: str, answer: dict[str, object]) -> None:
        attendee = answer.get("attendee")
        with self.lock:
            if answer["status"] == "checked_in" and isinstance(attendee, dict):
                self.checked_in.append((str(attendee["id"]), desk))
            if answer["status"] in ("checked_in", "already_checked_in") \
                    and isinstance(attendee, dict):
                self.present.add(str(attendee["id"]))
            sync = answer.get("sync")
            if isinstance(sync, dict) and not sync["online"]:
                self.queued += 1


def scan_all(laptop: DeskLaptop, numbers: list[int], acks: Acks,
             url: str | None = None) -> None:
    for n in numbers:
        acks.add(laptop.name, laptop.scan(n, url=url))


def settle(laptops: list[DeskLaptop], acks: Acks, url: str) -> None:
    """Sync every desk twice, then check they agree and nothing acknowledged is lost."""
    for _ in range(2):
        for laptop in laptops:
            laptop.sync()
    views = [laptop.checked_in() for laptop in laptops]
    assert all(view == views[0] for view in views), "desks disagree on who is here"
    assert set(views[0]) == acks.present
    stats = [laptop.stats() for laptop in laptops]
    assert all(s == stats[0] for s in stats)
    server_ins = query(url, "SELECT body->>'attendee_id', desk FROM checkin_records "
                            "WHERE kind = 'checkin' AND body->>'kind' = 'in'")
    assert sorted(server_ins) == sorted(acks.checked_in)   # every ack, exactly once
    for laptop in laptops:
        with open_event(laptop.copy()) as store:
            assert int(store.query("SELECT count(*) FROM sync_outbox")[0][0]) == 0
            assert len(store.checkins(day=DAY)) == len(acks.checked_in)


def test_three_desks_concurrently_same_and_different_people(desks: list[DeskLaptop],
                                                            pg_url: str) -> None:
    acks = Acks()
    plans = [list(range(1, 8)), list(range(5, 12)), [*range(9, 15), 1, 2]]  # overlapping
    with ThreadPoolExecutor(3) as pool:
        for f in [pool.submit(scan_all, d, p, acks) for d, p in zip(desks, plans, strict=True)]:
            f.result()
    assert acks.queued == 0
    settle(desks, acks, pg_url)
    assert len(acks.present) == 14


def test_desk_cut_off_keeps_working_then_catches_up(desks: list[DeskLaptop],
                                                    pg_url: str) -> None:
    one, two, three = desks
    acks = Acks()
    cut_off = unreachable(pg_url)
    scan_all(three, [30, 31, 32, 33, 34], acks, url=cut_off)   # Wi-Fi gone at desk 3
    assert acks.queued == 5
    with open_event(three.copy()) as store:
        assert len(store.checked_in(DAY)) == 5                # counted locally at once
    with ThreadPoolExecutor(2) as pool:
        a = pool.submit(scan_all, one, [34, 35, 36], acks)   # 34 is a double with desk 3
        b = pool.submit(scan_all, two, [37, 38], acks)
        a.result()
        b.result()
    settle(desks, acks, pg_url)
    logs = [open_event(d.copy()) for d in desks]
    try:
        for store in logs:
            doubles = store.audit_log(action="double_checkin")
            assert [(e["desk"], e["detail"]["kept"]["desk"]) for e in doubles] \
                == [("Desk 1", "Desk 3")]
    finally:
        for store in logs:
            store.close()


def test_server_restarted_mid_sync(desks: list[DeskLaptop], pg_url: str) -> None:
    acks = Acks()
    try:
        with ThreadPoolExecutor(3) as pool:
            futures = [pool.submit(scan_all, d, list(range(40 + 10 * i, 47 + 10 * i)), acks)
                       for i, d in enumerate(desks)]
            # restart while the desks are mid-way: some scans answered, most still to come
            wait_for(lambda: len(acks.present) >= 3, timeout=60)
            restart_server()
            for f in futures:
                f.result()
    finally:
        ensure_server_running()
    settle(desks, acks, pg_url)


@pytest.mark.parametrize("moment", ["connected", "pushed"])
def test_desk_killed_mid_sync(desks: list[DeskLaptop], pg_url: str, moment: str) -> None:
    """SIGKILL a desk's sync right after it connects, or right after its push committed
    (while it empties its outbox and pulls)."""
    one, _two, three = desks
    acks = Acks()
    with open_event(three.copy()) as store:        # desk 3 worked offline for a while
        door = Door(store, "Desk 3")
        for person in store.attendees():
            result = door.check_in(person.id, day=DAY)
            acks.add("Desk 3", {"status": result.status.value,
                                "attendee": person.as_dict()})
    queued = len(acks.checked_in)
    assert queued > 100
    watch = ("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'checkin Desk 3'"
             if moment == "connected" else
             "SELECT count(*) FROM checkin_records WHERE desk = 'Desk 3'")
    with psycopg.connect(pg_url, autocommit=True) as observer:
        sync = subprocess.Popen(three.command("sync", pg_url), env=three.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and sync.poll() is None:
            row = observer.execute(watch).fetchone()  # type: ignore[arg-type]
            if row and row[0]:
                break
        sync.send_signal(signal.SIGKILL)
        sync.wait(10)
    assert sync.returncode == -signal.SIGKILL, "the sync finished before it could be killed"
    on_server = query(pg_url, "SELECT count(*), count(DISTINCT uuid) FROM checkin_records "
                              "WHERE kind = 'checkin'")[0]
    assert on_server[0] == on_server[1]
    # a push is one transaction: all of the outbox or nothing
    assert on_server[0] == queued if moment == "pushed" else on_server[0] in (0, queued)
    scan_all(one, [1, 2], acks)      # the others carry on meanwhile
    settle(desks, acks, pg_url)
