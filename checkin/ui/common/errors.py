"""Turning exceptions into words for the person at the desk, and surviving bugs.

A ``UserError`` is shown as it is, and so is the venue's bad luck behind an
OS or SQLite error (a full disk, a locked or read-only file: ``find_fault``),
in the words the command line uses; anything else is a bug: it goes to the log
file with its traceback, a crash report is written to the user's data folder,
and the user sees a short apology. Uncaught exceptions in slots get the same
treatment through ``sys.excepthook``; the window and the open event stay as
they are (every check-in is already committed when it is shown), so the desk
can go on working.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from checkin import __version__
from checkin.common.logs import setup_logging, write_private_report
from checkin.errors import find_fault
from checkin.sync.addresses import scrub_secrets

log = logging.getLogger("checkin.ui")


def write_crash_report(exc: BaseException) -> Path:
    """A self-contained text file with what a developer needs; returns its path.

    Private (0600, no passwords); a purge removes the lines that name its people.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    lines = [
        f"checkin {__version__}",
        f"python {platform.python_version()} on {platform.platform()}",
        f"time {datetime.now().astimezone().isoformat()}",
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    text = "\n".join(line.rstrip("\n") for line in lines) + "\n"
    return write_private_report(text, f"crash-{stamp}.txt")


def describe_error(exc: BaseException) -> str:
    """The words for the user; a bug is also logged and written to a crash report."""
    fault = find_fault(exc)
    if fault is not None:
        return scrub_secrets(fault.message)
    setup_logging()
    log.error("unexpected error", exc_info=exc)
    try:
        report = write_crash_report(exc)
    except OSError:
        report = setup_logging()
    text = QCoreApplication.translate(
        "errors", "Sorry, something went wrong. Your event is safe: every check-in is "
        "saved before it is shown. A report was written to %1.")
    return text.replace("%1", str(report))


class CrashNotifier:
    """Shows one apology at a time for uncaught exceptions (never a pile of dialogs)."""

    def __init__(self) -> None:
        self.box: QMessageBox | None = None
        self.count = 0

    def __call__(self, kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self.count += 1
        try:
            text = describe_error(exc.with_traceback(tb))
        except Exception:  # the hook itself must never raise
            text = QCoreApplication.translate(
                "errors", "Sorry, something went wrong. Your event is safe.")
        if QApplication.instance() is None:
            print(text, file=sys.stderr)
            return
        if self.box is not None and self.box.isVisible():
            return
        parent: QWidget | None = QApplication.activeWindow()
        title = QCoreApplication.translate("errors", "Something went wrong")
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setAccessibleName(title)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.destroyed.connect(self._forget)
        self.box = box
        box.open()  # not exec(): the event loop and the desk keep running

    def _forget(self) -> None:
        self.box = None


def install_excepthook() -> CrashNotifier:
    """Log uncaught exceptions and show a friendly message instead of crashing."""
    notifier = CrashNotifier()
    sys.excepthook = notifier
    return notifier
