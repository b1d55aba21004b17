"""Issue 14's first contact, whole: a real-world list imported through the real CLI.

A title above the header, an organisation column headed the way offices write
it ("Einrichtung / Firma"), gender forms and required marks in the other
headers, and one person listed twice (once per project). The list must import
with a warning, the right organisation on every person, and one attendee for
the duplicate with both projects.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from checkin.store import create_event, open_event
from tests.helpers import run_cli


def test_combined_organisation_header_and_a_person_listed_twice(tmp_path: Path) -> None:
    event = tmp_path / "event.checkin"
    create_event(event, name="Fachkonferenz 2017",
                 days=[date(2017, 9, 19), date(2017, 9, 20)]).close()
    people = [
        ("Anna", "Adler", "Universität Kassel", "anna.adler@uni-kassel.example", "SpiriDi"),
        ("Bert", "Bach", "Stadt Kassel", "bert@kassel.example", "GeKoNa"),
        ("Jürgen", "Müller", "Landkreis Fulda", "jm@fulda.example", "NaLaMa"),
        ("Anna", "Adler", "Universität Kassel", "anna.adler@uni-kassel.example", "GeKoNa"),
        ("Dora", "Dach", "Hochschule Fulda", "dora@hs-fulda.example", "KoMet"),
    ]
    lines = ["Teilnehmendenliste Fachkonferenz 2017;;;;", ";;;;",
             "Vorname*;Nachname*;Einrichtung / Firma;E-Mail (dienstlich);Teilnehmer*in im Projekt"]
    lines += [";".join(p) for p in people]
    source = tmp_path / "liste.csv"
    source.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))

    done = run_cli("import", event, source, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    merged = [p for p in report["problems"] if p["kind"] == "merged"]
    assert len(merged) == 1 and merged[0]["severity"] == "warning"
    # the title row and the blank row come first: the header is row 3, Anna rows 4 and 7
    assert "rows 4 and 7 are one attendee" in merged[0]["message"]
    assert not [p for p in report["problems"] if p["severity"] == "error"]

    with open_event(event) as store:
        attendees = store.attendees()
    assert len(attendees) == 4  # Anna Adler once
    by_name = {(a.first_name, a.last_name): a for a in attendees}
    for first, last, org, _email, _project in people:
        assert by_name[(first, last)].organization == org
    anna = by_name[("Anna", "Adler")]
    assert set(anna.project.replace(" ", "").split(",")) == {"SpiriDi", "GeKoNa"}
    assert by_name[("Jürgen", "Müller")].email == "jm@fulda.example"

    found = run_cli("search", event, "Müller", "--json")
    assert found.returncode == 0, found.stderr
    assert "Landkreis Fulda" in found.stdout
