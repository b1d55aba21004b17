"""A person listed twice, namesakes, rows without a name: never a blocked import.

Lists are built here in the shapes registration offices hand over (once per
project, re-sorted, with gaps), imported through the core, the real command
line and the real main window.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from checkin.importing import commit, prepare, preview
from checkin.importing.merge import cancels_most, possible_duplicates
from checkin.importing.validation import MERGED, NO_NAME, POSSIBLE_DUPLICATE, TICKET_TAKEN
from checkin.model import Attendee
from checkin.store import EventStore, create_event, open_event
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.main_window import MainWindow
from tests.helpers import artifact, run_cli, type_text

DAYS = [date(2017, 9, 19), date(2017, 9, 20)]
D1, D2 = "2017-09-19", "2017-09-20"
HEADER = ["Vorname", "Nachname", "Organisation", "E-Mail", "Verbundvorhaben", "Rolle",
          "Teilnahme 19.09.", "Teilnahme 20.09.", "Essen"]


def write_list(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([header, *rows])
    return path


def the_issues_list(path: Path) -> Path:
    """Anna Adler once per project (different day, role, meal); namesakes; a nameless row."""
    return write_list(path, [
        ["Anna", "Adler", "Universität Kassel", "anna.adler@uni-kassel.example", "SpiriDi",
         "Referentin", "x", "", "vegan"],
        ["Bert", "Bach", "Stadt Kassel", "bert@kassel.example", "GeKoNa", "", "x", "x", ""],
        ["Carl", "Christ", "Landkreis Fulda", "", "NaLaMa", "", "x", "x", ""],
        ["Anna", "Adler", "Universität Kassel", "Anna.Adler@uni-kassel.example", "GeKoNa",
         "Teilnehmerin", "", "x", "vegetarisch"],
        ["Carl", "Christ", "Landkreis Fulda", "", "KoMet", "", "x", "", ""],
        ["", "", "Stadt Kassel", "", "GeKoNa", "", "x", "", ""],
        ["Dora", "Dach", "Universität Kassel", "dora@uni-kassel.example", "SpiriDi", "",
         "x", "x", "vegan"],
    ])


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    path = tmp_path / "event.checkin"
    create_event(path, name="Fachkonferenz 2017", days=DAYS).close()
    return path


@pytest.fixture
def store(event_path: Path) -> Iterator[EventStore]:
    s = open_event(event_path)
    yield s
    s.close()


def people(store: EventStore, last: str) -> list[Attendee]:
    return sorted((p for p in store.attendees() if p.last_name == last),
                  key=lambda p: p.project)


def attendee_rows(path: Path) -> list[object]:
    db = sqlite3.connect(path)
    try:
        return [db.execute("SELECT * FROM attendees ORDER BY id").fetchall(),
                db.execute("SELECT * FROM attendee_days ORDER BY 1, 2").fetchall()]
    finally:
        db.close()


# -- one person listed twice ------------------------------------------------------------


def test_a_person_listed_twice_is_one_attendee_with_both_projects(tmp_path: Path,
                                                                  store: EventStore) -> None:
    plan = prepare(preview(the_issues_list(tmp_path / "l.csv"), DAYS), store)
    assert plan.blocking == []  # nothing for staff to decide before importing
    merged = [p for p in plan.problems if p.kind == MERGED]
    assert [(p.row, p.severity) for p in merged] == [(5, "warning")]
    assert "the same person as row 2" in merged[0].message
    assert "rows 2 and 5 are one attendee" in merged[0].message
    counts = commit(store, plan)
    assert counts["added"] == 5  # Anna once, Bert, Carl twice, Dora; the nameless row out
    (anna,) = people(store, "Adler")
    assert anna.project == "SpiriDi, GeKoNa"
    assert anna.role == "Referentin, Teilnehmerin"
    assert sorted(anna.days) == [D1, D2]
    assert anna.extra["Essen"] == "vegan, vegetarisch"
    assert anna.email == "anna.adler@uni-kassel.example"
    # the right organisation on every person
    assert {p.last_name: p.organization for p in store.attendees()} == {
        "Adler": "Universität Kassel", "Bach": "Stadt Kassel", "Christ": "Landkreis Fulda",
        "Dach": "Universität Kassel"}


def test_relatives_of_the_person_listed_twice(tmp_path: Path, store: EventStore) -> None:
    """Same ticket twice merges; two tickets stay two; a ticket is one person."""
    header = ["Vorname", "Nachname", "Organisation", "E-Mail", "Ticket", "Projekt"]
    path = write_list(tmp_path / "t.csv", [
        ["Eva", "Ernst", "Amt", "eva@amt.example", "T1", "A"],
        ["Eva", "Ernst", "Amt", "", "T1", "B"],                   # same ticket: merged
        ["Eva", "Ernst", "Amt", "eva@amt.example", "T2", "C"],    # a second ticket: kept
        ["Olaf", "Ott", "Amt", "olaf@amt.example", "", "A"],
        ["olaf", "ott", "amt", "OLAF@amt.example", "T3", "D"],    # gains the ticket code
        ["Paul", "Pohl", "Amt", "", "T1", "A"],                   # someone else's ticket
        ["Rita", "Roth", "Amt", "team@amt.example", "", "A"],
        ["Sven", "Sell", "Amt", "team@amt.example", "", "A"],     # a shared address
    ], header)
    plan = prepare(preview(path, DAYS), store)
    kinds = {p.row: p.kind for p in plan.problems}
    assert kinds[3] == MERGED and kinds[6] == MERGED
    assert kinds[7] == TICKET_TAKEN
    assert [p.row for p in plan.blocking] == [7]
    taken = next(p for p in plan.problems if p.row == 7)
    assert "ticket code T1 was already used in row 2 by Eva Ernst" in taken.message
    assert "email team@amt.example is also in row 8" in next(
        p.message for p in plan.problems if p.row == 9)
    commit(store, plan)
    by_ticket = {p.ticket_code: p for p in store.attendees()}
    assert by_ticket["T1"].project == "A, B" and by_ticket["T2"].project == "C"
    assert by_ticket["T3"].last_name == "Ott" and by_ticket["T3"].project == "A, D"
    assert sorted(p.last_name for p in store.attendees()) == [
        "Ernst", "Ernst", "Ott", "Roth", "Sell"]
    assert possible_duplicates(store, by_ticket["T1"]) == []  # two tickets: two people


def test_namesakes_nothing_tells_apart_are_both_imported_and_flagged(
        tmp_path: Path, store: EventStore) -> None:
    plan = prepare(preview(the_issues_list(tmp_path / "l.csv"), DAYS), store)
    flagged = [p for p in plan.problems if p.kind == POSSIBLE_DUPLICATE]
    assert [(p.row, p.severity) for p in flagged] == [(6, "warning")]
    assert "same name and organisation as row 4" in flagged[0].message
    commit(store, plan)
    komet, nalama = people(store, "Christ")
    assert (komet.project, nalama.project) == ("KoMet", "NaLaMa")
    assert possible_duplicates(store, komet) == [nalama]
    assert possible_duplicates(store, nalama) == [komet]
    # namesakes with emails of their own are two people, not flagged
    other = write_list(tmp_path / "n.csv", [
        ["Jan", "Jung", "Amt", "jan.jung@amt.example", "A", "", "x", "", ""],
        ["Jan", "Jung", "Amt", "j.jung@amt.example", "B", "", "x", "", ""]])
    plan = prepare(preview(other, DAYS), store, cancel_missing=False)
    assert plan.problems == []
    commit(store, plan)
    assert all(possible_duplicates(store, p) == [] for p in people(store, "Jung"))


def test_reimport_is_idempotent_even_when_the_list_is_resorted(tmp_path: Path,
                                                               event_path: Path) -> None:
    first = run_cli("import", event_path, the_issues_list(tmp_path / "l.csv"))
    assert first.returncode == 0, first.stderr
    before = attendee_rows(event_path)
    again = run_cli("import", event_path, tmp_path / "l.csv")
    assert again.returncode == 0, again.stderr
    assert "added 0, updated 0, unchanged 5, cancelled 0" in again.stdout
    # the office sorted the list by project: the namesakes swap places
    with (tmp_path / "l.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))[1:]
    resorted = write_list(tmp_path / "sorted.csv", sorted(rows, key=lambda r: r[4]))
    third = run_cli("import", event_path, resorted)
    assert third.returncode == 0, third.stderr
    assert "added 0, updated 0, unchanged 5, cancelled 0" in third.stdout
    assert attendee_rows(event_path) == before


# -- rows that cannot be used ---------------------------------------------------------


def test_cli_imports_the_list_and_reports_rows_without_a_name(tmp_path: Path,
                                                             event_path: Path) -> None:
    result = run_cli("import", event_path, the_issues_list(tmp_path / "l.csv"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "row 5: warning: the same person as row 2" in out
    assert "row 6: warning: same name and organisation as row 4" in out
    assert "row 7: error: no name in this row; it is left out" in out
    assert "Stadt Kassel" in out.split("row 7:")[1].splitlines()[0]  # the row's text
    assert "added 5, updated 0, unchanged 0, cancelled 0" in out
    assert "1 row(s) were left out (rows 7" in out
    as_json = run_cli("import", event_path, tmp_path / "l.csv", "--dry-run", "--json")
    problems = json.loads(as_json.stdout)["problems"]
    assert [(p["row"], p["kind"]) for p in problems] == [
        (5, MERGED), (6, POSSIBLE_DUPLICATE), (7, NO_NAME)]


def test_only_rows_without_a_name_never_block(tmp_path: Path, event_path: Path) -> None:
    """Whole lists with gaps: every nameless row out, every named one in."""
    rows = [[f"V{i}", f"N{i}", "Amt", f"p{i}@amt.example", "", "", "x", "", ""]
            for i in range(40)]
    for i in (0, 13, 39):
        rows[i][0] = rows[i][1] = ""
    result = run_cli("import", event_path, write_list(tmp_path / "gaps.csv", rows), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["counts"]["added"] == 37 and report["written"]
    assert [p["row"] for p in report["problems"]] == [2, 15, 41]


def test_a_name_typed_for_a_nameless_row_imports_it(tmp_path: Path, store: EventStore) -> None:
    shown = preview(the_issues_list(tmp_path / "l.csv"), DAYS)
    plan = prepare(shown, store, names={7: "Dr. Gerda Gans"})
    assert [p.kind for p in plan.problems if p.row == 7] == []
    commit(store, plan)
    (gerda,) = people(store, "Gans")
    assert (gerda.title, gerda.first_name, gerda.organization) == ("Dr.", "Gerda",
                                                                   "Stadt Kassel")


# -- cancelling most of the event -----------------------------------------------------


@pytest.mark.parametrize(("cancelled", "people_", "asks"), [
    (10, 10, False), (11, 11, True), (11, 30, False), (16, 30, True), (15, 30, False),
    (600, 1000, True), (500, 1000, False)])
def test_the_rule_for_cancelling_most_of_the_event(cancelled: int, people_: int,
                                                   asks: bool) -> None:
    assert cancels_most(cancelled, people_) is asks


def test_cli_keeps_asking_before_cancelling_most_of_the_event(tmp_path: Path,
                                                              event_path: Path) -> None:
    everyone = [[f"V{i}", f"N{i}", "Amt", f"p{i}@amt.example", "", "", "x", "", ""]
                for i in range(30)]
    assert run_cli("import", event_path, write_list(tmp_path / "all.csv", everyone)
                   ).returncode == 0
    fewer = write_list(tmp_path / "fewer.csv", everyone[:14])  # 16 of 30 would go
    refused = run_cli("import", event_path, fewer)
    assert refused.returncode == 2
    assert "would cancel 16 of the 30 people" in refused.stderr
    most = write_list(tmp_path / "most.csv", everyone[:15])  # 15 of 30: half is fine
    assert "cancelled 15" in run_cli("import", event_path, most).stdout


# -- the desk ---------------------------------------------------------------------------


def test_desk_shows_namesakes_side_by_side_with_what_differs(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             event_path: Path) -> None:
    assert run_cli("import", event_path, the_issues_list(tmp_path / "l.csv")).returncode == 0
    window = MainWindow(DeskSettings.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    try:
        assert window.open_path(event_path)
        desk = window.desk
        assert desk is not None
        desk.set_day(D1)
        desk.field.setFocus()
        # typed at machine speed the desk waits for the burst to settle; then both
        # namesakes are listed, side by side
        type_text(desk.field, "carl christ")
        qtbot.waitUntil(lambda: desk.model.rowCount() == 2 and not desk._settle.isActive())
        shown = desk.selected()
        assert shown is not None
        qtbot.waitUntil(desk.card_duplicates.isVisible, timeout=5000)
        note = desk.card_duplicates.text()
        other = "KoMet" if shown.project == "NaLaMa" else "NaLaMa"
        assert "Possible duplicate" in note and "1 more" in note
        assert f"Project / group: {other} (this card: {shown.project})" in note
        window.grab().save(str(artifact("desk_possible_duplicate.png")))
        # the other one shows this one
        desk.move_selection(1)
        qtbot.waitUntil(lambda: f"(this card: {other})" in desk.card_duplicates.text(),
                        timeout=5000)
        # someone without a namesake has no note
        desk.field.clear()
        type_text(desk.field, "dora dach")
        qtbot.waitUntil(lambda: not desk._settle.isActive() and desk.selected() is not None
                        and desk.selected().last_name == "Dach", timeout=5000)  # type: ignore[union-attr]
        desk.tasks.wait()
        qtbot.wait(0)  # deliver any finished look-up to the card
        assert not desk.card_duplicates.isVisible()
        # Anna, listed twice in the file, is one person at the desk
        desk.field.clear()
        type_text(desk.field, "anna adler")
        qtbot.waitUntil(lambda: not desk._settle.isActive()
                        and "SpiriDi, GeKoNa" in desk.card_details.text(), timeout=5000)
        desk.tasks.wait()
        qtbot.wait(0)
        assert desk.model.rowCount() == 1
        assert not desk.card_duplicates.isVisible()
    finally:
        window.tasks.wait()
        window.close()
