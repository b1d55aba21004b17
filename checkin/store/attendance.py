"""Reads behind the attendance counts and the attendance exports.

The figures come from ``presence`` (each person's earliest valid check-in per
day and scope, '' = the day, else a session id) and ``presence_counts``
(people per day, scope, desk and 15-minute slot) that the schema's triggers
keep, and from ``expected_days``; so a live board can ask every half second
even for 100,000 people. What counts as "unexpected" or "missing" is decided by
:mod:`checkin.attendance.stats`; these functions only count.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from checkin.model import KNOWN_FIELDS, field_names
from checkin.store.sqlite import EventStore

#: attendee fields that can be grouped by (column names, so never taken from input)
GROUPABLE = frozenset({"organization", "project", "role"})
#: the person's fields an attendance row carries
PERSON_FIELDS = KNOWN_FIELDS
_SELECT_PERSON = ", ".join(f"a.{c}" for c in PERSON_FIELDS) + ", a.extra"


def _count(store: EventStore, sql: str, params: tuple[object, ...]) -> int:
    return int(store._read(sql, params)[0][0])


def expected_count(store: EventStore, day: str) -> int:
    """People registered for ``day`` and not cancelled (a counter the triggers keep)."""
    rows = store._read("SELECT n FROM expected_days WHERE day = ?", (day,))
    return int(rows[0][0]) if rows else 0


def present_count(store: EventStore, day: str, scope: str = "") -> int:
    """People checked in on ``day`` ('' = the day, else a session id)."""
    return _count(store, "SELECT coalesce(sum(n), 0) FROM presence_counts "
                  "WHERE day = ? AND scope = ?", (day, scope))


def present_by_desk(store: EventStore, day: str) -> dict[str, int]:
    """People checked in on ``day`` by the desk of their first check-in (none: left out)."""
    rows = store._read("SELECT desk, sum(n) FROM presence_counts WHERE day = ? AND scope = '' "
                       "GROUP BY desk HAVING sum(n) > 0 ORDER BY desk", (day,))
    return {r[0]: int(r[1]) for r in rows}


def present_by_session(store: EventStore, day: str) -> dict[str, int]:
    """People checked in per session id of ``day``."""
    rows = store._read("SELECT scope, sum(n) FROM presence_counts WHERE day = ? "
                       "AND scope <> '' GROUP BY scope", (day,))
    return {r[0]: int(r[1]) for r in rows}


def present_cancelled(store: EventStore, day: str) -> int:
    """People checked in on ``day`` whose registration is cancelled."""
    return _count(store,
                  "SELECT count(*) FROM attendees a INDEXED BY attendees_cancelled "
                  "JOIN presence p ON p.day = ? AND p.scope = '' AND p.attendee_id = a.id "
                  "WHERE a.status = 'cancelled'", (day,))


def present_forced_unregistered(store: EventStore, day: str) -> int:
    """Active people checked in on ``day`` by a forced check-in without being registered
    for it (the door admits someone not registered only when forced)."""
    return _count(store,
                  "SELECT count(DISTINCT f.attendee_id) FROM checkins f "
                  "INDEXED BY checkins_forced "
                  "JOIN presence p ON p.day = f.day AND p.scope = '' "
                  "AND p.attendee_id = f.attendee_id "
                  "JOIN attendees a ON a.id = f.attendee_id AND a.status = 'active' "
                  "WHERE f.day = ? AND f.forced = 1 AND NOT EXISTS (SELECT 1 FROM "
                  "attendee_days d WHERE d.attendee_id = f.attendee_id AND d.day = f.day)",
                  (day,))


def present_walk_ins(store: EventStore, day: str) -> int:
    """Walk-ins checked in on ``day``."""
    return _count(store,
                  "SELECT count(*) FROM attendees a INDEXED BY attendees_walk_in "
                  "JOIN presence p ON p.day = ? AND p.scope = '' AND p.attendee_id = a.id "
                  "WHERE a.walk_in = 1", (day,))


def _slot_text(moment: datetime) -> str:
    """A slot key as the triggers write it: UTC, 'YYYY-MM-DDTHH:MM'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def first_arrivals(store: EventStore, day: str, since: datetime,
                   until: datetime) -> dict[datetime, int]:
    """People whose first check-in of ``day`` fell in each 15-minute slot within
    [since, until), by the slot's start (UTC); empty slots are left out."""
    rows = store._read(
        "SELECT slot, sum(n) FROM presence_counts WHERE day = ? AND scope = '' "
        "AND slot >= ? AND slot < ? GROUP BY slot HAVING sum(n) > 0 ORDER BY slot",
        (day, _slot_text(since), _slot_text(until)))
    return {datetime.fromisoformat(r[0] + "+00:00"): int(r[1]) for r in rows}


def _check_groupable(field_name: str) -> None:
    if field_name not in GROUPABLE:
        raise ValueError(f"no breakdown by {field_name}")


def expected_by(store: EventStore, day: str, field_name: str) -> dict[str, int]:
    """Active people registered for ``day`` per value of ``field_name``."""
    _check_groupable(field_name)
    rows = store._read(
        f"SELECT a.{field_name}, count(*) FROM attendee_days d "
        "JOIN attendees a ON a.id = d.attendee_id "
        f"WHERE d.day = ? AND a.status = 'active' GROUP BY a.{field_name}", (day,))
    return {str(r[0]): int(r[1]) for r in rows}


def present_by(store: EventStore, day: str, field_name: str) -> dict[str, int]:
    """People checked in on ``day`` per value of ``field_name``."""
    _check_groupable(field_name)
    rows = store._read(
        f"SELECT a.{field_name}, count(*) FROM presence p "
        "JOIN attendees a ON a.id = p.attendee_id "
        f"WHERE p.day = ? AND p.scope = '' GROUP BY a.{field_name}", (day,))
    return {str(r[0]): int(r[1]) for r in rows}


@dataclass(frozen=True, slots=True)
class PresenceRow:
    """A person with their first check-in of a day or session (``at`` in UTC)."""

    fields: dict[str, str]
    walk_in: bool
    at: datetime | None
    desk: str


def _person_fields(r: sqlite3.Row) -> dict[str, str]:
    """The declared fields: stored columns, and those kept in ``extra`` (JSON)."""
    fields = {c: str(r[c]) for c in PERSON_FIELDS}
    in_extra = field_names(column=False)
    if in_extra:
        extra = json.loads(r["extra"] or "{}")
        fields.update({c: str(extra.get(c, "")) for c in in_extra})
    return fields


def _presence_row(r: sqlite3.Row) -> PresenceRow:
    at = r["at"]
    return PresenceRow(
        fields=_person_fields(r),
        walk_in=bool(r["walk_in"]),
        at=None if at is None else datetime.fromisoformat(str(at)),
        desk=str(r["desk"] or ""),
    )


def present_people(store: EventStore, day: str, scope: str = "") -> list[PresenceRow]:
    """Everyone checked in on ``day`` ('' = the day, else a session id), each once,
    in no particular order (read in one pass for tens of thousands)."""
    return [_presence_row(r) for r in store._read(
        f"SELECT {_SELECT_PERSON}, a.walk_in, p.at, p.desk FROM presence p "
        "JOIN attendees a ON a.id = p.attendee_id WHERE p.day = ? AND p.scope = ?",
        (day, scope))]


def expected_or_present_people(store: EventStore, day: str) -> list[PresenceRow]:
    """Everyone registered (and active) for ``day`` plus anyone else checked in that
    day, with their check-in if any; in no particular order."""
    return [_presence_row(r) for r in store._read(
        f"SELECT {_SELECT_PERSON}, a.walk_in, p.at, p.desk FROM attendees a "
        "LEFT JOIN presence p ON p.day = ?1 AND p.scope = '' AND p.attendee_id = a.id "
        "WHERE p.attendee_id IS NOT NULL OR (a.status = 'active' AND EXISTS ("
        "SELECT 1 FROM attendee_days d WHERE d.attendee_id = a.id AND d.day = ?1))",
        (day,))]
