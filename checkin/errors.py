"""Problems the user can fix.

Every ``UserError`` carries a message that says what happened and what to do.
The command line prints it as ``error: …`` and exits 2; the GUI shows it where
the user is working. Anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem caused by input the user can correct."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotAnEventFile(UserError):
    """The file exists but is not a checkin event."""


class EventNotFound(UserError):
    """No event at the given path."""


class BadDate(UserError):
    """A date or time the user typed cannot be understood or is not an event day."""


class ImportProblem(UserError):
    """A participant list cannot be read."""


class CodeRejected(UserError):
    """A scanned code is not valid for this event.

    ``reason`` names the case (``not_ours``, ``version``, ``other_event``,
    ``invalid``) so a desk can say it in its own language.
    """

    def __init__(self, message: str, reason: str = "invalid") -> None:
        super().__init__(message)
        self.reason = reason


class PrintProblem(UserError):
    """A printer is missing, stopped or refused the job."""


class ExportProblem(UserError):
    """An export cannot be written."""
