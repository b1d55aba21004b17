"""Lists and exports as a reader gets them: whole words, the event's language, the picked day."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from checkin.attendance.stats import day_stats
from checkin.badges import render_batch
from checkin.export import ExportOptions, export_day
from checkin.model import Attendee
from checkin.store import create_event, open_event
from tests.attendance_scenario import D1, build
from tests.helpers import FilePrinter, artifact, badge_window, desk_window, require_tool

#: every column, so that the name column is squeezed to its narrowest
WIDE = ("title", "first_name", "last_name", "organization", "project", "role", "email")


def _pdf_words(path: Path) -> str:
    return subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_signature_list_breaks_names_at_spaces_and_hyphens_and_shrinks_long_words(
        tmp_path: Path) -> None:
    store, _sessions = build(tmp_path / "e.checkin")
    store.add_attendees([
        Attendee(id="h", first_name="Friederike", last_name="Hohenzollern-Sigmaringen",
                 title="Prof. Dr.", organization="Landesamt für Umwelt, Naturschutz und "
                 "Geologie Mecklenburg-Vorpommern", role="Teilnehmerin", days=(D1,)),
        Attendee(id="w", first_name="Wim", last_name="Wasserstoffforschungszentrum",
                 organization="Verbund", days=(D1,)),
    ])
    out = tmp_path / "signature.pdf"
    export_day(store, D1, out, ExportOptions(signature=True, columns=WIDE))
    text = _pdf_words(out)
    words = set(re.findall(r"[\w@.,-]+", text))
    # broken after the hyphen, never inside a word
    assert "Hohenzollern-" in words and "Sigmaringen," in words, text
    assert "Mecklenburg-" in words and "Vorpommern" in words, text
    # a word too wide at 9 pt is set smaller, not split
    assert "Wasserstoffforschungszentrum," in words, text
    # e-mail addresses break before the "@", not inside the name or the domain
    assert "anna" in words and "@uni-" in words and "koeln.de" in words, text
    store.close()


def test_walk_in_flag_speaks_the_event_language_in_every_format(tmp_path: Path) -> None:
    store, _sessions = build(tmp_path / "e.checkin")
    columns = ("last_name", "first_name", "walk_in")
    for language, yes in (("de", "ja"), ("en", "yes")):
        store.set_event(language=language)
        csv_path = tmp_path / f"{language}.csv"
        export_day(store, D1, csv_path, ExportOptions(columns=columns))
        rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig")),
                               delimiter=";"))
        assert ["Weiß", "Wanda", yes] in rows, rows
        assert all(row[2] in ("", yes) for row in rows[1:]), rows
        xlsx_path = tmp_path / f"{language}.xlsx"
        export_day(store, D1, xlsx_path, ExportOptions(columns=columns))
        values = list(load_workbook(xlsx_path)[D1].iter_rows(values_only=True))
        assert ("Weiß", "Wanda", yes) in values, values
        pdf_path = tmp_path / f"{language}.pdf"
        export_day(store, D1, pdf_path, ExportOptions(columns=columns))
        assert re.search(rf"Weiß, Wanda\s+{yes}\b", _pdf_words(pdf_path))
    store.close()


def test_live_board_chart_follows_the_picked_day_not_the_calendar(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the event's day is in 2017; the desk checks people in today, for that day
    path = tmp_path / "rehearsal.checkin"
    store = create_event(path, name="Probe", days=[date.fromisoformat(D1)])
    store.add_attendees([Attendee(id=f"p{i}", first_name=f"Person{i}", last_name="Probe",
                                  ticket_code=f"T-{i}", days=(D1,)) for i in range(3)])
    store.close()
    window = desk_window(qtbot, tmp_path, path)
    desk = window.desk
    assert desk is not None
    desk.set_day(D1)
    for i in range(3):
        desk.field.setText(f"Person{i} Probe")
        desk.check_in_selected()
    with open_event(path) as check:
        qtbot.waitUntil(lambda: day_stats(check, D1).checked_in == 3, timeout=5000)
    window.attendance.action_board.trigger()
    board = window.attendance.board
    assert board is not None
    qtbot.addWidget(board)
    board.day_picker.setCurrentIndex(board.day_picker.findData(D1))
    board.refresh(force=True)
    assert board.here.value == "3"
    # the bars add up to the big number beside them (not "No one checked in yet")
    assert sum(n for _, n in board.chart.slots) == 3, board.chart.slots
    board.grab().save(str(artifact("live_board_other_day.png")))
    window.close()


def test_desk_names_the_pre_printed_badge_box_in_its_own_language(
        qtbot, tmp_path: Path, demo_path: Path, translations) -> None:  # type: ignore[no-untyped-def]
    translations.install("de")
    with open_event(demo_path) as store:
        batch = render_batch(store, layout="a4-4xa6", record=True, desk="Back office")
        person = next(p for p in store.attendees()
                      if p.expected_on(D1) and p.status != "cancelled")
    position = next(p for p in batch.positions if p.attendee_id == person.id)
    window = badge_window(qtbot, tmp_path, demo_path, FilePrinter(tmp_path))
    desk = window.desk
    assert desk is not None
    desk.set_day(D1)
    desk.field.setText(person.display_name)
    desk.check_in_selected()
    box = position.box.removeprefix("Box ")
    text = window.badges.panel.location.text()
    assert f"Kiste {box}, Nr. {position.number}" in text, text
    assert "No." not in text and "Box" not in text
    window.grab().save(str(artifact("badges_desk_preprinted_de.png")))
