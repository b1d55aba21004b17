"""The purge of a shared event: the server's journal and every desk's copy lose
the personal data; the anonymous counts stay identical everywhere.

Two desks against the real PostgreSQL server, through the real command line.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from checkin.door.door import Door
from checkin.model import Attendee
from checkin.store import open_event
from checkin.store.sqlite import new_uuid
from checkin.sync.desks import desk_copy_path, open_desk, share
from checkin.sync.protocol import Desk
from tests.helpers import run_cli
from tests.pg import query

pytestmark = pytest.mark.postgres
DAYS = ("2017-09-19", "2017-09-20")


def _ok(*args: str | Path) -> str:
    out = run_cli(*args)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return out.stdout


def _counts(url: str, desk: str) -> dict[str, Any]:
    """What ``checkin stats --json`` says, without the breakdowns by organisation,
    project and role (the purge empties those fields by design)."""
    stats = json.loads(_ok("stats", url, "--desk", desk, "--json"))
    stats["days"] = [{k: v for k, v in day.items() if not k.startswith("by_")}
                     for day in stats["days"]]
    return dict(stats)


def _copy_bytes(url: str, desk: str) -> bytes:
    path = desk_copy_path(url, desk)
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
                    if p.exists())


def test_purge_of_a_shared_event_reaches_the_server_and_every_desk(
        pg_url: str, demo_path: Path) -> None:
    with open_event(demo_path) as store:
        people = store.attendees()
    secrets = {p.email for p in people if p.email} | {
        p.last_name for p in people if len(p.last_name) >= 5}
    share(demo_path, pg_url)
    # the event happens at two desks (overlapping: some people at both)
    two = Desk(open_desk(pg_url, "Desk 2"), pg_url, "Desk 2")
    for n in range(20, 50):
        Door(two.store, "Desk 2").scan(f"FK17-{n:05d}", day=DAYS[n % 2])
    assert two.sync().online
    two.store.close()
    one = Desk(open_desk(pg_url, "Desk 1"), pg_url, "Desk 1")
    for n in range(1, 30):
        Door(one.store, "Desk 1").scan(f"FK17-{n:05d}", day=DAYS[n % 2])
    walk_in = Attendee(id=new_uuid(), first_name="Zoë", last_name="Spontanbesucherin",
                       email="zoe.spontan@example.org", days=(DAYS[0],), walk_in=True)
    one.store.add_attendees([walk_in])
    Door(one.store, "Desk 1").check_in(walk_in.id, day=DAYS[0])
    edited = one.store.attendees()[7]
    one.store.update_attendee(dataclasses.replace(edited, last_name="Umbenannt-Nachname"))
    one.store.log("edit", desk="Desk 1", attendee_id=edited.id,
                  detail={"last_name": "Umbenannt-Nachname"})
    assert one.sync().online
    one.store.close()
    secrets |= {"Spontanbesucherin", "zoe.spontan@example.org", "Umbenannt-Nachname"}
    for desk in ("Desk 1", "Desk 2"):
        _ok("sync", pg_url, "--desk", desk)
    before = _counts(pg_url, "Desk 1")
    assert before == _counts(pg_url, "Desk 2")
    assert before["attendees"] == 201
    assert sum(day["checked_in"] for day in before["days"]) > 40
    journal = " ".join(str(r[0]) for r in query(pg_url,
                                                "SELECT body::text FROM checkin_records"))
    assert "zoe.spontan@example.org" in journal

    out = _ok("purge", pg_url, "--desk", "Desk 1", "--yes", "--now")
    assert "every other desk purges its copy" in out
    synced = _ok("sync", pg_url, "--desk", "Desk 2")
    assert "was purged" in synced

    journal = " ".join(str(r[0]) for r in query(
        pg_url, "SELECT uuid || ' ' || desk || ' ' || body::text FROM checkin_records"))
    found = sorted(s for s in secrets if s in journal)
    assert found == [], f"personal data left on the server: {found[:5]}"
    for desk in ("Desk 1", "Desk 2"):
        data = _copy_bytes(pg_url, desk)
        found = sorted(s for s in secrets if s.encode() in data)
        assert found == [], f"personal data left in {desk}'s copy: {found[:5]}"
        assert _counts(pg_url, desk) == before          # not doubled, nothing lost
    # a desk that joins after the purge builds the same counts from the journal
    assert _counts(pg_url, "Desk 3") == before
    assert not any(s.encode() in _copy_bytes(pg_url, "Desk 3") for s in secrets)
    # the purge happened once: a second one at the other desk says so
    again = _ok("purge", pg_url, "--desk", "Desk 2", "--yes", "--now")
    assert again.startswith("Already purged")
    # and the desks go on working together on the anonymous event
    _ok("scan", pg_url, "FK17-00100", "--desk", "Desk 2", "--day", DAYS[0])
    _ok("sync", pg_url, "--desk", "Desk 1")
    assert _counts(pg_url, "Desk 1") == _counts(pg_url, "Desk 2")
