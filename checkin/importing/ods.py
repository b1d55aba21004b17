"""Reading OpenDocument spreadsheets (.ods, LibreOffice's own format), streamed.

Only ``content.xml`` is read, element by element, with the standard library:
no extra dependency. Repeated rows and cells (``number-rows-repeated``, how
LibreOffice writes a million empty rows) are expanded only where content
follows, so the empty rest of a sheet costs nothing.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Generator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, iterparse

from checkin.errors import ImportProblem

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T = f"{{{_TABLE}}}"
_O = f"{{{_OFFICE}}}"
_X = f"{{{_TEXT}}}"
#: What a damaged archive or XML raises while being read.
_BROKEN = (zipfile.BadZipFile, KeyError, ParseError, OSError, ValueError, EOFError, zlib.error)
#: Empty rows kept between rows with content (more are a sheet's formatted void).
_MAX_EMPTY_RUN = 1000


def is_ods(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read("mimetype").strip() == MIMETYPE
    except _BROKEN:
        return False


def _damaged(path: Path, exc: Exception) -> ImportProblem:
    return ImportProblem(f"{path.name} is a damaged spreadsheet ({type(exc).__name__}). Open "
                         "it in LibreOffice, save it again as .ods, .xlsx or .csv, and import "
                         "that file.")


def ods_sheet_names(path: Path) -> list[str]:
    names: list[str] = []
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            for _, elem in iterparse(fh, events=("start",)):
                if elem.tag == f"{_T}table":
                    names.append(elem.get(f"{_T}name", f"Sheet{len(names) + 1}"))
    except _BROKEN as exc:
        raise _damaged(path, exc) from None
    if not names:
        raise ImportProblem(f"{path.name} has no sheet. Save it again and import that file.")
    return names


def _cell_text(cell: Element) -> str:
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
    return "\n".join(_paragraph(p) for p in cell.iter(f"{_X}p"))


def _paragraph(p: Element) -> str:
    parts = [p.text or ""]
    for child in p:
        if child.tag == f"{_X}s":
            parts.append(" " * int(child.get(f"{_X}c", "1")))
        elif child.tag == f"{_X}tab":
            parts.append("\t")
        elif child.tag == f"{_X}line-break":
            parts.append("\n")
        else:
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _row_cells(row: Element) -> list[str]:
    cells: list[str] = []
    pending = 0  # empty cells, written only if content follows
    for cell in row:
        if cell.tag not in (f"{_T}table-cell", f"{_T}covered-table-cell"):
            continue
        repeat = int(cell.get(f"{_T}number-columns-repeated", "1"))
        text = _cell_text(cell)
        if not text:
            pending += repeat
            continue
        cells.extend([""] * pending)
        pending = 0
        cells.extend([text] * min(repeat, 1000))
    return cells


def ods_rows(path: Path, sheet: str) -> Generator[list[str], None, None]:
    """The rows of one sheet as text cells."""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            in_sheet = False
            empty = 0
            for event, elem in iterparse(fh, events=("start", "end")):
                if elem.tag == f"{_T}table":
                    if event == "start":
                        in_sheet = elem.get(f"{_T}name") == sheet
                    elif in_sheet:
                        return
                    continue
                if not in_sheet or event != "end" or elem.tag != f"{_T}table-row":
                    continue
                repeat = int(elem.get(f"{_T}number-rows-repeated", "1"))
                cells = _row_cells(elem)
                elem.clear()
                if not cells:
                    empty += repeat
                    continue
                for _ in range(min(empty, _MAX_EMPTY_RUN)):
                    yield []
                empty = 0
                for _ in range(min(repeat, _MAX_EMPTY_RUN)):
                    yield list(cells)
    except _BROKEN as exc:
        raise _damaged(path, exc) from None
