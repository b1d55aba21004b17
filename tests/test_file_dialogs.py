"""Every file dialog opens in the event's folder, or in the documents folder, and
*New event* asks for the event's language (issue 13).

Qt opens a dialog given no folder in the process's working directory: started
from a checkout, that is the app's source folder, and a new event, an export or
a batch of badges landed among the program's files. The tests start the real
main window with the working directory set to a scratch folder and open each
dialog (Qt's own widget dialogs, so the test can read where they opened).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from checkin.event.demo import create_demo
from checkin.store import open_event
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.event.new_event_dialog import NewEventDialog
from checkin.ui.main_window import MainWindow
from tests.helpers import DialogAnswers


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            qapp: QApplication) -> Iterator[dict[str, Path]]:
    """cwd (where the app was started), the user's home with Documents, an event folder."""
    made = {name: tmp_path / name for name in ("cwd", "home", "events")}
    for folder in made.values():
        folder.mkdir()
    made["documents"] = made["home"] / "Documents"
    made["documents"].mkdir()
    monkeypatch.chdir(made["cwd"])
    monkeypatch.setenv("HOME", str(made["home"]))
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield {name: folder.resolve() for name, folder in made.items()}
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


def _window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(DeskSettings.at(tmp_path / "desk.ini"), TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    return window


def opened_in(qtbot, step) -> Path:  # type: ignore[no-untyped-def]
    """The folder the file dialog that ``step`` opens shows first (the dialog is cancelled)."""
    shown: list[Path] = []

    def look(dialog: QFileDialog) -> None:
        shown.append(Path(dialog.directory().absolutePath()).resolve())
        dialog.reject()

    answers = DialogAnswers((QFileDialog, look))
    step()
    qtbot.waitUntil(lambda: answers.done, timeout=10000)
    return shown[0]


def test_without_an_event_new_and_open_start_in_the_documents_folder(
        qtbot, tmp_path: Path, folders: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    assert window.store is None
    assert opened_in(qtbot, window.action_new.trigger) == folders["documents"]
    assert opened_in(qtbot, window.action_open.trigger) == folders["documents"]
    # the welcome screen's buttons ask the same
    assert opened_in(qtbot, window.welcome.new_requested.emit) == folders["documents"]
    window.close()


def test_with_an_event_open_every_dialog_starts_in_the_events_folder(
        qtbot, tmp_path: Path, folders: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    event = folders["events"] / "fachkonferenz.checkin"
    create_demo(event, size=40).close()
    window = _window(qtbot, tmp_path)
    assert window.open_path(event)
    here = folders["events"]
    assert opened_in(qtbot, window.action_new.trigger) == here
    assert opened_in(qtbot, window.action_open.trigger) == here
    assert opened_in(qtbot, window.action_save_copy.trigger) == here
    # File › Import participants…, the file page's Choose…
    wizard = window.import_hook.open_wizard()
    assert wizard is not None  # deletes itself on close
    assert opened_in(qtbot, wizard.file_page.browse.click) == here
    wizard.close()
    # Attendance › Export…: the suggested file and its Choose…
    window.attendance.show_export()
    export = window.attendance.export_dialog
    assert export is not None
    qtbot.addWidget(export)
    assert Path(export.target.text()).parent.resolve() == here
    assert opened_in(qtbot, export.choose_file) == here
    export.close()
    # Badges › Batch › Save as PDF…
    window.badges.open_dialog()
    badges = window.badges.dialog
    assert badges is not None
    qtbot.addWidget(badges)
    assert opened_in(qtbot, badges.batch_save.click) == here
    badges.close()
    assert not list(folders["cwd"].iterdir())
    window.close()


def test_a_bare_export_file_name_is_written_next_to_the_event(
        qtbot, tmp_path: Path, folders: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    """A name typed without a folder is not written into the working directory either."""
    event = folders["events"] / "fachkonferenz.checkin"
    create_demo(event, size=40).close()
    window = _window(qtbot, tmp_path)
    assert window.open_path(event)
    window.attendance.show_export()
    export = window.attendance.export_dialog
    assert export is not None
    qtbot.addWidget(export)
    export.target.setText("liste")
    export.export_button.click()
    qtbot.waitUntil(lambda: export.summary is not None, timeout=20000)
    assert (folders["events"] / f"liste{export.suffix}").is_file()
    assert not list(folders["cwd"].iterdir())
    window.close()


# -- New event asks for the event's language ------------------------------------------------


def _new_event(qtbot, window: MainWindow, path: Path,  # type: ignore[no-untyped-def]
               fill) -> None:
    """File › New event… through the real dialogs: the file, then name, days, language."""
    def pick(dialog: QFileDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")  # where a person types it
        assert name is not None
        name.setText(str(path))
        dialog.accept()

    answers = DialogAnswers((QFileDialog, pick), (NewEventDialog, fill))
    window.action_new.trigger()
    qtbot.waitUntil(lambda: answers.done, timeout=10000)


@pytest.mark.parametrize(("desk", "default", "chosen"),
                         [("de", "Deutsch", "en"), ("de", "Deutsch", None),
                          ("en", "English", None)])
def test_new_event_asks_its_language_defaulting_to_the_desks(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, folders: dict[str, Path], translations,
        desk: str, default: str, chosen: str | None) -> None:
    translations.install(desk)
    settings = DeskSettings.at(tmp_path / "desk.ini")
    settings.set("ui/language", desk)
    window = MainWindow(settings, TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    path = folders["documents"] / "sommerschule.checkin"
    offered: list[str] = []

    def fill(dialog: NewEventDialog) -> None:
        offered.append(dialog.language.currentText())
        dialog.name.setText("Sommerschule 2025")
        dialog.day_text.setText("2025-07-01, 2025-07-02")
        if chosen is not None:
            dialog.language.setCurrentIndex(dialog.language.findData(chosen))
        dialog.accept()

    _new_event(qtbot, window, path, fill)
    assert offered == [default]
    assert window.store is not None and window.store.path == path  # the new event is open
    window.close_event_store()
    with open_event(path) as store:
        event = store.event()
    assert event.language == (chosen or desk)
    assert event.name == "Sommerschule 2025"
    assert [d.isoformat() for d in event.days] == ["2025-07-01", "2025-07-02"]
    window.close()


def test_new_event_with_an_unreadable_day_says_so_and_stays_open(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, folders: dict[str, Path]) -> None:
    window = _window(qtbot, tmp_path)
    path = folders["documents"] / "x.checkin"
    said: list[str] = []

    def fill(dialog: NewEventDialog) -> None:
        dialog.name.setText("Tagung")
        dialog.day_text.setText("1. Juli")
        dialog.accept()  # refused: the dialog stays open and says why
        said.append(dialog.message.text() if dialog.isVisible() else "")
        dialog.reject()

    _new_event(qtbot, window, path, fill)
    assert "1. Juli" in said[0] and "YYYY-MM-DD" in said[0]
    assert not path.exists() and window.store is None
    window.close()
