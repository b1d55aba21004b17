"""Attendance counts: who was expected, who is here, where and when they came.

Every figure counts *people*, not scans: a person counts once per day (and
once per session) however often they were scanned, and an undone check-in
does not count. The counts come from :mod:`checkin.store.attendance`, which
reads tables the schema's triggers keep up to date (each person's earliest
valid check-in; people per day, session, desk and 15-minute slot), so a live
board can ask every half second even for a congress of 100,000. What counts
as unexpected or missing is decided here.

A person is "checked in" on a day if any door checked them in that day, for
the day itself or for one of its sessions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from checkin.door.sessions import Occupancy, Session, list_sessions
from checkin.store import attendance
from checkin.store.sqlite import EventStore

#: The breakdowns offered, as attendee field -> label.
BREAKDOWNS: Mapping[str, str] = {
    "organization": "Organisation",
    "project": "Project / group",
    "role": "Role",
}
#: Minutes per bar of the arrivals chart.
ARRIVAL_SLOT_MINUTES = 15


@dataclass(frozen=True, slots=True)
class DayCounts:
    date: str
    expected: int
    checked_in: int

    @property
    def missing(self) -> int:
        return max(self.expected - self.checked_in, 0)


@dataclass(frozen=True, slots=True)
class GroupCount:
    """One row of a breakdown: a value of a field (e.g. one organisation)."""

    name: str
    expected: int
    checked_in: int


@dataclass(frozen=True, slots=True)
class DayStats:
    """All figures of one event day."""

    date: str
    expected: int
    checked_in: int
    #: expected people (registered for the day, not cancelled) who are not here yet
    missing: int
    #: walk-ins who are checked in
    walk_ins: int
    #: people checked in although not expected (admitted anyway, cancelled, other day)
    unexpected: int
    #: people by the desk of their first check-in of the day
    desks: Mapping[str, int]
    sessions: tuple[Occupancy, ...]
    #: (slot start as local datetime, people whose first check-in fell in that slot)
    arrivals: tuple[tuple[datetime, int], ...]
    breakdowns: Mapping[str, tuple[GroupCount, ...]] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.date,
            "expected": self.expected,
            "checked_in": self.checked_in,
            "missing": self.missing,
            "walk_ins": self.walk_ins,
            "unexpected": self.unexpected,
            "desks": dict(self.desks),
            "sessions": [
                {"id": o.session.id, "name": o.session.name, "starts": o.session.starts,
                 "ends": o.session.ends, "capacity": o.capacity,
                 "checked_in": o.checked_in, "full": o.full}
                for o in self.sessions
            ],
            "arrivals": [{"from": slot.strftime("%H:%M"), "checked_in": n}
                         for slot, n in self.arrivals],
            **{f"by_{name}": [{"name": g.name, "expected": g.expected,
                               "checked_in": g.checked_in} for g in groups]
               for name, groups in self.breakdowns.items()},
        }


def expected_count(store: EventStore, day: str) -> int:
    """People registered for ``day`` and not cancelled (a counter the triggers keep)."""
    return attendance.expected_count(store, day)


def checked_in_count(store: EventStore, day: str, scope: str = "") -> int:
    """People checked in on ``day`` ('' = the day, else a session id)."""
    return attendance.present_count(store, day, scope)


def day_counts(store: EventStore, day: str) -> DayCounts:
    """The two headline numbers, cheap enough for every check-in."""
    return DayCounts(day, expected_count(store, day), checked_in_count(store, day))


def _unexpected(store: EventStore, day: str) -> int:
    """Checked in but not expected: cancelled, or admitted without a registration.

    The door admits someone not registered for the day only when forced, so
    only forced check-ins need the (per-person) registration lookup.
    """
    return (attendance.present_cancelled(store, day)
            + attendance.present_forced_unregistered(store, day))


def arrivals(store: EventStore, day: str) -> tuple[tuple[datetime, int], ...]:
    """First check-ins per 15-minute slot of the day (local time), gaps filled with zero.

    The chart follows the day the check-ins count for, not the calendar: a
    day checked in on another date (a rehearsal, the demo event, a desk whose
    event day is not today) is charted on the date most of its check-ins
    happened, so the chart agrees with the number beside it. Only one
    calendar day's 24 hours are charted (a desk with a wrong clock or a late
    entry cannot stretch the chart over months); on a tie the day's own date wins.
    """
    every = attendance.first_arrivals(store, day, datetime(1970, 1, 1, tzinfo=UTC),
                                      datetime(9999, 1, 1, tzinfo=UTC))
    if not every:
        return ()
    own = date.fromisoformat(day)
    per_date: dict[date, int] = {}
    for moment, n in every.items():
        local = moment.astimezone().date()
        per_date[local] = per_date.get(local, 0) + n
    chosen = max(per_date, key=lambda d: (per_date[d], d == own, d))
    midnight = datetime.combine(chosen, time()).astimezone()
    counts = {moment: n for moment, n in every.items()
              if midnight <= moment < midnight + timedelta(days=1)}
    step = timedelta(minutes=ARRIVAL_SLOT_MINUTES)
    slot, last = min(counts), max(counts)
    result = []
    while slot <= last:
        result.append((slot.astimezone(), counts.get(slot, 0)))
        slot += step
    return tuple(result)


def breakdown(store: EventStore, day: str, field_name: str) -> tuple[GroupCount, ...]:
    """Expected and checked-in people per value of ``field_name``, largest first."""
    if field_name not in BREAKDOWNS:
        raise ValueError(f"no breakdown by {field_name}")
    expected = attendance.expected_by(store, day, field_name)
    here = attendance.present_by(store, day, field_name)
    groups = [GroupCount(name, expected.get(name, 0), here.get(name, 0))
              for name in {**expected, **here}]
    groups.sort(key=lambda g: (-g.expected, -g.checked_in, g.name.casefold()))
    return tuple(groups)


def session_stats(store: EventStore, day: str,
                  sessions: list[Session] | None = None) -> tuple[Occupancy, ...]:
    """People per session of the day, from the counts the triggers keep."""
    counts = attendance.present_by_session(store, day)
    return tuple(Occupancy(s, counts.get(s.id, 0))
                 for s in (sessions if sessions is not None else list_sessions(store, day)))


def day_stats(store: EventStore, day: str, *, breakdowns: bool = True) -> DayStats:
    """Every figure of one day; ``breakdowns=False`` skips the per-group tables."""
    expected = expected_count(store, day)
    desks = attendance.present_by_desk(store, day)
    checked_in = sum(desks.values())  # everyone has exactly one first desk
    unexpected = _unexpected(store, day)
    return DayStats(
        date=day,
        expected=expected,
        checked_in=checked_in,
        missing=expected - (checked_in - unexpected),
        walk_ins=attendance.present_walk_ins(store, day),
        unexpected=unexpected,
        desks=desks,
        sessions=session_stats(store, day),
        arrivals=arrivals(store, day),
        breakdowns={name: breakdown(store, day, name) for name in BREAKDOWNS}
        if breakdowns else {},
    )


def event_stats(store: EventStore, *, breakdowns: bool = True) -> dict[str, object]:
    """The figures of ``checkin stats --json``.

    The foundation's shape (event, attendees, days[date, expected, checked_in])
    is kept; everything else is added alongside.
    """
    event = store.event()
    return {
        "event": event.name,
        "attendees": store.attendee_count(),
        "days": [day_stats(store, d, breakdowns=breakdowns).as_json()
                 for d in event.day_strings],
    }
