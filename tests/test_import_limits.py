"""Hostile and impossible lists: refused quickly, in bounded memory, with a message.

Nothing is written to the event. The files are built here, small on disk and
huge when unpacked (written with zipfile directly). Each runs through the real
command line in a subprocess whose address space is capped (RLIMIT_AS), so
running out of memory would end in "internal problem" instead of the expected
message; the subprocess timeout is generous (the point is "seconds, not
minutes or forever"), not a timed assertion.
"""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checkin.errors import ImportProblem
from checkin.importing import limits, prepare, preview
from checkin.store import EventStore, create_event, open_event
from tests.helpers import ROOT, run_cli, snapshot

DAYS = [date(2017, 9, 19), date(2017, 9, 20)]
MEMORY_LIMIT = 1536 * 2**20  # address space of the importing process
MB = 2**20
_LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from checkin.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    path = tmp_path / "event.checkin"
    create_event(path, name="Fachkonferenz 2017", days=DAYS).close()
    return path


def run_limited(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real CLI with its address space capped; a generous timeout, not a timed assertion."""
    return subprocess.run(
        [sys.executable, "-c", _LIMITED.format(limit=MEMORY_LIMIT), *map(str, args)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)})


def assert_refused(event: Path, path: Path, *words: str) -> str:
    before = snapshot(event)
    result = run_limited("import", event, path, "--dry-run")
    assert result.returncode == 2, (result.returncode, result.stdout[-500:], result.stderr[-2000:])
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    for word in words:
        assert word in result.stderr, result.stderr
    assert snapshot(event) == before
    return result.stderr


# -- building hostile workbooks -----------------------------------------------------------


def _template(folder: Path) -> dict[str, bytes]:
    """The parts of a real tiny workbook, to which a hostile sheet is added."""
    book = openpyxl.Workbook()
    book.active.append(["Vorname", "Nachname"])
    path = folder / "template.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if not n.startswith("xl/worksheets/")}


_SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns='
               b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
               b'<row r="1"><c r="A1" t="inlineStr"><is><t>Vorname</t></is></c>'
               b'<c r="B1" t="inlineStr"><is><t>Nachname</t></is></c></row>')
_SHEET_TAIL = b"</sheetData></worksheet>"


def _repeat(block: bytes, total: int) -> Iterator[bytes]:
    for _ in range(total // len(block)):
        yield block


def write_xlsx(path: Path, sheet: Iterable[bytes], shared: Iterable[bytes] | None = None,
               ) -> Path:
    """An .xlsx whose sheet (and texts table) are streamed into the archive."""
    parts = _template(path.parent)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in parts.items():
            if name != "xl/sharedStrings.xml" or shared is None:
                zf.writestr(name, data)
        for name, chunks in (("xl/worksheets/sheet1.xml", sheet),
                             ("xl/sharedStrings.xml", shared)):
            if chunks is None:
                continue
            with zf.open(name, "w", force_zip64=True) as fh:
                for chunk in chunks:
                    fh.write(chunk)
    return path


def _one_cell(size: int) -> Iterator[bytes]:
    yield _SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>Anna</t></is></c>'
    yield b'<c r="B2" t="inlineStr"><is><t>'
    yield from _repeat(b"A" * MB, size)
    yield b"</t></is></c></row>" + _SHEET_TAIL


def _lie_about_sizes(path: Path, member: str, declared: int) -> Path:
    """Patch the central directory so ``member`` declares ``declared`` bytes unpacked."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + name_len] == member.encode():
            data[at + 24:at + 28] = struct.pack("<L", declared)
            path.write_bytes(bytes(data))
            return path
        at = data.find(b"PK\x01\x02", at + 46)
    raise AssertionError(f"{member} not found")


@pytest.fixture(scope="module")
def cell_400mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook of about 400 KB whose one cell unpacks to 400 MB."""
    return write_xlsx(tmp_path_factory.mktemp("big") / "one_cell.xlsx", _one_cell(400 * MB))


def test_a_400_mb_cell_in_a_400_kb_workbook_is_refused(cell_400mb: Path,
                                                       event_path: Path) -> None:
    assert cell_400mb.stat().st_size < 1 * MB
    assert_refused(event_path, cell_400mb, "unpacks to more than 300 MB", ".xlsx or .csv")


def test_a_workbook_that_lies_about_its_unpacked_size_is_refused(cell_400mb: Path,
                                                                 tmp_path: Path,
                                                                 event_path: Path) -> None:
    """Declared sizes are not trusted: what comes out of the decompressor is counted."""
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(cell_400mb.read_bytes())
    _lie_about_sizes(liar, "xl/worksheets/sheet1.xml", 200 * MB)
    assert_refused(event_path, liar, "liar.xlsx")


def test_a_cell_of_50_mb_within_the_unpacked_limit_is_refused(tmp_path: Path,
                                                              event_path: Path) -> None:
    path = write_xlsx(tmp_path / "cell.xlsx", _one_cell(50 * MB))
    assert_refused(event_path, path, "without any structure", "enormous cell")


def test_600_mb_of_whitespace_is_refused(tmp_path: Path, event_path: Path) -> None:
    def sheet() -> Iterator[bytes]:
        yield _SHEET_HEAD
        yield from _repeat(b" " * MB, 600 * MB)
        yield _SHEET_TAIL

    path = write_xlsx(tmp_path / "spaces.xlsx", sheet())
    assert path.stat().st_size < 2 * MB
    assert_refused(event_path, path, "unpacks to more than 300 MB")


def test_whitespace_between_tags_inside_one_row_is_refused(tmp_path: Path,
                                                           event_path: Path) -> None:
    """Padding cut into pieces (each below the text-run limit) still cannot fill one row."""
    def sheet() -> Iterator[bytes]:
        yield _SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>Anna</t></is></c>'
        yield from _repeat(b" " * (512 * 1024 - 7) + b"<!---->", 100 * MB)
        yield b"</row>" + _SHEET_TAIL

    path = write_xlsx(tmp_path / "padded.xlsx", sheet())
    assert_refused(event_path, path, "has a row of more than 8 MB")


def test_a_texts_table_of_100_mb_is_refused(tmp_path: Path, event_path: Path) -> None:
    def shared() -> Iterator[bytes]:
        yield (b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.'
               b'openxmlformats.org/spreadsheetml/2006/main">')
        yield from _repeat(b"<si><t>Anna</t></si>" * 4096, 100 * MB)
        yield b"</sst>"

    path = write_xlsx(tmp_path / "strings.xlsx", iter([_SHEET_HEAD + _SHEET_TAIL]), shared())
    assert_refused(event_path, path, "table of texts", "larger than 64 MB")


def test_a_texts_table_with_millions_of_entries_is_refused(tmp_path: Path,
                                                           event_path: Path) -> None:
    def shared() -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        yield from _repeat(b"<si><t>A</t></si>" * 4096, 40 * MB)
        yield b"</sst>"

    path = write_xlsx(tmp_path / "entries.xlsx", iter([_SHEET_HEAD + _SHEET_TAIL]), shared())
    assert_refused(event_path, path, "more than 2,000,000 texts")


def test_a_row_of_millions_of_cells_is_refused(tmp_path: Path, event_path: Path) -> None:
    def sheet() -> Iterator[bytes]:
        yield _SHEET_HEAD + b'<row r="2">'
        yield from _repeat(b"<c/>" * 16384, 5_000_000 * 4)
        yield b"</row>" + _SHEET_TAIL

    path = write_xlsx(tmp_path / "wide.xlsx", sheet())
    assert_refused(event_path, path, "has a row of more than")


def test_a_row_numbered_a_billion_is_refused(tmp_path: Path, event_path: Path) -> None:
    """openpyxl fills the gap with empty rows; the row limit stops it."""
    sheet = (_SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>Anna</t></is></c></row>'
             b'<row r="999999999"><c r="A999999999" t="inlineStr"><is><t>Bea</t></is></c>'
             b'</row>' + _SHEET_TAIL)
    path = write_xlsx(tmp_path / "gap.xlsx", iter([sheet]))
    assert_refused(event_path, path, "more than 3,000,000 rows", "Delete the empty rows")


def test_an_archive_of_20000_files_is_refused(tmp_path: Path, event_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        for n in range(20_000):
            zf.writestr(f"x{n}", b"")
    assert_refused(event_path, path, "archive of 20,000 files")


def test_a_long_cell_in_a_small_workbook_names_row_and_column(tmp_path: Path,
                                                              event_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Vorname", "Nachname", "Bemerkung"])
    book.active.append(["Anna", "Adler", "x" * 20_000])
    book.save(tmp_path / "note.xlsx")
    message = assert_refused(event_path, tmp_path / "note.xlsx")
    assert "row 2, column 3 holds 20,000 characters" in message
    assert "limit is 10,000" in message


# -- hostile OpenDocument spreadsheets ------------------------------------------------------


_ODS_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    b'<office:body><office:spreadsheet><table:table table:name="Liste">'
    b'<table:table-row><table:table-cell office:value-type="string"><text:p>Vorname</text:p>'
    b'</table:table-cell><table:table-cell office:value-type="string"><text:p>Nachname'
    b'</text:p></table:table-cell></table:table-row>')
_ODS_TAIL = b"</table:table></office:spreadsheet></office:body></office:document-content>"


def _cell(text: str, attrs: str = "") -> bytes:
    return (f'<table:table-cell office:value-type="string"{attrs}><text:p>{text}</text:p>'
            "</table:table-cell>").encode()


def write_ods(path: Path, body: Iterable[bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        with zf.open("content.xml", "w", force_zip64=True) as fh:
            fh.write(_ODS_HEAD)
            for chunk in body:
                fh.write(chunk)
            fh.write(_ODS_TAIL)
    return path


_ANNA = b"<table:table-row>" + _cell("Anna") + _cell("Adler") + b"</table:table-row>"

ODS_CASES: dict[str, tuple[Callable[[], Iterable[bytes]], tuple[str, ...]]] = {
    "cell repeated a billion times": (
        lambda: [_ANNA, b"<table:table-row>" + _cell("x", ' table:number-columns-repeated='
                                                     '"1000000000"') + b"</table:table-row>"],
        ("1,000,000,000 or more columns", "limit is 1,000")),
    "row repeated a billion times": (
        lambda: [_ANNA, b'<table:table-row table:number-rows-repeated="1000000000">'
                 + _cell("Bea") + b"</table:table-row>"],
        ("repeated 1,000,000,000 times",)),
    "a billion spaces": (
        lambda: [_ANNA, b'<table:table-row><table:table-cell office:value-type="string">'
                 b'<text:p>Bea<text:s text:c="1000000000"/></text:p></table:table-cell>'
                 b"</table:table-row>"],
        ("row 3, column 1 holds more than 10,000 characters",)),
    "many repeated cells in many elements": (
        lambda: [_ANNA, b"<table:table-row>", *_repeat(_cell("x", ' table:number-columns-'
                                                              'repeated="999"') * 1000,
                                                       20 * MB), b"</table:table-row>"],
        ("has a row of more than",)),
    "millions of empty cell elements in one row": (
        lambda: [_ANNA, b"<table:table-row>", *_repeat(b"<table:table-cell/>" * 4096,
                                                       20 * MB), b"</table:table-row>"],
        ("has a row of more than",)),
    "one enormous text": (
        lambda: [_ANNA, b'<table:table-row><table:table-cell office:value-type="string">'
                 b"<text:p>", *_repeat(b"A" * MB, 100 * MB),
                 b"</text:p></table:table-cell></table:table-row>"],
        ("without any structure",)),
}


@pytest.mark.parametrize("case", sorted(ODS_CASES))
def test_hostile_ods_is_refused(case: str, tmp_path: Path, event_path: Path) -> None:
    make, words = ODS_CASES[case]
    path = write_ods(tmp_path / "liste.ods", make())
    assert path.stat().st_size < 500 * 1024
    assert_refused(event_path, path, *words)


def test_trailing_repeated_empty_cells_and_rows_are_normal(tmp_path: Path,
                                                           event_path: Path) -> None:
    """LibreOffice writes them up to the sheet's edge; they are not columns or rows."""
    empty_tail = b'<table:table-cell table:number-columns-repeated="16382"/>'
    path = write_ods(tmp_path / "liste.ods", [
        b"<table:table-row>" + _cell("Anna") + _cell("Adler") + empty_tail
        + b"</table:table-row>",
        b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
        b'table:number-columns-repeated="16384"/></table:table-row>'])
    result = run_limited("import", event_path, path)
    assert result.returncode == 0, result.stderr
    assert "added 1" in result.stdout


def test_repeated_rows_are_expanded_lazily_up_to_the_row_limit(tmp_path: Path,
                                                               event_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 1000)
    path = write_ods(tmp_path / "liste.ods", [
        _ANNA, b'<table:table-row table:number-rows-repeated="600">' + _cell("Bea")
        + _cell("Bach") + b"</table:table-row>",
        b'<table:table-row table:number-rows-repeated="600">' + _cell("Cem") + _cell("Can")
        + b"</table:table-row>"])
    store = open_event(event_path)
    try:
        shown = preview(path, store.event().days)
        with pytest.raises(ImportProblem, match="more than 1,000 rows with content"):
            prepare(shown, store)
    finally:
        store.close()


# -- hostile text files ----------------------------------------------------------------------


def test_a_line_of_26_million_fields_is_refused(tmp_path: Path, event_path: Path) -> None:
    path = tmp_path / "fields.csv"
    with path.open("wb") as fh:
        fh.write(b"Vorname;Nachname\r\nAnna;Adler\r\nBea")
        for _ in range(26):
            fh.write(b";" * 1_000_000)
        fh.write(b"\r\n")
    assert_refused(event_path, path, "line 3 is longer than 1,000,000 characters")


def test_one_gigantic_quoted_field_is_refused(tmp_path: Path, event_path: Path) -> None:
    """A quotation mark that is never closed swallows the rest of the file into one field."""
    path = tmp_path / "quote.csv"
    with path.open("wb") as fh:
        fh.write(b'Vorname;Nachname\r\nAnna;Adler\r\nBea;"Bach\r\n')
        line = b"Cem;Can;ein Satz ohne Ende " * 3 + b"\r\n"
        for _ in range(100 * MB // (len(line) * 1000)):
            fh.write(line * 1000)
    message = assert_refused(event_path, path, "a field that reaches line")
    assert "quotation mark" in message


def test_too_many_columns_in_a_csv_are_refused(tmp_path: Path, event_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("Vorname;Nachname\r\nAnna;Adler\r\n" + ";".join(["x"] * 2000) + "\r\n",
                    encoding="utf-8")
    assert_refused(event_path, path, "row 3 has 2,000 or more columns")


def test_a_csv_padded_with_millions_of_empty_lines_is_refused(tmp_path: Path,
                                                              event_path: Path) -> None:
    path = tmp_path / "padded.csv"
    with path.open("wb") as fh:
        fh.write(b"Vorname;Nachname\r\nAnna;Adler\r\n")
        for _ in range(32):
            fh.write(b";\r\n" * 100_000)
    assert_refused(event_path, path, "more than 3,000,000 rows")


def test_trailing_empty_fields_do_not_count_as_columns(tmp_path: Path, event_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("Vorname;Nachname" + ";" * 3000 + "\r\nAnna;Adler" + ";" * 3000 + "\r\n",
                    encoding="utf-8")
    result = run_cli("import", event_path, path)
    assert result.returncode == 0, result.stderr
    assert "added 1" in result.stdout


def test_row_limit_in_a_csv(tmp_path: Path, event_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 1000)
    path = tmp_path / "long.csv"
    path.write_text("Vorname;Nachname\r\n" + "".join(f"V{i};N{i}\r\n" for i in range(1000)),
                    encoding="utf-8")
    store = open_event(event_path)
    try:
        with pytest.raises(ImportProblem, match="more than 1,000 rows with content"):
            prepare(preview(path, store.event().days), store)
    finally:
        store.close()


# -- only regular files ----------------------------------------------------------------------


def _fifo(folder: Path) -> Path:
    path = folder / "x.csv"
    os.mkfifo(path)
    return path


def _device(folder: Path) -> Path:
    path = folder / "x.csv"
    path.symlink_to("/dev/zero")
    return path


def _folder(folder: Path) -> Path:
    path = folder / "x.csv"
    path.mkdir()
    return path


NOT_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a saved file"),
    "device via a symlink": (_device, "is a device, not a saved file"),
    "folder": (_folder, "is a folder"),
}


@pytest.mark.parametrize("case", sorted(NOT_FILES))
def test_only_regular_files_are_opened(case: str, tmp_path: Path, event_path: Path) -> None:
    make, words = NOT_FILES[case]
    path = make(tmp_path)
    before = snapshot(event_path)
    result = run_cli("import", event_path, path)  # run_cli has a timeout: a hang fails
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and words in result.stderr
    assert snapshot(event_path) == before


def test_a_socket_is_not_a_file(tmp_path: Path, event_path: Path) -> None:
    path = tmp_path / "x.csv"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        result = run_cli("import", event_path, path)
    finally:
        server.close()
    assert result.returncode == 2
    assert "is a socket, not a saved file" in result.stderr


# -- the wizard shows the same messages ------------------------------------------------------


@pytest.mark.parametrize("case", ["fifo", "ods"])
def test_wizard_shows_the_message_for_a_hostile_file(case: str, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     event_path: Path) -> None:
    from PySide6.QtWidgets import QWizard

    from checkin.ui.common.tasks import TaskRunner
    from checkin.ui.importing.import_wizard import ImportWizard

    if case == "fifo":
        path, words = _fifo(tmp_path), "named pipe"
    else:
        path = write_ods(tmp_path / "liste.ods",
                         ODS_CASES["cell repeated a billion times"][0]())
        words = "or more columns"
    store: EventStore = open_event(event_path)
    try:
        wizard = ImportWizard(store, TaskRunner(immediate=True))
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.file_page.set_path(path)  # as if picked in the file dialog
        text = wizard.file_page.status.text()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        assert words in text, text
        assert "internal" not in text and "Sorry" not in text
    finally:
        store.close()
