"""Badges in the real main window (offscreen): print on check-in, queue, pre-printed boxes,
the template editor's live preview, batches from the dialog, and Qt's printer path."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtPrintSupport import QPrinter

from checkin.badges import render_batch, render_one
from checkin.door import codes
from checkin.store import open_event
from checkin.ui.badges.badge_settings import DeskPrintSettings
from checkin.ui.badges.badges_dialog import BadgesDialog
from checkin.ui.badges.print_queue import DONE, FAILED, PRINTED, PrintQueue
from checkin.ui.badges.qt_printing import print_pdf
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.main_window import MainWindow
from tests.helpers import FilePrinter, artifact, badge_window, check_in_by_name, read_qr_codes

DAY1, DAY2 = "2017-09-19", "2017-09-20"




def _codes_in(pdf: Path) -> list[str]:
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return [r.text for r in read_qr_codes(doc[0].render(scale=2).to_pil())]
    finally:
        doc.close()




def _expected(store_path: Path) -> tuple[str, str, str]:
    """A two-day person with a unique name: (id, full name, badge code)."""
    with open_event(store_path) as store:
        people = store.attendees()
        names = [a.full_name for a in people]
        person = next(a for a in people if set(a.days) == {DAY1, DAY2}
                      and names.count(a.full_name) == 1 and a.title == "")
        return person.id, person.full_name, codes.badge_code(store.code_secret(),
                                                             person.code_ref)




def test_badge_prints_once_on_first_check_in_and_again_only_on_reprint(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = FilePrinter(tmp_path)
    window = badge_window(qtbot, tmp_path, demo_path, printer)
    person_id, name, code = _expected(demo_path)
    check_in_by_name(window, name, person_id, DAY1)
    assert len(printer.jobs) == 1
    assert _codes_in(printer.jobs[0]) == [code]
    window.grab().save(str(artifact("badges_desk_printed_on_checkin.png")))
    check_in_by_name(window, name, person_id, DAY2)
    assert len(printer.jobs) == 1  # printed before: no second badge on day two
    window.badges.show_person(window.badges.person or window.desk.selected())  # type: ignore[union-attr, arg-type]
    window.badges.panel.reprint_button.click()
    assert len(printer.jobs) == 2
    with open_event(demo_path) as store:
        log = store.audit_log(action="badge_print", attendee_id=person_id)
    assert [e["detail"]["reason"] for e in log] == ["check-in", "reprint"]
    assert all(e["desk"] == "Desk 1" for e in log)


def test_a_failed_print_keeps_the_check_in_and_can_be_retried(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = FilePrinter(tmp_path)
    printer.broken = True
    window = badge_window(qtbot, tmp_path, demo_path, printer)
    person_id, name, _code = _expected(demo_path)
    check_in_by_name(window, name, person_id, DAY1)
    queue = window.badges.queue
    assert queue is not None and queue.jobs[0].state == FAILED
    assert "out of labels" in queue.jobs[0].message
    view = window.badges.queue_view
    assert view is not None and view.retry_button.isEnabled()
    assert view.table.item(0, 2).text() == "failed"
    window.grab().save(str(artifact("badges_queue_failed.png")))
    with open_event(demo_path) as store:
        assert person_id in store.checked_in(DAY1)
        assert store.audit_log(action="badge_print") == []
    printer.broken = False
    view.retry_button.click()
    assert queue.jobs[0].state == PRINTED and len(printer.jobs) == 1
    assert not view.retry_button.isEnabled()


def test_check_in_tells_where_the_pre_printed_badge_is(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_event(demo_path) as store:
        batch = render_batch(store, layout="a4-4xa6", record=True, desk="Back office")
    printer = FilePrinter(tmp_path)
    window = badge_window(qtbot, tmp_path, demo_path, printer)
    person_id, name, _code = _expected(demo_path)
    position = next(p for p in batch.positions if p.attendee_id == person_id)
    check_in_by_name(window, name, person_id, DAY1)
    text = window.badges.panel.location.text()
    assert f"{position.box}, No. {position.number}" in text and "handed out" in text
    assert printer.jobs == []  # it was printed in advance: nothing new is printed
    with open_event(demo_path) as store:
        assert len(store.audit_log(action="badge_handed_out", attendee_id=person_id)) == 1
    window.grab().save(str(artifact("badges_desk_preprinted.png")))


def _dialog(qtbot, tmp_path: Path, store) -> BadgesDialog:  # type: ignore[no-untyped-def]
    settings = DeskSettings.at(tmp_path / "s.ini")
    tasks = TaskRunner(immediate=True)
    queue = PrintQueue(store, tasks, "Desk 1", lambda: DeskPrintSettings(), FilePrinter(tmp_path),
                       poll=None)
    dialog = BadgesDialog(store, tasks, settings, "Desk 1", queue)
    qtbot.addWidget(dialog)
    return dialog


def test_template_editor_checks_and_previews_live(
        qtbot, tmp_path: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path, demo_store)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    dialog.editor_choice.setCurrentText("conference-a6")
    dialog.update_template_preview()
    first = dialog.editor_preview.pixmap().toImage()
    assert not first.isNull()
    text = dialog.editor.toPlainText()
    dialog.editor.setPlainText(text.replace('"#1d4f91"', '"#000000"', 1).replace(
        "{organization}", "{organisation}"))
    dialog.update_template_preview()
    assert "unknown field {organisation}" in dialog.editor_status.text()
    assert not dialog.save_template_button.isEnabled()
    dialog.editor.setPlainText(text.replace('"#b71c1c"', '"#ff8800"'))
    dialog.update_template_preview()
    assert dialog.editor_status.text() == "The template is fine."
    assert not dialog.editor_preview.pixmap().toImage().isNull()
    dialog.grab().save(str(artifact("badges_template_editor.png")))
    dialog.save_template_button.click()
    rows = demo_store.query("SELECT body FROM templates WHERE name = 'conference-a6'")
    assert "#ff8800" in rows[0]["body"]
    dialog.close()


def test_batch_from_the_dialog_saves_a_pdf_and_records_positions(
        qtbot, tmp_path: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path, demo_store)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("a4-8xa7"))
    dialog.batch_role.setCurrentIndex(dialog.batch_role.findData("speaker"))
    dialog.batch_record.setChecked(True)  # going into boxes at the desk
    out = tmp_path / "speakers.pdf"
    dialog.save_batch(str(out))
    assert out.exists()
    assert dialog.batch_progress.value() == dialog.batch_progress.maximum() > 0
    assert f"badges on 3 pages: {out}" in dialog.batch_status.text()
    positions = demo_store.query("SELECT count(*) AS n FROM badge_positions")[0]["n"]
    assert positions == dialog.batch_progress.maximum()
    dialog.tabs.setCurrentIndex(2)
    dialog.grab().save(str(artifact("badges_batch_dialog.png")))
    # the same batch on the desk's printer: the press only, on a file printer
    dialog.printer_combo.setCurrentText("Back office")
    dialog.batch_role.setCurrentIndex(dialog.batch_role.findData("press"))
    dialog.print_batch()
    printer_jobs = sorted(tmp_path.glob("job-*.pdf"))
    assert len(printer_jobs) == 1 and "job-1.pdf" in dialog.batch_status.text()
    dialog.close()


def test_desk_print_settings_are_kept_per_desk(tmp_path: Path) -> None:
    settings = DeskSettings.at(tmp_path / "s.ini")
    DeskPrintSettings(printer="QL-820", layout="brother-ql-62", offset_x=1.5, offset_y=-0.5,
                      print_on_checkin=True).save(settings, "Desk 2")
    again = DeskPrintSettings.load(settings, "Desk 2")
    assert again.printer == "QL-820" and again.print_on_checkin is True
    assert again.layout_obj().offset_x == 1.5 and again.layout_obj().offset_y == -0.5
    assert DeskPrintSettings.load(settings, "Desk 1").printer == ""


@pytest.mark.parametrize("layout", ["a6", "id1"])
def test_qt_printer_path_prints_at_the_exact_page_size(
        qapp, tmp_path: Path, demo_store, layout: str) -> None:  # type: ignore[no-untyped-def]
    """The Windows path, checked here by letting QPrinter write a PDF."""
    from checkin.badges import get_layout

    lay = get_layout(layout)
    person = demo_store.attendees()[0]
    pdf = render_one(demo_store, person, layout=layout).pdf
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "qt.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(300)
    print_pdf(pdf, printer, lay.page_w, lay.page_h)
    doc = pypdfium2.PdfDocument(str(out))
    try:
        width, height = doc[0].get_size()
        image = doc[0].render(scale=2).to_pil()
    finally:
        doc.close()
    assert (width, height) == pytest.approx((lay.page_w * 72 / 25.4, lay.page_h * 72 / 25.4),
                                            abs=1.0)
    code = codes.badge_code(demo_store.code_secret(), person.code_ref)
    assert [r.text for r in read_qr_codes(image)] == [code]


def test_print_on_check_in_through_the_real_cups_queue_until_printed(
        qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import PRINTER, need_cups, pdf_pages, wait_for_cups_output

    need_cups()
    settings = DeskSettings.at(tmp_path / "settings.ini")
    DeskPrintSettings(printer=PRINTER, layout="a7", print_on_checkin=True).save(settings,
                                                                                "Desk 1")
    window = MainWindow(settings, TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)
    person_id, name, _code = _expected(demo_path)
    check_in_by_name(window, name, person_id, DAY1)
    queue = window.badges.queue
    assert queue is not None
    job = queue.jobs[0]
    assert job.state in (PRINTED, DONE), job.message
    qtbot.waitUntil(lambda: job.state == DONE, timeout=60000)
    out = wait_for_cups_output(job.ref)
    try:
        assert pdf_pages(out)[0] == pytest.approx((105 * 72 / 25.4, 74 * 72 / 25.4), abs=1.5)
    finally:
        out.unlink(missing_ok=True)
    view = window.badges.queue_view
    assert view is not None and view.table.item(0, 2).text() == "printed"
