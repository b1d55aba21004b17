"""The door hands walk-ins and corrected names to badge printing: one badge each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.test_badges_gui import FilePrinter, _window

DAY1 = "2017-09-19"


def test_walk_in_gets_exactly_one_badge(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        demo_path: Path) -> None:
    printer = FilePrinter(tmp_path)
    window = _window(qtbot, tmp_path, demo_path, printer)
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    form = desk.open_walk_in()
    form.edits["first_name"].setText("Zoë")
    form.edits["last_name"].setText("Quast")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.jobs) >= 1)
    qtbot.wait(200)
    assert len(printer.jobs) == 1
