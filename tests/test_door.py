"""The door's core: double scans, walk-ins, edits and bad input (no Qt)."""

from __future__ import annotations

import pytest

from checkin.door import codes
from checkin.door.door import REPEAT_WINDOW, Door, Status
from checkin.errors import UserError
from checkin.store import EventStore

DAY1 = "2017-09-19"


class FakeClock:
    """Monotonic seconds that the test moves forward."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _both_days(store: EventStore):  # type: ignore[no-untyped-def]
    return next(p for p in store.attendees() if len(p.days) == 2)


def test_double_scan_within_seconds_is_one_checkin(demo_store: EventStore) -> None:
    clock = FakeClock()
    door = Door(demo_store, "Desk 2", clock=clock)
    person = _both_days(demo_store)
    code = codes.badge_code(demo_store.code_secret(), person.code_ref)
    first = door.scan(code, day=DAY1)
    clock.now += 1.5
    second = door.scan(code.lower(), day=DAY1)
    assert first.status == second.status == Status.CHECKED_IN
    assert second.repeat and not first.repeat
    assert second.record == first.record
    assert len(demo_store.checkins()) == 1
    clock.now += REPEAT_WINDOW + 1
    third = door.scan(person.ticket_code, day=DAY1)
    assert third.status == Status.ALREADY_CHECKED_IN and not third.repeat
    assert "already checked in today at" in third.message and "Desk 2" in third.message
    assert len(demo_store.checkins()) == 1


def test_undo_forgets_the_double_scan_memory(demo_store: EventStore) -> None:
    door = Door(demo_store, clock=FakeClock())
    person = _both_days(demo_store)
    assert door.scan(person.ticket_code, day=DAY1).status == Status.CHECKED_IN
    assert door.undo_last().status == Status.UNDONE
    again = door.scan(person.ticket_code, day=DAY1)
    assert again.status == Status.CHECKED_IN and not again.repeat
    assert person.id in demo_store.checked_in(DAY1)


@pytest.mark.parametrize("garbage", [
    "", "   ", "\x00\x01\x02", "CK1\x1b[31mABC", "x" * 10_000, "https://evil.example/?q=1",
    "ÄÖÜ€", "FK17-00001\n", "\u202eFK17-00001",
])
def test_garbage_never_changes_data(demo_store: EventStore, garbage: str) -> None:
    door = Door(demo_store)
    result = door.scan(garbage, day=DAY1)
    if garbage.strip() == "FK17-00001":
        assert result.status == Status.CHECKED_IN  # a trailing newline is not garbage
        return
    assert result.status in (Status.REJECTED, Status.UNKNOWN)
    assert result.message and len(result.message) < 300
    assert demo_store.checkins() == [] and demo_store.audit_log() == []


def test_badge_of_another_event_is_rejected(demo_store: EventStore) -> None:
    person = _both_days(demo_store)
    foreign = codes.badge_code("0" * 32, person.code_ref)
    result = Door(demo_store).scan(foreign, day=DAY1)
    assert result.status == Status.REJECTED and "another event" in result.message


def test_walk_in_is_added_logged_and_checked_in(demo_store: EventStore) -> None:
    door = Door(demo_store, "Desk 3")
    result = door.add_walk_in({"first_name": " Zoë ", "last_name": "Quast",
                               "organization": "HNE Eberswalde", "role": "Gast"}, day=DAY1)
    assert result.status == Status.CHECKED_IN and result.attendee is not None
    person = demo_store.attendee(result.attendee.id)
    assert person is not None and person.walk_in and person.first_name == "Zoë"
    assert person.days == (DAY1,) and person.code_ref
    assert person.id in demo_store.checked_in(DAY1)
    (entry,) = demo_store.audit_log(action="walk_in")
    assert entry["desk"] == "Desk 3" and entry["detail"]["last_name"] == "Quast"
    with pytest.raises(UserError, match="name"):
        door.add_walk_in({"organization": "Nobody"}, day=DAY1)
    assert demo_store.attendee_count() == 201


def test_edit_is_logged_with_before_and_after(demo_store: EventStore) -> None:
    door = Door(demo_store)
    person = _both_days(demo_store)
    updated = door.edit(person.id, {"last_name": person.last_name + "x", "role": person.role})
    assert updated.last_name == person.last_name + "x"
    (entry,) = demo_store.audit_log(action="edit_attendee")
    assert entry["detail"]["changes"] == {
        "last_name": {"from": person.last_name, "to": person.last_name + "x"}}
    assert door.edit(person.id, {"role": person.role}) == updated  # no change, no log
    assert len(demo_store.audit_log()) == 1
    with pytest.raises(UserError):
        door.edit(person.id, {"first_name": "", "last_name": ""})
    with pytest.raises(UserError):
        door.edit(person.id, {"status": "cancelled"})


def test_search_fields_setting_reaches_the_index(demo_store: EventStore) -> None:
    door = Door(demo_store)
    group = _both_days(demo_store).extra["Arbeitsgruppe"]
    assert not door.search_index().search(group)
    door.set_search_fields(["Arbeitsgruppe"])
    assert door.search_index().search(group)


def test_index_ranks_people_still_expected_first(demo_store: EventStore) -> None:
    door = Door(demo_store)
    muellers = [p for p in demo_store.attendees() if p.full_name == "Jürgen Müller"]
    first_hit = door.search_index(DAY1).search("jürgen müller")[0].attendee
    door.check_in(first_hit.id, day=DAY1, force=True)
    again = door.search_index(DAY1).search("jürgen müller")
    others = [p for p in muellers if p.id != first_hit.id and p.expected_on(DAY1)]
    if others:
        assert again[0].attendee.id == others[0].id


def test_a_refusal_is_not_repeated_after_check_in_anyway(demo_store: EventStore) -> None:
    door = Door(demo_store, clock=FakeClock())
    person = next(p for p in demo_store.attendees() if DAY1 not in p.days)
    assert door.scan(person.ticket_code, day=DAY1).status == Status.NOT_EXPECTED_TODAY
    assert door.check_in(person.id, day=DAY1, force=True).status == Status.CHECKED_IN
    again = door.scan(person.ticket_code, day=DAY1)
    assert again.status == Status.ALREADY_CHECKED_IN


def test_scan_first_tries_readings_in_order_without_writing(demo_store: EventStore) -> None:
    door = Door(demo_store)
    person = _both_days(demo_store)
    result = door.scan_first(["xx" + person.ticket_code, person.ticket_code], day=DAY1)
    assert result.status == Status.CHECKED_IN and result.attendee == person
    assert len(demo_store.checkins()) == 1
    missing = door.scan_first(["F", "NOPE"], day=DAY1)
    assert missing.status == Status.UNKNOWN and "NOPE" in missing.message


def test_a_scan_for_another_day_or_session_is_not_a_double_scan(demo_store: EventStore) -> None:
    """The double-scan memory is per day and session: day 2 right after day 1 is a check-in."""
    clock = FakeClock()
    door = Door(demo_store, clock=clock)
    person = _both_days(demo_store)
    day2 = person.days[1]
    first = door.scan(person.ticket_code, day=person.days[0])
    clock.now += 1
    second = door.scan(person.ticket_code, day=day2)
    assert first.status == second.status == Status.CHECKED_IN
    assert not second.repeat and second.day == day2
    assert {r.day for r in demo_store.checkins(attendee_id=person.id)} == set(person.days)
    assert second.as_json()["checkin"] == second.record.uuid  # type: ignore[union-attr]
    assert first.as_json()["checkin"] != second.as_json()["checkin"]
