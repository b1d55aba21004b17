"""A person's fields are declared once (checkin.model.PERSON_FIELDS); the rest follows.

The test adds a field "department" in that one place and sees it in the import
(a "Department" column fills it), the door's search, the desk's edit form and
the edit itself, the export's default columns (CSV and XLSX) and the purge.
The event file's columns are static SQL, so a declared field without a column
of its own lives in ``Attendee.extra`` under its name.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checkin import model
from checkin.door.door import Door
from checkin.event.privacy import purge_rows
from checkin.export import COLUMN_LABELS, DEFAULT_COLUMNS, export_day
from checkin.importing import commit, prepare, preview
from checkin.model import FIELD_LABELS, KNOWN_FIELDS, PersonField, field_names
from checkin.store import create_event

DAY = "2017-09-19"
DEPARTMENT = PersonField("department", "Department")


@pytest.fixture
def with_department(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "PERSON_FIELDS", (*model.PERSON_FIELDS, DEPARTMENT))


def test_the_declaration_is_what_the_app_had_spelled_out() -> None:
    """Derived lists equal the ones modules used to spell out (behaviour unchanged)."""
    from checkin.event import privacy
    from checkin.importing.mapping import IMPORTED_FIELDS
    from checkin.ui.door.person_form import edit_fields, walk_in_fields

    eight = ("title", "first_name", "last_name", "organization", "project", "role", "email",
             "ticket_code")
    assert KNOWN_FIELDS == IMPORTED_FIELDS == privacy._PERSONAL_FIELDS == eight
    assert edit_fields() == eight[:-1]
    assert walk_in_fields() == ("first_name", "last_name", "organization", "project", "role")
    assert tuple(COLUMN_LABELS) == ("last_name", "first_name", "title", "organization",
                                    "project", "role", "email", "ticket_code",
                                    "checked_in_at", "desk", "walk_in")
    assert tuple(DEFAULT_COLUMNS) == ("last_name", "first_name", "title", "organization",
                                      "project", "role", "checked_in_at", "desk", "walk_in")


@pytest.mark.usefixtures("with_department")
def test_a_field_added_in_one_place_is_seen_everywhere(qtbot, tmp_path: Path  # type: ignore[no-untyped-def]
                                                       ) -> None:
    assert FIELD_LABELS["department"] == "Department"
    assert "department" in field_names(editable=True, exported=True, personal=True,
                                       searchable=True)
    listing = tmp_path / "list.csv"
    with listing.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([
            ["Vorname", "Nachname", "Department", "Teilnahme 19.09."],
            ["Anna", "Adler", "Hydrologie", "x"],
            ["Bert", "Bach", "Forstwirtschaft", "x"]])
    store = create_event(tmp_path / "e.checkin", name="Fields", days=[date(2017, 9, 19)])
    try:
        # import: the "Department" column fills the declared field
        commit(store, prepare(preview(listing, [date(2017, 9, 19)]), store))
        anna = next(p for p in store.attendees() if p.first_name == "Anna")
        assert anna.field("department") == "Hydrologie"

        # search: found by the new field
        door = Door(store)
        hits = door.search_index(DAY).search("hydrolog")
        assert [h.attendee.id for h in hits] == [anna.id]

        # the edit form shows it, labelled, with the value; the desk's edit saves it
        from checkin.ui.door.person_form import edit_form

        form = edit_form(anna)
        qtbot.addWidget(form)
        assert form.edits["department"].text() == "Hydrologie"
        assert form.edits["department"].accessibleName() == "Department"
        form.edits["department"].setText("Limnologie")
        anna = door.edit(anna.id, form.values())
        assert anna.field("department") == "Limnologie"
        assert store.audit_log(action="edit_attendee")[-1]["detail"]["changes"] == {
            "department": {"from": "Hydrologie", "to": "Limnologie"}}

        # export: a default column with its header and values (CSV and XLSX)
        for person in store.attendees():
            door.check_in(person.id, day=DAY)
        export_day(store, DAY, tmp_path / "day.csv")
        with (tmp_path / "day.csv").open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";"))
        column = rows[0].index("Department")
        assert [r[column] for r in rows[1:]] == ["Limnologie", "Forstwirtschaft"]
        export_day(store, DAY, tmp_path / "day.xlsx")
        book = openpyxl.load_workbook(tmp_path / "day.xlsx", read_only=True)
        try:
            sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
        assert "Limnologie" in sheet[1 + [r[0] for r in sheet[1:]].index("Adler")]
        assert "Department" in sheet[0]

        # purge: the personal data goes, the new field with it
        purge_rows(store)
        assert all(p.field("department") == "" for p in store.attendees())
    finally:
        store.close()
