"""Limits that real participant lists never reach, enforced while reading, in bounded memory.

A 400 KB workbook can unpack to gigabytes; an .ods can repeat one cell a
billion times; a CSV line can hold 26 million fields. None of that is a
participant list, and all of it could fill the memory or the event file.
So every reader goes through these guards: sizes are counted while
streaming (never trusting what an archive declares), and a file is
refused with a message that says what is wrong and what to do as soon as
one limit is passed. A 100,000-person list stays far below every limit.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO

from checkin.errors import ImportProblem

#: characters in one cell (a long note is a few hundred)
MAX_CELL_CHARS = 10_000
#: columns with content in one row (lists have a few dozen)
MAX_COLUMNS = 1_000
#: rows with content (100,000 people is a very large conference)
MAX_ROWS = 1_000_000
#: rows including empty ones (Excel pads exports with up to 1,048,576 rows)
MAX_ALL_ROWS = 3_000_000
#: cells in all, up to the last filled cell of each row (rows × columns)
MAX_CELLS = 20_000_000
#: characters of text in all
MAX_TEXT_CHARS = 250_000_000
#: characters in one physical line of a text file
MAX_LINE_CHARS = 1_000_000
#: bytes a workbook unpacks to (a 100,000-person .xlsx unpacks to about 60 MB)
MAX_UNPACKED_BYTES = 300 * 2**20
#: bytes of one part of a workbook that is read whole (texts table, styles, …)
MAX_PART_BYTES = 64 * 2**20
#: entries in the texts table of a workbook (xl/sharedStrings.xml)
MAX_SHARED_STRINGS = 2_000_000
#: files inside a workbook archive (real ones hold a few dozen)
MAX_ZIP_ENTRIES = 10_000
_MAX_CENTRAL_DIRECTORY = 4 * 2**20
#: bytes of XML without any tag: one cell of 10,000 characters is at most ~100 KB
MAX_XML_TEXT_RUN = 2**20
#: bytes and elements of one row of a worksheet's XML
MAX_ROW_XML_BYTES = 8 * 2**20
MAX_ROW_XML_ELEMENTS = 100_000

CHUNK = 64 * 1024


def _n(value: int) -> str:
    return f"{value:,}"


def _mb(value: int) -> str:
    return f"{value // 2**20} MB"


# -- what may be opened at all ----------------------------------------------------------


def require_regular_file(path: Path) -> None:
    """Refuse anything but a regular file before opening it.

    Opening a named pipe waits for a writer forever, /dev/zero never ends, and
    a socket cannot be read as a file; symbolic links are followed, so a link
    called ``x.csv`` is judged by what it points to.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise ImportProblem(f"There is no file at {path}. Check the name and folder.") from None
    except PermissionError:
        raise ImportProblem(f"{path} cannot be read (permission denied). "
                            "Copy it somewhere you can read it.") from None
    except OSError as exc:
        raise ImportProblem(f"{path} cannot be read ({exc.strerror or exc}). Check the name "
                            "and folder.") from None
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ImportProblem(f"{path} is a folder. Choose the participant list file.")
    what = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a socket" if stat.S_ISSOCK(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    raise ImportProblem(f"{path} is {what}, not a saved file; reading it could wait or run "
                        "forever. Save the participant list as a file and import that file.")


# -- rows -------------------------------------------------------------------------------


def guard_rows(rows: Iterator[list[str]], name: str) -> Generator[list[str], None, None]:
    """``rows`` unchanged, refused as soon as one passes a limit (row numbers as in the file).

    Empty cells at the end of a row do not count as columns: spreadsheets
    write them for formatting.
    """
    content = cells = chars = 0
    try:
        for number, row in enumerate(rows, 1):
            if number > MAX_ALL_ROWS:
                raise ImportProblem(
                    f"{name} has more than {_n(MAX_ALL_ROWS)} rows (most of them empty?). "
                    "Delete the empty rows below the list in your spreadsheet, save, and "
                    "import again.")
            if len(row) > MAX_COLUMNS:
                while row and not row[-1]:
                    row.pop()
                if len(row) > MAX_COLUMNS:
                    raise too_many_columns(name, number, len(row))
            size = len("".join(row))  # the fastest way to sum the lengths
            if size:
                content += 1
                if content > MAX_ROWS:
                    raise ImportProblem(
                        f"{name} has more than {_n(MAX_ROWS)} rows with content; a "
                        "participant list is far shorter. Check that you chose the right "
                        "file, or split it into smaller lists.")
                if size > MAX_CELL_CHARS:
                    for column, cell in enumerate(row, 1):
                        if len(cell) > MAX_CELL_CHARS:
                            raise cell_too_long(name, f"row {_n(number)}, column {column}",
                                                len(cell))
                chars += size
                cells += len(row)
                if chars > MAX_TEXT_CHARS or cells > MAX_CELLS:
                    raise ImportProblem(
                        f"{name} holds more than {_n(MAX_CELLS)} cells or "
                        f"{_n(MAX_TEXT_CHARS)} characters (at row {_n(number)}); a "
                        "participant list is far smaller. Check that you chose the right "
                        "file, or split it into smaller lists.")
            yield row
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def cell_too_long(name: str, where: str, length: int | None = None) -> ImportProblem:
    """``where``: "row 5, column 3" or "a field that reaches line 7"."""
    size = f"{_n(length)} characters" if length else f"more than {_n(MAX_CELL_CHARS)} characters"
    return ImportProblem(
        f"{name}: {where} holds {size}; names, organisations and notes are far shorter (the limit "
        f"is {_n(MAX_CELL_CHARS)} characters per cell). Check that row in your spreadsheet "
        "(pasted text, or a quotation mark that is never closed?), correct it, save, and "
        "import again.")


def too_many_columns(name: str, row: int, columns: int) -> ImportProblem:
    return ImportProblem(
        f"{name}: row {_n(row)} has {_n(columns)} or more columns; participant lists have "
        f"a few dozen (the limit is {_n(MAX_COLUMNS)}). Delete the unused columns in your "
        "spreadsheet, save, and import again.")


def line_too_long(name: str, line: int) -> ImportProblem:
    return ImportProblem(
        f"{name}: line {_n(line)} is longer than {_n(MAX_LINE_CHARS)} characters; a row of a "
        "participant list is far shorter. Check that you chose the right file, or export "
        "the list again from your spreadsheet.")


def bounded_lines(fh: IO[str], name: str) -> Generator[str, None, None]:
    """The lines of a text file, each read with a cap (one line must not fill the memory)."""
    readline = fh.readline
    number = 0
    while line := readline(MAX_LINE_CHARS):
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise line_too_long(name, number)
        yield line


# -- archives (.xlsx, .ods) -------------------------------------------------------------


def _unsupported(name: str, why: str) -> ImportProblem:
    return ImportProblem(
        f"{name} {why}; a participant list never does. Open it in your spreadsheet "
        "program, save the list as .xlsx or .csv, and import that file.")


def too_big_unpacked(name: str) -> ImportProblem:
    return _unsupported(name, f"unpacks to more than {_mb(MAX_UNPACKED_BYTES)} (a workbook "
                        "with 100,000 people unpacks to about 60 MB)")


def _check_central_directory(path: Path) -> None:
    """Refuse archives whose table of contents alone would fill the memory.

    ``zipfile`` reads the whole central directory when it opens an archive,
    so its size and entry count are read from the end record first.
    """
    size = path.stat().st_size
    with path.open("rb") as fh:
        start = max(0, size - (22 + 65535))
        fh.seek(start)
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) < at + 22:
            return  # not a zip end record: zipfile says it is damaged
        entries, cd_size = struct.unpack("<HL", tail[at + 10:at + 16])
        if (entries == 0xFFFF or cd_size == 0xFFFFFFFF) and at >= 20 and \
                tail[at - 20:at - 16] == b"PK\x06\x07":
            (offset,) = struct.unpack("<Q", tail[at - 12:at - 4])
            fh.seek(offset)
            record = fh.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                entries, cd_size = struct.unpack("<QQ", record[32:48])
    name = path.name
    if entries > MAX_ZIP_ENTRIES or cd_size > _MAX_CENTRAL_DIRECTORY:
        raise _unsupported(name, f"is an archive of {_n(entries)} files (a workbook holds a "
                           "few dozen)")


def open_archive(path: Path) -> zipfile.ZipFile:
    """The workbook archive, after checking what its members declare to unpack to."""
    _check_central_directory(path)
    zf = zipfile.ZipFile(path)
    try:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise _unsupported(path.name, f"is an archive of {_n(len(infos))} files")
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise too_big_unpacked(path.name)
        for info in infos:
            if info.file_size > part_limit(info.filename):
                raise part_too_big(path.name, info.filename)
    except BaseException:
        zf.close()
        raise
    return zf


def part_limit(member: str) -> int:
    """Worksheets and the ODS content are streamed; other XML parts are read whole."""
    if member.startswith("xl/worksheets/") or member == "content.xml":
        return MAX_UNPACKED_BYTES
    if member.endswith((".xml", ".rels", ".vml")):
        return MAX_PART_BYTES
    return MAX_UNPACKED_BYTES


def part_too_big(name: str, member: str) -> ImportProblem:
    what = ("its table of texts (xl/sharedStrings.xml)" if member.endswith("sharedStrings.xml")
            else f"its part {member}")
    return _unsupported(name, f"holds {what} larger than {_mb(part_limit(member))}")


_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?(worksheet|sst)[\s>/]")
_ODS_TABLE_NS = re.compile(
    rb"xmlns(?::([A-Za-z_][\w.-]*))?=[\"']urn:oasis:names:tc:opendocument:xmlns:table:1\.0")


class GuardedPart:
    """A member of an archive read through caps on its real (not declared) size and shape.

    Counts every byte that comes out of the decompressor, refuses runs of text
    without any tag (a gigantic cell, padding), and for worksheets the size of
    one row and the number of rows; for the texts table the number of entries.
    """

    def __init__(self, zf: zipfile.ZipFile, member: str, name: str, budget: list[int]) -> None:
        self.name, self.member = name, member
        self.info = zf.getinfo(member)
        if self.info.file_size > part_limit(member):
            raise part_too_big(name, member)
        self.fh = zf.open(self.info)
        self.budget = budget  # bytes the whole archive may still unpack to (shared)
        self.size = 0
        self.limit = part_limit(member)
        self.xml = member.endswith((".xml", ".rels", ".vml"))
        self.run = 0  # bytes since the last '<'
        self.rows: re.Pattern[bytes] | None = None
        self.items: re.Pattern[bytes] | None = None
        self.first = True
        self.row_count = self.row_bytes = self.row_elements = self.item_count = 0

    def close(self) -> None:
        self.fh.close()

    def __enter__(self) -> GuardedPart:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0 or n > CHUNK:
            n = CHUNK  # short reads are allowed; never more than a chunk at a time
        chunk = self.fh.read(n)
        if chunk:
            self._check(chunk)
        return chunk

    def drain(self) -> None:
        while self.read(CHUNK):
            pass

    def _check(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.budget[0] -= len(chunk)
        if self.budget[0] < 0:
            raise too_big_unpacked(self.name)
        if self.size > self.limit:
            raise part_too_big(self.name, self.member)
        if not self.xml:
            return
        first_tag = chunk.find(b"<")
        if first_tag < 0:
            self.run += len(chunk)
        else:
            self.run += first_tag
        if self.run > MAX_XML_TEXT_RUN:
            raise _unsupported(self.name, f"holds more than {_mb(MAX_XML_TEXT_RUN)} of text or "
                               f"spaces without any structure in {self.member} (one "
                               "enormous cell, or padding)")
        if first_tag >= 0:
            self.run = len(chunk) - chunk.rfind(b"<") - 1
        if self.first:
            self.first = False
            self._learn_tags(chunk)
        if self.rows is not None:
            self._check_rows(chunk)
        if self.items is not None:
            self.item_count += len(self.items.findall(chunk))
            if self.item_count > MAX_SHARED_STRINGS:
                raise _unsupported(self.name, f"holds more than {_n(MAX_SHARED_STRINGS)} "
                                   "texts in its table of texts")

    def _learn_tags(self, chunk: bytes) -> None:
        """The namespace prefix the writer used, so that rows are found exactly."""
        if self.member == "content.xml":
            ns = _ODS_TABLE_NS.search(chunk)
            prefix = ns.group(1) + b":" if ns and ns.group(1) else b"" if ns else b"table:"
            self.rows = re.compile(b"<" + re.escape(prefix) + rb"table-row[\s>/]")
            return
        root = _ROOT.search(chunk)
        if root is None:
            return
        prefix = re.escape(root.group(1) + b":") if root.group(1) else b""
        if root.group(2) == b"worksheet":
            self.rows = re.compile(b"<" + prefix + rb"row[\s>/]")
        else:
            self.items = re.compile(b"<" + prefix + rb"si[\s>/]")

    def _check_rows(self, chunk: bytes) -> None:
        assert self.rows is not None
        starts = [m.start() for m in self.rows.finditer(chunk)]
        self.row_count += len(starts)
        if self.row_count > MAX_ALL_ROWS:
            raise ImportProblem(
                f"{self.name} has more than {_n(MAX_ALL_ROWS)} rows (most of them empty?). "
                "Delete the empty rows below the list in your spreadsheet, save, and import "
                "again.")
        # rows that begin and end inside one chunk are small; only the open row can grow
        head = chunk[:starts[0]] if starts else chunk
        self.row_bytes += len(head)
        self.row_elements += head.count(b"<") - head.count(b"</")
        if self.row_bytes > MAX_ROW_XML_BYTES or self.row_elements > MAX_ROW_XML_ELEMENTS:
            raise _unsupported(self.name, f"has a row of more than {_mb(MAX_ROW_XML_BYTES)} "
                               f"or {_n(MAX_ROW_XML_ELEMENTS)} cells in {self.member}")
        if starts:
            tail = chunk[starts[-1]:]
            self.row_bytes = len(tail)
            self.row_elements = tail.count(b"<") - tail.count(b"</")


#: what a damaged or unsupported archive raises while being read
ARCHIVE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError,
                  zlib.error, NotImplementedError, RuntimeError, ValueError, struct.error)

_checked: dict[tuple[str, int, int, int], None] = {}


def check_workbook(path: Path) -> None:
    """Unpack every part of an .xlsx once through the guards before openpyxl reads it.

    openpyxl reads some parts whole and keeps every row it parsed; this pass
    (at decompression speed, in constant memory) makes sure that what it will
    read is bounded. A file checked once is not checked again until it changes.
    """
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns, st.st_ino)
    if key in _checked:
        return
    budget = [MAX_UNPACKED_BYTES]
    with open_archive(path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            with GuardedPart(zf, info.filename, path.name, budget) as part:
                part.drain()
    if len(_checked) > 16:
        _checked.clear()
    _checked[key] = None


def read_small(zf: zipfile.ZipFile, member: str, limit: int) -> bytes:
    """A small member (the ODS mimetype), read only if it is small."""
    info = zf.getinfo(member)
    if info.file_size > limit:
        return b""
    with zf.open(info) as fh:
        return fh.read(limit + 1)[:limit + 1]
