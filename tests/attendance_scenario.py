"""A scripted two-day conference whose figures are worked out by hand in the tests.

Day 1 (2017-09-19) and day 2 (2017-09-20); desks "Desk 1", "Desk 2" at the
entrance and "Desk 3" at the session rooms. Times are UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from checkin.door.door import Door, Status
from checkin.door.sessions import Session, add_session
from checkin.model import Attendee, CheckIn
from checkin.store import EventStore, create_event
from checkin.store.sqlite import new_uuid

D1, D2 = "2017-09-19", "2017-09-20"


def at(day: str, hhmm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}:00+00:00").astimezone(UTC)


PEOPLE = [
    Attendee(id="anna", first_name="Anna", last_name="Ärger", organization="Uni Köln",
             project="P1 Moor", role="Teilnehmerin", email="anna@uni-koeln.de", days=(D1, D2)),
    Attendee(id="bernd", first_name="Bernd", last_name="Bauer", organization="Uni Köln",
             project="P1 Moor", role="Referent", email="bernd@uni-koeln.de", days=(D1, D2)),
    Attendee(id="clara", first_name="Clara", last_name="Çelik", organization="TU Berlin",
             project="P2 Wald", role="Teilnehmerin", days=(D1,)),
    Attendee(id="dieter", first_name="Dieter", last_name="Dömges", organization="TU Berlin",
             project="P2 Wald", role="Teilnehmer", days=(D2,)),
    Attendee(id="eva", first_name="Eva", last_name="Engel", organization="Fraunhofer",
             project="P3 See", role="Presse", days=(D1, D2), status="cancelled"),
    Attendee(id="frank", first_name="Frank", last_name="Fuchs", organization="Fraunhofer",
             project="P3 See", role="Teilnehmer", days=(D1, D2)),
]
WALK_IN = Attendee(id="wanda", first_name="Wanda", last_name="Weiß", organization="Extern",
                   project="", role="Gast", days=(D1,), walk_in=True)


def build(path: Path) -> tuple[EventStore, dict[str, Session]]:
    store = create_event(path, name="Fachkonferenz Wasser 2017",
                         days=[date.fromisoformat(D1), date.fromisoformat(D2)])
    store.add_attendees(PEOPLE)
    sessions = {
        "A": add_session(store, day=D1, name="Workshop A", capacity=2, starts="09:00",
                         ends="10:30"),
        "M": add_session(store, day=D1, name="Marktplatz", starts="10:00"),
        "B": add_session(store, day=D2, name="Workshop B", capacity=1, starts="09:00"),
    }
    desk1, desk2, desk3 = Door(store, "Desk 1"), Door(store, "Desk 2"), Door(store, "Desk 3")

    def ok(result_status: Status, expected: Status) -> None:
        assert result_status == expected, (result_status, expected)

    # -- day 1 -------------------------------------------------------------------
    ok(desk1.check_in("anna", day=D1, at=at(D1, "07:05")).status, Status.CHECKED_IN)
    ok(desk2.check_in("anna", day=D1, at=at(D1, "07:20")).status, Status.ALREADY_CHECKED_IN)
    ok(desk1.check_in("bernd", day=D1, at=at(D1, "07:10")).status, Status.CHECKED_IN)
    ok(desk1.undo_last(at=at(D1, "07:11")).status, Status.UNDONE)  # wrong Bernd
    ok(desk2.check_in("bernd", day=D1, at=at(D1, "07:40")).status, Status.CHECKED_IN)
    ok(desk2.check_in("clara", day=D1, at=at(D1, "07:50")).status, Status.CHECKED_IN)
    ok(desk1.check_in("eva", day=D1, at=at(D1, "07:58")).status, Status.CANCELLED)
    ok(desk1.check_in("eva", day=D1, at=at(D1, "08:00"), force=True).status,
       Status.CHECKED_IN)
    store.add_attendees([WALK_IN])
    ok(desk2.check_in("wanda", day=D1, at=at(D1, "08:20")).status, Status.CHECKED_IN)
    # a second desk's record for Clara, merged later: she still counts once
    store.add_checkin(CheckIn(uuid=new_uuid(), attendee_id="clara", day=D1, desk="Desk 1",
                              at=at(D1, "12:00")))
    a, m = sessions["A"].id, sessions["M"].id
    ok(desk3.check_in("anna", day=D1, at=at(D1, "09:00"), session=a).status,
       Status.CHECKED_IN)
    ok(desk3.check_in("clara", day=D1, at=at(D1, "09:05"), session=a).status,
       Status.CHECKED_IN)
    ok(desk3.check_in("anna", day=D1, at=at(D1, "09:06"), session=a).status,
       Status.ALREADY_CHECKED_IN)
    ok(desk3.check_in("bernd", day=D1, at=at(D1, "10:00"), session=m).status,
       Status.CHECKED_IN)
    ok(desk3.check_in("frank", day=D1, at=at(D1, "10:05"), session=m).status,
       Status.CHECKED_IN)
    ok(desk3.undo_last(at=at(D1, "10:06")).status, Status.UNDONE)  # was Franz, not Frank
    # -- day 2 -------------------------------------------------------------------
    ok(desk1.check_in("anna", day=D2, at=at(D2, "07:00")).status, Status.CHECKED_IN)
    ok(desk1.check_in("anna", day=D2, at=at(D2, "07:30")).status, Status.ALREADY_CHECKED_IN)
    ok(desk2.check_in("dieter", day=D2, at=at(D2, "07:15")).status, Status.CHECKED_IN)
    ok(desk2.check_in("bernd", day=D2, at=at(D2, "07:20")).status, Status.CHECKED_IN)
    ok(desk2.undo_last(at=at(D2, "07:21")).status, Status.UNDONE)
    ok(desk2.check_in("clara", day=D2, at=at(D2, "07:25")).status, Status.NOT_EXPECTED_TODAY)
    ok(desk3.check_in("dieter", day=D2, at=at(D2, "09:00"), session=sessions["B"].id).status,
       Status.CHECKED_IN)
    return store, sessions
