"""The plain data the whole app passes around.

These are immutable value objects without behaviour that touches storage,
so that search, badges, export and the UI can use them without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from checkin.common.text import name_sort_key

#: The known attendee fields, in the order they appear in forms and exports.
KNOWN_FIELDS: tuple[str, ...] = (
    "title",
    "first_name",
    "last_name",
    "organization",
    "project",
    "role",
    "email",
    "ticket_code",
)

FIELD_LABELS: Mapping[str, str] = {
    "title": "Title",
    "first_name": "First name",
    "last_name": "Last name",
    "organization": "Organisation",
    "project": "Project / group",
    "role": "Role",
    "email": "Email",
    "ticket_code": "Ticket code",
}

AttendeeStatus = Literal["active", "cancelled"]
CheckInKind = Literal["in", "undo"]


@dataclass(frozen=True, slots=True)
class Attendee:
    """One registered (or walk-in) person."""

    id: str
    first_name: str = ""
    last_name: str = ""
    title: str = ""
    organization: str = ""
    project: str = ""
    role: str = ""
    email: str = ""
    ticket_code: str = ""
    days: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)
    status: AttendeeStatus = "active"
    walk_in: bool = False
    #: reference inside the signed badge code (see checkin.door.codes); set by the store
    code_ref: str = ""

    @property
    def full_name(self) -> str:
        """Name as printed on a list: first name, last name."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def display_name(self) -> str:
        """Name with title, as greeted at the desk."""
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    @property
    def sort_key(self) -> tuple[str, ...]:
        """The one name order (phone book, DIN 5007-1): see ``name_sort_key``."""
        return name_sort_key(self.last_name, self.first_name)

    def expected_on(self, day: str) -> bool:
        """True if registered for ``day`` (ISO date) and not cancelled."""
        return self.status == "active" and day in self.days

    def field(self, name: str) -> str:
        """A known field or an extra column by name; empty if missing."""
        if name in KNOWN_FIELDS:
            return str(getattr(self, name))
        return self.extra.get(name, "")

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            **{name: getattr(self, name) for name in KNOWN_FIELDS},
            "days": list(self.days),
            "extra": dict(self.extra),
            "status": self.status,
            "walk_in": self.walk_in,
            "code_ref": self.code_ref,
        }


@dataclass(frozen=True, slots=True)
class CheckIn:
    """An append-only record: a person arrived (``in``) or a mistake was undone.

    Records are never updated. An ``undo`` record names the ``in`` record it
    cancels in ``undoes``. UUIDs make records of several desks mergeable.
    """

    uuid: str
    attendee_id: str
    day: str
    desk: str
    at: datetime
    kind: CheckInKind = "in"
    undoes: str | None = None
    session: str | None = None
    forced: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """Name, days and per-event settings of one conference."""

    name: str
    days: tuple[date, ...]
    language: str = "de"
    settings: Mapping[str, object] = field(default_factory=dict)

    @property
    def day_strings(self) -> tuple[str, ...]:
        return tuple(d.isoformat() for d in self.days)
