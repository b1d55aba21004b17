"""Importing participant lists: real files in, real event files out, the real command line."""

from __future__ import annotations

import codecs
import csv
import json
import os
import random
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checkin.door.door import Door, Status
from checkin.errors import ImportProblem
from checkin.importing import ImportOptions, commit, prepare, preview, remembered_mappings
from checkin.importing.names import split_last_first, split_name
from checkin.importing.readers import MAX_FILE_BYTES
from checkin.store import EventStore, create_event, open_event
from checkin.ui.common.tasks import Cancelled
from tests.helpers import ROOT, SAMPLES, run_cli, snapshot

FIXTURES = ROOT / "tests" / "fixtures" / "import"
DAYS = [date(2017, 9, 19), date(2017, 9, 20)]
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    path = tmp_path / "event.checkin"
    create_event(path, name="Fachkonferenz 2017", days=DAYS).close()
    return path


@pytest.fixture
def store(event_path: Path) -> EventStore:
    s = open_event(event_path)
    yield s  # type: ignore[misc]
    s.close()


def do_import(store: EventStore, path: Path, **options: object) -> dict[str, int]:
    shown = preview(path, store.event().days, ImportOptions(**options))  # type: ignore[arg-type]
    return commit(store, prepare(shown, store))




def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


# -- the samples a registration office hands over -----------------------------------


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_each_sample_imports_with_its_row_count_and_umlauts(name: str, store: EventStore) -> None:
    expected = MANIFEST[name]
    shown = preview(SAMPLES / name, store.event().days)
    if "encoding" in expected:
        assert shown.layout.encoding.replace("-sig", "") == expected["encoding"]
        assert shown.layout.delimiter == expected["delimiter"]
    counts = commit(store, prepare(shown, store))
    assert counts["added"] == expected["rows"] == store.attendee_count()
    people = store.attendees()
    text = " ".join(f"{p.first_name} {p.last_name} {p.organization}" for p in people)
    assert "\ufffd" not in text and "Ã" not in text and "\x96" not in text
    assert any(ch in text for ch in "äöüÄÖÜß")
    assert all(p.has_name if hasattr(p, "has_name") else (p.first_name or p.last_name)
               for p in people)


def test_samples_keep_names_exactly(store: EventStore) -> None:
    do_import(store, SAMPLES / "teilnehmer_excel_de.csv")
    people = {p.email: p for p in store.attendees()}
    anna = people["anna.winkler@technischeuniv.example"]
    assert (anna.title, anna.first_name, anna.last_name) == ("Prof.", "Anna", "Winkler")
    assert anna.organization == "Technische Universität Dortmund"
    assert anna.project == "NaLaMa"
    assert anna.days == ("2017-09-19", "2017-09-20")
    assert anna.extra["Arbeitsgruppe"] == "AG 1 Demografie"
    helene = people["hlne.stroem@bauhausunivers.example"]
    assert (helene.first_name, helene.last_name) == ("Hélène", "Åström")
    assert helene.days == ("2017-09-19",)
    assert any("ILS – Institut" in p.organization for p in people.values())


def test_xlsx_and_csv_of_the_same_list_give_the_same_people(store: EventStore) -> None:
    do_import(store, SAMPLES / "teilnehmer_excel_de.csv")
    # the workbook stores the en dash as the C1 character U+0096; it is repaired
    counts = do_import(store, SAMPLES / "teilnehmer_de.xlsx")
    assert counts == {"added": 0, "updated": 0, "unchanged": 200, "cancelled": 0}


def test_pretix_ticket_secrets_are_scannable_with_checkin_scan(event_path: Path) -> None:
    result = run_cli("import", event_path, SAMPLES / "pretix_orders.csv")
    assert result.returncode == 0, result.stderr
    assert "added 80" in result.stdout
    with (SAMPLES / "pretix_orders.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    column = MANIFEST["pretix_orders.csv"]["scan_codes_column"]
    for row in (rows[0], rows[41], rows[-1]):
        scan = run_cli("scan", event_path, row[column], "--day", "2017-09-19", "--json")
        assert scan.returncode == 0, scan.stderr
        answer = json.loads(scan.stdout)
        assert answer["status"] == "checked_in"
        assert answer["attendee"]["last_name"] == row["Attendee name: Family name"]
        assert answer["attendee"]["email"] == row["Attendee email"]
    again = run_cli("scan", event_path, rows[0][column], "--day", "2017-09-19", "--json")
    assert json.loads(again.stdout)["status"] == "already_checked_in"


# -- spreadsheets and text files of every kind ----------------------------------------


def test_xlsx_with_title_rows_above_the_header(store: EventStore) -> None:
    shown = preview(FIXTURES / "teilnehmer_titelzeile.xlsx", store.event().days)
    assert shown.header_row == 4
    assert shown.headers == ["Name, Vorname", "Kommune", "Verbundvorhaben", "Rolle", "Tag 1",
                             "Tag 2"]
    assert shown.targets == ["name_last_first", "organization", "project", "role",
                             "day:2017-09-19", "day:2017-09-20"]
    counts = commit(store, prepare(shown, store))
    assert counts["added"] == 4
    people = {p.last_name: p for p in store.attendees()}
    assert set(people) == {"von der Heyde", "Müller-Lüdenscheidt", "Åström", "Öztürk"}
    assert people["von der Heyde"].first_name == "Anna"
    jurgen = people["Müller-Lüdenscheidt"]
    assert (jurgen.title, jurgen.first_name) == ("Prof. Dr.", "Jürgen")
    assert jurgen.days == ("2017-09-19",)
    assert people["Åström"].days == ("2017-09-20",)
    assert people["Öztürk"].days == ("2017-09-19",)
    assert people["von der Heyde"].organization == "Landkreis Görlitz"


def test_xlsx_written_by_openpyxl_in_the_test(tmp_path: Path, store: EventStore) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Anmeldungen Zukunftsstadt"])
    sheet.append([None])
    sheet.append(["Vorname", "Nachname", "Institution", "Ticket", "Teilnahme 19.09.",
                  "Teilnahme 20.09.", None])
    sheet.append(["Jörg", "Weiß", "Hochschule Zittau/Görlitz", 100234, "x", None])
    sheet.append(["Zoë", "de la Cruz", "TU Berlin", 100235, "x", "x", None])
    sheet.append([None, None, None])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    counts = do_import(store, path)
    assert counts["added"] == 2
    jorg = store.find_by_ticket("100234")
    assert jorg is not None and (jorg.first_name, jorg.last_name) == ("Jörg", "Weiß")
    assert jorg.days == ("2017-09-19",)


def test_ods_with_title_rows_repeated_cells_and_a_million_empty_rows(tmp_path: Path,
                                                                    store: EventStore) -> None:
    shown = preview(FIXTURES / "teilnehmer.ods", store.event().days)
    assert (shown.layout.kind, shown.layout.sheet) == ("ods", "Anmeldungen")
    assert shown.layout.sheets == ("Anmeldungen", "Leer")
    assert shown.header_row == 3 and shown.row_numbers == [4, 5]
    plan = prepare(shown, store)
    assert plan.rows_read == 2 and plan.problems == []
    commit(store, plan)
    jurgen = store.find_by_ticket("100234")
    assert jurgen is not None and jurgen.last_name == "Müller-Lüdenscheidt"
    assert jurgen.extra == {"Anmeldedatum": "2017-08-01", "Bemerkung": "erste Zeile zweite Zeile"}
    zoe = store.find_by_ticket("100235")
    assert zoe is not None and zoe.organization == "Universität Kassel"


def test_utf16_unicode_text_with_tabs(store: EventStore) -> None:
    shown = preview(FIXTURES / "unicode_text.txt", store.event().days)
    assert (shown.layout.encoding, shown.layout.delimiter) == ("utf-16", "\t")
    do_import(store, FIXTURES / "unicode_text.txt")
    names = sorted(p.last_name for p in store.attendees())
    assert names == sorted(["Müller", "Dvořák", "王"])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16-le"])
def test_utf8_with_and_without_bom_and_windows_1252(tmp_path: Path, store: EventStore,
                                                    encoding: str) -> None:
    path = write_csv(tmp_path / "l.csv", [["Vorname", "Nachname", "Institution"],
                                          ["Jürgen", "Groß", "Straßenbauamt Köln"],
                                          ["Renée", "Œuvray", "Café „Zukunft“ – Süd"]],
                     delimiter=";", encoding=encoding)
    shown = preview(path, store.event().days)
    assert shown.layout.encoding == encoding
    assert shown.headers[0] == "Vorname"  # no BOM glued to the first column name
    do_import(store, path)
    people = sorted((p.first_name, p.last_name, p.organization) for p in store.attendees())
    assert people == [("Jürgen", "Groß", "Straßenbauamt Köln"),
                      ("Renée", "Œuvray", "Café „Zukunft“ – Süd")]


def test_dos_code_page_is_not_taken_for_japanese(tmp_path: Path, store: EventStore) -> None:
    path = tmp_path / "dos.csv"
    path.write_bytes("Vorname;Nachname;Ort\r\nJürgen;Müller;Düsseldorf\r\n".encode("cp850"))
    assert preview(path, store.event().days).layout.encoding == "cp850"
    do_import(store, path)
    (person,) = store.attendees()
    assert (person.first_name, person.last_name) == ("Jürgen", "Müller")


def test_excel_sep_hint_line(tmp_path: Path, store: EventStore) -> None:
    path = tmp_path / "l.csv"
    path.write_text("sep=,\r\nName;Vorname,Nachname\r\nx;y,Weiß\r\n", encoding="utf-8")
    shown = preview(path, store.event().days)
    assert shown.layout.delimiter == "," and shown.header_row == 2
    assert shown.headers == ["Name;Vorname", "Nachname"]


def test_tab_delimited_tsv(tmp_path: Path, store: EventStore) -> None:
    path = write_csv(tmp_path / "l.tsv", [["First name", "Last name", "Company"],
                                          ["Ana", "Núñez", "Acme, Inc."]], delimiter="\t")
    assert preview(path, store.event().days).layout.delimiter == "\t"
    do_import(store, path)
    (ana,) = store.attendees()
    assert (ana.last_name, ana.organization) == ("Núñez", "Acme, Inc.")


def test_quoted_fields_with_delimiters_and_line_breaks(tmp_path: Path, store: EventStore) -> None:
    path = tmp_path / "l.csv"
    path.write_text('Name;Organisation;Bemerkung\r\n'
                    '"Anna von der Heyde";"Amt für Planung; Bau";"erste Zeile\r\nzweite Zeile"\r\n'
                    '"Bernd ""Bernie"" Brösel";"Stadt";""\r\n', encoding="utf-8")
    shown = preview(path, store.event().days)
    assert shown.layout.delimiter == ";"
    assert shown.targets[0] == "name"
    plan = prepare(shown, store)
    assert plan.rows_read == 2 and not plan.problems
    commit(store, plan)
    people = {p.last_name: p for p in store.attendees()}
    assert people["von der Heyde"].organization == "Amt für Planung; Bau"
    assert people["von der Heyde"].extra["Bemerkung"] == "erste Zeile zweite Zeile"
    assert people["Brösel"].first_name == 'Bernd "Bernie"'


def test_text_is_cleaned_but_never_title_cased(tmp_path: Path, store: EventStore) -> None:
    path = write_csv(tmp_path / "l.csv", [
        ["Vorname", "Nachname", "Organisation"],
        ["  anna\u200b ", "von  der   Heyde", "Uni\u00adversität"],
        ["Jose\u0301", "MCDONALD", "x"]])
    do_import(store, path)
    people = {p.first_name: p for p in store.attendees()}
    assert people["anna"].last_name == "von der Heyde"
    assert people["anna"].organization == "Universität"
    assert "José" in people and people["José"].last_name == "MCDONALD"


def test_combined_name_columns_and_day_columns(tmp_path: Path, store: EventStore) -> None:
    path = write_csv(tmp_path / "l.csv", [
        ["Teilnehmerliste"], [],
        ["Vorname Nachname", "Kommune", "Tag 1", "Tag 2", "Notiz"],
        ["Dr. Eva Maria van den Berg", "Stadt Leipzig", "ja", "nein", ""],
        ["Ali", "Gemeinde X", "nein", "1", "vegetarisch"],
        ["Ulla Schmidt", "Kreis Y", "", "", ""]], delimiter=";")
    shown = preview(path, store.event().days)
    assert shown.header_row == 3
    assert shown.targets == ["name", "organization", "day:2017-09-19", "day:2017-09-20", "extra"]
    do_import(store, path)
    people = {p.last_name: p for p in store.attendees()}
    eva = people["van den Berg"]
    assert (eva.title, eva.first_name, eva.days) == ("Dr.", "Eva Maria", ("2017-09-19",))
    assert people["Ali"].days == ("2017-09-20",) and people["Ali"].extra == {
        "Notiz": "vegetarisch"}
    assert people["Schmidt"].days == ("2017-09-19", "2017-09-20")


def test_people_without_day_columns_are_registered_for_all_days(store: EventStore) -> None:
    do_import(store, SAMPLES / "attendees_utf8.csv")
    assert {p.days for p in store.attendees()} == {("2017-09-19", "2017-09-20")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Anna von der Heyde", ("", "Anna", "von der Heyde")),
    ("Prof. Dr. Hans-Peter Schäfer", ("Prof. Dr.", "Hans-Peter", "Schäfer")),
    ("Schäfer, Hans-Peter", ("", "Hans-Peter", "Schäfer")),
    ("Madonna", ("", "", "Madonna")),
])
def test_split_name(text: str, expected: tuple[str, str, str]) -> None:
    assert split_name(text) == expected


def test_split_last_first_without_comma() -> None:
    assert split_last_first("von Weizsäcker Richard") == ("", "Richard", "von Weizsäcker")


def test_eventbrite_and_indico_column_sets(tmp_path: Path, store: EventStore) -> None:
    eventbrite = write_csv(tmp_path / "eb.csv", [
        ["Order #", "Order Date", "First Name", "Last Name", "Email", "Ticket Type",
         "Attendee #", "Barcode #", "Company", "Attendee Status"],
        ["123", "2017-08-01", "Kai", "Löw", "kai@example.org", "General", "9", "1234567890001",
         "Acme", "Attending"],
        ["124", "2017-08-02", "Pia", "Brand", "pia@example.org", "General", "10",
         "1234567890002", "Acme", "Not Attending"]])
    shown = preview(eventbrite, store.event().days)
    assert shown.system == "Eventbrite"
    assert dict(zip(shown.headers, shown.targets, strict=True))["Barcode #"] == "ticket_code"
    commit(store, prepare(shown, store))
    kai = store.find_by_ticket("1234567890001")
    pia = store.find_by_ticket("1234567890002")
    assert kai is not None and kai.status == "active" and kai.organization == "Acme"
    assert pia is not None and pia.status == "cancelled"
    indico = write_csv(tmp_path / "indico.csv", [
        ["ID", "Name", "First Name", "Last Name", "Email", "Affiliation", "Registration state",
         "Ticket UUID"],
        ["1", "Sven Öhrn", "Sven", "Öhrn", "sven@example.org", "CERN", "complete",
         "8d6b0c7e-5b1a-4a57-a3f0-6a2f3f1f9e11"]])
    shown = preview(indico, store.event().days)
    assert shown.system == "Indico"
    commit(store, prepare(shown, store, cancel_missing=False))
    sven = store.find_by_ticket("8d6b0c7e-5b1a-4a57-a3f0-6a2f3f1f9e11")
    assert sven is not None and (sven.first_name, sven.organization) == ("Sven", "CERN")
    assert Door(store).scan("8d6b0c7e-5b1a-4a57-a3f0-6a2f3f1f9e11",
                            day="2017-09-19").status is Status.CHECKED_IN


# -- overrides and remembered mappings ------------------------------------------------


def test_cli_overrides_fix_wrong_guesses(tmp_path: Path, event_path: Path) -> None:
    path = tmp_path / "l.txt"
    path.write_bytes("Liste\nTeilnehmende|Haus\nJürgen Groß|Amt\n".encode("cp1252"))
    result = run_cli("import", event_path, path, "--encoding", "cp1252", "--delimiter", "|",
                     "--header-row", "2", "--map", "Teilnehmende=name", "--map", "Haus=project")
    assert result.returncode == 0, result.stderr
    store = open_event(event_path)
    try:
        (person,) = store.attendees()
        assert (person.first_name, person.last_name, person.project) == ("Jürgen", "Groß",
                                                                         "Amt")
        assert list(remembered_mappings(store).values()) == [["name", "project"]]
    finally:
        store.close()
    # the next file with the same columns is read with the remembered mapping
    again = run_cli("import", event_path, path, "--encoding", "cp1252", "--delimiter", "|",
                    "--header-row", "2", "--dry-run")
    assert "Haus -> project" in again.stdout and "unchanged 1" in again.stdout


def test_unknown_override_column_is_a_clear_error(event_path: Path) -> None:
    result = run_cli("import", event_path, SAMPLES / "attendees_utf8.csv", "--map",
                     "Nope=email")
    assert result.returncode == 2
    assert result.stderr.startswith("error: There is no column 'Nope'")


# -- validation -------------------------------------------------------------------------


def _problem_list(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "problems.csv", [
        ["Vorname", "Nachname", "E-Mail", "Ticket"],
        ["Anna", "Adler", "anna@example.org", "T1"],
        ["", "", "nobody@example.org", "T2"],
        ["Bert", "Bach", "anna@example.org", "T3"],
        ["Carl", "Christ", "carl(at)example.org", "T4"],
        ["Dora", "Dach", "dora@example.org", "T1"],
        ["Emil", "Eck", "emil@example.org", "T5", "surplus"],
        ["Fritz", "Fink"]])


def test_dry_run_reports_row_problems_and_changes_nothing(tmp_path: Path,
                                                          event_path: Path) -> None:
    before = snapshot(event_path)
    result = run_cli("import", event_path, _problem_list(tmp_path), "--dry-run")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "row 3: error: no name in this row" in out and "nobody@example.org" in out
    assert "row 4: warning: email anna@example.org is also in row 2" in out
    assert "row 5: warning: 'carl(at)example.org' does not look like an email" in out
    assert "row 6: error: ticket code T1 was already used in row 2" in out
    assert "Dora | Dach | dora@example.org | T1" in out
    assert "row 7: warning: 5 cells but the header has 4" in out
    assert "row 8: warning: only 2 of 4 cells" in out
    assert "dry run: nothing was changed" in out
    assert snapshot(event_path) == before


def test_rows_with_errors_block_the_import_until_skipped(tmp_path: Path,
                                                         event_path: Path) -> None:
    """A ticket another person holds blocks; the nameless row alone would not."""
    before = snapshot(event_path)
    blocked = run_cli("import", event_path, _problem_list(tmp_path))
    assert blocked.returncode == 2
    assert "error: 1 row(s) cannot be imported" in blocked.stderr
    assert "Traceback" not in blocked.stderr
    assert snapshot(event_path) == before
    done = run_cli("import", event_path, _problem_list(tmp_path), "--skip-invalid", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["added"] == 5
    store = open_event(event_path)
    try:
        assert sorted(p.last_name for p in store.attendees()) == [
            "Adler", "Bach", "Christ", "Eck", "Fink"]
        assert {p.extra.get("Column 5") for p in store.attendees()} == {None, "surplus"}
    finally:
        store.close()


def test_namesakes_without_codes_are_both_imported_and_flagged(tmp_path: Path,
                                                                store: EventStore) -> None:
    path = write_csv(tmp_path / "l.csv", [["Vorname", "Nachname", "Institution"],
                                          ["Anna", "Adler", "Uni A"], ["Anna", "Adler", "Uni B"],
                                          ["anna", "adler", "uni a"]])
    plan = prepare(preview(path, store.event().days), store)
    assert [(p.row, p.severity) for p in plan.problems] == [(4, "warning")]
    assert "same name and organisation as row 2" in plan.problems[0].message
    assert plan.merge.counts()["added"] == 3


# -- bad input --------------------------------------------------------------------------


def _broken_xlsx(tmp_path: Path) -> Path:
    good = (FIXTURES / "teilnehmer_titelzeile.xlsx").read_bytes()
    path = tmp_path / "broken.xlsx"
    path.write_bytes(good[: len(good) // 2])
    return path


def _xlsx_missing_sheet_xml(tmp_path: Path) -> Path:
    path = tmp_path / "no_sheet.xlsx"
    with zipfile.ZipFile(FIXTURES / "teilnehmer_titelzeile.xlsx") as src, \
            zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            if "worksheets/sheet" not in item.filename:
                dst.writestr(item, src.read(item))
    return path


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.write(b"Vorname;Nachname\n")
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    return path


BAD_INPUTS = {
    "empty": (lambda t: _write(t / "empty.csv", b""), "is empty"),
    "blank lines": (lambda t: _write(t / "blank.csv", b"\r\n;;;\r\n  \r\n"),
                    "no rows with content"),
    "header only": (lambda t: _write(t / "header.csv", b"Vorname;Nachname;E-Mail\r\n"),
                    "no participants below"),
    "binary renamed": (lambda t: _write(t / "photo.csv", bytes(range(256)) * 40),
                       "binary data"),
    "png renamed": (lambda t: _write(t / "logo.csv",
                                     b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(500)),
                    "binary data"),
    "broken xlsx": (_broken_xlsx, "damaged"),
    "broken ods": (lambda t: _write(t / "kaputt.ods",
                                    (FIXTURES / "teilnehmer.ods").read_bytes()[:700]), "damaged"),
    "xlsx without sheet": (_xlsx_missing_sheet_xml, "workbook"),
    "old xls": (lambda t: _write(t / "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
                "Excel 97"),
    "no name column": (lambda t: _write(t / "codes.csv", b"Code;Betrag\r\nA1;10\r\nA2;20\r\n"),
                       "No column holds names"),
    "hundreds of MB": (_huge, "MB"),
    "missing file": (lambda t: t / "nowhere.csv", "There is no file"),
    "folder": (lambda t: t, "is a folder"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_a_clear_error_and_changes_nothing(case: str, tmp_path: Path,
                                                        event_path: Path) -> None:
    make, words = BAD_INPUTS[case]
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    before = snapshot(event_path)
    result = run_cli("import", event_path, path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("error: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert snapshot(event_path) == before


def test_no_name_column_message_names_the_columns(tmp_path: Path, store: EventStore) -> None:
    path = _write(tmp_path / "c.csv", b"Code;Betrag\r\nA1;10\r\n")
    with pytest.raises(ImportProblem, match=r"columns found: 'Code', 'Betrag'.*--map"):
        prepare(preview(path, store.event().days), store)


# -- re-import and all-or-nothing ------------------------------------------------------


def test_reimport_of_a_changed_list_keeps_checkins_and_badge_prints(tmp_path: Path,
                                                                    store: EventStore) -> None:
    header = ["Vorname", "Nachname", "Institution", "E-Mail", "Ticket"]
    first = write_csv(tmp_path / "v1.csv", [
        header,
        ["Anna", "Adler", "Uni A", "anna@example.org", "T1"],
        ["Bert", "Bach", "Uni B", "bert@example.org", ""],
        ["Carl", "Christ", "Amt C", "", ""],
        ["Dora", "Dach", "Amt D", "dora@example.org", "T4"]], delimiter=";")
    assert do_import(store, first) == {"added": 4, "updated": 0, "unchanged": 0, "cancelled": 0}
    door = Door(store, "Desk 1")
    ids = {p.last_name: p.id for p in store.attendees()}
    for name in ("Adler", "Bach", "Christ", "Dach"):
        assert door.check_in(ids[name], day="2017-09-19").status is Status.CHECKED_IN
        store.log("badge_printed", desk="Desk 1", attendee_id=ids[name], detail={"copies": 1})
    checkins_before = store.checkins()
    prints_before = store.audit_log(action="badge_printed")
    code_refs = {p.id: p.code_ref for p in store.attendees()}
    second = write_csv(tmp_path / "v2.csv", [
        header,
        ["Anna", "Adler-Baum", "Uni A", "anna@example.org", "T1"],   # name corrected
        ["Bert", "Bach", "Uni B", "bert@example.org", ""],           # unchanged
        ["Carl", "Christ", "Amt C", "", ""],                         # unchanged (name key)
        # Dora Dach cancelled her registration: not in the list any more
        ["Emil", "Eck", "Uni E", "emil@example.org", "T5"]],         # late registration
        delimiter=";")
    counts = do_import(store, second)
    assert counts == {"added": 1, "updated": 1, "unchanged": 2, "cancelled": 1}
    assert store.checkins() == checkins_before
    assert store.audit_log(action="badge_printed") == prints_before
    people = {p.id: p for p in store.attendees()}
    assert people[ids["Adler"]].last_name == "Adler-Baum"
    assert people[ids["Dach"]].status == "cancelled"
    assert store.first_checkin(ids["Dach"], "2017-09-19") is not None
    assert all(people[i].code_ref == ref for i, ref in code_refs.items())
    assert len(people) == 5
    # the corrected person is still checked in: scanning her ticket says so
    assert door.scan("T1", day="2017-09-19").status is Status.ALREADY_CHECKED_IN
    # a list without a ticket column never blanks the ticket codes
    third = write_csv(tmp_path / "v3.csv", [["E-Mail", "Vorname", "Nachname", "Institution"],
                                            ["anna@example.org", "Anna", "Adler-Baum",
                                             "Uni A"]])
    do_import(store, third)
    anna = store.attendee(ids["Adler"])
    assert anna is not None and anna.ticket_code == "T1"
    # Dora comes back: she is active again, with her old check-in
    do_import(store, first)
    dora = store.attendee(ids["Dach"])
    assert dora is not None and dora.status == "active"
    assert store.checkins() == checkins_before
    imports = store.audit_log(action="import")
    assert [e["detail"]["added"] for e in imports] == [4, 1, 0, 0]


def test_walk_ins_are_never_cancelled_by_an_import(store: EventStore) -> None:
    from checkin.model import Attendee

    store.add_attendees([Attendee(id="walkin-1", first_name="Wanda", last_name="Walk",
                                  walk_in=True, days=("2017-09-19",))])
    counts = do_import(store, SAMPLES / "attendees_utf8.csv")
    assert counts["cancelled"] == 0
    walk = store.attendee("walkin-1")
    assert walk is not None and walk.status == "active"


def test_a_failure_mid_import_leaves_the_event_unchanged(tmp_path: Path, event_path: Path) -> None:
    rows = [["Vorname", "Nachname", "E-Mail"]] + [
        [f"Vor{i}", f"Nach{i}", f"p{i}@example.org"] for i in range(8000)]
    path = write_csv(tmp_path / "big.csv", rows)  # large enough to be bulk-loaded
    store = open_event(event_path)
    do_import(store, SAMPLES / "attendees_utf8.csv")
    store.close()
    before = snapshot(event_path)
    store = open_event(event_path)
    try:
        plan = prepare(preview(path, store.event().days), store)
        assert plan.merge.counts()["cancelled"] == 120

        def fail_halfway(done: int, total: int, text: str) -> None:
            if done >= 6000:
                raise Cancelled()

        with pytest.raises(Cancelled):
            commit(store, plan, progress=fail_halfway)
        assert store.attendee_count() == 120
    finally:
        store.close()
    assert snapshot(event_path) == before


def test_hundred_thousand_rows_stream_through(tmp_path: Path, store: EventStore) -> None:
    """Large lists are read row by row; progress is reported while reading and writing."""
    rows = [["Vorname", "Nachname", "E-Mail"]] + [
        [f"V{i}", f"N{i}", f"p{i}@example.org"] for i in range(20000)]
    path = write_csv(tmp_path / "big.csv", rows)
    seen: list[str] = []
    shown = preview(path, store.event().days)
    plan = prepare(shown, store, progress=lambda d, t, s: seen.append(s))
    commit(store, plan, progress=lambda d, t, s: seen.append(s))
    assert store.attendee_count() == 20000
    assert any(s.startswith("read") for s in seen)
    assert "writing 20000 of 20000 people" in seen


def test_preview_numbers_rows_as_in_the_file(store: EventStore) -> None:
    shown = preview(FIXTURES / "teilnehmer_titelzeile.xlsx", store.event().days)
    assert shown.row_numbers == [5, 6, 7, 8]
    assert shown.rows[0][0] == "von der Heyde, Anna"


def test_imported_people_get_unique_badge_codes_that_scan(tmp_path: Path,
                                                          store: EventStore) -> None:
    from checkin.door import codes

    rows = [["Vorname", "Nachname"]] + [[f"V{i}", f"N{i}"] for i in range(6000)]
    do_import(store, write_csv(tmp_path / "l.csv", rows))  # bulk path
    people = store.attendees()
    refs = [p.code_ref for p in people]
    assert len(set(refs)) == 6000
    assert all(len(r) == codes.REF_LENGTH and set(r) <= set(codes.ALPHABET) for r in refs)
    person = people[1234]
    code = codes.badge_code(store.code_secret(), person.code_ref)
    assert Door(store).scan(code, day="2017-09-20").attendee == person


def test_long_reports_are_cut_except_in_a_dry_run(tmp_path: Path, event_path: Path) -> None:
    rows = [["Vorname", "Nachname", "E-Mail"]] + [
        [f"V{i}", f"N{i}", f"kaputt{i}.example.org"] for i in range(60)]
    path = write_csv(tmp_path / "l.csv", rows)
    dry = run_cli("import", event_path, path, "--dry-run")
    assert dry.stdout.count("does not look like an email") == 60
    real = run_cli("import", event_path, path)
    assert real.returncode == 0, real.stderr
    assert real.stdout.count("does not look like an email") == 50
    assert "… and 10 more problem(s); --dry-run lists them all" in real.stdout
    assert "added 60" in real.stdout


def test_a_list_that_would_cancel_most_people_needs_confirmation(tmp_path: Path,
                                                                 event_path: Path) -> None:
    assert run_cli("import", event_path, SAMPLES / "attendees_utf8.csv").returncode == 0
    late = write_csv(tmp_path / "nachmeldungen.csv", [["Vorname", "Nachname"], ["Lea", "Lenz"]])
    before = snapshot(event_path)
    refused = run_cli("import", event_path, late)
    assert refused.returncode == 2
    assert "would cancel 120 of the 120 people" in refused.stderr
    assert "--keep-missing" in refused.stderr
    assert snapshot(event_path) == before
    added = run_cli("import", event_path, late, "--keep-missing")
    assert "added 1, updated 0, unchanged 0, cancelled 0" in added.stdout
    confirmed = run_cli("import", event_path, SAMPLES / "pretix_orders.csv", "--cancel-missing")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "cancelled 121" in confirmed.stdout


def _random_file(rnd: random.Random, folder: Path, n: int) -> Path:
    kind = rnd.choice(["bytes", "text", "zip", "csvish"])
    suffix = rnd.choice([".csv", ".txt", ".tsv", ".xlsx", ".ods"])
    path = folder / f"r{n}{suffix}"
    if kind == "bytes":
        path.write_bytes(bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 400))))
    elif kind == "zip":
        data = (FIXTURES / rnd.choice(["teilnehmer.ods", "teilnehmer_titelzeile.xlsx"])
                ).read_bytes()
        cut = rnd.randrange(len(data))
        path.write_bytes(data[:cut] + bytes(rnd.randrange(256) for _ in range(20))
                         + data[cut + 20:])
    else:
        alphabet = 'abcÄöüß ;,\t"\r\n\'x1@.' if kind == "csvish" else "Vorname;Nachname\n\"x\u00ad"
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 300)))
        if kind == "csvish" and rnd.random() < 0.5:
            text = "Vorname;Nachname;E-Mail\n" + text
        path.write_bytes(text.encode(rnd.choice(["utf-8", "utf-16", "cp1252", "utf-8-sig"]),
                                     errors="replace"))
    return path


def test_no_input_makes_the_importer_crash(tmp_path: Path, event_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Random and mangled files end in a report or a clear error, never in a traceback.

    FUZZ_SEED and FUZZ_FILES widen the search when run by hand.
    """
    from checkin.cli import main

    rnd = random.Random(int(os.environ.get("FUZZ_SEED", "20170919")))
    before = snapshot(event_path)
    for n in range(int(os.environ.get("FUZZ_FILES", "60"))):
        path = _random_file(rnd, tmp_path, n)
        status = main(["import", str(event_path), str(path), "--dry-run"])
        err = capsys.readouterr().err
        assert status in (0, 2), (path.name, path.read_bytes()[:80], err)
        assert status == 0 or err.startswith("error: ")
    assert snapshot(event_path) == before


# -- files that are UTF-8 but for a few bytes ------------------------------------------


_UTF8_LIST = ("Vorname;Nachname;Institution\r\n"
              "Jürgen;Groß;Straßenbauamt Köln\r\n"
              "Renée;Œuvray;Café „Zukunft“ – Süd\r\n").encode()


def _bad_byte_warnings(plan_problems: list[object]) -> list[tuple[int, str]]:
    return [(p.row, p.message) for p in plan_problems  # type: ignore[attr-defined]
            if "not UTF-8" in p.message]  # type: ignore[attr-defined]


NEAR_UTF8 = {
    # case: (file bytes, row with the bad byte, where, the person as read)
    "in a name": (_UTF8_LIST + b"Dieter;M\xfcller;Amt f\xc3\xbcr Planung\r\n", 4,
                  "in this row", ("Dieter", "Müller", "Amt für Planung")),
    "in the header": (_UTF8_LIST.replace(b"Institution", b"Institution\xa0"), 1,
                      "in the column names", ("Jürgen", "Groß", "")),
    "at the end of the file": (_UTF8_LIST + b"Dora;Dach;Amt D\xc3", 4, "in this row",
                               ("Dora", "Dach", "Amt DÃ")),
    "after a BOM": (codecs.BOM_UTF8 + _UTF8_LIST + b"Dieter;M\xfcller;x\r\n", 4,
                    "in this row", ("Dieter", "Müller", "x")),
}


@pytest.mark.parametrize("case", sorted(NEAR_UTF8))
def test_a_utf8_file_with_a_bad_byte_stays_utf8_and_the_row_is_reported(
        case: str, tmp_path: Path, event_path: Path) -> None:
    data, row, where, person = NEAR_UTF8[case]
    path = _write(tmp_path / "liste.csv", data)
    result = run_cli("import", event_path, path, "--json", "--dry-run")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["encoding"].startswith("utf-8")
    warnings = [p for p in report["problems"] if "not UTF-8" in p["message"]]
    assert [(p["row"], p["severity"]) for p in warnings] == [(row, "warning")]
    assert where in warnings[0]["message"] and "check the spelling" in warnings[0]["message"]
    text = run_cli("import", event_path, path)
    assert text.returncode == 0, text.stderr
    assert f"row {row}: warning: byte(s)" in text.stdout
    assert "were read as Windows-1252" in text.stdout.splitlines()[0]
    store = open_event(event_path)
    try:
        people = {(p.first_name, p.last_name): p for p in store.attendees()}
    finally:
        store.close()
    jurgen = people[("Jürgen", "Groß")]  # the rest of the file is exact
    assert jurgen.organization == "Straßenbauamt Köln"
    assert people[("Renée", "Œuvray")].organization == "Café „Zukunft“ – Süd"
    first, last, org = person
    assert (first, last) in people
    if org:
        assert people[(first, last)].organization == org
    # importing the same file again changes nobody (nothing garbled the second time)
    again = run_cli("import", event_path, path)
    assert "added 0, updated 0, unchanged" in again.stdout, again.stdout


def test_an_explicit_utf8_encoding_reports_bad_bytes_instead_of_refusing(
        tmp_path: Path, store: EventStore) -> None:
    path = _write(tmp_path / "l.csv", _UTF8_LIST + b"Dieter;M\xfcller;x\r\n")
    shown = preview(path, store.event().days, ImportOptions(encoding="utf-8"))
    assert shown.layout.bad_bytes == 1
    plan = prepare(shown, store)
    assert [row for row, _ in _bad_byte_warnings(plan.problems)] == [4]  # type: ignore[arg-type]


@pytest.mark.parametrize("encoding", ["cp1252", "cp850", "mac_roman"])
def test_a_legacy_file_with_a_single_umlaut_keeps_its_encoding(encoding: str, tmp_path: Path,
                                                              store: EventStore) -> None:
    path = _write(tmp_path / "l.csv", "Vorname;Nachname\r\nJürgen;Adler\r\nBea;Bach\r\n"
                  .encode(encoding))
    shown = preview(path, store.event().days)
    assert shown.layout.encoding == encoding and shown.layout.bad_bytes == 0
    plan = prepare(shown, store)
    assert not _bad_byte_warnings(plan.problems)  # type: ignore[arg-type]
    commit(store, plan)
    assert sorted(p.first_name for p in store.attendees()) == ["Bea", "Jürgen"]


@pytest.mark.parametrize("encoding", ["cp850", "mac_roman"])
def test_dos_and_mac_files_with_many_umlauts(encoding: str, tmp_path: Path,
                                             store: EventStore) -> None:
    rows = "Vorname;Nachname;Ort\r\nJürgen;Müller;Düsseldorf\r\nÄnne;Weiß;Köln\r\n"
    path = _write(tmp_path / "l.csv", rows.encode(encoding))
    assert preview(path, store.event().days).layout.encoding == encoding
    do_import(store, path)
    assert sorted(p.last_name for p in store.attendees()) == ["Müller", "Weiß"]


def test_the_real_windows_1252_sample_is_still_windows_1252(store: EventStore) -> None:
    shown = preview(SAMPLES / "teilnehmer_excel_de.csv", store.event().days)
    assert (shown.layout.encoding, shown.layout.bad_bytes) == ("cp1252", 0)
