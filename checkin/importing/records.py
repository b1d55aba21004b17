"""Turning one row of cells into a candidate attendee, following the column mapping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from checkin.common.text import clean_text
from checkin.importing.mapping import (
    DAY_PREFIX,
    EXTRA,
    IMPORTED_FIELDS,
    NAME,
    NAME_LAST_FIRST,
    STATUS,
    attends,
    is_cancelled,
)
from checkin.importing.names import split_last_first, split_name
from checkin.importing.sniffing import normalise_header
from checkin.model import person_fields


def name_key(first: str, last: str, organization: str) -> str:
    """Who a row names, as lists vary it: name and organisation, case ignored."""
    return f"{first.casefold()} {last.casefold()}|{organization.casefold()}"


@dataclass(slots=True)
class Candidate:
    """A person as read from one row, before merging (``row``: the row number in the file).

    Mutable and flat (not an :class:`Attendee`) so that 100,000 rows are built
    cheaply; the fields follow ``IMPORTED_FIELDS`` in order.
    """

    row: int
    title: str = ""
    first_name: str = ""
    last_name: str = ""
    organization: str = ""
    project: str = ""
    role: str = ""
    email: str = ""
    ticket_code: str = ""
    days: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    cancelled: bool = False
    id: str = ""  # given when the person is written
    code_ref: str = ""
    walk_in: bool = False
    _key: str = field(default="", repr=False, compare=False)

    @property
    def status(self) -> str:
        return "cancelled" if self.cancelled else "active"

    @property
    def has_name(self) -> bool:
        return bool(self.first_name or self.last_name)

    @property
    def display(self) -> str:
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    @property
    def key(self) -> str:
        """:func:`name_key` of the row (computed once: names do not change after checking)."""
        if not self._key:
            self._key = name_key(self.first_name, self.last_name, self.organization)
        return self._key


class ColumnPlan:
    """The mapping compiled once into column positions, so each row is a few lookups."""

    _ABSENT = 1 << 30  # a column position no row reaches
    _MEMO_LIMIT = 1 << 16

    def __init__(self, headers: Sequence[str], targets: Sequence[str],
                 event_days: Sequence[str]) -> None:
        self.width = len(headers)
        self.field_columns = [targets.index(f) if f in targets else self._ABSENT
                              for f in IMPORTED_FIELDS]
        self.name = targets.index(NAME) if NAME in targets else None
        self.name_last_first = (targets.index(NAME_LAST_FIRST)
                                if NAME_LAST_FIRST in targets else None)
        self.name_splitters = [(col, split) for col, split in (
            (self.name_last_first, split_last_first), (self.name, split_name))
            if col is not None]
        self.status = targets.index(STATUS) if STATUS in targets else None
        self.status_header = headers[self.status] if self.status is not None else ""
        self.day_columns = [(i, t[len(DAY_PREFIX):]) for i, t in enumerate(targets)
                            if t.startswith(DAY_PREFIX)]
        # a column named like a declared field kept in extra ("Department") fills that field
        declared = {normalise_header(spelling): f.name for f in person_fields()
                    if not f.column for spelling in (f.name, f.label)}
        self.extras = [(i, declared.get(normalise_header(headers[i]), headers[i]))
                       for i, t in enumerate(targets) if t == EXTRA]
        self.all_days = tuple(event_days)
        combined = {NAME, NAME_LAST_FIRST} & set(targets)
        names = {"title", "first_name", "last_name"} if combined else set()
        self.present = frozenset({f for f in IMPORTED_FIELDS if f in targets} | names
                                 | ({"days"} if self.day_columns else set()))
        # lists repeat themselves (organisations, projects, "x"): clean each value once
        self._memo: dict[str, str] = {}
        self._day_memo: dict[tuple[str, ...], tuple[str, ...]] = {}

    def clean(self, text: str) -> str:
        cleaned = self._memo.get(text)
        if cleaned is None:
            cleaned = clean_text(text)
            if len(self._memo) < self._MEMO_LIMIT:
                self._memo[text] = cleaned
        return cleaned

    def candidate(self, row: int, cells: Sequence[str]) -> Candidate:
        n = len(cells)
        clean, memo = self.clean, self._memo
        v = [(memo[x] if x in memo else clean(x)) if (x := cells[c] if c < n else "") else ""
             for c in self.field_columns]
        person = Candidate(row, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])
        for name_col, split in self.name_splitters:
            if name_col < n and not (person.first_name or person.last_name):
                title, first, last = split(clean(cells[name_col]))
                person.first_name, person.last_name = first, last
                person.title = person.title or title
        if self.status is not None and self.status < n:
            person.cancelled = is_cancelled(cells[self.status])
            extra_status = clean(cells[self.status])
            if extra_status:
                person.extra[self.status_header] = extra_status
        person.days = self._days(cells) if self.day_columns else self.all_days
        extra = person.extra
        for col, header in self.extras:
            if col < n and cells[col]:
                value = clean(cells[col])
                if value:
                    extra[header] = value
        for col in range(self.width, n):  # cells beyond the header (a ragged row)
            value = clean(cells[col])
            if value:
                extra[f"Column {col + 1}"] = value
        return person

    def _days(self, cells: Sequence[str]) -> tuple[str, ...]:
        n = len(cells)
        marks = tuple(cells[col] if col < n else "" for col, _ in self.day_columns)
        days = self._day_memo.get(marks)
        if days is None:
            flags = [attends(m) for m in marks]
            if all(flag is None for flag in flags):
                days = self.all_days  # nothing marked: registered, days not known
            else:
                days = tuple(sorted(day for (_, day), flag in zip(self.day_columns, flags,
                                                                  strict=True) if flag))
            if len(self._day_memo) < self._MEMO_LIMIT:
                self._day_memo[marks] = days
        return days
