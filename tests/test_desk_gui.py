"""The real main window on a real event file (offscreen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from checkin.store import open_event
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.main_window import MainWindow
from tests.helpers import artifact, desk_window, type_text


def test_window_shows_demo_and_checks_in(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         demo_path: Path) -> None:
    window = desk_window(qtbot, tmp_path, demo_path)
    desk = window.desk
    desk.set_day("2017-09-19")
    type_text(desk.field, "jürgen mül")
    qtbot.waitUntil(lambda: desk.model.rowCount() == 2)
    person = desk.selected()
    assert person is not None and person.full_name == "Jürgen Müller"
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    second = desk.selected()
    assert second is not None and second.id != person.id
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.banner.isVisible())
    window.grab().save(str(artifact("foundation_desk_checked_in.png")))
    with open_event(demo_path) as store:
        checked = store.checked_in("2017-09-19")
    if second.expected_on("2017-09-19"):
        assert second.id in checked
        assert "Welcome" in desk.banner.headline.text()
    else:
        assert checked == {}
        assert "not registered" in desk.banner.label.text()


def test_welcome_screen_without_event(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = DeskSettings.at(tmp_path / "s.ini")
    window = MainWindow(settings, TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.welcome
    window.grab().save(str(artifact("foundation_welcome.png")))
    window.try_demo()
    assert window.desk is not None
    assert window.store is not None and window.store.attendee_count() == 200
    assert "checked in today" in window.desk.counter.text()
    assert date.fromisoformat(window.desk.day)


def test_open_foreign_file_shows_message(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bogus = tmp_path / "bogus.checkin"
    bogus.write_bytes(b"\x00\x01 not a database")
    settings = DeskSettings.at(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert not window.open_path(bogus)
    assert shown and "not a checkin event file" in shown[0]
    assert bogus.read_bytes() == b"\x00\x01 not a database"


def test_status_bar_follows_the_day_picked_by_staff(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     demo_path: Path) -> None:
    window = desk_window(qtbot, tmp_path, demo_path)
    desk = window.desk
    other = "2017-09-20" if desk.day != "2017-09-20" else "2017-09-19"
    before = window.status_event.text()
    desk.set_day(other)
    assert desk.day == other
    assert window.status_event.text() != before
    assert ("20" if other.endswith("20") else "19") in window.status_event.text()
