"""Reading OpenDocument spreadsheets (.ods, LibreOffice's own format), streamed.

Only ``content.xml`` is read, with the standard library's expat parser and
no element tree: nothing but the current row is held, so a hostile file
cannot fill the memory with elements. Repeated rows and cells
(``number-rows-repeated``, how LibreOffice writes a million empty rows) are
expanded lazily and only where content follows, so the empty rest of a
sheet costs nothing; content repeated beyond the limits is refused.
"""

from __future__ import annotations

import zipfile
from collections.abc import Generator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from checkin.errors import ImportProblem
from checkin.importing.limits import (
    ARCHIVE_ERRORS,
    CHUNK,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    GuardedPart,
    cell_too_long,
    open_archive,
    read_small,
    too_many_columns,
)

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T = f"{_TABLE} "
_O = f"{_OFFICE} "
_X = f"{_TEXT} "
_TABLE_TAG, _ROW, _CELL, _COVERED = f"{_T}table", f"{_T}table-row", f"{_T}table-cell", \
    f"{_T}covered-table-cell"
_P, _S, _TAB, _BREAK = f"{_X}p", f"{_X}s", f"{_X}tab", f"{_X}line-break"
_NAME, _ROWS_REPEATED, _COLUMNS_REPEATED = f"{_T}name", f"{_T}number-rows-repeated", \
    f"{_T}number-columns-repeated"
_BROKEN = (*ARCHIVE_ERRORS, expat.ExpatError)
#: Empty rows kept between rows with content (more are a sheet's formatted void).
_MAX_EMPTY_RUN = 1000


def is_ods(path: Path) -> bool:
    try:
        with open_archive(path) as zf:
            return read_small(zf, "mimetype", 200).strip() == MIMETYPE
    except ImportProblem:
        raise
    except _BROKEN:
        return False


def _damaged(path: Path, exc: Exception) -> ImportProblem:
    return ImportProblem(f"{path.name} is a damaged spreadsheet ({type(exc).__name__}). Open "
                         "it in LibreOffice, save it again as .ods, .xlsx or .csv, and import "
                         "that file.")


def _parser() -> Any:
    parser = expat.ParserCreate(namespace_separator=" ")

    def no_entities(*_: object) -> None:
        raise expat.ExpatError("entity declarations are not allowed")

    parser.EntityDeclHandler = no_entities  # no entity expansion tricks
    parser.buffer_text = True
    return parser


def ods_sheet_names(path: Path) -> list[str]:
    names: list[str] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == _TABLE_TAG:
            names.append(attrs.get(_NAME, f"Sheet{len(names) + 1}"))

    try:
        with open_archive(path) as zf, GuardedPart(zf, "content.xml", path.name,
                                                   [MAX_UNPACKED_BYTES]) as fh:
            parser = _parser()
            parser.StartElementHandler = start
            while chunk := fh.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _BROKEN as exc:
        raise _damaged(path, exc) from None
    if not names:
        raise ImportProblem(f"{path.name} has no sheet. Save it again and import that file.")
    return names


def _int(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


class _SheetReader:
    """expat handlers that turn one sheet's rows into ``(cells, repeat)`` or empty runs."""

    def __init__(self, sheet: str, name: str) -> None:
        self.sheet, self.name = sheet, name
        self.in_sheet = False
        self.done = False
        self.out: list[tuple[list[str], int]] = []  # finished rows; ([], n) is n empty rows
        self.row_number = 0  # rows finished so far, for messages
        self.cells: list[str] = []
        self.pending = 0  # empty cells, written only if content follows
        self.row_repeat = 1
        self.cell: dict[str, str] | None = None
        self.cell_repeat = 1
        self.paragraphs: list[list[str]] = []
        self.depth_p = 0
        self.chars = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == _TABLE_TAG:
            self.in_sheet = attrs.get(_NAME) == self.sheet
            return
        if not self.in_sheet:
            return
        if tag == _ROW:
            self.cells, self.pending = [], 0
            self.row_repeat = _int(attrs.get(_ROWS_REPEATED))
        elif tag in (_CELL, _COVERED):
            self.cell = attrs
            self.cell_repeat = _int(attrs.get(_COLUMNS_REPEATED))
            self.paragraphs, self.depth_p, self.chars = [], 0, 0
        elif self.cell is not None:
            if tag == _P:
                if self.depth_p == 0:
                    self.paragraphs.append([])
                self.depth_p += 1
            elif self.depth_p:
                if tag == _S:
                    self._text(" " * min(_int(attrs.get(f"{_X}c")), MAX_CELL_CHARS + 1))
                elif tag == _TAB:
                    self._text("\t")
                elif tag == _BREAK:
                    self._text("\n")

    def _text(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > MAX_CELL_CHARS:
            raise cell_too_long(self.name, f"row {self.row_number + 1:,}, column "
                                f"{len(self.cells) + self.pending + 1:,}")
        self.paragraphs[-1].append(text)

    def data(self, text: str) -> None:
        if self.depth_p and self.cell is not None:
            self._text(text)

    def end(self, tag: str) -> None:
        if tag == _TABLE_TAG:
            if self.in_sheet:
                self.done = True
            self.in_sheet = False
            return
        if not self.in_sheet:
            return
        if tag == _P and self.depth_p:
            self.depth_p -= 1
        elif tag in (_CELL, _COVERED) and self.cell is not None:
            text = self._cell_text(self.cell)
            self.cell = None
            if not text:
                self.pending += self.cell_repeat
                return
            width = len(self.cells) + self.pending + self.cell_repeat
            if width > MAX_COLUMNS:
                raise too_many_columns(self.name, self.row_number + 1, width)
            self.cells.extend([""] * self.pending)
            self.pending = 0
            self.cells.extend([text] * self.cell_repeat)
        elif tag == _ROW:
            if self.cells and self.row_repeat > MAX_ROWS:
                raise ImportProblem(
                    f"{self.name}: row {self.row_number + 1} is repeated "
                    f"{self.row_repeat:,} times; a participant list is far shorter (the "
                    f"limit is {MAX_ROWS:,} rows). Check that you chose the right file, or "
                    "save the list again from your spreadsheet.")
            self.out.append((self.cells, self.row_repeat))
            self.row_number += self.row_repeat
            self.cells = []

    def _cell_text(self, cell: dict[str, str]) -> str:
        kind = cell.get(f"{_O}value-type", "")
        if kind in ("float", "percentage", "currency"):
            value = cell.get(f"{_O}value", "")
            try:
                number = float(value)
            except ValueError:
                return value
            return str(int(number)) if number.is_integer() else value
        if kind == "date":
            value = cell.get(f"{_O}date-value", "")
            return value[:10] if value.endswith("T00:00:00") or len(value) == 10 else value
        if kind == "boolean":
            return "yes" if cell.get(f"{_O}boolean-value") == "true" else "no"
        return "\n".join("".join(p) for p in self.paragraphs)


def ods_rows(path: Path, sheet: str) -> Generator[list[str], None, None]:
    """The rows of one sheet as text cells."""
    reader = _SheetReader(sheet, path.name)
    try:
        with open_archive(path) as zf, GuardedPart(zf, "content.xml", path.name,
                                                   [MAX_UNPACKED_BYTES]) as fh:
            parser = _parser()
            parser.StartElementHandler = reader.start
            parser.EndElementHandler = reader.end
            parser.CharacterDataHandler = reader.data
            empty = 0
            while not reader.done:
                chunk = fh.read(CHUNK)
                parser.Parse(chunk, not chunk)
                out, reader.out = reader.out, []
                for cells, repeat in out:
                    if not cells:
                        empty += repeat
                        continue
                    for _ in range(min(empty, _MAX_EMPTY_RUN)):
                        yield []
                    empty = 0
                    for _ in range(repeat):  # lazily: the row limit stops a hostile repeat
                        yield list(cells)
                if not chunk:
                    break
    except (*_BROKEN, zipfile.BadZipFile) as exc:
        raise _damaged(path, exc) from None
