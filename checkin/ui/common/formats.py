"""Dates and times as the UI language writes them (QLocale), never strftime.

``strftime("%a")`` speaks the C locale's English whatever the UI language;
QLocale follows the language the translations installed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime


def day_label(day: date | str) -> str:
    """``Wed 20/09/2017`` in English, ``Mi. 20.09.17`` in German: the locale's short date."""
    the_day = date.fromisoformat(day) if isinstance(day, str) else day
    locale = QLocale()
    qdate = QDate(the_day.year, the_day.month, the_day.day)
    weekday = locale.dayName(qdate.dayOfWeek(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {locale.toString(qdate, QLocale.FormatType.ShortFormat)}"


def clock(moment: datetime, seconds: bool = False) -> str:
    """A local wall-clock time, ``09:12`` (``09:12:05``), in the locale's short time format."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    locale = QLocale()
    if not seconds:
        return locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat).replace("mm", "mm:ss", 1)
    return locale.toString(QTime(local.hour, local.minute, local.second), pattern)
