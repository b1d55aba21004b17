"""What an attendance export holds: the rows of a day or a session, and the columns.

The columns are chosen by the user; email (and other contact data) is left
out unless asked for. Rows come straight from SQL so that a congress day of
tens of thousands of people is read in one pass.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from checkin.common.text import name_sort_key
from checkin.door.sessions import Session
from checkin.errors import ExportProblem
from checkin.model import FIELD_LABELS
from checkin.store.sqlite import EventStore

#: Every column an export can have, in order, with its header.
COLUMN_LABELS: Mapping[str, str] = {
    "last_name": FIELD_LABELS["last_name"],
    "first_name": FIELD_LABELS["first_name"],
    "title": FIELD_LABELS["title"],
    "organization": FIELD_LABELS["organization"],
    "project": FIELD_LABELS["project"],
    "role": FIELD_LABELS["role"],
    "email": FIELD_LABELS["email"],
    "ticket_code": FIELD_LABELS["ticket_code"],
    "checked_in_at": "Checked in",
    "desk": "Desk",
    "walk_in": "Walk-in",
}
#: Chosen unless the user says otherwise: no contact data.
DEFAULT_COLUMNS: tuple[str, ...] = (
    "last_name", "first_name", "title", "organization", "project", "role",
    "checked_in_at", "desk", "walk_in",
)


def check_columns(columns: Sequence[str]) -> tuple[str, ...]:
    """Validate a column choice (from the CLI or the dialog), keeping its order."""
    unknown = [c for c in columns if c not in COLUMN_LABELS]
    if unknown:
        raise ExportProblem(f"Unknown column(s): {', '.join(unknown)}. Choose from: "
                            f"{', '.join(COLUMN_LABELS)}.")
    if not columns:
        raise ExportProblem("Choose at least one column to export.")
    return tuple(dict.fromkeys(columns))


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """One person on a list, with their first check-in of the day (or session)."""

    fields: Mapping[str, str]
    walk_in: bool
    at: datetime | None
    desk: str

    @property
    def sort_key(self) -> tuple[str, ...]:
        """The one name order (phone book, DIN 5007-1), as on badges: ``name_sort_key``."""
        return (*name_sort_key(self.fields["last_name"], self.fields["first_name"]),
                self.fields["organization"].casefold())

    def value(self, column: str) -> str | datetime | None:
        """The raw value of a column (datetimes stay datetimes for spreadsheets)."""
        if column == "checked_in_at":
            return self.at
        if column == "desk":
            return self.desk
        if column == "walk_in":
            return "yes" if self.walk_in else ""
        return self.fields.get(column, "")

    def text(self, column: str) -> str:
        """The value as printed on a PDF or written to CSV (local time, HH:MM)."""
        value = self.value(column)
        if isinstance(value, datetime):
            return value.strftime("%H:%M")
        return value or ""


_PERSON_COLUMNS = ("title", "first_name", "last_name", "organization", "project", "role",
                   "email", "ticket_code")
_SELECT = ", ".join(f"a.{c}" for c in _PERSON_COLUMNS)


def _row(r: sqlite3.Row) -> AttendanceRow:
    at = r["at"]
    return AttendanceRow(
        fields={c: str(r[c]) for c in _PERSON_COLUMNS},
        walk_in=bool(r["walk_in"]),
        at=None if at is None else datetime.fromisoformat(str(at)).astimezone(),
        desk=str(r["desk"] or ""),
    )


def _rows(store: EventStore, sql: str, params: tuple[object, ...]) -> list[AttendanceRow]:
    rows = [_row(r) for r in store.query(sql, params)]
    rows.sort(key=lambda row: row.sort_key)
    return rows


def day_rows(store: EventStore, day: str) -> list[AttendanceRow]:
    """People checked in on ``day`` (each once, at their first check-in), by name."""
    return _rows(store, f"SELECT {_SELECT}, a.walk_in, p.at, p.desk FROM presence p "
                 "JOIN attendees a ON a.id = p.attendee_id WHERE p.day = ? AND p.scope = ''",
                 (day,))


def session_rows(store: EventStore, session: Session) -> list[AttendanceRow]:
    """People checked in to a session, by name."""
    return _rows(store, f"SELECT {_SELECT}, a.walk_in, p.at, p.desk FROM presence p "
                 "JOIN attendees a ON a.id = p.attendee_id WHERE p.day = ? AND p.scope = ?",
                 (session.day, session.id))


def signature_rows(store: EventStore, day: str) -> list[AttendanceRow]:
    """Everyone expected on ``day`` plus anyone else checked in, by name (to be signed)."""
    return _rows(store,
                 f"SELECT {_SELECT}, a.walk_in, p.at, p.desk FROM attendees a "
                 "LEFT JOIN presence p ON p.day = ?1 AND p.scope = '' AND p.attendee_id = a.id "
                 "WHERE p.attendee_id IS NOT NULL OR (a.status = 'active' AND EXISTS ("
                 "SELECT 1 FROM attendee_days d WHERE d.attendee_id = a.id AND d.day = ?1))",
                 (day,))
