"""Sessions inside an event day (workshops, small groups, the marketplace).

A door that has a session picked counts its scans for that session; the
session's capacity tells the door when the room is full. The rules of adding,
changing and removing sessions live here so the GUI and ``checkin sessions``
share them; :mod:`checkin.store.sessions` reads and writes the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from checkin.door.days import event_day
from checkin.errors import UserError
from checkin.model import Session as Session
from checkin.store import sessions as stored
from checkin.store.sqlite import EventStore, new_uuid


def nearly_full(checked_in: int, capacity: int | None) -> bool:
    """True when at most a tenth of the places (at least one) is left, and not yet full.

    The door's session picker turns amber and the live board warns on the same rule.
    """
    if capacity is None or checked_in >= capacity:
        return False
    return capacity - checked_in <= max(capacity // 10, 1)


@dataclass(frozen=True, slots=True)
class Occupancy:
    """How many people a session holds against its capacity."""

    session: Session
    checked_in: int

    @property
    def capacity(self) -> int | None:
        return self.session.capacity

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.checked_in, 0)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.checked_in >= self.capacity

    @property
    def nearly_full(self) -> bool:
        return nearly_full(self.checked_in, self.capacity)

    @property
    def warning(self) -> str:
        """The text a door shows when the room is full ('' otherwise)."""
        if not self.full:
            return ""
        return (f"{self.session.name} is full: {self.checked_in} of {self.capacity} places "
                "taken. Send people to another session or raise the capacity.")


def _check_time(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    parts = text.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) \
            or not (0 <= int(parts[0]) < 24 and 0 <= int(parts[1]) < 60):
        raise UserError(f"'{text}' is not a time of day. Write it as HH:MM, e.g. 09:30.")
    return f"{int(parts[0]):02d}:{int(parts[1]):02d}"


def _check_capacity(capacity: int | None) -> int | None:
    if capacity is not None and capacity < 1:
        raise UserError(f"A capacity of {capacity} makes no sense. Give a number of places "
                        "of at least 1, or none for no limit.")
    return capacity


def add_session(store: EventStore, *, day: str, name: str, capacity: int | None = None,
                starts: str | None = None, ends: str | None = None) -> Session:
    """Create a session on an event day; names are unique per day."""
    the_day = event_day(store.event(), day=day)
    if not name.strip():
        raise UserError("The session needs a name, e.g. --name 'Workshop A'.")
    if any(s.name.casefold() == name.strip().casefold() for s in list_sessions(store, the_day)):
        raise UserError(f"{the_day} already has a session called '{name.strip()}'. "
                        "Choose another name.")
    session = Session(new_uuid(), the_day, name.strip(), _check_capacity(capacity),
                      _check_time(starts), _check_time(ends))
    stored.insert_session(store, session)
    return session


def list_sessions(store: EventStore, day: str | None = None) -> list[Session]:
    """Sessions of one day (or all), by day, start time and name."""
    return stored.load_sessions(store, day)


def find_session(store: EventStore, key: str, day: str | None = None) -> Session:
    """A session by id or (case-insensitive) name; names may need the day."""
    matches = [s for s in list_sessions(store, day)
               if s.id == key or s.name.casefold() == key.strip().casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UserError(f"There is no session '{key}'. List them with "
                        "'checkin sessions EVENT list'.")
    raise UserError(f"Several days have a session '{key}'. Add --day DATE to say which.")


def update_session(store: EventStore, session: Session, *, name: str | None = None,
                   capacity: int | None = None, clear_capacity: bool = False,
                   starts: str | None = None, ends: str | None = None) -> Session:
    new = Session(
        session.id, session.day,
        name.strip() if name and name.strip() else session.name,
        None if clear_capacity else (_check_capacity(capacity)
                                     if capacity is not None else session.capacity),
        _check_time(starts) if starts is not None else session.starts,
        _check_time(ends) if ends is not None else session.ends,
    )
    stored.save_session(store, new)
    return new


def remove_session(store: EventStore, session: Session) -> None:
    """Delete a session that nobody was checked in to (records are never lost)."""
    used = stored.checkin_records(store, session.id)
    if used:
        raise UserError(f"{session.name} has {used} check-in records and cannot be removed. "
                        "Rename it instead, or set its capacity.")
    stored.delete_session(store, session.id)


def occupancy(store: EventStore, session: Session) -> Occupancy:
    """People checked in to a session (each once); the door calls this to warn when full."""
    return Occupancy(session, stored.people_in(store, session.day, session.id))


def session_occupancy(store: EventStore, session_id: str) -> Occupancy | None:
    """Occupancy by session id, for the door (None if the session is gone)."""
    found = [s for s in list_sessions(store) if s.id == session_id]
    return occupancy(store, found[0]) if found else None
