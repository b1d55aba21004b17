"""The import wizard driven like a person would: real files, real widgets, real event files."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QWizard

from checkin.importing import remembered_mappings
from checkin.store import EventStore, create_event, open_event
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.importing.import_wizard import NAME_COLUMN, ImportWizard
from checkin.ui.main_window import MainWindow
from tests.helpers import SAMPLES, artifact

DAYS = [date(2017, 9, 19), date(2017, 9, 20)]


def _event(tmp_path: Path) -> Path:
    path = tmp_path / "event.checkin"
    create_event(path, name="Fachkonferenz 2017", days=DAYS).close()
    return path


def _wizard(qtbot, store: EventStore, path: Path | None = None) -> ImportWizard:  # type: ignore[no-untyped-def]
    """A wizard that runs its jobs at once on this thread (deterministic)."""
    wizard = ImportWizard(store, TaskRunner(immediate=True))
    qtbot.addWidget(wizard)
    wizard.show()
    if path is not None:
        wizard.file_page.set_path(path)
    return wizard


def _combo_for(wizard: ImportWizard, header: str) -> QComboBox:
    page = wizard.mapping_page
    for row in range(page.table.rowCount()):
        if page.table.item(row, 0).text() == header:
            return page.combos[row]
    raise AssertionError(f"no row for column {header}")


def test_wizard_pick_file_change_mapping_and_import(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_event(_event(tmp_path))
    try:
        wizard = _wizard(qtbot, store, SAMPLES / "teilnehmer_excel_de.csv")
        page = wizard.file_page
        assert page.encoding.currentText() == "cp1252"
        assert page.delimiter.currentData() == ";"
        assert page.header_row.value() == 1
        cells = {page.table.item(r, 3).text() for r in range(page.table.rowCount())}
        assert "Åström" in cells
        # a wrong delimiter garbles the preview; the user can see it and switch back
        page.delimiter.setCurrentIndex(page.delimiter.findData(","))
        page.delimiter.activated.emit(page.delimiter.currentIndex())
        assert page.table.columnCount() < 5
        page.delimiter.setCurrentIndex(page.delimiter.findData(";"))
        page.delimiter.activated.emit(page.delimiter.currentIndex())
        assert page.table.columnCount() == 11
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.grab().save(str(artifact("import_wizard_1_file.png")))

        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton),
                         Qt.MouseButton.LeftButton)
        assert wizard.currentPage() is wizard.mapping_page
        assert _combo_for(wizard, "Verbundvorhaben").currentData() == "project"
        assert _combo_for(wizard, "Teilnahme 20.09.").currentData() == "day:2017-09-20"
        group = _combo_for(wizard, "Arbeitsgruppe")
        assert group.currentData() == "extra"
        group.setCurrentIndex(group.findData("role"))
        wizard.grab().save(str(artifact("import_wizard_2_columns.png")))

        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton),
                         Qt.MouseButton.LeftButton)
        report = wizard.report_page
        assert wizard.currentPage() is report
        assert "will add 200" in report.summary.text()
        assert report.problems.rowCount() == 0 and report.all_fine.isVisible()
        assert store.attendee_count() == 0  # nothing written before the user decides
        commit_button = wizard.button(QWizard.WizardButton.CommitButton)
        assert commit_button.isEnabled() and commit_button.text() == "&Import"
        wizard.grab().save(str(artifact("import_wizard_3_check.png")))

        qtbot.mouseClick(commit_button, Qt.MouseButton.LeftButton)
        done = wizard.import_page
        assert wizard.currentPage() is done
        assert done.label.text() == "Done: 200 added, 0 updated, 0 unchanged, 0 cancelled."
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
        wizard.grab().save(str(artifact("import_wizard_4_done.png")))
        people = {p.email: p for p in store.attendees()}
        anna = people["anna.winkler@technischeuniv.example"]
        assert (anna.role, anna.project) == ("AG 1 Demografie", "NaLaMa")
        assert "Arbeitsgruppe" not in anna.extra
        assert len(remembered_mappings(store)) == 1

        # the next file with the same columns comes with the chosen mapping
        again = _wizard(qtbot, store, SAMPLES / "teilnehmer_de.xlsx")
        again.next()
        assert _combo_for(again, "Arbeitsgruppe").currentData() == "role"
        assert "last time" in again.mapping_page.note.text()
        again.next()
        assert "update 0" in again.report_page.summary.text()
        assert "200 are unchanged" in again.report_page.summary.text()
    finally:
        store.close()


def test_wizard_shows_problems_and_asks_before_leaving_rows_out(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "l.csv"
    source.write_text("Vorname;Nachname;Ticket\nAnna;Adler;T1\n;;T2\nBert;Bach;T1\n"
                      "Carl;Christ;T3\n", encoding="utf-8")
    store = open_event(_event(tmp_path))
    try:
        wizard = _wizard(qtbot, store, source)
        wizard.next()
        wizard.next()
        report = wizard.report_page
        assert report.problems.rowCount() == 2
        assert [report.problems.item(r, 0).text() for r in range(2)] == ["3", "4"]
        assert "Bert | Bach | T1" in report.problems.item(1, 3).text()
        commit_button = wizard.button(QWizard.WizardButton.CommitButton)
        assert not commit_button.isEnabled()
        assert report.accept_errors.isVisible()
        wizard.grab().save(str(artifact("import_wizard_3_problems.png")))
        report.accept_errors.setChecked(True)
        assert commit_button.isEnabled()
        qtbot.mouseClick(commit_button, Qt.MouseButton.LeftButton)
        assert sorted(p.last_name for p in store.attendees()) == ["Adler", "Christ"]
    finally:
        store.close()


def test_wizard_says_what_is_wrong_with_a_bad_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "photo.csv"
    bad.write_bytes(bytes(range(256)) * 20)
    store = open_event(_event(tmp_path))
    try:
        wizard = _wizard(qtbot, store, bad)
        assert "binary data" in wizard.file_page.status.text()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.grab().save(str(artifact("import_wizard_1_bad_file.png")))
    finally:
        store.close()


def _drop(window: MainWindow, path: Path) -> None:
    """Drag a file over the window and let go, as the window system would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    how = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
           Qt.KeyboardModifier.NoModifier)
    with warnings.catch_warnings():  # PySide flags these constructors as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(50, 50), *how)
        move = QDragMoveEvent(QPoint(60, 60), *how)
    for event in (enter, move, QDropEvent(QPointF(60, 60), *how)):
        QApplication.sendEvent(window, event)
        assert event.isAccepted()


def test_drop_a_file_on_the_window_and_import_on_the_real_pool(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event = _event(tmp_path)
    window = MainWindow(DeskSettings.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(event)
    assert window.import_hook.action.shortcut().toString() == "Ctrl+I"
    _drop(window, SAMPLES / "pretix_orders.csv")
    wizard = window.import_hook.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    assert wizard.file_page.status.text().endswith("The first rows:")
    assert "pretix export" in wizard.file_page.status.text()
    wizard.next()
    assert _combo_for(wizard, "Ticket secret").currentData() == "ticket_code"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None or "ead" not in
                    wizard.report_page.summary.text(), timeout=10000)
    assert wizard.plan is not None, wizard.report_page.summary.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.result is not None, timeout=20000)
    assert "80 added" in wizard.import_page.label.text()
    # the desk sees the new people at once
    qtbot.waitUntil(lambda: window.desk is not None and len(window.desk.index) == 80)
    assert window.desk.index.search("Åström")
    wizard.accept()
    window.close()


def test_cancelling_a_running_import_changes_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.csv"
    big.write_text("Vorname;Nachname;E-Mail\n" + "".join(
        f"V{i};N{i};p{i}@example.org\n" for i in range(60000)), encoding="utf-8")
    store: EventStore = open_event(_event(tmp_path))
    tasks = TaskRunner()
    try:
        wizard = ImportWizard(store, tasks)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.file_page.set_path(big)
        qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
        wizard.next()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
        page = wizard.import_page
        page.progress.valueChanged.connect(lambda _v: page.cancel_import())
        wizard.next()
        qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
        assert page.label.text() == "Import cancelled. Nothing was changed."
        assert store.attendee_count() == 0
        assert store.audit_log(action="import") == []
    finally:
        tasks.wait()
        store.close()


def test_wizard_can_keep_people_missing_from_an_additional_list(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    late = tmp_path / "nachmeldungen.csv"
    late.write_text("Vorname;Nachname;E-Mail\nLea;Lenz;lea@example.org\n", encoding="utf-8")
    store = open_event(_event(tmp_path))
    try:
        wizard = _wizard(qtbot, store, SAMPLES / "attendees_utf8.csv")
        wizard.next()
        wizard.next()
        wizard.next()
        assert store.attendee_count() == 120
        more = _wizard(qtbot, store, late)
        more.next()
        more.next()
        report = more.report_page
        # never pre-ticked: nobody is cancelled unless staff choose it
        assert report.cancel_missing.isVisible() and not report.cancel_missing.isChecked()
        assert "cancel 0 people" in report.summary.text()
        more.grab().save(str(artifact("import_wizard_3_additional_list.png")))
        more.next()
        assert more.import_page.label.text().startswith("Done: 1 added")
        assert all(p.status == "active" for p in store.attendees())
        assert store.attendee_count() == 121
    finally:
        store.close()


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _to_report(qtbot, store: EventStore, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, store, path)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.report_page and wizard.plan is not None
    return wizard


def _texts(wizard: ImportWizard, column: int) -> list[str]:
    table = wizard.report_page.problems
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_wizard_imports_a_person_listed_twice_and_namesakes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _write(tmp_path / "l.csv", [
        "Vorname;Nachname;Organisation;E-Mail;Verbundvorhaben",
        "Anna;Adler;Uni Kassel;anna@uni.example;SpiriDi",
        "Carl;Christ;Amt;;NaLaMa",
        "Anna;Adler;Uni Kassel;anna@uni.example;GeKoNa",
        "Carl;Christ;Amt;;KoMet"])
    store = open_event(_event(tmp_path))
    try:
        wizard = _to_report(qtbot, store, source)
        report = wizard.report_page
        assert _texts(wizard, 0) == ["4", "5"]
        messages = _texts(wizard, 2)
        assert "rows 2 and 4 are one attendee" in messages[0]
        assert "same name and organisation as row 3" in messages[1]
        assert not report.accept_errors.isVisible()
        commit_button = wizard.button(QWizard.WizardButton.CommitButton)
        assert commit_button.isEnabled()  # a duplicate never blocks
        assert "will add 3" in report.summary.text()
        qtbot.mouseClick(commit_button, Qt.MouseButton.LeftButton)
        assert wizard.import_page.label.text().startswith("Done: 3 added")
        (anna,) = [p for p in store.attendees() if p.last_name == "Adler"]
        assert anna.project == "SpiriDi, GeKoNa"
        assert sorted(p.project for p in store.attendees() if p.last_name == "Christ") == [
            "KoMet", "NaLaMa"]
    finally:
        store.close()


def test_wizard_lets_staff_type_the_name_of_a_row_without_one(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _write(tmp_path / "l.csv", [
        "Vorname;Nachname;Organisation", "Anna;Adler;Uni Kassel", ";;Stadt Kassel",
        "Bert;Bach;Amt", ";;"])
    store = open_event(_event(tmp_path))
    try:
        wizard = _to_report(qtbot, store, source)
        report = wizard.report_page
        assert _texts(wizard, 0) == ["3"]  # the empty line is no row at all
        assert "no name in this row" in _texts(wizard, 2)[0]
        assert report.name_note.isVisible() and "1 row(s) have no name" in report.name_note.text()
        assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # not blocking
        assert not report.accept_errors.isVisible()
        assert "will add 2" in report.summary.text()
        cell = report.problems.item(0, NAME_COLUMN)
        assert cell.flags() & Qt.ItemFlag.ItemIsEditable
        assert not report.problems.item(0, 2).flags() & Qt.ItemFlag.ItemIsEditable
        wizard.grab().save(str(artifact("import_wizard_3_no_name.png")))
        # staff type the name into the cell, as they would with the keyboard
        report.problems.setCurrentCell(0, NAME_COLUMN)
        qtbot.keyClick(report.problems, Qt.Key.Key_F2)  # the edit key opens the cell
        (editor,) = report.problems.viewport().findChildren(QLineEdit)
        qtbot.keyClicks(editor, "Gerda Gans")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.plan.problems)
        assert "will add 3" in report.summary.text() and report.all_fine.isVisible()
        wizard.next()
        assert wizard.import_page.label.text().startswith("Done: 3 added")
        gerda = next(p for p in store.attendees() if p.last_name == "Gans")
        assert (gerda.first_name, gerda.organization) == ("Gerda", "Stadt Kassel")
    finally:
        store.close()


def _people_list(path: Path, count: int) -> Path:
    return _write(path, ["Vorname;Nachname;E-Mail"] + [
        f"V{i};N{i};p{i}@example.org" for i in range(count)])


def _confirmation(qtbot, report) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: report.confirm_cancel is not None
                    and report.confirm_cancel.isVisible())
    box = report.confirm_cancel
    assert isinstance(box, QMessageBox)
    return box


def _answer(box: QMessageBox, starts: str) -> None:
    button = next(b for b in box.buttons() if b.text().startswith(starts))
    button.click()


def test_wizard_asks_before_a_reimport_cancels_most_of_the_event(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_event(_event(tmp_path))
    try:
        first = _to_report(qtbot, store, _people_list(tmp_path / "all.csv", 30))
        first.next()
        assert store.attendee_count() == 30
        # below the threshold (3 of 30) ticking is enough, as in the CLI
        fewer = _to_report(qtbot, store, _people_list(tmp_path / "most.csv", 27))
        fewer.report_page.cancel_missing.setChecked(True)
        assert fewer.report_page.confirm_cancel is None
        assert fewer.report_page.cancel_missing.isChecked()
        assert "cancel 3 people" in fewer.report_page.summary.text()
        fewer.reject()
        # a list of 14 of them: cancelling the other 16 is most of the event
        wizard = _to_report(qtbot, store, _people_list(tmp_path / "some.csv", 14))
        report = wizard.report_page
        assert report.cancel_missing.isVisible() and not report.cancel_missing.isChecked()
        assert "cancel 0 people" in report.summary.text()
        report.cancel_missing.setChecked(True)
        box = _confirmation(qtbot, report)
        assert "would cancel 16 of the 30 people" in box.text()
        assert not report.cancel_missing.isChecked()  # nothing ticked before the answer
        wizard.grab().save(str(artifact("import_wizard_3_mass_cancel.png")))
        _answer(box, "Keep them")
        qtbot.waitUntil(lambda: report.confirm_cancel is None)
        assert not report.cancel_missing.isChecked()
        assert "cancel 0 people" in report.summary.text()
        report.cancel_missing.setChecked(True)
        _answer(_confirmation(qtbot, report), "Cancel 16 people")
        qtbot.waitUntil(report.cancel_missing.isChecked)
        assert "cancel 16 people" in report.summary.text()
        wizard.next()
        assert "16 cancelled" in wizard.import_page.label.text()
        assert sum(p.status == "cancelled" for p in store.attendees()) == 16
    finally:
        store.close()
