"""A poisoned server journal: rows put there by any PostgreSQL user (the superuser
here) are set aside by every desk, counted, and never stop a verb.

Against the real PostgreSQL server, desks through the real command line.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from checkin.model import Attendee
from checkin.store import open_event
from checkin.sync.desks import open_desk, share
from checkin.sync.protocol import Desk
from tests.helpers import run_cli

pytestmark = pytest.mark.postgres
DAY = "2017-09-19"


def _people(demo_path: Path) -> list[Attendee]:
    with open_event(demo_path) as store:
        return [a for a in store.attendees() if a.expected_on(DAY)]


def _body(person: Attendee, demo_path: Path) -> dict[str, Any]:
    """A person's record as a desk sends it (every column of the copy)."""
    with open_event(demo_path) as store:
        row = dict(store.query("SELECT * FROM attendees WHERE id = ?", (person.id,))[0])
    row["days"] = list(person.days)
    return row


def _insert(url: str, rows: list[tuple[str, str, str, Any]]) -> None:
    """As the PostgreSQL superuser, straight into the journal (no desk, no checks)."""
    with psycopg.connect(url, autocommit=True) as conn:
        for key, kind, desk, body in rows:
            conn.execute("INSERT INTO checkin_records(uuid, kind, desk, body) "
                         "VALUES (%s, %s, %s, %s)", (key, kind, desk, Jsonb(body)))


def _json(out: Any) -> Any:
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "internal problem" not in out.stderr
    return json.loads(out.stdout)


def test_poisoned_rows_are_set_aside_and_every_verb_still_works(pg_url: str,
                                                                 demo_path: Path) -> None:
    people = _people(demo_path)
    victim, other, third = people[0], people[1], people[2]
    share(demo_path, pg_url)
    _json(run_cli("sync", pg_url, "--desk", "Desk 1", "--json"))   # joined before
    now = datetime.now(UTC)
    forever = {**_body(victim, demo_path), "last_name": "Gehackt", "status": "cancelled",
               "updated_at": "9999-12-31T23:59:59+00:00"}
    objects = {**_body(third, demo_path), "extra": {"a": {"b": "c"}},
               "updated_at": now.isoformat()}
    stolen = {**_body(third, demo_path), "ticket_code": other.ticket_code,
              "updated_at": now.isoformat()}
    broken_code = {**_body(other, demo_path), "ticket_code": "FK17\n00001",
                   "updated_at": now.isoformat()}
    nobody = {"uuid": str(uuid.uuid4()), "attendee_id": "nobody-at-all", "day": DAY,
              "desk": "Intruder", "at": now.isoformat(), "kind": "in", "undoes": None,
              "session": None, "forced": 0}
    future = {**nobody, "uuid": str(uuid.uuid4()), "attendee_id": victim.id,
              "at": (now + timedelta(days=3)).isoformat()}
    _insert(pg_url, [
        (f"attendee:{victim.id}:9999", "attendee", "Intruder", forever),
        (f"attendee:{third.id}:objects", "attendee", "Intruder", objects),
        (f"attendee:{third.id}:stolen", "attendee", "Intruder", stolen),
        (f"attendee:{other.id}:broken", "attendee", "Intruder", broken_code),
        (nobody["uuid"], "checkin", "Intruder", nobody),
        (future["uuid"], "checkin", "Intruder", future),
    ])
    # the server refuses rows of the wrong shape, even from the superuser
    for key, kind, body in (
            (str(uuid.uuid4()), "garbage", {"x": 1}),
            (str(uuid.uuid4()), "checkin", ["not", "an", "object"]),
            (str(uuid.uuid4()), "audit", {"detail": "x" * (2 << 20)}),
            ("not-a-uuid", "checkin", {**nobody})):
        with pytest.raises(psycopg.errors.CheckViolation):
            _insert(pg_url, [(key, kind, "Intruder", body)])
    # ... unless its owner drops the constraints: the desks still cope
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE checkin_records DROP CONSTRAINT checkin_records_shape")
        conn.execute("ALTER TABLE checkin_records DROP CONSTRAINT checkin_records_kind_check")
    _insert(pg_url, [(str(uuid.uuid4()), "garbage", "Intruder", {"x": 1}),
                     (str(uuid.uuid4()), "checkin", "Intruder", ["not", "an", "object"]),
                     (str(uuid.uuid4()), "audit", "Intruder", {"detail": "x" * (2 << 20)})])
    poisoned = 9

    for desk in ("Desk 1", "Desk 2"):           # one joined before, one joins now
        report = _json(run_cli("sync", pg_url, "--desk", desk, "--json"))
        assert report["online"] and report["set_aside"] == poisoned, report
        text = run_cli("sync", pg_url, "--desk", desk)
        assert text.returncode == 0
        assert f"{poisoned} record(s) from the server were set aside" in text.stdout
        scan = _json(run_cli("scan", pg_url, victim.ticket_code, "--desk", desk, "--day",
                             DAY, "--json"))
        assert scan["status"] in ("checked_in", "already_checked_in")
        assert scan["attendee"]["last_name"] == victim.last_name
        assert scan["sync"]["online"]
        found = _json(run_cli("search", pg_url, victim.last_name, "--desk", desk, "--json"))
        hit = next(h for h in found if h["id"] == victim.id)
        assert (hit["last_name"], hit["status"]) == (victim.last_name, "active")
        for person in (other, third):            # their own tickets still work
            scan = _json(run_cli("scan", pg_url, person.ticket_code, "--desk", desk,
                                 "--day", DAY, "--json"))
            assert scan["status"] in ("checked_in", "already_checked_in")
            assert scan["attendee"]["id"] == person.id
        stats = _json(run_cli("stats", pg_url, "--desk", desk, "--json"))
        assert stats["attendees"] == 200
        assert stats["days"][0]["checked_in"] == 3   # not the intruder's, not the future

    # a later, legitimate correction of the person still wins over 9999-12-31
    one = Desk(open_desk(pg_url, "Desk 1"), pg_url, "Desk 1")
    person = one.store.attendee(victim.id)
    assert person is not None
    one.store.update_attendee(dataclasses.replace(person, last_name="Korrigiert"))
    assert one.sync().online
    one.store.close()
    found = _json(run_cli("search", pg_url, "Korrigiert", "--desk", "Desk 2", "--json"))
    assert [h["id"] for h in found][:1] == [victim.id]


def test_a_ticket_code_changed_at_another_desk_is_applied_and_logged(pg_url: str,
                                                                    demo_path: Path) -> None:
    """The rule: a pulled version may change a ticket code to a well-formed one nobody
    else has (logged), never blank it, and never change the badge reference."""
    person = _people(demo_path)[5]
    share(demo_path, pg_url)
    two = Desk(open_desk(pg_url, "Desk 2"), pg_url, "Desk 2")
    now = datetime.now(UTC).isoformat()
    body = _body(person, demo_path)
    _insert(pg_url, [
        (f"attendee:{person.id}:new", "attendee", "Desk 1",
         {**body, "ticket_code": "PRETIX-NEW-1", "code_ref": "ABCDEFGH", "updated_at": now}),
    ])
    report = two.sync()
    assert report.set_aside == 0
    seen = two.store.attendee(person.id)
    assert seen is not None
    assert (seen.ticket_code, seen.code_ref) == ("PRETIX-NEW-1", person.code_ref)
    (entry,) = two.store.audit_log(action="ticket_code_changed")
    assert entry["detail"] == {"old": person.ticket_code, "new": "PRETIX-NEW-1"}
    later = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    _insert(pg_url, [(f"attendee:{person.id}:blank", "attendee", "Desk 1",
                      {**body, "ticket_code": "", "first_name": "Neu", "updated_at": later})])
    two.sync()
    seen = two.store.attendee(person.id)
    assert seen is not None and (seen.first_name, seen.ticket_code) == ("Neu", "PRETIX-NEW-1")
    two.store.close()


def test_the_desk_role_may_append_and_read_but_never_change_the_journal(
        pg_url: str, demo_path: Path) -> None:
    share(demo_path, pg_url)
    desk = Desk(open_desk(pg_url, "Desk 1"), pg_url, "Desk 1")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert desk.sync(conn).online
        # a desk's connection (here the superuser's) works as the desk role
        assert conn.execute("SELECT current_user").fetchone() == ("checkin_desk",)
        (count,) = conn.execute("SELECT count(*) FROM checkin_records").fetchone() or (0,)
        assert count >= 200                      # it may read the journal
        for statement in ("UPDATE checkin_records SET desk = 'x'",
                          "DELETE FROM checkin_records",
                          "TRUNCATE checkin_records",
                          "UPDATE checkin_event SET name = 'x'",
                          "INSERT INTO checkin_records(uuid, kind, desk, body, received_at) "
                          "VALUES ('a', 'audit', 'x', '{}', now())",
                          "ALTER TABLE checkin_records DROP CONSTRAINT checkin_records_shape"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    desk.store.close()
