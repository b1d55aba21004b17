"""A progress dialog with Cancel for any long job on the TaskRunner.

Imports, badge batches, printing and exports call ``run_with_progress`` and
get a dialog that shows "12 of 200", a Cancel button that stops the job at its
next ``progress.report`` (the job raises ``Cancelled`` and nothing further is
written), and the dialog closes itself when the job ends either way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from checkin.ui.common.tasks import Progress, TaskHandle, TaskRunner


class ProgressDialog(QProgressDialog):
    """The dialog itself; ``handle`` is the job it can cancel."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setCancelButtonText(QCoreApplication.translate("ProgressDialog", "Cancel"))
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(400)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.handle: TaskHandle | None = None
        self.was_cancelled = False
        self.canceled.connect(self._cancel)

    def _cancel(self) -> None:
        self.was_cancelled = True
        if self.handle is not None:
            self.handle.cancel()
        self.setLabelText(QCoreApplication.translate("ProgressDialog", "Cancelling…"))

    def show_progress(self, done: int, total: int, text: str) -> None:
        if self.was_cancelled:
            return
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        if text:
            self.setLabelText(text)


def run_with_progress(tasks: TaskRunner, parent: QWidget | None, title: str,
                      fn: Callable[[Progress], Any], *,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      on_cancelled: Callable[[], None] | None = None,
                      write: bool = False) -> ProgressDialog:
    """Run ``fn`` in the background behind a cancellable progress dialog."""
    dialog = ProgressDialog(title, parent)

    def finish() -> None:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def done(result: Any) -> None:
        if dialog.was_cancelled:  # finished before it saw the cancel: say so anyway
            cancelled()
            return
        finish()
        if on_done is not None:
            on_done(result)

    def cancelled() -> None:
        finish()
        if on_cancelled is not None:
            on_cancelled()

    def error(exc: BaseException) -> None:
        finish()
        if on_error is not None:
            on_error(exc)

    dialog.handle = tasks.run(fn, on_done=done, on_error=error,
                              on_progress=dialog.show_progress, write=write,
                              on_cancelled=cancelled)
    return dialog
