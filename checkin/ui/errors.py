"""Turning exceptions into words for the person at the desk.

A ``UserError`` is shown as it is; anything else is a bug: it goes to the log
file with its traceback and the user sees a short apology. Uncaught
exceptions in slots get the same treatment, so no traceback reaches a user.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from checkin.errors import UserError
from checkin.logs import setup_logging

log = logging.getLogger("checkin.ui")


def describe_error(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message
    path = setup_logging()
    log.error("unexpected error", exc_info=exc)
    return ("Sorry, something went wrong. Your event is safe; the details were written to "
            f"{path}.")


def install_excepthook() -> None:
    """Log uncaught exceptions and show a friendly message instead of crashing."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        text = describe_error(exc.with_traceback(tb))
        if QApplication.instance() is not None:
            QMessageBox.warning(None, "checkin", text)

    sys.excepthook = hook
