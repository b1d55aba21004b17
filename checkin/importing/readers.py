"""Reading a participant list as rows of text cells, streamed.

Text files go through Python's csv module (quoted fields may hold delimiters
and line breaks); workbooks through openpyxl in read-only mode. Rows are
yielded one at a time so that a 100,000-row file is never held twice.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from checkin.errors import ImportProblem
from checkin.importing.limits import (
    MAX_CELL_CHARS,
    bounded_lines,
    cell_too_long,
    check_workbook,
    guard_rows,
    require_regular_file,
)
from checkin.importing.ods import ods_rows, ods_sheet_names
from checkin.importing.sniffing import (
    FileKind,
    check_text,
    count_bad_utf8,
    detect_delimiter,
    detect_text_encoding,
    file_kind,
    has_bad_bytes,
    is_utf8,
    repair_bytes,
)

#: Larger files are refused with a message instead of filling the memory.
MAX_FILE_BYTES = 200 * 1024 * 1024
_SAMPLE_CHARS = 64 * 1024
# a longer field is refused (csv.Error, translated): a cell limit, and the sign of a
# quotation mark that is never closed
csv.field_size_limit(MAX_CELL_CHARS)


@dataclass(frozen=True, slots=True)
class Repair:
    """A row in which bytes that are not UTF-8 were read as Windows-1252."""

    row: int  # 1-based, as the pipeline numbers rows
    found: tuple[str, ...]  # the bad bytes, in hex
    cells: list[str]  # the row as read


@dataclass(frozen=True, slots=True)
class Layout:
    """How a file is read; every field is a guess the user may override."""

    path: Path
    kind: FileKind
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()  # all sheets of a workbook, for choosing another
    bad_bytes: int = 0  # bytes of a UTF-8 file that are not UTF-8 (read as Windows-1252)

    def rows(self, repairs: list[Repair] | None = None) -> Generator[list[str], None, None]:
        """Every row of the file (including titles above the header), as text cells.

        Rows pass the limits (:mod:`checkin.importing.limits`); rows whose bad
        bytes were repaired are added to ``repairs``.
        """
        require_regular_file(self.path)  # it may have been replaced since it was sniffed
        if self.kind == "xlsx":
            rows = _xlsx_rows(self.path, self.sheet)
        elif self.kind == "ods":
            rows = ods_rows(self.path, self.sheet)
        else:
            rows = _text_rows(self, repairs)
        return guard_rows(rows, self.path.name)


def sniff_layout(path: Path, *, encoding: str | None = None, delimiter: str | None = None,
                 sheet: str | None = None) -> Layout:
    """Look at ``path`` and guess how to read it (``None`` arguments are guessed)."""
    path = Path(path)
    kind = file_kind(path)  # refuses pipes, devices and folders before opening them
    size = path.stat().st_size
    if size == 0:
        raise ImportProblem(f"{path.name} is empty. Export the participant list again "
                            "and import the new file.")
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            f"{path.name} is {size / 1e6:.0f} MB; participant lists are far smaller (100,000 "
            f"people fit in about 12 MB), so this is probably not one. The limit is "
            f"{MAX_FILE_BYTES // 2**20} MB: choose the right file, or split it.")
    if kind == "xlsx":
        default, names = _default_sheet(path)
        return Layout(path, kind, sheet=sheet or default, sheets=names)
    if kind == "ods":
        ods_names = ods_sheet_names(path)
        if sheet and sheet not in ods_names:
            raise ImportProblem(f"{path.name} has no sheet '{sheet}'. Its sheets are: "
                                f"{', '.join(ods_names)}.")
        return Layout(path, kind, sheet=sheet or ods_names[0], sheets=tuple(ods_names))
    if encoding:
        try:
            "".encode(encoding)
        except LookupError:
            raise ImportProblem(f"'{encoding}' is not an encoding name. Use e.g. utf-8, "
                                "cp1252 or utf-16.") from None
        bad_bytes = count_bad_utf8(path) if is_utf8(encoding) else 0
    else:
        encoding, bad_bytes = detect_text_encoding(path)
    sample = _read_sample(path, encoding, bad_bytes)
    check_text(sample, path)
    if delimiter:
        delimiter = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ","}.get(
            delimiter, delimiter)
        if len(delimiter) != 1:
            raise ImportProblem(f"The delimiter must be one character (or 'tab'), "
                                f"not {delimiter!r}.")
    else:
        delimiter = detect_delimiter(sample)
    return Layout(path, kind, encoding=encoding, delimiter=delimiter, bad_bytes=bad_bytes)


def _errors(encoding: str, bad_bytes: int) -> str:
    """Bad bytes in a UTF-8 file are kept apart (and reported); other files must decode."""
    return "surrogateescape" if bad_bytes and is_utf8(encoding) else "strict"


def _read_sample(path: Path, encoding: str, bad_bytes: int = 0) -> str:
    try:
        with path.open(encoding=encoding, errors=_errors(encoding, bad_bytes),
                       newline="") as fh:
            return repair_bytes(fh.read(_SAMPLE_CHARS))[0]
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"{path.name} cannot be read as {encoding} ({exc.reason} at byte "
                            f"{exc.start}). Choose another encoding.") from None


def _text_rows(layout: Layout, repairs: list[Repair] | None
               ) -> Generator[list[str], None, None]:
    name = layout.path.name
    reader: Any = None
    try:
        with layout.path.open(encoding=layout.encoding,
                              errors=_errors(layout.encoding, layout.bad_bytes),
                              newline="") as fh:
            reader = csv.reader(bounded_lines(fh, name), delimiter=layout.delimiter)
            if not layout.bad_bytes:
                yield from reader
                return
            for number, row in enumerate(reader, 1):
                if has_bad_bytes("".join(row)):
                    found: list[str] = []
                    for i, cell in enumerate(row):
                        row[i], bad = repair_bytes(cell)
                        found.extend(bad)
                    if repairs is not None:
                        repairs.append(Repair(number, tuple(found), row))
                yield row
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            f"{name} cannot be read as {layout.encoding} ({exc.reason} at byte "
            f"{exc.start}). Choose another encoding (e.g. cp1252 for files from "
            "German Excel).") from None
    except csv.Error as exc:
        line = reader.line_num if reader is not None else 0
        if "field limit" in str(exc):
            raise cell_too_long(name, f"a field that reaches line {line:,}") from None
        raise ImportProblem(f"{name} is not a readable table ({exc}). Export it "
                            "again from your spreadsheet as CSV.") from None


# -- workbooks ------------------------------------------------------------------------


def _open_workbook(path: Path) -> Any:
    import openpyxl

    from checkin.importing.limits import ARCHIVE_ERRORS

    try:
        check_workbook(path)  # what openpyxl will unpack is bounded
    except ARCHIVE_ERRORS as exc:
        raise ImportProblem(
            f"{path.name} is a damaged or unsupported workbook ({type(exc).__name__}). "
            "Open it in your spreadsheet program, save it again as .xlsx or .csv, "
            "and import that file.") from None
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportProblem(
            f"{path.name} is a damaged or unsupported workbook ({type(exc).__name__}). "
            "Open it in your spreadsheet program, save it again as .xlsx or .csv, "
            "and import that file.") from None
    except Exception as exc:  # openpyxl raises many kinds on broken XML
        raise ImportProblem(
            f"{path.name} cannot be read as a workbook ({exc}). Save it again as .xlsx "
            "or .csv and import that file.") from None


def _default_sheet(path: Path) -> tuple[str, tuple[str, ...]]:
    """The active sheet if it has content, else the first sheet that has; and all names."""
    book = _open_workbook(path)
    try:
        if not book.worksheets:
            raise ImportProblem(f"{path.name} is a workbook without any sheet (damaged?). "
                                "Open it in your spreadsheet program, save it again, and "
                                "import that file.")
        names = tuple(str(ws.title) for ws in book.worksheets)
        for ws in [book.active, *book.worksheets]:
            if ws is not None and any(
                    any(v is not None and str(v).strip() for v in row)
                    for row in ws.iter_rows(max_row=50, values_only=True)):
                return str(ws.title), names
        return names[0], names
    finally:
        book.close()


def _xlsx_rows(path: Path, sheet: str) -> Generator[list[str], None, None]:
    book = _open_workbook(path)
    try:
        if sheet not in book.sheetnames:
            raise ImportProblem(f"{path.name} has no sheet '{sheet}'. Its sheets are: "
                                f"{', '.join(book.sheetnames)}.")
        ws = book[sheet]
        ws.reset_dimensions()  # some writers store a wrong size; read what is there
        try:
            for row in ws.iter_rows(values_only=True):
                yield [cell_text(v) for v in row]
        except Exception as exc:  # broken XML inside the workbook, of many kinds
            raise ImportProblem(f"{path.name} is a damaged workbook ({type(exc).__name__}). "
                                "Save it again as .xlsx or .csv and import that file.") from None
    finally:
        book.close()


def cell_text(value: object) -> str:
    """A workbook cell as the text a person sees: 12 not 12.0, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
