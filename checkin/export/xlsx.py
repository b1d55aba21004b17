"""The XLSX export: one sheet per day and one per session, ready to filter.

Written with openpyxl's write-only mode, which streams rows to the file
instead of building every cell in memory: a congress day of 50,000 people
takes seconds. Text is always stored as text, so a name like
``=HYPERLINK(...)`` can never become a formula.

Write-only sheets stream their rows into temporary files (openpyxl's), and
the workbook is zipped from them at the end. When either step fails (a full
disk), the half-written zip and the sheets' open streams must be shut down
here: left to the garbage collector, their finalisers print tracebacks to
stderr after the file is gone ("Exception ignored in ZipFile.__del__"), and
the temporary files stay in /tmp until the process ends.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from lxml.etree import SerialisationError  # type: ignore[import-untyped]
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet import _writer as sheet_writer
from openpyxl.writer.excel import ExcelWriter

from checkin.common.locale_texts import column_header
from checkin.export.rows import AttendanceRow
from checkin.model import declared_field

Progress = Callable[[int, int, str], None]
#: Column widths in characters of the check-in columns; a person's fields declare theirs.
_WIDTHS = {"checked_in_at": 17, "desk": 12, "walk_in": 9}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _width(column: str) -> int:
    declared = declared_field(column)
    return declared.width if declared is not None else _WIDTHS.get(column, 16)


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
    """Collects sheets, then streams them to a file.

    Use it as a context manager: whatever is not saved when the block ends is
    discarded (streams closed, temporary files deleted).
    """

    def __init__(self, columns: Sequence[str], language: str = "en") -> None:
        self.columns = tuple(columns)
        self.language = language  # of the event: the column headers speak it
        self.book = Workbook(write_only=True)
        self._taken: set[str] = set()
        self._bold = Font(bold=True)
        self._saved = False

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if not self._saved:
            self.discard()

    def add_sheet(self, name: str, rows: Sequence[AttendanceRow],
                  progress: Progress | None = None) -> None:
        """Stream a sheet to a temporary file; a failed write is an ``OSError``."""
        try:
            self._add_sheet(name, rows, progress)
        except SerialisationError as exc:  # lxml's word for a failed write: IO_ENOSPC, …
            raise _os_error(exc) from exc

    def _add_sheet(self, name: str, rows: Sequence[AttendanceRow],
                   progress: Progress | None) -> None:
        sheet = self.book.create_sheet(sheet_title(name, self._taken))
        for i, column in enumerate(self.columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = _width(column)
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
            sheet.append([cell(row.value(c, self.language)) for cell, c in zip(makers, self.columns,
                                                                strict=True)])
            if progress is not None and n % 2000 == 0:
                progress(n, len(rows), name)

    def save(self, fh: BinaryIO) -> None:
        """Zip the workbook into ``fh`` (what ``Workbook.save`` does, but owning the zip).

        openpyxl opens the zip itself and leaves it open when a write fails;
        here a failed zip is abandoned at once, before ``fh`` is closed.
        """
        if not self.book.worksheets:
            self.book.create_sheet()
        self.book.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        archive = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(self.book, archive).save()
        except BaseException as exc:
            _abandon(archive)
            if isinstance(exc, SerialisationError):
                raise _os_error(exc) from exc
            raise
        self._saved = True

    def discard(self) -> None:
        """Close every sheet's half-written stream and delete its temporary file."""
        for sheet in self.book.worksheets:
            writer = getattr(sheet, "_writer", None)
            streams = (getattr(sheet, "_rows", None), getattr(writer, "xf", None))
            for stream in streams:  # rows first: they write into the sheet's stream
                if stream is not None:
                    with contextlib.suppress(Exception):
                        stream.close()
            out = getattr(writer, "out", None)
            if isinstance(out, str):
                with contextlib.suppress(OSError):
                    os.remove(out)
                with contextlib.suppress(ValueError):
                    sheet_writer.ALL_TEMP_FILES.remove(out)
        self._saved = True  # nothing left to save or discard


def _abandon(archive: ZipFile) -> None:
    """Drop a half-written zip without it writing again now or in its finaliser."""
    with contextlib.suppress(Exception):
        archive.close()
    archive.fp = None  # ZipFile.__del__ and close() do nothing once fp is None


def _os_error(exc: SerialisationError) -> OSError:
    """lxml reports a failed write as text such as ``IO_ENOSPC``: the OSError it stands for."""
    name = str(exc).removeprefix("IO_")
    code = getattr(errno, name, None) if name.startswith("E") else None
    if not isinstance(code, int):
        code = errno.EIO
    return OSError(code, os.strerror(code), tempfile.gettempdir())


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
