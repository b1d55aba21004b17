"""The day-end export read back: XLSX (openpyxl), CSV (with BOM), PDF (text and pixels)."""

from __future__ import annotations

import csv
import errno
import gc
import io
import os
import stat
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from checkin.attendance.stats import day_stats
from checkin.door.door import Door, Status
from checkin.errors import DiskFull, ExportProblem, ReadOnlyPlace
from checkin.export import DEFAULT_COLUMNS, ExportOptions, export_day
from checkin.export.safety import defuse, export_fault
from checkin.model import Attendee
from checkin.store import EventStore
from tests.attendance_scenario import D1, D2, at, build
from tests.helpers import Mount, artifact, fill, require_tool, run_cli

EVIL = Attendee(id="evil", last_name='=HYPERLINK("http://x.test","klick")',
                first_name="+49 171 1234567", organization="@SUM(A1:A9)", project="-2+3",
                role="\tTab", email="evil@x.test", days=(D1,))


def _scenario(tmp_path: Path) -> EventStore:
    store, _ = build(tmp_path / "e.checkin")
    store.add_attendees([EVIL])
    assert Door(store, "Desk 1").check_in("evil", day=D1, at=at(D1, "11:00")).status \
        == Status.CHECKED_IN
    return store


def _local(day: str, hhmm: str) -> datetime:
    return at(day, hhmm).astimezone().replace(tzinfo=None)


def test_xlsx_has_day_and_session_sheets_matching_the_counts(tmp_path: Path) -> None:
    store = _scenario(tmp_path)
    out = tmp_path / "tag1.xlsx"
    summary = export_day(store, D1, out)
    assert summary.sheets == (D1, "Workshop A", "Marktplatz")
    book = load_workbook(out)
    assert book.sheetnames == [D1, "Workshop A", "Marktplatz"]
    sheet = book[D1]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    # a German event: German headers whatever language the desk speaks
    assert header == ("Nachname", "Vorname", "Titel", "Organisation", "Projekt / Gruppe",
                      "Rolle", "Eingecheckt", "Schalter", "Nachmeldung")
    assert "Email" not in header  # hidden unless chosen
    assert len(body) == day_stats(store, D1).checked_in == 6
    by_name = {r[0]: r for r in body}
    assert [r[0] for r in body] == ['=HYPERLINK("http://x.test","klick")', "Ärger", "Bauer",
                                    "Çelik", "Engel", "Weiß"]
    assert by_name["Bauer"][6:] == (_local(D1, "07:40"), "Desk 2", None)
    assert by_name["Weiß"][8] == "ja"  # a German event: its own word
    # formula-like text stays text
    evil = by_name['=HYPERLINK("http://x.test","klick")']
    assert evil[1:6] == ("+49 171 1234567", None, "@SUM(A1:A9)", "-2+3", "\tTab")
    cell = sheet.cell(row=body.index(evil) + 2, column=1)
    assert cell.data_type == "s"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I7"
    assert sheet.column_dimensions["D"].width == 34
    workshop = [r[0] for r in book["Workshop A"].iter_rows(min_row=2, values_only=True)]
    assert workshop == ["Ärger", "Çelik"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    store.close()


def test_xlsx_without_day_has_every_day(tmp_path: Path) -> None:
    store = _scenario(tmp_path)
    summary = export_day(store, None, tmp_path / "all.xlsx",
                         ExportOptions(columns=("last_name", "email")))
    assert summary.sheets == (D1, "Workshop A 09-19", "Marktplatz 09-19", D2,
                              "Workshop B 09-20")
    book = load_workbook(tmp_path / "all.xlsx")
    assert [r for r in book[D2].iter_rows(values_only=True)] == [
        ("Nachname", "E-Mail"), ("Ärger", "anna@uni-koeln.de"), ("Dömges", None)]
    store.close()


def test_csv_for_german_excel_and_plain(tmp_path: Path) -> None:
    store = _scenario(tmp_path)
    out = tmp_path / "tag1.csv"
    export_day(store, D1, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][0] == "Nachname" and len(rows) == 1 + 6
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Ärger"][6:] == [_local(D1, "07:05").strftime("%Y-%m-%d %H:%M"), "Desk 1", ""]
    evil = by_name["'=HYPERLINK(\"http://x.test\",\"klick\")"]
    assert evil[1:6] == ["'+49 171 1234567", "", "'@SUM(A1:A9)", "'-2+3", "'\tTab"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    plain = tmp_path / "plain.csv"
    export_day(store, D1, plain, ExportOptions(columns=("first_name", "last_name", "email"),
                                               comma=True))
    data = plain.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0] == ["Vorname", "Nachname", "E-Mail"]
    assert ["Anna", "Ärger", "anna@uni-koeln.de"] in rows
    store.close()


@pytest.mark.parametrize("text", ["=1+1", "+49 30", "-x", "@SUM(A1)", "\tx", "\rx"])
def test_defuse_every_formula_start(text: str) -> None:
    assert defuse(text) == "'" + text
    assert defuse("Müller") == "Müller"


def _pdf_text(path: Path) -> str:
    tool = require_tool("pdftotext")
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _png(path: Path, name: str) -> None:
    tool = require_tool("pdftoppm")
    subprocess.run([tool, "-png", "-r", "100", "-f", "1", "-l", "1", str(path),
                    str(artifact(name))], check=True)


def test_pdf_attendance_list(tmp_path: Path) -> None:
    store = _scenario(tmp_path)
    out = tmp_path / "liste.pdf"
    summary = export_day(store, D1, out, ExportOptions(
        columns=("last_name", "first_name", "organization", "checked_in_at")))
    assert summary.rows == 6
    text = _pdf_text(out)
    assert "Teilnehmerliste" in text and "Fachkonferenz Wasser 2017" in text
    assert "19.09.2017" in text and "Seite 1 von 1" in text
    names = ["Ärger, Anna", "Bauer, Bernd", "Çelik, Clara", "Engel, Eva", "Weiß, Wanda"]
    positions = [text.index(n) for n in names]
    assert positions == sorted(positions)
    assert "Fuchs" not in text  # Frank never came
    assert "Uni Köln" in text and _local(D1, "07:40").strftime("%H:%M") in text
    assert "=HYPERLINK" in text and "6 Personen" in text
    assert "evil@x.test" not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    fonts = subprocess.run([require_tool("pdffonts"), str(out)], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts
    _png(out, "teilnehmerliste")
    store.close()


def test_pdf_signature_list_has_everyone_expected_and_numbers_every_page(tmp_path: Path
                                                                         ) -> None:
    store = _scenario(tmp_path)
    store.add_attendees([Attendee(id=f"p{i}", first_name=f"Person{i:03d}", last_name="Zander",
                                  organization="Verbund", days=(D2,)) for i in range(70)])
    out = tmp_path / "unterschriften.pdf"
    export_day(store, D2, out, ExportOptions(signature=True))
    text = _pdf_text(out)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert f"Seite {n} von {len(pages)}" in page
        assert "Fachkonferenz Wasser 2017" in page and "20.09.2017" in page
        assert "Unterschrift" in page
    # expected on day 2: Anna, Bernd, Dieter, Frank + 70 Zanders; Eva is cancelled
    for name in ("Ärger, Anna", "Bauer, Bernd", "Dömges, Dieter", "Fuchs, Frank",
                 "Zander, Person069"):
        assert name in text
    assert "Engel" not in text and "74 Personen" in text
    _png(out, "teilnehmerliste-unterschrift")
    store.close()


def test_export_cli(tmp_path: Path) -> None:
    store = _scenario(tmp_path)
    store.close()
    event = tmp_path / "e.checkin"
    out = tmp_path / "cli.xlsx"
    done = run_cli("export", event, "--day", D2, "--out", out, "--columns",
                   "last_name,first_name,desk")
    assert done.returncode == 0, done.stderr
    assert "Wrote 2 people" in done.stdout
    sheet = load_workbook(out)[D2]
    assert list(sheet.iter_rows(values_only=True)) == [
        ("Nachname", "Vorname", "Schalter"), ("Ärger", "Anna", "Desk 1"),
        ("Dömges", "Dieter", "Desk 2")]
    pdf = run_cli("export", event, "--day", "20.09.2017", "--out", tmp_path / "s.pdf",
                  "--signature")
    assert pdf.returncode == 0, pdf.stderr
    comma = run_cli("export", event, "--day", D1, "--out", tmp_path / "c.csv", "--comma")
    assert comma.returncode == 0 and (tmp_path / "c.csv").read_bytes()[:8] == b"Nachname"
    for args, message in [
        (("--day", D1, "--out", tmp_path / "x.docx"), "error: Cannot tell the format"),
        (("--day", D1, "--out", tmp_path / "x.csv", "--columns", "name"),
         "error: Unknown column(s): name"),
        (("--out", tmp_path / "x.pdf"), "error: A PDF export holds one day"),
        (("--day", "2017-09-22", "--out", tmp_path / "x.csv"), "error: 2017-09-22 is not"),
        (("--day", D1, "--out", tmp_path / "no" / "x.csv"), "error: The folder"),
        (("--day", D1, "--out", tmp_path / "x.csv", "--signature"), "error: --signature"),
    ]:
        bad = run_cli("export", event, *args)
        assert bad.returncode == 2 and bad.stderr.startswith(message), bad.stderr
        assert not (tmp_path / "x.csv").exists()
    assert DEFAULT_COLUMNS[0] == "last_name"
    # a day's export depends on that day, not on the wall clock: made again later it
    # is the same file, and today's date appears nowhere in it
    again = run_cli("export", event, "--day", D1, "--out", tmp_path / "c2.csv", "--comma")
    assert again.returncode == 0, again.stderr
    first = (tmp_path / "c.csv").read_bytes()
    assert (tmp_path / "c2.csv").read_bytes() == first
    today = date.today()
    for shown in (today.isoformat(), today.strftime("%d.%m.%Y")):
        assert shown.encode() not in first
        assert not any(shown in str(cell) for row in sheet.iter_rows(values_only=True)
                       for cell in row)


def test_a_failed_xlsx_export_cleans_up_inside_a_running_app(
        tmp_path: Path, tmpfs: Mount, monkeypatch: pytest.MonkeyPatch) -> None:
    """The GUI runs all day: a failed export must not leave temp files or broken streams.

    openpyxl's sheets stream into temporary files; on a full disk the zip and
    those streams used to be left to the garbage collector, which printed
    tracebacks ("Exception ignored in ZipFile.__del__") and kept the files.
    """
    disk = tmpfs("full")
    fill(disk)
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(sheets))
    store = _scenario(tmp_path)
    with pytest.raises(DiskFull, match="nothing was written"):
        export_day(store, None, disk / "all.xlsx")
    gc.collect()  # a finaliser that still fires would fail the test (unraisable: error)
    assert list(sheets.iterdir()) == []
    assert sorted(p.name for p in disk.iterdir()) == ["ballast"]
    # and the next export to a place with room works
    summary = export_day(store, None, tmp_path / "all.xlsx")
    assert summary.sheets and load_workbook(tmp_path / "all.xlsx").sheetnames
    store.close()


def test_export_writer_says_what_each_refusal_means(tmp_path: Path) -> None:
    """Relatives of the full disk, in the words the desk shows (no "internal problem")."""
    target = tmp_path / "day.csv"
    for code, kind, words in [
        (errno.ENOSPC, DiskFull, "The disk is full"),
        (errno.EDQUOT, DiskFull, "The disk is full"),
        (errno.EROFS, ReadOnlyPlace, "read-only"),
        (errno.EACCES, ReadOnlyPlace, "read-only"),
        (errno.EISDIR, ExportProblem, "is a folder"),
        (errno.ENOENT, ExportProblem, "folder is gone"),
        (errno.ENAMETOOLONG, ExportProblem, "refuses the file name"),
        (errno.EINVAL, ExportProblem, "refuses the file name"),
        (errno.EIO, ExportProblem, "Input/output error"),
    ]:
        fault = export_fault(OSError(code, os.strerror(code)), target)
        assert isinstance(fault, kind) and words in fault.message, (code, fault.message)
        assert "nothing was written" in fault.message or "is a folder" in fault.message
