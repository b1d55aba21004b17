"""The badge rule after a check-in runs in the core: ``checkin scan`` hands out and prints too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkin.badges.after_checkin import BadgeAction, decide
from checkin.badges.records import BadgeLocation
from checkin.door import codes
from checkin.door.door import DoorResult, Status
from checkin.model import Attendee
from checkin.store import open_event
from tests.helpers import run_cli

DAY1, DAY2 = "2017-09-19", "2017-09-20"


def _two_day_person(path: Path) -> tuple[str, str]:
    """(id, badge code) of someone expected on both days."""
    with open_event(path) as store:
        person = next(a for a in store.attendees() if set(a.days) == {DAY1, DAY2}
                      and not a.walk_in)
        return person.id, codes.badge_code(store.code_secret(), person.code_ref)


def test_scan_tells_where_the_pre_printed_badge_is_and_marks_it_handed_out(
        demo_path: Path, tmp_path: Path) -> None:
    made = run_cli("badges", demo_path, "--out", tmp_path / "night-before.pdf",
                   "--layout", "a4-4xa6", "--desk", "Back office")
    assert made.returncode == 0, made.stderr
    person_id, code = _two_day_person(demo_path)
    with open_event(demo_path) as store:
        from checkin.badges import badge_location

        where = badge_location(store, person_id)
    assert where is not None and not where.handed_out

    first = run_cli("scan", demo_path, code, "--day", DAY1, "--json")
    assert first.returncode == 0, first.stderr
    badge = json.loads(first.stdout)["badge"]
    assert badge["action"] == "hand_out"
    assert badge["location"]["text"] == f"{where.box}, No. {where.number}"
    assert badge["location"]["handed_out"] is True
    assert badge["text"] == f"Pre-printed badge: {where.box}, No. {where.number} (handed out)"
    with open_event(demo_path) as store:
        log = store.audit_log(action="badge_handed_out", attendee_id=person_id)
        assert [e["desk"] for e in log] == ["Desk 1"]
        assert store.audit_log(action="badge_print", attendee_id=person_id)[-1]["desk"] == \
            "Back office"  # the batch's print, nothing printed at the door

    second = run_cli("scan", demo_path, code, "--day", DAY2)  # the text face says it too
    assert second.returncode == 0, second.stderr
    assert f"Pre-printed badge: {where.box}, No. {where.number} (handed out)" in second.stdout
    with open_event(demo_path) as store:
        assert len(store.audit_log(action="badge_handed_out", attendee_id=person_id)) == 1


def test_scan_without_a_batch_or_printer_has_no_badge_step(demo_path: Path) -> None:
    _person_id, code = _two_day_person(demo_path)
    out = run_cli("scan", demo_path, code, "--day", DAY1, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["badge"]["action"] == "none"


def test_scan_prints_on_check_in_but_a_bad_printer_keeps_the_check_in(
        demo_path: Path) -> None:
    """--print-to a printer that is not there: checked in, a warning, nothing logged."""
    person_id, code = _two_day_person(demo_path)
    out = run_cli("scan", demo_path, code, "--day", DAY1, "--json",
                  "--print-to", "NoSuchPrinter-42")
    assert out.returncode == 0, out.stderr
    badge = json.loads(out.stdout)["badge"]
    assert badge["action"] == "print" and badge["job"] is None and badge["problem"]
    assert "the check-in is saved" in out.stderr and "Traceback" not in out.stderr
    with open_event(demo_path) as store:
        assert person_id in store.checked_in(DAY1)
        assert store.audit_log(action="badge_print", attendee_id=person_id) == []


def test_scan_prints_through_the_real_cups_queue_once(demo_path: Path) -> None:
    from tests.helpers import PRINTER, need_cups

    need_cups()
    person_id, code = _two_day_person(demo_path)
    out = run_cli("scan", demo_path, code, "--day", DAY1, "--json", "--print-to", PRINTER,
                  "--layout", "a7")
    assert out.returncode == 0, out.stderr
    badge = json.loads(out.stdout)["badge"]
    assert badge["action"] == "print" and badge["job"], badge
    again = run_cli("scan", demo_path, code, "--day", DAY2, "--json", "--print-to", PRINTER)
    assert json.loads(again.stdout)["badge"]["action"] == "none"  # printed before: not twice
    with open_event(demo_path) as store:
        log = store.audit_log(action="badge_print", attendee_id=person_id)
    assert [(e["detail"]["reason"], e["detail"]["job"]) for e in log] == [
        ("check-in", badge["job"])]


def _person(*, walk_in: bool = False) -> Attendee:
    return Attendee(id="p1", first_name="Ada", last_name="Lovelace", walk_in=walk_in)


def _where(handed_out: bool) -> BadgeLocation:
    from datetime import UTC, datetime

    return BadgeLocation("b1", datetime(2017, 9, 18, tzinfo=UTC), "Box A–E", 1, 1, handed_out)


@pytest.mark.parametrize(("status", "walk_in", "where", "printed", "on", "action"), [
    (Status.CHECKED_IN, False, None, 0, False, BadgeAction.NONE),
    (Status.CHECKED_IN, False, None, 0, True, BadgeAction.PRINT),
    (Status.CHECKED_IN, False, None, 1, True, BadgeAction.NONE),
    (Status.CHECKED_IN, False, False, 1, True, BadgeAction.HAND_OUT),
    (Status.CHECKED_IN, False, True, 1, True, BadgeAction.NONE),
    (Status.CHECKED_IN, True, None, 0, True, BadgeAction.NONE),
    (Status.ALREADY_CHECKED_IN, False, False, 1, True, BadgeAction.NONE),
    (Status.NOT_EXPECTED_TODAY, False, None, 0, True, BadgeAction.NONE),
])
def test_the_rule(status: Status, walk_in: bool, where: bool | None, printed: int, on: bool,
                  action: BadgeAction) -> None:
    result = DoorResult(status, "", _person(walk_in=walk_in))
    step = decide(result, location=None if where is None else _where(where),
                  printed_before=printed, print_on_checkin=on)
    assert step.action == action
