"""The desk's print queue: badges render and print off the GUI thread, each job visible.

A print is a side effect of a check-in, never part of it: the check-in is
committed before a job is queued, so a jammed or missing printer costs a
reprint, not an arrival. A failed job stays in the list with the reason and
a Retry button; each successful print is logged with desk and time.
A badge that left characters out (emoji no font has) is printed, but its row
carries a warning icon and says which, so "printed" never hides a gap.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.badges import render_one
from checkin.badges.records import log_print
from checkin.model import Attendee
from checkin.store import EventStore
from checkin.ui.badges.badge_preview import character_names, left_out_text
from checkin.ui.badges.badge_settings import DeskPrintSettings
from checkin.ui.common.i18n import QT_TRANSLATE_NOOP
from checkin.ui.common.tasks import Progress, TaskRunner

#: Sends PDF bytes to the desk's printer; returns a job reference. Raises PrintProblem.
Sender = Callable[[bytes, DeskPrintSettings, str], str]

QUEUED, PRINTING, PRINTED, FAILED = "queued", "printing", "sent to printer", "failed"
DONE = "printed"
#: Asks the print system about a sent job: pending, completed or unknown.
Poller = Callable[[str], str]
POLL_MS = 1500
POLL_TIMES = 40


def system_sender(pdf: bytes, settings: DeskPrintSettings, title: str) -> str:
    """CUPS on Linux/macOS; Qt's printer on Windows."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        from checkin.ui.badges.qt_printing import print_pdf

        info = next((p for p in QPrinterInfo.availablePrinters()
                     if p.printerName() == settings.printer), None)
        printer = QPrinter(info) if info is not None else QPrinter()
        layout = settings.layout_obj()
        print_pdf(pdf, printer, layout.page_w, layout.page_h)
        return title
    from checkin.printing import submit

    return submit(pdf, settings.printer, settings.options(title))


def system_printers() -> list[str]:
    """The names of this computer's print queues (none when the print system is missing)."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        from PySide6.QtPrintSupport import QPrinterInfo

        return list(QPrinterInfo.availablePrinterNames())
    from checkin.errors import UserError
    from checkin.printing import list_printers

    try:
        return [p.name for p in list_printers()]
    except UserError:
        return []


def system_poller(ref: str) -> str:
    """CUPS job state; Qt's Windows path hands the job to the spooler and cannot tell."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return "unknown"
    from checkin.printing import job_state

    return job_state(ref)


@dataclass
class PrintJob:
    number: int
    person: Attendee
    reason: str
    state: str = QUEUED
    message: str = ""
    ref: str = ""
    polls: int = 0
    # characters the printed badge left out (no font has them)
    left_out: list[str] = field(default_factory=list)


class PrintQueue(QObject):
    """Runs print jobs through the TaskRunner and reports each state change."""

    changed = Signal(object)  # PrintJob

    def __init__(self, store: EventStore, tasks: TaskRunner, desk: str,
                 settings: Callable[[], DeskPrintSettings], send: Sender = system_sender,
                 parent: QObject | None = None, poll: Poller | None = system_poller) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.desk = desk
        self.settings = settings
        self.send = send
        self.poll = poll
        self.jobs: list[PrintJob] = []
        self._numbers = itertools.count(1)

    def submit(self, person: Attendee, reason: str) -> PrintJob:
        job = PrintJob(next(self._numbers), person, reason)
        self.jobs.append(job)
        self._start(job)
        return job

    def retry(self, job: PrintJob) -> None:
        if job.state == FAILED:
            self._start(job)

    def _start(self, job: PrintJob) -> None:
        job.state, job.message = PRINTING, ""
        self.changed.emit(job)
        settings = self.settings()
        store = self.store

        def work(_progress: Progress) -> tuple[str, list[str], list[str]]:
            if not settings.printer:
                from checkin.errors import PrintProblem

                raise PrintProblem("No printer is chosen for this desk. Choose one in "
                                   "Badges ▸ Print settings, then retry.")
            result = render_one(store, job.person, layout=settings.layout_obj(),
                                template=settings.template or None)
            ref = self.send(result.pdf, settings, job.person.full_name or "Badge")
            return ref, result.warnings, result.left_out

        self.tasks.run(work, on_done=lambda r: self._printed(job, settings, r),
                       on_error=lambda exc: self._failed(job, exc))

    def _printed(self, job: PrintJob, settings: DeskPrintSettings,
                 result: tuple[str, list[str], list[str]]) -> None:
        ref, warnings, job.left_out = result
        job.state, job.ref, job.polls = PRINTED, ref, 0
        job.message = "; ".join([self.tr("sent as %1").replace("%1", ref), *warnings])
        self.changed.emit(job)
        self._schedule_poll(job)
        detail = {"reason": job.reason, "printer": settings.printer, "layout": settings.layout,
                  "job": ref}
        self.tasks.run(lambda _p: log_print(self.store, job.person.id, desk=self.desk,
                                            detail=detail), write=True)

    def _schedule_poll(self, job: PrintJob) -> None:
        if self.poll is not None and job.polls < POLL_TIMES:
            QTimer.singleShot(POLL_MS, self, lambda: self._poll(job))

    def _poll(self, job: PrintJob) -> None:
        """Follow a sent job until the print system reports it done (off the GUI thread)."""
        poll = self.poll
        if poll is None or job.state != PRINTED:
            return
        job.polls += 1
        ref = job.ref

        def answered(state: str) -> None:
            if state == "completed":
                job.state = DONE
                self.changed.emit(job)
            elif state == "pending":
                self._schedule_poll(job)

        self.tasks.run(lambda _p: poll(ref), on_done=answered,
                       on_error=lambda _exc: self._schedule_poll(job))

    def _failed(self, job: PrintJob, exc: BaseException) -> None:
        from checkin.ui.common.errors import describe_error

        job.state = FAILED
        job.left_out = []
        job.message = describe_error(exc)
        self.changed.emit(job)


class PrintQueueView(QWidget):
    """A table of this session's print jobs, newest first, with Retry for failed ones."""

    COLUMNS = (QT_TRANSLATE_NOOP("PrintQueueView", "Person"),
               QT_TRANSLATE_NOOP("PrintQueueView", "Why"),
               QT_TRANSLATE_NOOP("PrintQueueView", "State"),
               QT_TRANSLATE_NOOP("PrintQueueView", "Details"))
    #: job reasons and states as shown (lupdate finds them here)
    WORDS: ClassVar[dict[str, str]] = {
        "check-in": QT_TRANSLATE_NOOP("PrintQueueView", "check-in"),
        "reprint": QT_TRANSLATE_NOOP("PrintQueueView", "reprint"),
        "first": QT_TRANSLATE_NOOP("PrintQueueView", "first badge"),
        QUEUED: QT_TRANSLATE_NOOP("PrintQueueView", "queued"),
        PRINTING: QT_TRANSLATE_NOOP("PrintQueueView", "printing"),
        PRINTED: QT_TRANSLATE_NOOP("PrintQueueView", "sent to printer"),
        FAILED: QT_TRANSLATE_NOOP("PrintQueueView", "failed"),
        DONE: QT_TRANSLATE_NOOP("PrintQueueView", "printed"),
    }

    def __init__(self, queue: PrintQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.retry_button = QPushButton(self)
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_failed)
        # a failed job's reason, readable in a narrow panel (the Details column is not)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.problem.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        queue.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()  # the jobs so far (a Badges window opened after a failure shows it)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(self.tr("Print jobs"))
        self.problem.setAccessibleName(self.tr("Print problem"))
        self.retry_button.setText(self.tr("&Retry failed"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()  # the jobs' states and reasons
        super().changeEvent(event)

    def refresh(self, *_: object) -> None:
        jobs = list(reversed(self.queue.jobs))
        self.table.setRowCount(len(jobs))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, job in enumerate(jobs):
            state = self.tr(self.WORDS.get(job.state, job.state))
            details = job.message
            note = left_out_text(job.left_out) if job.left_out else ""
            if note:
                state = self.tr("%1, characters left out").replace("%1", state)
                details = f"{note}; {details}" if details else note
            values = (job.person.display_name, self.tr(self.WORDS.get(job.reason, job.reason)),
                      state, details)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if job.state == FAILED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(self._failure_text(job))
                if note:
                    item.setToolTip(f"{note}\n{character_names(job.left_out)}")
                    if col == 0:  # the first column stays in sight in a narrow panel
                        item.setIcon(warning)
                self.table.setItem(row, col, item)
        failed = [j for j in jobs if j.state == FAILED]
        self.retry_button.setEnabled(bool(failed))
        self.problem.setVisible(bool(failed))
        if failed:
            text = self._failure_text(failed[0])  # the newest
            if len(failed) > 1:
                text += "\n" + self.tr("%1 badges are waiting for a retry.").replace(
                    "%1", str(len(failed)))
            self.problem.setText(text)

    def _failure_text(self, job: PrintJob) -> str:
        """What went wrong and what to do, in full (the table cuts it off)."""
        return self.tr("%1's badge was not printed: %2").replace(
            "%1", job.person.display_name).replace("%2", job.message) + "\n" + self.tr(
            "The check-in is saved. When the printer is fixed, click “Retry failed”.")

    def retry_failed(self) -> None:
        for job in list(self.queue.jobs):
            self.queue.retry(job)
