"""The whole desk day with the keyboard alone: import → search → check-in → print → export.

No mouse event may reach any widget: an application-wide filter records every
mouse press, and the test fails if there was one. Everything goes through key
presses (QTest via qtbot); where the UI could not be reached by keyboard, the
UI was fixed (default buttons, buddies, shortcuts), not this test.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWizard

from checkin.store import create_event
from checkin.ui.attendance.export_dialog import ExportDialog
from checkin.ui.badges.badge_settings import DeskPrintSettings
from checkin.ui.badges.print_queue import PrintQueueView
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.i18n import Translations
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.main_window import MainWindow
from tests.helpers import SAMPLES, FilePrinter

MOUSE = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
         QEvent.Type.MouseButtonDblClick}


class MouseWatch(QObject):
    """Records every mouse button event the application delivers."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE:
            self.seen.append(f"{event.type().name} on {type(watched).__name__}")
        return False


def _focus() -> object:
    return QApplication.focusWidget()


def test_import_search_check_in_print_export_without_a_mouse(  # type: ignore[no-untyped-def]
        qtbot, qapp, tmp_path: Path) -> None:
    watch = MouseWatch()
    qapp.installEventFilter(watch)
    try:
        _walk(qtbot, tmp_path)
    finally:
        qapp.removeEventFilter(watch)
    assert watch.seen == []


def _walk(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event = tmp_path / "fachkonferenz.checkin"
    create_event(event, name="Fachkonferenz 2017",
                 days=[date(2017, 9, 19), date(2017, 9, 20)]).close()
    settings = DeskSettings.at(tmp_path / "desk.ini")
    DeskPrintSettings(printer="Front desk", layout="a6", print_on_checkin=False).save(
        settings, "Desk 1")
    window = MainWindow(settings, TaskRunner(immediate=True))
    printer = FilePrinter(tmp_path)
    window.badges.send = printer
    window.badges.poll = None
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open_path(event)  # as `checkin gui EVENT` does

    # -- import: Ctrl+I, type the file's path, Enter through the pages ---------------
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wizard = window.import_hook.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.waitUntil(lambda: _focus() is wizard.file_page.path_edit)
    qtbot.keyClicks(wizard.file_page.path_edit, str(SAMPLES / "teilnehmer_excel_de.csv"))
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # reads the file and goes on
    assert wizard.preview is not None, wizard.file_page.status.text()
    if wizard.currentPage() is wizard.file_page:  # Enter read the file; Enter again: Next
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.mapping_page
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.report_page
    assert "will add 200" in wizard.report_page.summary.text()
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # Import (the commit button)
    assert wizard.currentPage() is wizard.import_page
    assert "200 added" in wizard.import_page.label.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # Finish
    qtbot.waitUntil(lambda: not wizard.isVisible())

    # -- search and check in: Ctrl+F, type, Enter ------------------------------------
    window.activateWindow()  # the window manager's job when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.desk is not None and len(window.desk.index) == 200)
    desk = window.desk
    assert desk is not None
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is desk.field
    qtbot.keyClicks(desk.field, "anna winkler", delay=60)  # a person's pace, not a scanner's
    person = desk.selected()
    assert person is not None and person.last_name == "Winkler"
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.banner.headline.text().startswith("Welcome")
    assert window.store is not None and person.id in window.store.checked_in(desk.day)

    # -- print the badge: Ctrl+P --------------------------------------------------------
    qtbot.keyClick(_focus(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(printer.jobs) == 1 and printer.jobs[0].read_bytes().startswith(b"%PDF")
    view = window.badges.queue_view
    assert isinstance(view, PrintQueueView) and view.table.rowCount() == 1

    # -- export the day: Ctrl+Shift+E, CSV, type the file name, Enter ---------------
    qtbot.keyClick(_focus(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.attendance.export_dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: _focus() is dialog.format)
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)  # Excel → CSV
    assert dialog.suffix == ".csv"
    qtbot.keyClick(_focus(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Save as
    assert _focus() is dialog.target
    out = tmp_path / "anwesenheit.csv"
    qtbot.keyClick(dialog.target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.target, str(out))
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)  # the default button: Export
    qtbot.waitUntil(lambda: dialog.summary is not None)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Nachname", "Vorname"]
    assert [r[:2] for r in rows[1:]] == [["Winkler", "Anna"]]
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_day_picker_and_shortcuts_are_reachable_and_named(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, demo_path: Path) -> None:
    """Ctrl+D opens the day picker (Tab in the search field is a scanner's suffix); every
    menu entry with a key names it in its tooltip."""
    window = MainWindow(DeskSettings.at(tmp_path / "desk.ini"),
                        TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open_path(demo_path)
    desk = window.desk
    assert desk is not None
    first = desk.day
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    picker = desk.day_picker
    qtbot.waitUntil(lambda: picker.view().isVisible())
    other = 1 - picker.currentIndex()
    qtbot.keyClick(picker.view(), Qt.Key.Key_Down if other else Qt.Key.Key_Up)
    qtbot.keyClick(picker.view(), Qt.Key.Key_Return)
    assert desk.day != first and desk.day == picker.itemData(other)
    shown = 0
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            if not action.shortcut().isEmpty():
                shown += 1
                assert action.shortcut().toString() in action.toolTip(), action.text()
    assert shown >= 12


def _mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_menu_mnemonics_are_unique_in_each_language(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, demo_path: Path, lang: str, translations: Translations) -> None:
    """Alt+letter opens one menu, and one entry in it: no letter used twice."""
    translations.install(lang)
    window = MainWindow(DeskSettings.at(tmp_path / "desk.ini"),
                        TaskRunner(immediate=True), translations=translations)
    qtbot.addWidget(window)
    assert window.open_path(demo_path)
    menus = [a for a in window.menuBar().actions() if a.menu() is not None]
    letters = [_mnemonic(a.text()) for a in menus]
    assert all(letters) and len(set(letters)) == len(letters), letters
    for action in menus:
        entries = [_mnemonic(a.text()) for a in action.menu().actions()  # type: ignore[union-attr]
                   if not a.isSeparator() and _mnemonic(a.text())]
        assert len(set(entries)) == len(entries), (action.text(), entries)
