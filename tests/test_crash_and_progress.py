"""A bug in a slot writes a crash report and apologises; the desk and its event go on.
Long jobs run behind a progress dialog that can be cancelled."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from shiboken6 import isValid

from checkin.store import open_event
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.errors import install_excepthook
from checkin.ui.common.progress import run_with_progress
from checkin.ui.common.tasks import Progress, TaskRunner
from checkin.ui.main_window import MainWindow


@pytest.mark.qt_no_exception_capture
def test_exception_in_slot_writes_report_and_keeps_the_event(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    notifier = install_excepthook()
    window = MainWindow(DeskSettings.at(tmp_path / "s.ini"),
                        TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)

    def broken_slot() -> None:
        raise RuntimeError("printer driver exploded")

    button = QPushButton("Break", window)
    button.clicked.connect(broken_slot)
    button.click()
    button.click()  # a second bug while the apology is open: still one dialog

    assert notifier.count == 2
    box = notifier.box
    assert box is not None and box.isVisible()
    assert "Your event is safe" in box.text()
    reports = sorted(Path(os.environ["CHECKIN_DATA_DIR"], "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 2
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: printer driver exploded" in text and "broken_slot" in text
    assert str(reports[0]) in box.text()

    # the desk is still there with its event: a check-in still works and is on disk
    desk = window.desk
    assert desk is not None and window.store is not None
    desk.set_day("2017-09-19")
    expected = next(p for p in window.store.attendees()
                    if p.expected_on("2017-09-19") and p.status != "cancelled")
    desk.field.setText(expected.display_name)
    desk.check_in_selected()
    assert desk.banner.kind == "good"
    box.close()
    window.close()
    with open_event(demo_path) as store:
        assert store.checked_in("2017-09-19") != {}


def _slow_job(steps: int, written: list[int], started: threading.Event):  # type: ignore[no-untyped-def]
    def job(progress: Progress) -> int:
        for i in range(steps):
            started.set()
            progress.report(i, steps, f"Step {i + 1} of {steps}")
            written.append(i)
            threading.Event().wait(0.01)
        return len(written)
    return job


def test_progress_dialog_finishes_with_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    results: list[int] = []
    written: list[int] = []
    dialog = run_with_progress(tasks, None, "Printing badges", _slow_job(5, written,
                               threading.Event()), on_done=results.append)
    qtbot.waitUntil(lambda: results == [5], timeout=10000)
    assert not isValid(dialog) or not dialog.isVisible()
    tasks.wait()


def test_cancel_stops_the_job(qtbot) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    written: list[int] = []
    started = threading.Event()
    cancelled: list[bool] = []
    done: list[object] = []
    dialog = run_with_progress(tasks, None, "Exporting", _slow_job(10_000, written, started),
                               on_done=done.append, on_cancelled=lambda: cancelled.append(True))
    dialog.show()
    qtbot.waitUntil(started.is_set, timeout=10000)
    qtbot.waitUntil(lambda: dialog.maximum() == 10_000, timeout=10000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape = Cancel, keyboard only
    qtbot.waitUntil(lambda: cancelled == [True], timeout=10000)
    tasks.wait()
    assert done == []
    assert len(written) < 10_000
    assert not isValid(dialog) or not dialog.isVisible()
