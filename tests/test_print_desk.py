"""Printing at the desk, in the real main window: batches that record places only when
staff say so, the role band of a list without roles, a printer chosen for the desk,
failed jobs explained, and one print queue in the panel and the Badges window."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from checkin.door import codes
from checkin.model import Attendee
from checkin.store import create_event, open_event
from checkin.ui.badges.badge_settings import DeskPrintSettings
from checkin.ui.badges.print_queue import (
    DONE,
    FAILED,
    PRINTED,
    PRINTING,
    QUEUED,
    system_printers,
)
from tests.helpers import (
    PRINTER,
    FilePrinter,
    artifact,
    badge_window,
    desk_window,
    need_cups,
    rasterise,
    read_qr_codes,
    require_tool,
    wait_for_cups_output,
)

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


def _walk_in(qtbot, window, first: str, last: str) -> None:  # type: ignore[no-untyped-def]
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    form = desk.open_walk_in()
    form.edits["first_name"].setText(first)
    form.edits["last_name"].setText(last)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)


def _settled(queue) -> bool:  # type: ignore[no-untyped-def]
    return bool(queue.jobs) and all(j.state not in (QUEUED, PRINTING) for j in queue.jobs)


def test_a_desk_without_a_printer_uses_the_only_cups_queue_and_logs_a_first_badge(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    need_cups()
    if system_printers() != [PRINTER]:
        pytest.skip(f"this computer must have exactly one print queue ({PRINTER})")
    window = desk_window(qtbot, tmp_path, demo_path)  # no printer chosen for this desk
    assert DeskPrintSettings.load(window.settings, window.badges.desk_name).printer == ""
    _walk_in(qtbot, window, "Zoë", "Quast")
    queue = window.badges.queue
    assert queue is not None
    qtbot.waitUntil(lambda: _settled(queue), timeout=30000)
    job = queue.jobs[0]
    assert job.state in (PRINTED, DONE), job.message
    # the desk says which printer it took, and keeps it
    note = window.badges.panel.printer_note
    assert note.isVisibleTo(window) and PRINTER in note.text() and "only printer" in note.text()
    assert DeskPrintSettings.load(window.settings, window.badges.desk_name).printer == PRINTER
    pdf = wait_for_cups_output(job.ref)
    try:  # the walk-in's own badge came out of the printer (its QR code reads back)
        with open_event(demo_path) as store:
            code = codes.badge_code(store.code_secret(), job.person.code_ref)
        found = [r.text for page in rasterise(pdf.read_bytes()) for r in read_qr_codes(page)]
        assert found == [code]
    finally:
        pdf.unlink(missing_ok=True)
    # logged as the walk-in's first badge, not as a reprint
    with open_event(demo_path) as store:
        qtbot.waitUntil(lambda: bool(store.audit_log(action="badge_print",
                                                     attendee_id=job.person.id)))
        log = store.audit_log(action="badge_print", attendee_id=job.person.id)
    assert [e["detail"]["reason"] for e in log] == ["first"]
    window.grab().save(str(artifact("badges_desk_only_printer.png")))


def test_a_desk_with_several_printers_asks_once(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = desk_window(qtbot, tmp_path, demo_path)
    printer = FilePrinter(tmp_path)
    queue = window.badges.queue
    assert queue is not None
    queue.send, queue.poll = printer, None  # a file printer (the event is open already)
    window.badges.printers = lambda: ["Front desk", "Back office"]
    _walk_in(qtbot, window, "Zoë", "Quast")
    qtbot.waitUntil(lambda: window.badges.printer_prompt is not None
                    and window.badges.printer_prompt.isVisible())
    prompt = window.badges.printer_prompt
    assert printer.jobs == []  # the badge waits for the answer
    prompt.setTextValue("Back office")
    prompt.accept()
    qtbot.waitUntil(lambda: _settled(queue))
    assert [j.state for j in queue.jobs] == [PRINTED] and len(printer.jobs) == 1
    assert "Back office" in window.badges.panel.printer_note.text()
    assert DeskPrintSettings.load(window.settings, window.badges.desk_name).printer == \
        "Back office"
    _walk_in(qtbot, window, "Ada", "Quast")
    qtbot.waitUntil(lambda: len(queue.jobs) == 2 and _settled(queue))
    assert window.badges.printer_prompt is None and len(printer.jobs) == 2  # asked once


def test_a_failed_job_says_why_and_what_to_do_in_the_panel_and_the_badges_window(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = FilePrinter(tmp_path)
    printer.broken = True
    window = badge_window(qtbot, tmp_path, demo_path, printer)
    _person_id, name = _expected_person(demo_path)
    _check_in(window, name)
    queue = window.badges.queue
    view = window.badges.queue_view
    assert queue is not None and view is not None
    assert queue.jobs[0].state == FAILED
    # readable in a narrow panel: a wrapped line under the queue, and the full reason as tooltip
    window.badges.dock.resize(260, window.badges.dock.height())
    assert view.problem.isVisibleTo(window)
    line = view.problem.text()
    assert "out of labels" in line and "Retry failed" in line and "check-in is saved" in line
    assert view.problem.wordWrap()
    for col in range(view.table.columnCount()):
        assert "out of labels" in view.table.item(0, col).toolTip()
    window.grab().save(str(artifact("badges_desk_failed_job.png")))
    # the Badges window's Queue tab shows the same queue, failed job included
    window.badges.action_dialog.trigger()
    dialog = window.badges.dialog
    qtbot.addWidget(dialog)
    tab = dialog.queue_view
    assert tab.queue is queue
    assert tab.table.rowCount() == 1 and "out of labels" in tab.table.item(0, 3).text()
    assert tab.problem.text() == line
    # a retry from the Badges window is seen in the panel too
    printer.broken = False
    tab.retry_button.click()
    assert queue.jobs[0].state == PRINTED
    assert view.table.item(0, 2).text() == tab.table.item(0, 2).text()
    assert not view.problem.isVisibleTo(window) and not view.retry_button.isEnabled()
    dialog.close()
