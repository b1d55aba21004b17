"""Checking candidates before anything is written: a row-level report the user decides on.

Rows are left out only when they cannot be used: a row without any name
(skipped by default, and the wizard lets staff type the name in), or a
ticket code a different person already holds in an earlier row (a ticket is
one person; this blocks the import until the file is fixed or the row is
explicitly left out, because the door would check in the wrong person).
Everything else is imported and shown as a warning: a malformed email, an
email shared by several people, a ragged row, one person listed twice
(merged), namesakes nothing tells apart (both kept, flagged).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from checkin.importing.records import Candidate

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]{2,}$")
_SHOWN_CHARS = 160

#: ``Problem.kind`` of a row without any name: left out without blocking the import.
NO_NAME = "no_name"
#: A ticket code another person holds in an earlier row: left out, blocks the import.
TICKET_TAKEN = "ticket_taken"
#: One person listed twice: merged into one attendee.
MERGED = "merged"
#: Same name and organisation, nothing else to tell them apart: both imported, flagged.
POSSIBLE_DUPLICATE = "possible_duplicate"


@dataclass(frozen=True, slots=True)
class Problem:
    row: int
    severity: Literal["error", "warning"]
    message: str
    text: str
    kind: str = ""

    @property
    def blocks(self) -> bool:
        """An error the user must decide on before importing (a nameless row is not)."""
        return self.severity == "error" and self.kind != NO_NAME

    def as_line(self) -> str:
        return f"row {self.row}: {self.severity}: {self.message} — {self.text}"


def row_text(cells: Sequence[str]) -> str:
    """The row as a person recognises it in the file (shortened)."""
    text = " | ".join(c.strip() for c in cells)
    while text.endswith(" |"):
        text = text[:-2]
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 1] + "…"


class Validator:
    """Collects problems row by row; remembers codes and emails already seen."""

    def __init__(self, width: int, *, short_rows_suspicious: bool = True) -> None:
        self.width = width
        #: a short row in a CSV file hints at a broken line; spreadsheets just omit
        #: trailing empty cells
        self.short_rows_suspicious = short_rows_suspicious
        self.problems: list[Problem] = []
        #: ticket code / folded email -> the first row with it
        self._tickets: dict[str, Candidate] = {}
        self._emails: dict[str, Candidate] = {}
        self.shared_emails: set[str] = set()
        #: ticket codes and (folded) emails in more than one row: only those rows can be
        #: one person listed twice, so merging looks at nothing else
        self.repeated_tickets: set[str] = set()
        self.repeated_emails: set[str] = set()

    def check(self, person: Candidate, cells: Sequence[str]) -> bool:
        """Record the row's problems; False if the row must be left out."""
        row = person.row
        if not person.has_name:
            self._add(row, "error", "no name in this row; it is left out (type the name in "
                      "the file, or in the import wizard, and import again)", cells, NO_NAME)
            return False
        if person.ticket_code:
            earlier = self._tickets.setdefault(person.ticket_code, person)
            if earlier is not person:
                if earlier.key != person.key:
                    self._add(row, "error", f"ticket code {person.ticket_code} was already "
                              f"used in row {earlier.row} by {earlier.display}; a ticket is "
                              "one person, so this row is left out — correct the code in the "
                              "file", cells, TICKET_TAKEN)
                    return False
                self.repeated_tickets.add(person.ticket_code)
        if person.email:
            if not _EMAIL.match(person.email):
                self._add(row, "warning", f"'{person.email}' does not look like an email "
                          "address", cells)
            folded = person.email.casefold()
            earlier_email = self._emails.setdefault(folded, person)
            if earlier_email is not person:
                self.repeated_emails.add(folded)
                if earlier_email.key != person.key:  # the same key: one person, merged
                    self.shared_emails.add(folded)
                    self._add(row, "warning", f"email {person.email} is also in row "
                              f"{earlier_email.row}; both are imported", cells)
        if len(cells) == self.width:
            return True
        if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
            self._add(row, "warning", f"{len(cells)} cells but the header has {self.width}; "
                      "the extra cells are kept as 'Column N'", cells)
        elif self.short_rows_suspicious and any(c.strip() for c in cells):
            self._add(row, "warning", f"only {len(cells)} of {self.width} cells; was a line "
                      "break inside a field not quoted?", cells)
        return True

    def merged(self, person: Candidate, into: Candidate, by: str,
               joined: Sequence[tuple[str, str]]) -> None:
        """``person`` (a later row) is ``into`` listed again, and was merged into it."""
        kept = "".join(f"; {name} now {value!r}" for name, value in joined)
        self._add(person.row, "warning", f"the same person as row {into.row} (same name, "
                  f"organisation and {by}): rows {into.row} and {person.row} are one "
                  f"attendee{kept}", _who(person), MERGED)

    def possible_duplicate(self, person: Candidate, earlier: Candidate) -> None:
        self._add(person.row, "warning", f"same name and organisation as row {earlier.row} "
                  "and nothing else to tell them apart (no email or ticket code of their "
                  "own): both are imported and marked as possible duplicates; the desk "
                  "shows them side by side", _who(person), POSSIBLE_DUPLICATE)

    def _add(self, row: int, severity: Literal["error", "warning"], message: str,
             cells: Sequence[str], kind: str = "") -> None:
        self.problems.append(Problem(row, severity, message, row_text(cells), kind))


def _who(person: Candidate) -> tuple[str, ...]:
    return tuple(v for v in (person.display, person.organization, person.project,
                             person.email) if v)
