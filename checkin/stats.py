"""Attendance counts per event day: who was expected, who is here."""

from __future__ import annotations

from dataclasses import dataclass

from checkin.store.sqlite import EventStore


@dataclass(frozen=True, slots=True)
class DayCounts:
    date: str
    expected: int
    checked_in: int

    @property
    def missing(self) -> int:
        return max(self.expected - self.checked_in, 0)


def day_counts(store: EventStore, day: str) -> DayCounts:
    expected = store.query(
        "SELECT count(*) FROM attendee_days d JOIN attendees a ON a.id = d.attendee_id "
        "WHERE d.day = ? AND a.status = 'active'", (day,))[0][0]
    return DayCounts(day, int(expected), len(store.checked_in(day)))


def event_stats(store: EventStore) -> dict[str, object]:
    """The figures of ``checkin stats --json``."""
    event = store.event()
    return {
        "event": event.name,
        "attendees": store.attendee_count(),
        "days": [
            {"date": c.date, "expected": c.expected, "checked_in": c.checked_in}
            for c in (day_counts(store, d) for d in event.day_strings)
        ],
    }
