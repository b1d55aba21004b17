"""The door hands walk-ins and corrected names to badge printing: one badge each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from checkin.ui.badges.print_queue import PRINTED, PRINTING, QUEUED
from tests.helpers import FilePrinter, badge_window

DAY1 = "2017-09-19"


def test_walk_in_gets_exactly_one_badge(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        demo_path: Path) -> None:
    printer = FilePrinter(tmp_path)
    window = badge_window(qtbot, tmp_path, demo_path, printer)
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    form = desk.open_walk_in()
    form.edits["first_name"].setText("Zoë")
    form.edits["last_name"].setText("Quast")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    queue = window.badges.queue
    assert queue is not None
    # every badge the walk-in set off is finished (none still queued or printing)
    qtbot.waitUntil(lambda: bool(queue.jobs) and all(
        job.state not in (QUEUED, PRINTING) for job in queue.jobs))
    assert [(job.person.full_name, job.state) for job in queue.jobs] == [
        ("Zoë Quast", PRINTED)]
    assert len(printer.jobs) == 1
