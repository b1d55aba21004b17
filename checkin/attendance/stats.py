"""Attendance counts: who was expected, who is here, where and when they came.

Every figure counts *people*, not scans: a person counts once per day (and
once per session) however often they were scanned, and an undone check-in
does not count. The counts read the ``presence`` table (each person's
earliest valid check-in) and ``presence_counts`` (people per day, session,
desk and 15-minute slot), both kept up to date by triggers, so a live board
can ask every half second even for a congress of 100,000.

A person is "checked in" on a day if any door checked them in that day, for
the day itself or for one of its sessions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from checkin.door.sessions import Occupancy, Session, list_sessions
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


def _one(store: EventStore, sql: str, params: tuple[object, ...]) -> int:
    return int(store.query(sql, params)[0][0])


def expected_count(store: EventStore, day: str) -> int:
    """People registered for ``day`` and not cancelled (a counter the triggers keep)."""
    rows = store.query("SELECT n FROM expected_days WHERE day = ?", (day,))
    return int(rows[0][0]) if rows else 0


def checked_in_count(store: EventStore, day: str, scope: str = "") -> int:
    """People checked in on ``day`` ('' = the day, else a session id)."""
    return _one(store, "SELECT coalesce(sum(n), 0) FROM presence_counts "
                "WHERE day = ? AND scope = ?", (day, scope))


def day_counts(store: EventStore, day: str) -> DayCounts:
    """The two headline numbers, cheap enough for every check-in."""
    return DayCounts(day, expected_count(store, day), checked_in_count(store, day))


def _unexpected(store: EventStore, day: str) -> int:
    """Checked in but not expected: cancelled, or admitted without a registration.

    The door admits someone not registered for the day only when forced, so
    only forced check-ins need the (per-person) registration lookup.
    """
    cancelled = _one(store,
                     "SELECT count(*) FROM attendees a INDEXED BY attendees_cancelled "
                     "JOIN presence p ON p.day = ? AND p.scope = '' AND p.attendee_id = a.id "
                     "WHERE a.status = 'cancelled'", (day,))
    unregistered = _one(store,
                        "SELECT count(DISTINCT f.attendee_id) FROM checkins f "
                        "INDEXED BY checkins_forced "
                        "JOIN presence p ON p.day = f.day AND p.scope = '' "
                        "AND p.attendee_id = f.attendee_id "
                        "JOIN attendees a ON a.id = f.attendee_id AND a.status = 'active' "
                        "WHERE f.day = ? AND f.forced = 1 AND NOT EXISTS (SELECT 1 FROM "
                        "attendee_days d WHERE d.attendee_id = f.attendee_id AND d.day = f.day)",
                        (day,))
    return cancelled + unregistered


def _walk_ins(store: EventStore, day: str) -> int:
    return _one(store,
                "SELECT count(*) FROM attendees a INDEXED BY attendees_walk_in "
                "JOIN presence p ON p.day = ? AND p.scope = '' AND p.attendee_id = a.id "
                "WHERE a.walk_in = 1", (day,))


def _desks(store: EventStore, day: str) -> dict[str, int]:
    rows = store.query("SELECT desk, sum(n) FROM presence_counts WHERE day = ? AND scope = '' "
                       "GROUP BY desk HAVING sum(n) > 0 ORDER BY desk", (day,))
    return {r[0]: int(r[1]) for r in rows}


def _slot_text(moment: datetime) -> str:
    """A slot key as the triggers write it: UTC, 'YYYY-MM-DDTHH:MM'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def arrivals(store: EventStore, day: str) -> tuple[tuple[datetime, int], ...]:
    """First check-ins per 15-minute slot of the day (local time), gaps filled with zero.

    The chart follows the day the check-ins count for, not the calendar: a
    day checked in on another date (a rehearsal, the demo event, a desk whose
    event day is not today) is charted on the date most of its check-ins
    happened, so the chart agrees with the number beside it. Only one
    calendar day's 24 hours are charted (a desk with a wrong clock or a late
    entry cannot stretch the chart over months); on a tie the day's own date wins.
    """
    rows = store.query(
        "SELECT slot, sum(n) FROM presence_counts WHERE day = ? AND scope = '' "
        "GROUP BY slot HAVING sum(n) > 0 ORDER BY slot", (day,))
    every = {datetime.fromisoformat(r[0] + "+00:00"): int(r[1]) for r in rows}
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
    expected = store.query(
        f"SELECT a.{field_name}, count(*) FROM attendee_days d "
        "JOIN attendees a ON a.id = d.attendee_id "
        f"WHERE d.day = ? AND a.status = 'active' GROUP BY a.{field_name}", (day,))
    here = store.query(
        f"SELECT a.{field_name}, count(*) FROM presence p "
        "JOIN attendees a ON a.id = p.attendee_id "
        f"WHERE p.day = ? AND p.scope = '' GROUP BY a.{field_name}", (day,))
    totals: dict[str, list[int]] = {}
    for name, n in expected:
        totals.setdefault(name, [0, 0])[0] = int(n)
    for name, n in here:
        totals.setdefault(name, [0, 0])[1] = int(n)
    groups = [GroupCount(name, e, c) for name, (e, c) in totals.items()]
    groups.sort(key=lambda g: (-g.expected, -g.checked_in, g.name.casefold()))
    return tuple(groups)


def session_stats(store: EventStore, day: str,
                  sessions: list[Session] | None = None) -> tuple[Occupancy, ...]:
    """People per session of the day, from the counts the triggers keep."""
    rows = store.query("SELECT scope, sum(n) FROM presence_counts WHERE day = ? "
                       "AND scope <> '' GROUP BY scope", (day,))
    counts = {r[0]: int(r[1]) for r in rows}
    return tuple(Occupancy(s, counts.get(s.id, 0))
                 for s in (sessions if sessions is not None else list_sessions(store, day)))


def day_stats(store: EventStore, day: str, *, breakdowns: bool = True) -> DayStats:
    """Every figure of one day; ``breakdowns=False`` skips the per-group tables."""
    expected = expected_count(store, day)
    desks = _desks(store, day)
    checked_in = sum(desks.values())  # everyone has exactly one first desk
    unexpected = _unexpected(store, day)
    return DayStats(
        date=day,
        expected=expected,
        checked_in=checked_in,
        missing=expected - (checked_in - unexpected),
        walk_ins=_walk_ins(store, day),
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
