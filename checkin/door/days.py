"""Which event day is "today", and parsing of dates and times people type."""

from __future__ import annotations

from datetime import date, datetime

from checkin.errors import BadDate
from checkin.model import Event


def parse_day(text: str) -> date:
    """An ISO date (2017-09-19) or a German one (19.09.2017)."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise BadDate(f"'{text}' is not a date. Write it as YYYY-MM-DD, e.g. 2017-09-19.")


def parse_days(text: str) -> list[date]:
    days = [parse_day(part) for part in text.split(",") if part.strip()]
    if not days:
        raise BadDate("No days given. Write them as YYYY-MM-DD, separated by commas.")
    return days


def parse_moment(text: str) -> datetime:
    """An ISO date-time; without a zone it is local time."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadDate(
            f"'{text}' is not a time. Write it as YYYY-MM-DDTHH:MM, e.g. 2017-09-19T09:12."
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


def event_day(event: Event, *, day: str | date | None = None,
              at: datetime | None = None) -> str:
    """The event day a check-in belongs to, as an ISO string.

    An explicit ``day`` wins; else the local date of ``at`` (or now). The day
    must be one of the event's days, so a wrong clock or typo is caught.
    """
    if isinstance(day, str):
        day = parse_day(day)
    if day is None:
        day = (at or datetime.now().astimezone()).astimezone().date()
    if day not in event.days:
        listed = ", ".join(d.isoformat() for d in event.days)
        raise BadDate(
            f"{day.isoformat()} is not a day of '{event.name}' ({listed}). "
            "Pick one of the event's days (--day), or add the day to the event."
        )
    return day.isoformat()


def default_day(event: Event, now: datetime | None = None) -> date:
    """Today if it is an event day, else the nearest event day (for the GUI's start)."""
    today = (now or datetime.now().astimezone()).date()
    if today in event.days or not event.days:
        return today
    return min(event.days, key=lambda d: abs((d - today).days))
