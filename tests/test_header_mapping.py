"""Column names as registration offices and their systems write them.

The tables are real-world spellings (German and English, gender forms,
required marks, question texts of Google/Microsoft Forms, LimeSurvey,
pretix, Eventbrite, Indico, Zoom); the whole lists go through the real
command line into a real event file and are read back with ``checkin search``.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from checkin.importing.mapping import explain_mapping, guess_mapping, read_header
from checkin.store import create_event
from tests.helpers import run_cli

DAYS = [date(2017, 9, 19), date(2017, 9, 20)]

#: header -> the field it must map to (alone in its file)
MAPS_TO: dict[str, str] = {
    # organisation: combined, qualified, question texts, compounds
    "Einrichtung / Firma": "organization",
    "Einrichtung/Firma": "organization",
    "Dienststelle/Behörde": "organization",
    "Firma bzw. Institution": "organization",
    "Organisation oder Unternehmen": "organization",
    "Unternehmen und Organisation": "organization",
    "Institution (Universität, Firma, Verwaltung)": "organization",
    "Organisation (optional)": "organization",
    "Organisation*": "organization",
    "* Organisation": "organization",
    "Organisation:": "organization",
    "Einrichtung (Pflichtfeld)": "organization",
    "Name der Organisation, für die Sie tätig sind": "organization",
    "Name der Einrichtung": "organization",
    "Name Ihrer Einrichtung": "organization",
    "Firmenname": "organization",
    "Company name": "organization",
    "Organization": "organization",
    "Affiliation (institution)": "organization",
    "Arbeitgeber*in": "organization",
    "Bei welcher Organisation arbeiten Sie?": "organization",
    "What is the name of your organization?": "organization",
    "Which organization do you work for?": "organization",
    "Teilnehmende Organisation": "organization",
    "Organisation des Teilnehmers": "organization",
    "Hochschule / Forschungseinrichtung": "organization",
    # first name
    "Vorname*": "first_name",
    "Vorname:": "first_name",
    "* Vorname": "first_name",
    "Vorname (Pflichtfeld)": "first_name",
    "Wie lautet Ihr Vorname?": "first_name",
    "What is your first name?": "first_name",
    "Vorname [Ihre Angaben]": "first_name",
    "Ihre Angaben [Vorname]": "first_name",
    "Q1[SQ001]. Ihre Angaben [Vorname]": "first_name",
    "Teilnehmer Vorname": "first_name",
    "Vorname des Teilnehmers": "first_name",
    "Given name": "first_name",
    # last name
    "Nachname*": "last_name",
    "* Nachname": "last_name",
    "Nachname:": "last_name",
    "Wie lautet Ihr Nachname?": "last_name",
    "What is your last name?": "last_name",
    "Ihre Angaben [Nachname]": "last_name",
    "Teilnehmer*in Nachname": "last_name",
    "Familienname (Pflichtfeld)": "last_name",
    # the whole name
    "Teilnehmer*in": "name",
    "Teilnehmer:innen": "name",
    "TeilnehmerIn": "name",
    "Teilnehmer/-in": "name",
    "Teilnehmer_in": "name",
    "Teilnehmer(in)": "name",
    "Referent*innen": "name",
    "Vor- und Nachname": "name",
    "Vor- und Zuname": "name",
    "Vorname und Nachname": "name",
    "Vorname / Nachname": "name",
    "Name (Pflichtfeld)": "name",
    "Name*": "name",
    "Vollständiger Name": "name",
    "Teilnehmername": "name",
    "Name des Teilnehmers": "name",
    "Titel, Vorname, Nachname": "name",
    # last name first
    "Nachname / Vorname": "name_last_first",
    "Name, Vorname (Pflichtfeld)": "name_last_first",
    "Name (Nachname, Vorname)": "name_last_first",
    # email
    "E-Mail:": "email",
    "E-Mail*": "email",
    "E-Mail (dienstlich)": "email",
    "Dienstliche E-Mail-Adresse": "email",
    "What is your email address?": "email",
    "Wie lautet Ihre E-Mail-Adresse?": "email",
    "Teilnehmer E-Mail": "email",
    "E-Mail des Teilnehmers": "email",
    "E-Mail-Adresse (für die Bestätigung)": "email",
    "Mail-Adresse": "email",
    # project
    "Projekt / Gruppe": "project",
    "Projekt*": "project",
    "Projektname": "project",
    "Verbundvorhaben (Kurzname)": "project",
    "In welchem Projekt sind Sie tätig?": "project",
    "Teilprojekt / Vorhaben": "project",
    "Project (acronym)": "project",
    # role
    "Funktion/Position": "role",
    "Rolle im Projekt": "role",
    "Funktion in der Einrichtung": "role",
    "Teilnehmerrolle": "role",
    "Teilnehmerart": "role",
    "Teilnehmer*innen-Kategorie": "role",
    "Rolle (Referent*in / Teilnehmer*in)": "role",
    "Position": "role",
    "Job Title": "role",
    # title
    "Titel / akad. Grad": "title",
    "Akademischer Titel": "title",
    "Titel (optional)": "title",
    "Attendee name: Title": "title",
    # ticket codes
    "Barcode #": "ticket_code",
    "Ticketnummer": "ticket_code",
    "Ticket-Nr.": "ticket_code",
    "QR-Code": "ticket_code",
    "Ticket ID": "ticket_code",
    # registration status
    "Approval Status": "status",
    "Status der Anmeldung": "status",
    "Anmeldestatus": "status",
}

#: header -> the field it must not become ("" = it must stay an extra field)
MUST_NOT_MAP: dict[str, str] = {
    "Arbeitsgruppe": "project",
    "Workshop-Gruppe": "project",
    "Position ID": "role",
    "Anmeldung bis 01.08.": "",
    "Order date": "",
    "Registration Time": "",
    "Zeitstempel": "",
    "Anschrift der Einrichtung": "organization",
    "Adresse der Firma": "organization",
    "Firmenadresse": "organization",
    "Telefon (dienstlich)": "",
    "Invoice address name": "name",
    "Invoice address name: Given name": "first_name",
    "Rechnungsadresse": "",
    "Firma (Rechnung)": "organization",
    "Name der Begleitperson": "name",
    "E-Mail der Begleitperson": "email",
    "Created by": "name",
    "Ticket Type": "ticket_code",
    "Ticketart": "ticket_code",
    "Voucher code": "ticket_code",
    "Order code": "ticket_code",
    "Attendee #": "name",
    "Teilnehmer-Nr.": "name",
    "Teilnehmernummer": "name",
    "State": "status",
    "Zahlungsstatus": "status",
    "E-mail address verified": "email",
    "Titel des Vortrags": "title",
    "Name der Veranstaltung": "name",
    "Role in Purchase Process": "role",
    "Anrede": "title",
    "PLZ / Ort": "",
    "Q1_SQ001": "",
    "Antwort ID": "",
    "Product": "",
    "Fotoeinwilligung": "",
    "Abteilung": "organization",
    "Name des Hundes": "name",
}

#: headers whose words disagree: the column stays extra and the guess names the fields
ASKS: dict[str, tuple[str, ...]] = {
    "Name und Organisation": ("name", "organization"),
    "Organisation / Projekt": ("organization", "project"),
    "Name (Organisation)": ("name", "organization"),
    "Teilnehmer / Institution": ("name", "organization"),
    "Anrede / Titel": ("title",),
}


def test_the_tables_are_as_large_as_promised() -> None:
    assert len(MAPS_TO) >= 80 and len(MUST_NOT_MAP) >= 20


@pytest.mark.parametrize(("header", "field"), sorted(MAPS_TO.items()))
def test_header_maps_to_its_field(header: str, field: str) -> None:
    (guess,) = explain_mapping([header], DAYS)
    assert (guess.target, header) == (field, header), guess.reason
    assert guess.reason  # every guess can say why


@pytest.mark.parametrize(("header", "tempting"), sorted(MUST_NOT_MAP.items()))
def test_header_does_not_map_to_the_tempting_field(header: str, tempting: str) -> None:
    (target,) = guess_mapping([header], DAYS)
    assert target == "extra", f"{header!r} became {target}, not {tempting or 'any field'}"


@pytest.mark.parametrize(("header", "fields"), sorted(ASKS.items()))
def test_disagreeing_words_keep_the_column_and_ask(header: str, fields: tuple[str, ...]) -> None:
    (guess,) = explain_mapping(["Vorname", "Nachname", header], DAYS)[2:]
    assert guess.target == "extra" and guess.asks
    assert set(fields) <= set(guess.candidates)
    line = guess.question()
    assert line.startswith(f"column '{header}' could be ")
    assert f"--map '{header}={guess.candidates[0]}'" in line


def test_exact_names_still_win_and_keep_their_order() -> None:
    # pretix: the attendee's email beats the order email, the name parts beat the whole
    headers = ["Order code", "Position ID", "Status", "Email", "Attendee name",
               "Attendee name: Given name", "Attendee name: Family name", "Attendee email",
               "Company", "Ticket secret", "Invoice address name: Given name"]
    targets = dict(zip(headers, guess_mapping(headers, DAYS), strict=True))
    assert targets == {
        "Order code": "extra", "Position ID": "extra", "Status": "status", "Email": "extra",
        "Attendee name": "extra", "Attendee name: Given name": "first_name",
        "Attendee name: Family name": "last_name", "Attendee email": "email",
        "Company": "organization", "Ticket secret": "ticket_code",
        "Invoice address name: Given name": "extra"}
    # ...and silently: known column sets are no question
    assert not any(g.asks for g in explain_mapping(headers, DAYS))


def test_two_columns_claiming_one_field_ask_for_the_second() -> None:
    guesses = explain_mapping(["Vorname", "Nachname", "E-Mail (dienstlich)",
                               "E-Mail (privat)"], DAYS)
    assert [g.target for g in guesses] == ["first_name", "last_name", "email", "extra"]
    assert guesses[3].asks and guesses[3].taken_by == "E-Mail (dienstlich)"
    # a known name beats a column read by its words, and the latter asks
    guesses = explain_mapping(["Name", "Einrichtung / Firma", "Organisation"], DAYS)
    assert [g.target for g in guesses] == ["name", "extra", "organization"]
    assert guesses[1].taken_by == "Organisation"


def test_a_bare_name_beside_a_first_name_is_the_last_name() -> None:
    assert guess_mapping(["Vorname*", "Name*", "Einrichtung"], DAYS) == [
        "first_name", "last_name", "organization"]
    assert guess_mapping(["Name (Pflichtfeld)", "Einrichtung"], DAYS) == ["name",
                                                                          "organization"]


def test_microsoft_forms_account_columns_give_way_to_the_questions() -> None:
    headers = ["ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name",
               "Wie lautet Ihr Vorname?", "Wie lautet Ihr Nachname?",
               "Wie lautet Ihre E-Mail-Adresse?"]
    assert guess_mapping(headers, DAYS) == ["extra", "extra", "extra", "extra", "extra",
                                            "first_name", "last_name", "email"]


def test_every_reason_is_printable_and_short() -> None:
    for header in [*MAPS_TO, *MUST_NOT_MAP, *ASKS]:
        reading = read_header(header)
        assert "\n" not in reading.reason and len(reading.reason) < 200


# -- whole lists through the real command line ------------------------------------------


def _event(tmp_path: Path) -> Path:
    path = tmp_path / "event.checkin"
    create_event(path, name="Fachtag 2017", days=DAYS).close()
    return path


def _write(path: Path, rows: list[list[str]], delimiter: str = ";",
           encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def _found(event: Path, names: list[str]) -> dict[str, dict[str, str]]:
    """Each name looked up with ``checkin search`` (one process, one query per line)."""
    result = run_cli("search", event, "--limit", "1", stdin="".join(f"{n}\n" for n in names))
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    return {a["query"]: a["results"][0] for a in answers}


PEOPLE = [("Prof. Dr.", "Anna", "Winkler", "Technische Universität Dortmund", "NaLaMa"),
          ("", "Hélène", "Åström", "Bauhaus-Universität Weimar", "INOLA"),
          ("Dr.", "Jürgen", "Groß", "Stadt Leipzig, Amt für Umwelt", "KuLaRuhr"),
          ("", "Zoë", "Nußbaum-Öztürk", "Landkreis Görlitz / Kreisentwicklung", "SpiriDi"),
          ("", "Łukasz", "Brzęczyszczykiewicz", "IÖR – Leibniz-Institut", "GeKoNa")]


def _import(event: Path, path: Path, *extra: str) -> str:
    result = run_cli("import", event, path, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_list_with_title_rows_and_combined_headers(tmp_path: Path) -> None:
    """The reported case: "Einrichtung / Firma" was kept as an extra field."""
    rows = [["Teilnehmerliste Fachtag Digitalisierung 2017"], ["Stand: 01.08.2017"], [],
            ["Nr.", "Anrede", "Titel", "Vorname*", "Nachname*", "Einrichtung / Firma",
             "Projekt / Gruppe", "Funktion/Position", "E-Mail (dienstlich)",
             "Teilnahme 19.09.", "Teilnahme 20.09."]]
    for n, (title, first, last, org, project) in enumerate(PEOPLE, 1):
        rows.append([str(n), "", title, first, last, org, project, "Referent*in",
                     f"p{n}@example.org", "x", "x" if n % 2 else ""])
    event = _event(tmp_path)
    out = _import(event, _write(tmp_path / "liste.csv", rows))
    assert "header in row 4" in out and "added 5" in out
    assert "column 'Einrichtung / Firma' read as organization" in out
    found = _found(event, [f"{p[1]} {p[2]}" for p in PEOPLE])
    for title, first, last, org, project in PEOPLE:
        person = found[f"{first} {last}"]
        assert (person["first_name"], person["last_name"], person["title"]) == (
            first, last, title)
        assert (person["organization"], person["project"], person["role"]) == (
            org, project, "Referent*in")


def test_google_forms_question_headers(tmp_path: Path) -> None:
    rows = [["Zeitstempel", "E-Mail-Adresse", "Wie lautet Ihr Vorname?",
             "Wie lautet Ihr Nachname?", "Name der Organisation, für die Sie tätig sind",
             "In welchem Projekt sind Sie tätig?", "An welchen Tagen nehmen Sie teil?"]]
    for n, (_, first, last, org, project) in enumerate(PEOPLE, 1):
        rows.append([f"01.08.2017 10:0{n}:00", f"g{n}@example.org", first, last, org, project,
                     "beide"])
    event = _event(tmp_path)
    out = _import(event, _write(tmp_path / "forms.csv", rows, delimiter=","))
    assert "Google Forms export" in out and "added 5" in out
    found = _found(event, [f"{p[1]} {p[2]}" for p in PEOPLE])
    for n, (_, first, last, org, project) in enumerate(PEOPLE, 1):
        person = found[f"{first} {last}"]
        assert (person["organization"], person["project"], person["email"]) == (
            org, project, f"g{n}@example.org")


def test_microsoft_forms_export_with_anonymous_accounts(tmp_path: Path) -> None:
    rows = [["ID", "Start time", "Completion time", "Email", "Name",
             "What is your first name?", "What is your last name?",
             "What is your email address?", "Which organization do you work for?"]]
    for n, (_, first, last, org, _project) in enumerate(PEOPLE, 1):
        rows.append([str(n), "8/1/17 10:00:00", "8/1/17 10:04:00", "anonymous", "", first,
                     last, f"m{n}@example.org", org])
    event = _event(tmp_path)
    out = _import(event, _write(tmp_path / "msforms.csv", rows, delimiter=","))
    assert "Microsoft Forms export" in out and "added 5" in out
    found = _found(event, [f"{p[1]} {p[2]}" for p in PEOPLE])
    for n, (_, first, last, org, _project) in enumerate(PEOPLE, 1):
        person = found[f"{first} {last}"]
        assert (person["organization"], person["email"]) == (org, f"m{n}@example.org")


def test_limesurvey_export_with_codes_and_question_texts(tmp_path: Path) -> None:
    rows = [["Antwort ID", "Datum Abgeschickt", "Letzte Seite", "Start-Sprache", "Seed",
             "Q1[SQ001]. Ihre Angaben [Vorname]", "Q1[SQ002]. Ihre Angaben [Nachname]",
             "Q1[SQ003]. Ihre Angaben [E-Mail]", "Q2. Name Ihrer Einrichtung",
             "Q3. Funktion", "Q4_SQ001"]]
    for n, (_, first, last, org, _project) in enumerate(PEOPLE, 1):
        rows.append([str(n), "2017-08-01 10:00:00", "3", "de", "123", first, last,
                     f"l{n}@example.org", org, "Teilnehmer/in", "Y"])
    event = _event(tmp_path)
    out = _import(event, _write(tmp_path / "results-survey123.csv", rows, delimiter=","))
    assert "added 5" in out
    found = _found(event, [f"{p[1]} {p[2]}" for p in PEOPLE])
    for n, (_, first, last, org, _project) in enumerate(PEOPLE, 1):
        person = found[f"{first} {last}"]
        assert (person["organization"], person["role"], person["email"]) == (
            org, "Teilnehmer/in", f"l{n}@example.org")


def test_zoom_registration_report_below_its_summary(tmp_path: Path) -> None:
    rows = [["Registration Report"], ["Report Generated:", "Aug 1, 2017 10:00 AM"], [],
            ["Topic", "Webinar ID", "Actual Start Time", "Actual Duration (minutes)",
             "# Registered", "# Cancelled"],
            ["Fachtag Digitalisierung", "812 3456 7890", "Sep 19, 2017 09:00 AM", "420", "5",
             "1"], [],
            ["First Name", "Last Name", "Email", "City", "Country/Region", "Organization",
             "Job Title", "Questions & Comments", "Registration Time", "Approval Status"]]
    for n, (_, first, last, org, _project) in enumerate(PEOPLE, 1):
        rows.append([first, last, f"z{n}@example.org", "Leipzig", "Germany", org,
                     "Referentin", "", "Aug 1, 2017 09:00:00",
                     "denied" if n == 5 else "approved"])
    event = _event(tmp_path)
    out = _import(event, _write(tmp_path / "zoom.csv", rows, delimiter=","))
    assert "header in row 7" in out and "Zoom export" in out and "added 5" in out
    found = _found(event, [f"{p[1]} {p[2]}" for p in PEOPLE])
    for n, (_, first, last, org, _project) in enumerate(PEOPLE, 1):
        person = found[f"{first} {last}"]
        assert (person["organization"], person["role"]) == (org, "Referentin")
        assert person["status"] == ("cancelled" if n == 5 else "active")


def test_cli_names_the_open_question_and_map_answers_it(tmp_path: Path) -> None:
    rows = [["Vorname", "Nachname", "Name und Organisation", "E-Mail"]]
    rows += [[first, last, f"{first} {last}, {org}", f"q{n}@example.org"]
             for n, (_, first, last, org, _p) in enumerate(PEOPLE, 1)]
    path = _write(tmp_path / "fragen.csv", rows)
    event = _event(tmp_path)
    dry = run_cli("import", event, path, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert ("column 'Name und Organisation' could be full name (first last) or organisation"
            in dry.stdout)
    assert "kept as extra field — use --map 'Name und Organisation=name'" in dry.stdout
    as_json = json.loads(run_cli("import", event, path, "--dry-run", "--json").stdout)
    (question,) = as_json["questions"]
    assert question["column"] == "Name und Organisation"
    assert question["could_be"] == ["name", "organization"]
    answered = run_cli("import", event, path, "--dry-run", "--map",
                       "Name und Organisation=ignore")
    assert "could be" not in answered.stdout


def test_questions_are_printed_when_no_name_column_is_left(tmp_path: Path) -> None:
    path = _write(tmp_path / "nur.csv", [["Name und Organisation", "E-Mail"],
                                         ["Anna Winkler, TU Dortmund", "a@example.org"]])
    result = run_cli("import", _event(tmp_path), path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: No column holds names")
    assert "column 'Name und Organisation' could be" in result.stdout


# -- the wizard asks ---------------------------------------------------------------------


def test_wizard_shows_the_question_for_an_ambiguous_header(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from checkin.store import open_event
    from checkin.ui.common.tasks import TaskRunner
    from checkin.ui.importing.import_wizard import ImportWizard
    from tests.helpers import artifact

    rows = [["Vorname", "Nachname", "Name und Organisation", "E-Mail"],
            ["Anna", "Winkler", "Anna Winkler, TU Dortmund", "a@example.org"]]
    path = _write(tmp_path / "fragen.csv", rows)
    store = open_event(_event(tmp_path))
    try:
        wizard = ImportWizard(store, TaskRunner(immediate=True))
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.file_page.set_path(path)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton),
                         Qt.MouseButton.LeftButton)
        page = wizard.mapping_page
        assert wizard.currentPage() is page

        def cell(row: int, col: int) -> str:
            item = page.table.item(row, col)
            return item.text() if item is not None else ""

        row = next(r for r in range(page.table.rowCount())
                   if cell(r, 0) == "Name und Organisation")
        assert page.combos[row].currentData() == "extra"
        question = cell(row, 3)
        assert question.startswith("Could be Full name (first last) or Organisation?")
        assert "1 column" in page.note.text()
        assert page.open_questions() == [question]
        wizard.grab().save(str(artifact("import_wizard_column_question.png")))
        # the user answers: the question goes, the choice stays
        page.combos[row].setCurrentIndex(page.combos[row].findData("organization"))
        assert cell(row, 3) == ""
        assert page.open_questions() == []
        assert "1 column" not in page.note.text()
        assert wizard.preview is not None
        assert wizard.preview.targets[row] == "organization"
    finally:
        store.close()
