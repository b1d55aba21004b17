"""The door: resolve a scanned code or a chosen person and check them in.

The GUI and ``checkin scan``/``checkin undo`` both call this module, so they
cannot disagree. A result is only returned after the record is committed.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from checkin.common.text import clean_text, has_control_characters
from checkin.door import codes
from checkin.door.days import event_day
from checkin.door.search import SearchIndex
from checkin.errors import CodeRejected, UserError
from checkin.model import Attendee, CheckIn, field_names, with_fields
from checkin.store.sqlite import EventStore, new_uuid, now_utc

#: Longer input is a paste or a stuck key, never a code.
MAX_CODE_LENGTH = 128
#: The same person scanned again within this many seconds is one check-in (a double scan).
REPEAT_WINDOW = 5.0
#: Event setting: extra columns (names from the import) that the search also looks in.
SEARCH_FIELDS_SETTING = "search_fields"


class Status(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN = "unknown"
    REJECTED = "rejected"
    NOT_EXPECTED_TODAY = "not_expected_today"
    CANCELLED = "cancelled"
    UNDONE = "undone"
    NOTHING_TO_UNDO = "nothing_to_undo"


#: Results that mean "let the person in" (green) and "look again" (amber).
GOOD = frozenset({Status.CHECKED_IN, Status.UNDONE})
NOTICE = frozenset({Status.ALREADY_CHECKED_IN, Status.NOTHING_TO_UNDO})


@dataclass(frozen=True, slots=True)
class DoorResult:
    """What the desk shows after a scan, a check-in or an undo."""

    status: Status
    message: str
    attendee: Attendee | None = None
    record: CheckIn | None = None
    day: str | None = None
    #: True when this answers an accidental second scan of the same badge
    repeat: bool = False
    #: why a code was refused (``empty``, ``garbage``, or ``CodeRejected.reason``), so a
    #: desk can word ``message`` in its own language from the status and these facts
    reason: str = ""
    #: the code as scanned (shortened when it is garbage), for unknown or refused codes
    code: str = ""
    #: when the undone check-in had happened (UNDONE only)
    undone_at: datetime | None = None

    @property
    def checked_in_at(self) -> datetime | None:
        return None if self.record is None else self.record.at

    def as_json(self) -> dict[str, object]:
        at = self.checked_in_at
        return {
            "status": self.status.value,
            "message": self.message,
            "attendee": None if self.attendee is None else self.attendee.as_dict(),
            "checked_in_at": None if at is None else at.astimezone().isoformat(),
            "desk": None if self.record is None else self.record.desk,
            "day": self.day,
            "repeat": self.repeat,
            #: the record written (its UUID), so a caller can find exactly this check-in
            "checkin": None if self.record is None else self.record.uuid,
        }


def still_expected(people: Iterable[Attendee], day: str,
                   arrived: Container[str]) -> list[str]:
    """Ids of the people expected on ``day`` who have not arrived yet.

    Search ranks them first; the desk view and ``checkin search`` both ask here,
    so a cancelled or other-day person never counts as still expected in one and
    not the other.
    """
    return [p.id for p in people if p.expected_on(day) and p.id not in arrived]


def _local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


class Door:
    """Check-ins for one desk of one event."""

    def __init__(self, store: EventStore, desk: str = "Desk 1",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.desk = desk
        self._clock = clock
        #: attendee id -> (clock time, result) of recent scans, to absorb double scans
        #: keyed by (person, day, session) as asked for: a scan for another day or
        #: session is a new check-in, not a double scan
        self._recent: dict[tuple[str, str, str], tuple[float, DoorResult]] = {}

    # -- searching -----------------------------------------------------------------

    def search_fields(self) -> list[str]:
        """Extra columns the event's search also looks in (chosen by the user)."""
        chosen = self.store.setting(SEARCH_FIELDS_SETTING, [])
        return [str(f) for f in chosen] if isinstance(chosen, list) else []

    def set_search_fields(self, names: list[str]) -> None:
        self.store.set_setting(SEARCH_FIELDS_SETTING, list(names))

    def search_index(self, day: str | None = None) -> SearchIndex:
        """A fresh index of the event; with ``day``, people still expected rank first.

        Besides the columns the user chose, the search looks in every declared
        searchable field that is kept in ``extra`` (``checkin.model.PERSON_FIELDS``).
        """
        people = self.store.attendees()
        declared = field_names(searchable=True, column=False)
        index = SearchIndex(people, extra_fields=list(dict.fromkeys(
            [*declared, *self.search_fields()])))
        if day is not None:
            index.set_open(still_expected(people, day, self.store.checked_in(day)))
        return index

    # -- resolving codes -----------------------------------------------------------

    def resolve(self, code: str) -> Attendee | None:
        """The person a scanned code belongs to, or None.

        Our own signed badge codes are verified (``CodeRejected`` says why a code
        of another event or a made-up one is refused); anything else is looked up
        as an external ticket code by exact match.
        """
        if codes.looks_like_badge_code(code):
            ref = codes.verify(self.store.code_secret(), code)
            return self.store.find_by_code_ref(ref)
        return self.store.find_by_ticket(code)

    def scan(self, code: str, *, day: str | None = None, at: datetime | None = None,
             session: str | None = None) -> DoorResult:
        """A code from a scanner (or typed): find the person and check them in."""
        code = code.strip()
        if not code:
            return DoorResult(Status.REJECTED, "Nothing was scanned. Scan the badge again.",
                              reason="empty")
        if len(code) > MAX_CODE_LENGTH or has_control_characters(code):
            shown = "".join(ch if ch.isprintable() else "?" for ch in code[:40])
            shown += "…" if len(code) > 40 else ""
            return DoorResult(Status.REJECTED,
                              f"This is not a code of this event ({shown!r}, {len(code)} "
                              "characters). Scan the badge again or search by name.",
                              reason="garbage", code=shown)
        try:
            person = self.resolve(code)
        except CodeRejected as exc:
            return DoorResult(Status.REJECTED, exc.message, reason=exc.reason, code=code)
        if person is None:
            return DoorResult(Status.UNKNOWN,
                              f"No one in this event has the code {code!r}. "
                              "Search by name, or add the person as a walk-in.", code=code)
        now = self._clock()
        key = (person.id, day or "", session or "")
        recent = self._recent.get(key)
        if recent is not None and now - recent[0] <= REPEAT_WINDOW:
            return dataclasses.replace(recent[1], repeat=True)
        result = self.check_in(person.id, day=day, at=at, session=session)
        self._recent = {k: v for k, v in self._recent.items() if now - v[0] <= REPEAT_WINDOW}
        if result.status == Status.CHECKED_IN:  # only a welcome is repeated, never a refusal
            self._recent[key] = (now, result)
        return result

    def scan_first(self, candidates: list[str], *, day: str | None = None,
                   session: str | None = None) -> DoorResult:
        """Scan the first candidate that is a code of this event, else report the last.

        A code that is not found or is rejected writes nothing, so trying the
        next reading of the same keystrokes is safe.
        """
        for candidate in candidates[:-1]:
            result = self.scan(candidate, day=day, session=session)
            if result.status not in (Status.UNKNOWN, Status.REJECTED):
                return result
        return self.scan(candidates[-1], day=day, session=session)

    # -- checking in ---------------------------------------------------------------

    def check_in(self, attendee_id: str, *, day: str | None = None,
                 at: datetime | None = None, force: bool = False,
                 session: str | None = None) -> DoorResult:
        """Check a person in for the day; ``force`` admits the unexpected (logged).

        Why one transaction: "already checked in?" and the new record are decided
        and written under the same write lock, so two desks (or two processes)
        scanning one person at the same moment admit them once.
        """
        with self.store.transaction():
            return self._check_in_locked(attendee_id, day, at, force, session)

    def _check_in_locked(self, attendee_id: str, day: str | None, at: datetime | None,
                         force: bool, session: str | None) -> DoorResult:
        event = self.store.event()
        moment = at or now_utc()
        the_day = event_day(event, day=day, at=moment)
        person = self.store.attendee(attendee_id)
        if person is None:
            return DoorResult(Status.UNKNOWN, "This person is no longer in the event.",
                              day=the_day)
        earlier = self.store.first_checkin(person.id, the_day, session)
        if earlier is not None:
            return DoorResult(
                Status.ALREADY_CHECKED_IN,
                f"{person.display_name} was already checked in today at "
                f"{_local_time(earlier.at)} at {earlier.desk}.",
                person, earlier, the_day)
        if not force:
            if person.status == "cancelled":
                return DoorResult(Status.CANCELLED,
                                  f"{person.display_name}'s registration was cancelled. "
                                  "Check in anyway if they may attend (this is logged).",
                                  person, None, the_day)
            if the_day not in person.days:
                return DoorResult(Status.NOT_EXPECTED_TODAY,
                                  f"{person.display_name} is not registered for {the_day}. "
                                  "Check in anyway if they may attend (this is logged).",
                                  person, None, the_day)
        record = CheckIn(uuid=new_uuid(), attendee_id=person.id, day=the_day, desk=self.desk,
                         at=moment, kind="in", session=session, forced=force)
        self.store.add_checkin(record)
        if force:
            self.store.log("forced_checkin", desk=self.desk, attendee_id=person.id,
                           detail={"day": the_day, "checkin": record.uuid,
                                   "status": person.status}, at=moment)
        return DoorResult(Status.CHECKED_IN, f"Welcome, {person.display_name}!", person,
                          record, the_day)

    def undo_last(self, *, at: datetime | None = None) -> DoorResult:
        """Revert this desk's newest check-in with an ``undo`` record and an audit entry."""
        self._recent.clear()
        with self.store.transaction():  # decided under the write lock, like a check-in
            last = self.store.last_undoable(self.desk)
            if last is None:
                return DoorResult(Status.NOTHING_TO_UNDO,
                                  f"{self.desk} has no check-in to undo.")
            moment = at or now_utc()
            undo = CheckIn(uuid=new_uuid(), attendee_id=last.attendee_id, day=last.day,
                           desk=self.desk, at=moment, kind="undo", undoes=last.uuid,
                           session=last.session)
            self.store.add_checkin(undo)
            self.store.log("undo_checkin", desk=self.desk, attendee_id=last.attendee_id,
                           detail={"undoes": last.uuid, "day": last.day}, at=moment)
        person = self.store.attendee(last.attendee_id)
        name = person.display_name if person else "The person"
        return DoorResult(Status.UNDONE,
                          f"Undone: {name}'s check-in of {_local_time(last.at)}.",
                          person, undo, last.day, undone_at=last.at)

    # -- walk-ins and edits ----------------------------------------------------------

    def add_walk_in(self, fields: Mapping[str, str], *, day: str | None = None,
                    at: datetime | None = None) -> DoorResult:
        """Register a person on the spot for the day and check them in (one transaction)."""
        values = {name: clean_text(fields.get(name, ""))
                  for name in field_names(editable=True)}
        if not (values["first_name"] or values["last_name"]):
            raise UserError("A walk-in needs a first or last name. Type the name, then add.")
        moment = at or now_utc()
        the_day = event_day(self.store.event(), day=day, at=moment)
        person = with_fields(Attendee(id=new_uuid(), days=(the_day,), walk_in=True), values)
        with self.store.transaction():
            self.store.add_attendees([person])
            self.store.log("walk_in", desk=self.desk, attendee_id=person.id,
                           detail={"day": the_day, **values}, at=moment)
            result = self.check_in(person.id, day=the_day, at=moment)
        return result

    def edit(self, attendee_id: str, changes: Mapping[str, str]) -> Attendee:
        """Correct a person's fields (a typo in the name); the change is logged."""
        person = self.store.attendee(attendee_id)
        if person is None:
            raise UserError("This person is no longer in the event. Search again.")
        unknown = set(changes) - set(field_names(editable=True))
        if unknown:
            raise UserError(f"These fields cannot be edited at the desk: {sorted(unknown)}.")
        cleaned = {k: clean_text(v) for k, v in changes.items()}
        if not (cleaned.get("first_name", person.first_name)
                or cleaned.get("last_name", person.last_name)):
            raise UserError("A person needs a first or last name. Type the name, then save.")
        diff = {k: {"from": person.field(k), "to": v} for k, v in cleaned.items()
                if person.field(k) != v}
        if not diff:
            return person
        updated = with_fields(person, cleaned)
        with self.store.transaction():
            self.store.update_attendee(updated)
            self.store.log("edit_attendee", desk=self.desk, attendee_id=person.id,
                           detail={"changes": diff})
        return self.store.attendee(attendee_id) or updated
