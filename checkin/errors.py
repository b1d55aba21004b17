"""Problems the user can fix.

Every ``UserError`` carries a message that says what happened and what to do.
The command line prints it as ``error: …`` and exits 2; the GUI shows it where
the user is working. Anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations

import os


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


class DiskFull(UserError):
    """The disk (or the user's quota) is full; nothing half-written was kept."""


class EventBusy(UserError):
    """Another program holds the event file locked for longer than we wait."""


class ReadOnlyPlace(UserError):
    """A file or folder cannot be written (read-only medium, missing rights)."""


class EventDamaged(UserError):
    """The event file is damaged inside; it must not take more writes."""


#: errno values that mean "no space left" (ENOSPC, EDQUOT)
_FULL_ERRNOS = frozenset({28, 122})
#: errno values that mean "cannot write here" (EROFS, EACCES, EPERM)
_READ_ONLY_ERRNOS = frozenset({30, 13, 1})
#: SQLite's primary result codes (sqlite_errorcode & 0xff)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


def explain_fault(exc: BaseException, where: str = "") -> UserError | None:
    """A user-fixable problem behind an OS or SQLite error, or None if it is a bug.

    Why here: the venue's bad luck (a full disk, a read-only USB stick, a file
    another program holds locked) must read the same in every verb and window,
    instead of surfacing as "internal problem" or a traceback. ``where`` names
    the file or folder for the message.
    """
    place = f" ({where})" if where else ""
    errno = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and errno in _FULL_ERRNOS:
        return DiskFull(f"The disk is full{place}. Free some space, then try again; "
                        "nothing was changed by the failed step.")
    if isinstance(exc, OSError) and errno in _READ_ONLY_ERRNOS:
        return ReadOnlyPlace(f"Cannot write here{place}: the folder or file is read-only or "
                             "you lack the rights. Choose another place, or fix the rights.")
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = int(code) & 0xFF
    if primary == _SQLITE_FULL:
        return DiskFull(f"The disk is full{place}. Free some space, then try again; "
                        "nothing acknowledged was lost.")
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return EventBusy(f"The event file is locked by another program{place}. Close the "
                         "other program (or wait until it finishes), then try again.")
    if primary == _SQLITE_READONLY:
        return ReadOnlyPlace(f"The event cannot be written{place}: the file or its folder is "
                             "read-only. It can still be viewed and exported; copy it to a "
                             "writable folder to check people in.")
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return EventDamaged(f"The event file is damaged{place}. Open a backup copy of the "
                            "event (*.bak next to it, or a saved copy).")
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return ReadOnlyPlace(f"The event file cannot be read or written{place} (the disk "
                             "reported an error or the folder is gone). Check the disk and "
                             "the folder, then open the event again.")
    return None


def find_fault(exc: BaseException, where: str = "") -> UserError | None:
    """:func:`explain_fault` for ``exc`` or an error behind it (its cause or context).

    Why: the last line of defence (the command line's and the window's error
    handlers) sees what became of a fault on its way up: a library's wrapper
    around the ``OSError`` of a full disk, or a clean-up that failed because
    of it (SQLite rolls back by itself on a full disk, and a second
    ``ROLLBACK`` then fails). The venue's problem is still what the user has
    to fix, so it is what they are told.
    """
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, UserError):
            return current
        fault = explain_fault(current, where or _place(current))
        if fault is not None:
            return fault
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
    return None


def _place(exc: BaseException) -> str:
    """The file an ``OSError`` names, for the message."""
    name = getattr(exc, "filename", None)
    return os.fsdecode(name) if isinstance(name, str | bytes) and name else ""
