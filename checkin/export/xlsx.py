"""The XLSX export: one sheet per day and one per session, ready to filter.

Written with openpyxl's write-only mode, which streams rows to the file
instead of building every cell in memory: a congress day of 50,000 people
takes seconds. Text is always stored as text, so a name like
``=HYPERLINK(...)`` can never become a formula.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from checkin.export.rows import AttendanceRow
from checkin.locale_texts import column_header

Progress = Callable[[int, int, str], None]
#: Column widths in characters (Excel's unit), by column.
_WIDTHS = {"last_name": 22, "first_name": 18, "title": 10, "organization": 34,
           "project": 26, "role": 16, "email": 30, "ticket_code": 16,
           "checked_in_at": 17, "desk": 12, "walk_in": 9}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("-", name).strip("'") or "Sheet"
    title, n = base[:31], 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


class XlsxWriter:
    """Collects sheets, then streams them to a file."""

    def __init__(self, columns: Sequence[str], language: str = "en") -> None:
        self.columns = tuple(columns)
        self.language = language  # of the event: the column headers speak it
        self.book = Workbook(write_only=True)
        self._taken: set[str] = set()
        self._bold = Font(bold=True)

    def add_sheet(self, name: str, rows: Sequence[AttendanceRow],
                  progress: Progress | None = None) -> None:
        sheet = self.book.create_sheet(sheet_title(name, self._taken))
        for i, column in enumerate(self.columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(column, 16)
        sheet.freeze_panes = "A2"
        last = get_column_letter(len(self.columns))
        sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(sheet, value=column_header(column, self.language))
            cell.font = self._bold
            header.append(cell)
        sheet.append(header)
        makers = [_CellMaker(sheet) for _ in self.columns]
        for n, row in enumerate(rows, start=1):
            sheet.append([cell(row.value(c)) for cell, c in zip(makers, self.columns,
                                                                strict=True)])
            if progress is not None and n % 2000 == 0:
                progress(n, len(rows), name)

    def save(self, fh: BinaryIO) -> None:
        self.book.save(fh)


class _CellMaker:
    """Turns one column's values into what a write-only sheet's ``append`` takes.

    The write-only sheet writes each row when it is appended, so one styled
    cell per column is reused row after row instead of a new cell object
    (with its style lookups) for every time stamp.
    """

    def __init__(self, sheet: Any) -> None:
        self._stamp = WriteOnlyCell(sheet)
        self._stamp.number_format = "yyyy-mm-dd hh:mm"
        self._text = WriteOnlyCell(sheet)

    def __call__(self, value: str | datetime | None) -> Any:
        if isinstance(value, datetime):
            self._stamp.value = value.replace(tzinfo=None)
            return self._stamp
        if not value:
            return None
        if not value.startswith("="):
            return value  # openpyxl stores it as text; plain values keep the dump fast
        self._text.value = value
        self._text.data_type = "s"  # text, not the formula openpyxl would make of "=..."
        return self._text
