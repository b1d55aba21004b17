"""The plain data the whole app passes around.

These are immutable value objects without behaviour that touches storage,
so that search, badges, export and the UI can use them without a database.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal

from checkin.common.text import name_sort_key


@dataclass(frozen=True, slots=True)
class PersonField:
    """One field of a person, declared once; the rest of the app derives from this.

    Why: the fields used to be spelled out in about ten modules (store, import,
    door, forms, privacy, exports, locale texts) that drifted apart. The label is
    the English text and the key ``core_word()``/``locale_texts`` translate.
    A field that is not a ``column`` of the store lives in ``Attendee.extra`` under
    its name: it is imported from a column called by its name or label, searched,
    edited, exported and purged without a schema change.
    """

    name: str
    label: str
    #: a desk may correct it on a person's card
    editable: bool = True
    #: an export column unless the user unticks it (contact data is not)
    exported: bool = True
    #: wiped by a purge (the privacy deadline)
    personal: bool = True
    #: the door's search looks in it
    searchable: bool = True
    #: asked for when staff add a walk-in
    walk_in: bool = False
    #: a column of its own in the event file (the schema is fixed); else kept in ``extra``
    column: bool = False
    #: width of the column in an XLSX export, in characters
    width: int = 16


#: Every field of a person, in the order forms and exports show them.
PERSON_FIELDS: tuple[PersonField, ...] = (
    PersonField("title", "Title", column=True, width=10),
    PersonField("first_name", "First name", walk_in=True, column=True, width=18),
    PersonField("last_name", "Last name", walk_in=True, column=True, width=22),
    PersonField("organization", "Organisation", walk_in=True, column=True, width=34),
    PersonField("project", "Project / group", walk_in=True, column=True, width=26),
    PersonField("role", "Role", walk_in=True, column=True),
    PersonField("email", "Email", exported=False, column=True, width=30),
    PersonField("ticket_code", "Ticket code", editable=False, exported=False, column=True),
)


def person_fields() -> tuple[PersonField, ...]:
    """The declaration as it is now (read at call time, so a test can add a field)."""
    return PERSON_FIELDS


def field_names(**flags: bool) -> tuple[str, ...]:
    """Names of the declared fields whose flags match, e.g. ``field_names(editable=True)``."""
    return tuple(f.name for f in person_fields()
                 if all(getattr(f, k) == v for k, v in flags.items()))


def declared_field(name: str) -> PersonField | None:
    return next((f for f in person_fields() if f.name == name), None)


class _Labels(Mapping[str, str]):
    """``FIELD_LABELS``: name -> label, always from the current declaration."""

    def __getitem__(self, name: str) -> str:
        found = declared_field(name)
        if found is None:
            raise KeyError(name)
        return found.label

    def __iter__(self) -> Iterator[str]:
        return iter(field_names())

    def __len__(self) -> int:
        return len(person_fields())


def with_fields(person: Attendee, values: Mapping[str, str]) -> Attendee:
    """``person`` with declared fields set: stored ones as attributes, the rest in ``extra``."""
    columns = {k: v for k, v in values.items() if k in KNOWN_FIELDS}
    extra = dict(person.extra)
    for name, value in values.items():
        if name not in KNOWN_FIELDS:
            if value:
                extra[name] = value
            else:
                extra.pop(name, None)
    return replace(person, **columns, extra=extra)  # type: ignore[arg-type]


#: The fields with a column of their own in the store (its SQL is static).
KNOWN_FIELDS: tuple[str, ...] = field_names(column=True)
FIELD_LABELS: Mapping[str, str] = _Labels()

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
        """A stored field, or a declared or extra field kept in ``extra``; empty if missing."""
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


@dataclass(frozen=True, slots=True)
class Session:
    """A session inside an event day (a workshop, a small group): its door counts apart."""

    id: str
    day: str
    name: str
    capacity: int | None = None
    starts: str | None = None
    ends: str | None = None

    @property
    def label(self) -> str:
        """Name with time, as shown in pickers and exports."""
        if self.starts:
            span = self.starts + (f"–{self.ends}" if self.ends else "")
            return f"{self.name} ({span})"
        return self.name
