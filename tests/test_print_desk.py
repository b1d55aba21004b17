"""Printing at the desk, in the real main window: batches that record places only when
staff say so, the role band of a list without roles, a printer chosen for the desk,
failed jobs explained, and one print queue in the panel and the Badges window."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from checkin.model import Attendee
from checkin.store import create_event, open_event
from tests.helpers import FilePrinter, artifact, badge_window, require_tool

DAY1 = "2017-09-19"


def _expected_person(path: Path, skip: int = 0) -> tuple[str, str]:
    with open_event(path) as store:
        people = store.attendees()
        names = [a.display_name for a in people]
        found = [a for a in people if a.expected_on(DAY1) and a.status != "cancelled"
                 and names.count(a.display_name) == 1]
        return found[skip].id, found[skip].display_name


def _check_in(window, name: str) -> None:  # type: ignore[no-untyped-def]
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    desk.field.setText(name)
    desk.check_in_selected()


def test_save_as_pdf_records_places_only_when_staff_say_the_badges_go_into_boxes(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = badge_window(qtbot, tmp_path, demo_path, FilePrinter(tmp_path), on_checkin=False)
    window.badges.action_dialog.trigger()
    dialog = window.badges.dialog
    qtbot.addWidget(dialog)
    assert not dialog.batch_record.isChecked()  # Save as PDF is a preview unless said
    assert "handed out from boxes" in dialog.batch_record.text()
    preview = tmp_path / "look.pdf"
    dialog.save_batch(str(preview))
    assert preview.exists() and "No places recorded" in dialog.batch_status.text()
    first_id, first = _expected_person(demo_path)
    _check_in(window, first)
    assert window.badges.panel.location.text() == ""  # no "Pre-printed badge: Box A–E, No. 1"
    with open_event(demo_path) as store:
        assert store.query("SELECT count(*) FROM badge_positions")[0][0] == 0
        assert store.audit_log(action="badge_handed_out", attendee_id=first_id) == []
    # staff say this batch goes into boxes: now places are kept and the desk points to them
    dialog.batch_record.setChecked(True)
    boxes = tmp_path / "boxes.pdf"
    dialog.save_batch(str(boxes))
    assert "Places recorded" in dialog.batch_status.text()
    _second_id, second = _expected_person(demo_path, skip=1)
    _check_in(window, second)
    assert "Box" in window.badges.panel.location.text()
    dialog.grab().save(str(artifact("badges_batch_record_choice.png")))
    dialog.close()


def test_a_list_without_roles_prints_the_participant_label_in_the_role_band(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for language, label in (("de", "Teilnehmer/in"), ("en", "Participant")):
        folder = tmp_path / language
        folder.mkdir()
        path = folder / "norole.checkin"
        store = create_event(path, name="Tagung", days=[date.fromisoformat(DAY1)],
                             language=language)
        store.add_attendees([Attendee(id="o", first_name="Ole", last_name="Ohnerolle",
                                      days=(DAY1,))])  # the list had no role column
        store.close()
        printer = FilePrinter(folder)
        window = badge_window(qtbot, folder, path, printer)
        _check_in(window, "Ole Ohnerolle")
        assert len(printer.jobs) == 1
        text = subprocess.run([require_tool("pdftotext"), str(printer.jobs[0]), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert label in text, text
        window.close()
