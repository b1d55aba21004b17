"""Checking candidates before anything is written: a row-level report the user decides on.

Errors keep a row out of the import (no name, a ticket code or person that
appeared in an earlier row); warnings are imported and shown (malformed
email, an email shared by several people, a row wider or narrower than the
header).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from checkin.importing.records import Candidate

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]{2,}$")
_SHOWN_CHARS = 160


@dataclass(frozen=True, slots=True)
class Problem:
    row: int
    severity: Literal["error", "warning"]
    message: str
    text: str

    def as_line(self) -> str:
        return f"row {self.row}: {self.severity}: {self.message} — {self.text}"


def row_text(cells: Sequence[str]) -> str:
    """The row as a person recognises it in the file (shortened)."""
    text = " | ".join(c.strip() for c in cells)
    while text.endswith(" |"):
        text = text[:-2]
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 1] + "…"


class Validator:
    """Collects problems row by row; remembers codes and people already seen."""

    def __init__(self, width: int, *, short_rows_suspicious: bool = True) -> None:
        self.width = width
        #: a short row in a CSV file hints at a broken line; spreadsheets just omit
        #: trailing empty cells
        self.short_rows_suspicious = short_rows_suspicious
        self.problems: list[Problem] = []
        self._tickets: dict[str, int] = {}
        self._emails: dict[str, int] = {}
        self.shared_emails: set[str] = set()

    def check(self, person: Candidate, cells: Sequence[str]) -> bool:
        """Record the row's problems; False if the row must be left out."""
        row = person.row
        if not person.has_name:
            self._add(row, "error", "no name in this row; it is left out", cells)
            return False
        if person.ticket_code:
            earlier = self._tickets.setdefault(person.ticket_code, row)
            if earlier != row:
                self._add(row, "error", f"ticket code {person.ticket_code} was already used in "
                          f"row {earlier}; this row is left out", cells)
                return False
        if person.email:
            if not _EMAIL.match(person.email):
                self._add(row, "warning", f"'{person.email}' does not look like an email "
                          "address", cells)
            folded = person.email.casefold()
            earlier = self._emails.setdefault(folded, row)
            if earlier != row:
                self.shared_emails.add(folded)
                self._add(row, "warning", f"email {person.email} is also in row {earlier}; "
                          "both are imported", cells)
        if len(cells) == self.width:
            return True
        if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
            self._add(row, "warning", f"{len(cells)} cells but the header has {self.width}; "
                      "the extra cells are kept as 'Column N'", cells)
        elif self.short_rows_suspicious and any(c.strip() for c in cells):
            self._add(row, "warning", f"only {len(cells)} of {self.width} cells; was a line "
                      "break inside a field not quoted?", cells)
        return True

    def duplicate_person(self, person: Candidate, earlier: int) -> None:
        cells = (person.display, person.organization, person.email)
        self._add(person.row, "error", f"the same person as row {earlier} (same name and "
                  "organisation, no ticket code or own email to tell them apart); left out",
                  cells)

    def _add(self, row: int, severity: Literal["error", "warning"], message: str,
             cells: Sequence[str]) -> None:
        self.problems.append(Problem(row, severity, message, row_text(cells)))
