"""The door's answers in the desk's language, with times in the locale's format.

``checkin.door`` has no Qt and words its results in English for the CLI and
the log; the desk shows the same answer translated, built from the result's
status and person. Answers that carry free text from deeper down (a rejected
code's reason) keep the core's wording.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from checkin.door import DoorResult, Status


def local_time(moment: datetime) -> str:
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def local_date(iso_day: str) -> str:
    day = QDate.fromString(iso_day, "yyyy-MM-dd")
    return QLocale().toString(day, QLocale.FormatType.LongFormat) if day.isValid() else iso_day


def result_text(result: DoorResult, desk: str = "") -> str:
    person = result.attendee
    name = person.display_name if person is not None else ""
    record = result.record
    status = result.status
    if status == Status.CHECKED_IN and person is not None:
        return QCoreApplication.translate("DoorResult", "Welcome, %1!").replace("%1", name)
    if status == Status.ALREADY_CHECKED_IN and person is not None and record is not None:
        text = QCoreApplication.translate("DoorResult",
                                          "%1 was already checked in today at %2 at %3.")
        return (text.replace("%1", name).replace("%2", local_time(record.at))
                .replace("%3", record.desk))
    if status == Status.CANCELLED and person is not None:
        text = QCoreApplication.translate(
            "DoorResult", "%1's registration was cancelled. "
            "Check in anyway if they may attend (this is logged).")
        return text.replace("%1", name)
    if status == Status.NOT_EXPECTED_TODAY and person is not None:
        text = QCoreApplication.translate(
            "DoorResult", "%1 is not registered for %2. "
            "Check in anyway if they may attend (this is logged).")
        return text.replace("%1", name).replace("%2", local_date(result.day or ""))
    if status == Status.UNDONE and record is not None:
        who = name or QCoreApplication.translate("DoorResult", "the person")
        text = QCoreApplication.translate("DoorResult", "Undone: %1's check-in.")
        return text.replace("%1", who)
    if status == Status.NOTHING_TO_UNDO and desk:
        text = QCoreApplication.translate("DoorResult", "%1 has no check-in to undo.")
        return text.replace("%1", desk)
    return result.message
