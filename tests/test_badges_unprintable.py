"""Characters no font has (emoji) are left out of a badge, and the desk says so on screen:
a note under the badge preview, a warning in the print queue's row (panel and Badges window).

The desk runs on the bundled fonts only, so every machine leaves out the same characters
(a system font such as DejaVu Sans would print 😀 in black and white).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checkin.badges import fonts
from checkin.model import Attendee
from checkin.store import open_event
from checkin.ui.badges.badge_settings import DeskPrintSettings
from checkin.ui.badges.badges_dialog import BadgesDialog
from checkin.ui.badges.print_queue import DONE, PRINTED
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.main_window import MainWindow
from tests.helpers import FilePrinter, artifact, badge_window, check_in_by_name

DAY1 = "2017-09-19"

EMOJI = Attendee(id="u-emoji", first_name="Anna 😀", last_name="Test",
                 organization="Party 🎉 GmbH", days=(DAY1,))
CJK = Attendee(id="u-cjk", first_name="李", last_name="小龙", organization="北京大学",
               days=(DAY1,))


@pytest.fixture(autouse=True)
def bundled_fonts_only() -> Iterator[None]:
    fonts.use_system_fonts(False)
    yield
    fonts.use_system_fonts(True)


@pytest.fixture
def event(demo_path: Path) -> Path:
    with open_event(demo_path) as store:
        store.add_attendees([EMOJI, CJK])
    return demo_path


def _shown_note(window: MainWindow, qtbot) -> str:  # type: ignore[no-untyped-def]
    """The note under the preview once the preview has rendered ('' when it is hidden)."""
    preview = window.badges.panel.preview
    qtbot.waitUntil(lambda: not preview.busy and not preview.pixmap().isNull(), timeout=20000)
    note = window.badges.panel.left_out
    return note.text() if note.isVisible() else ""


def test_the_preview_and_the_queue_say_which_characters_a_badge_leaves_out(
        qtbot, tmp_path: Path, event: Path) -> None:  # type: ignore[no-untyped-def]
    printer = FilePrinter(tmp_path)
    window = badge_window(qtbot, tmp_path, event, printer)
    window.resize(1366, 768)
    check_in_by_name(window, "Anna Test", EMOJI.id, DAY1)

    note = _shown_note(window, qtbot)
    assert note == "Not printable on the badge: 😀 🎉 (left out)"
    assert "U+1F600 GRINNING FACE" in window.badges.panel.left_out.toolTip()
    qtbot.waitUntil(lambda: window.badges.panel.preview.pixmap().width() > 50)
    window.grab().save(str(artifact("badges_desk_left_out_note.png")))

    assert len(printer.jobs) == 1
    view = window.badges.queue_view
    assert view is not None
    state, details = view.table.item(0, 2), view.table.item(0, 3)
    assert state.text() == "sent to printer, characters left out"
    assert not view.table.item(0, 0).icon().isNull()
    assert details.text().startswith("Not printable on the badge: 😀 🎉 (left out)")
    assert "😀" in view.table.item(0, 0).toolTip()

    # the Badges window's Queue tab is the same queue, with the same warning
    queue = window.badges.queue
    assert queue is not None
    dialog = BadgesDialog(window.badges.store, window.badges.tasks,  # type: ignore[arg-type]
                          window.badges.settings, "Desk 1", queue, None, window)
    qtbot.addWidget(dialog)
    dialog.queue_view.refresh()
    assert dialog.queue_view.table.item(0, 2).text() == state.text()
    assert not dialog.queue_view.table.item(0, 0).icon().isNull()


def test_a_chinese_name_prints_with_no_note_and_the_note_goes_with_the_next_person(
        qtbot, tmp_path: Path, event: Path) -> None:  # type: ignore[no-untyped-def]
    printer = FilePrinter(tmp_path)
    window = badge_window(qtbot, tmp_path, event, printer)
    check_in_by_name(window, "Anna Test", EMOJI.id, DAY1)
    assert "😀" in _shown_note(window, qtbot)
    check_in_by_name(window, "李 小龙", CJK.id, DAY1)
    assert _shown_note(window, qtbot) == ""
    assert window.badges.panel.preview.left_out == []
    view = window.badges.queue_view
    assert view is not None and view.table.rowCount() == 2
    newest = view.table.item(0, 2)
    assert view.table.item(0, 0).text() == "李 小龙"
    assert newest.text() == "sent to printer"
    assert view.table.item(0, 0).icon().isNull()
    assert not view.table.item(0, 3).text().startswith("Not printable")


def test_the_note_is_in_the_desks_language(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, event: Path, translations) -> None:
    translations.install("de")
    window = badge_window(qtbot, tmp_path, event, FilePrinter(tmp_path))
    check_in_by_name(window, "Anna Test", EMOJI.id, DAY1)
    assert _shown_note(window, qtbot) == ("Auf dem Namensschild nicht druckbar: 😀 🎉 "
                                          "(weggelassen)")
    view = window.badges.queue_view
    assert view is not None
    assert view.table.item(0, 2).text().endswith(", Zeichen weggelassen")


def test_a_badge_with_emoji_through_the_real_cups_queue_is_marked_when_printed(
        qtbot, tmp_path: Path, event: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import PRINTER, need_cups, wait_for_cups_output

    need_cups()
    settings = DeskSettings.at(tmp_path / "settings.ini")
    DeskPrintSettings(printer=PRINTER, layout="a7", print_on_checkin=True).save(settings,
                                                                                "Desk 1")
    window = MainWindow(settings, TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(event)
    check_in_by_name(window, "Anna Test", EMOJI.id, DAY1)
    queue = window.badges.queue
    assert queue is not None
    job = queue.jobs[0]
    assert job.state in (PRINTED, DONE), job.message
    qtbot.waitUntil(lambda: job.state == DONE, timeout=60000)
    wait_for_cups_output(job.ref).unlink(missing_ok=True)
    view = window.badges.queue_view
    assert view is not None
    state = view.table.item(0, 2)
    assert state.text() == "printed, characters left out"  # never a silent "printed"
    assert not view.table.item(0, 0).icon().isNull()
    assert "😀 🎉" in view.table.item(0, 3).text()
