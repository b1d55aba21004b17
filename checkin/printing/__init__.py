"""Sending badges to printers without Qt: CUPS on Linux and macOS.

On Windows the GUI prints through Qt (``checkin.ui.badges.qt_printing``), because
Windows has no ``lp``; this package then says so instead of failing oddly.
"""

from __future__ import annotations

import sys

from checkin.errors import PrintProblem
from checkin.printing.cups import Printer, PrintOptions

__all__ = ["PrintOptions", "PrintProblem", "Printer", "check_ready", "job_state",
           "list_printers", "submit"]


def _cups_only() -> None:
    if sys.platform == "win32":
        raise PrintProblem("On Windows, print from the desk window (it prints through Qt), "
                           "or write a PDF with --out and print that.")


def list_printers() -> list[Printer]:
    _cups_only()
    from checkin.printing import cups

    return cups.list_printers() if cups.available() else []


def check_ready(printer: str) -> None:
    """Raise ``PrintProblem`` now if the printer is missing or stopped (before rendering)."""
    _cups_only()
    from checkin.printing import cups

    cups.ready_printer(printer)


def submit(pdf: bytes, printer: str, options: PrintOptions) -> str:
    _cups_only()
    from checkin.printing import cups

    return cups.submit(pdf, printer, options)


def job_state(job_id: str) -> str:
    from checkin.printing import cups

    return cups.job_state(job_id)
