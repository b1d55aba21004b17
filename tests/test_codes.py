"""Signed badge codes: scannable on any keyboard layout, rejected when foreign or forged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkin.door import codes
from checkin.door.door import Door, Status
from checkin.errors import CodeRejected
from checkin.store import EventStore
from tests.helpers import run_cli

QWERTZ_SAFE = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWX")


def test_code_shape() -> None:
    code = codes.badge_code("secret", codes.new_code_ref())
    assert len(code) <= 32
    assert set(code) <= QWERTZ_SAFE
    assert codes.verify("secret", code.lower()) == code[6:14]


def test_other_event_and_forgery_are_rejected() -> None:
    ref = codes.new_code_ref()
    code = codes.badge_code("event-a", ref)
    with pytest.raises(CodeRejected, match="another event"):
        codes.verify("event-b", code)
    forged = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(CodeRejected, match="misread or made up"):
        codes.verify("event-a", forged)


def test_scan_own_badge_code(demo_store: EventStore) -> None:
    person = next(p for p in demo_store.attendees() if "2017-09-19" in p.days)
    code = codes.badge_code(demo_store.code_secret(), person.code_ref)
    result = Door(demo_store, "Desk 1").scan(code.lower(), day="2017-09-19")
    assert result.status == Status.CHECKED_IN
    assert result.attendee is not None and result.attendee.id == person.id


def test_cli_rejects_badge_of_another_event(tmp_path: Path, demo_path: Path) -> None:
    other = tmp_path / "other.checkin"
    run_cli("demo", other)
    from checkin.store import open_event

    with open_event(other) as store:
        person = store.attendees()[0]
        foreign = codes.badge_code(store.code_secret(), person.code_ref)
    out = json.loads(run_cli("scan", demo_path, foreign, "--day", "2017-09-19",
                             "--json").stdout)
    assert out["status"] == "rejected"
    assert "another event" in out["message"]
