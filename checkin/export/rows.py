"""What an attendance export holds: the rows of a day or a session, and the columns.

The columns are chosen by the user; email (and other contact data) is left
out unless asked for. The store reads a day's rows in one pass
(:mod:`checkin.store.attendance`), so a congress day of tens of thousands is quick.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import overload

from checkin.common.locale_texts import list_words
from checkin.common.text import name_sort_key
from checkin.door.sessions import Session
from checkin.errors import ExportProblem
from checkin.model import FIELD_LABELS, field_names
from checkin.store import attendance
from checkin.store.sqlite import EventStore

#: Columns of a check-in (after the person's declared fields), with their headers.
_CHECKIN_COLUMNS: Mapping[str, str] = {
    "checked_in_at": "Checked in", "desk": "Desk", "walk_in": "Walk-in"}


def _person_columns() -> tuple[str, ...]:
    """The declared fields in list order: the name first (last, first), then the rest."""
    names = field_names()
    return tuple(dict.fromkeys([n for n in ("last_name", "first_name") if n in names]
                               + list(names)))


class _ColumnLabels(Mapping[str, str]):
    """Every column an export can have, in order, with its header (from the declaration)."""

    def _all(self) -> dict[str, str]:
        return {**{c: FIELD_LABELS[c] for c in _person_columns()}, **_CHECKIN_COLUMNS}

    def __getitem__(self, column: str) -> str:
        return self._all()[column]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class _DefaultColumns(Sequence[str]):
    """Chosen unless the user says otherwise: fields declared ``exported`` (no contact data)."""

    def _all(self) -> tuple[str, ...]:
        exported = set(field_names(exported=True))
        return (*(c for c in _person_columns() if c in exported), *_CHECKIN_COLUMNS)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        return self._all()[i]

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


COLUMN_LABELS: Mapping[str, str] = _ColumnLabels()
DEFAULT_COLUMNS: Sequence[str] = _DefaultColumns()


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

    def value(self, column: str, language: str = "en") -> str | datetime | None:
        """The raw value of a column (datetimes stay datetimes for spreadsheets); the
        walk-in flag is a word of the event's ``language`` ("ja" in a German event)."""
        if column == "checked_in_at":
            return self.at
        if column == "desk":
            return self.desk
        if column == "walk_in":
            return list_words(language)["yes"] if self.walk_in else ""
        return self.fields.get(column, "")

    def text(self, column: str, language: str = "en") -> str:
        """The value as printed on a PDF or written to CSV (local time, HH:MM)."""
        value = self.value(column, language)
        if isinstance(value, datetime):
            return value.strftime("%H:%M")
        return value or ""


def _rows(found: list[attendance.PresenceRow]) -> list[AttendanceRow]:
    rows = [AttendanceRow(fields=r.fields, walk_in=r.walk_in,
                          at=None if r.at is None else r.at.astimezone(), desk=r.desk)
            for r in found]
    rows.sort(key=lambda row: row.sort_key)
    return rows


def day_rows(store: EventStore, day: str) -> list[AttendanceRow]:
    """People checked in on ``day`` (each once, at their first check-in), by name."""
    return _rows(attendance.present_people(store, day))


def session_rows(store: EventStore, session: Session) -> list[AttendanceRow]:
    """People checked in to a session, by name."""
    return _rows(attendance.present_people(store, session.day, session.id))


def signature_rows(store: EventStore, day: str) -> list[AttendanceRow]:
    """Everyone expected on ``day`` plus anyone else checked in, by name (to be signed)."""
    return _rows(attendance.expected_or_present_people(store, day))
