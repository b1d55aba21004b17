"""Which column holds what: German and English column names, registration-system exports.

A mapping assigns each column a *target*: one of the attendee fields, a
combined name ("name" = "Anna von der Heyde", "name_last_first" = "von der
Heyde, Anna"), an event day ("day:2017-09-19"), the registration status,
"extra" (kept as an extra field under its column name) or "ignore".
Matching is exact on normalised names, never by substring, so "Arbeitsgruppe"
does not become the project and pretix's "Position ID" does not become a role.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from checkin.errors import ImportProblem
from checkin.importing.sniffing import normalise_header
from checkin.model import FIELD_LABELS

#: The attendee fields a column can fill (the model may know more).
IMPORTED_FIELDS = ("title", "first_name", "last_name", "organization", "project", "role",
                   "email", "ticket_code")
NAME = "name"
NAME_LAST_FIRST = "name_last_first"
STATUS = "status"
EXTRA = "extra"
IGNORE = "ignore"
DAY_PREFIX = "day:"

#: Synonyms per target, best first: when two columns name the same target, the
#: earlier synonym wins and the other column is kept as an extra field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("titel", "title", "attendee name title", "akademischer titel", "akad titel",
              "akad grad", "akademischer grad", "grad", "prefix", "name prefix"),
    "first_name": ("vorname", "first name", "firstname", "given name", "attendee first name",
                   "attendee name given name", "forename", "rufname", "vornamen"),
    "last_name": ("nachname", "last name", "lastname", "surname", "family name",
                  "attendee last name", "attendee name family name", "familienname", "zuname",
                  "name"),
    NAME_LAST_FIRST: ("name, vorname", "nachname, vorname", "last name, first name",
                      "surname, first name", "name vorname"),
    NAME: ("vorname nachname", "vorname name", "attendee name", "full name", "fullname",
           "teilnehmer", "teilnehmerin", "teilnehmer in", "teilnehmende", "participant",
           "participant name", "attendee", "name", "person", "registrant"),
    "organization": ("organisation", "organization", "institution", "einrichtung", "kommune",
                     "organisation institution", "institution organisation", "affiliation",
                     "company", "firma", "unternehmen", "hochschule", "universität",
                     "arbeitgeber", "institut", "dienststelle", "behörde", "verwaltung",
                     "landkreis", "stadt", "gemeinde", "attendee company", "company name",
                     "organisation name", "organization name", "org"),
    "project": ("projekt", "project", "verbundvorhaben", "vorhaben", "verbund",
                "verbundprojekt", "teilprojekt", "projektname", "project name", "gruppe",
                "group", "team"),
    "role": ("rolle", "role", "funktion", "function", "teilnehmerrolle", "participant role",
             "attendee role", "job title", "position im projekt"),
    "email": ("attendee email", "e mail", "email", "e mail adresse", "email adresse",
              "email address", "e mail address", "mail", "emailadresse", "attendee e mail",
              "email of attendee"),
    "ticket_code": ("ticket secret", "secret", "barcode", "barcode number", "checkin secret",
                    "check in secret", "ticket uuid", "ticket code", "ticketcode", "ticket",
                    "ticket id", "ticket number", "ticketnummer", "ticket nr", "code",
                    "qr code", "badge code", "registration code"),
    STATUS: ("status", "registration state", "registration status", "attendee status",
             "order status", "anmeldestatus"),
}

_CANCELLED_VALUES = frozenset({
    "cancelled", "canceled", "storniert", "abgesagt", "refunded", "erstattet", "rejected",
    "withdrawn", "not attending", "expired", "abgelehnt", "zurückgezogen", "c", "e", "r",
})

#: Column sets of registration-system exports, recognised by their typical columns.
SYSTEM_MARKERS: dict[str, frozenset[str]] = {
    "pretix": frozenset({"order code", "ticket secret"}),
    "Eventbrite": frozenset({"order", "barcode"}),
    "Indico": frozenset({"registration state", "affiliation"}),
}

KNOWN_HEADERS: frozenset[str] = frozenset(s for names in SYNONYMS.values() for s in names)

_DAY_DATE = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{2,4}))?(?!\d)")
_DAY_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_INDEX = re.compile(r"^(?:tag|day|teilnahme tag|teilnahme day|attendance day)\s*(\d{1,2})$")
_DAY_WORDS = ("teilnahme", "anwesenheit", "anwesend", "tag", "day", "attendance",
              "participation", "attending", "anmeldung")


def target_label(target: str) -> str:
    """What a target is called in the wizard's drop-downs and in reports."""
    if target in FIELD_LABELS:
        return FIELD_LABELS[target]
    if target.startswith(DAY_PREFIX):
        return f"Attends {date.fromisoformat(target[len(DAY_PREFIX):]).strftime('%d.%m.%Y')}"
    return {NAME: "Full name (first last)", NAME_LAST_FIRST: "Full name (last, first)",
            STATUS: "Registration status", EXTRA: "Keep as extra field",
            IGNORE: "Ignore"}[target]


def all_targets(days: Sequence[date]) -> list[str]:
    return [*IMPORTED_FIELDS, NAME, NAME_LAST_FIRST,
            *(f"{DAY_PREFIX}{d.isoformat()}" for d in days), STATUS, EXTRA, IGNORE]


def day_of_column(header: str, days: Sequence[date]) -> date | None:
    """The event day a column such as "Teilnahme 19.09." or "Tag 1" stands for."""
    text = normalise_header(header)
    index = _DAY_INDEX.match(text)
    if index:
        n = int(index.group(1))
        return days[n - 1] if 1 <= n <= len(days) else None
    found = _DAY_ISO.search(header)
    if found:
        try:
            day = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            return None
        return day if day in days else None
    found = _DAY_DATE.search(header)
    if found is None:
        return None
    rest = _DAY_DATE.sub(" ", header).casefold()
    words = [w for w in re.split(r"[^\w]+", rest) if w]
    if words and not any(w.startswith(_DAY_WORDS) or w in _WEEKDAYS for w in words):
        return None  # e.g. "Anmeldung bis 01.08." is not an attendance column
    dd, mm, yy = int(found.group(1)), int(found.group(2)), found.group(3)
    for day in days:
        if (day.day, day.month) == (dd, mm) and (
                yy is None or int(yy) in (day.year, day.year % 100)):
            return day
    return None


_WEEKDAYS = frozenset({"mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag",
                       "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mon", "tue",
                       "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
                       "thursday", "friday", "saturday", "sunday"})


def guess_mapping(headers: Sequence[str], days: Sequence[date]) -> list[str]:
    """A target for each column (by position)."""
    normalised = [normalise_header(h) for h in headers]
    targets = [EXTRA if h.strip() else IGNORE for h in headers]
    claims: dict[str, tuple[int, int]] = {}  # target -> (synonym rank, column)
    for col, name in enumerate(normalised):
        day = day_of_column(headers[col], days)
        if day is not None:
            targets[col] = f"{DAY_PREFIX}{day.isoformat()}"
            continue
        for target, synonyms in SYNONYMS.items():
            if name in synonyms:
                rank = synonyms.index(name)
                if target not in claims or rank < claims[target][0]:
                    claims[target] = (rank, col)
    taken: set[int] = set()
    # explicit first/last columns beat a combined name column; "Name" beside a
    # "Vorname" column is the last name, alone it is the whole name
    order = ("first_name", "title", NAME_LAST_FIRST, "last_name", NAME, "organization",
             "project", "role", "email", "ticket_code", STATUS)
    for target in order:
        if target not in claims:
            continue
        col = claims[target][1]
        if col in taken:
            continue
        if target == "last_name" and normalised[col] == "name" and "first_name" not in claims:
            continue
        if target == NAME and (("first_name" in claims and "last_name" in claims)
                               or (NAME_LAST_FIRST in claims and claims[NAME_LAST_FIRST][1]
                               in taken)):
            continue
        targets[col] = target
        taken.add(col)
    return targets


def detect_system(headers: Sequence[str]) -> str:
    """Name of the registration system that wrote these columns, or ''."""
    names = {normalise_header(h) for h in headers}
    for system, markers in SYSTEM_MARKERS.items():
        if markers <= names:
            return system
    return ""


def apply_overrides(headers: Sequence[str], targets: list[str],
                    overrides: Mapping[str, str], days: Sequence[date]) -> list[str]:
    """Apply ``COLUMN=FIELD`` choices; a target given to one column leaves the others."""
    valid = all_targets(days)
    by_name = {normalise_header(h): i for i, h in enumerate(headers)}
    result = list(targets)
    for column, target in overrides.items():
        col = by_name.get(normalise_header(column))
        if col is None:
            raise ImportProblem(f"There is no column '{column}' in the file. Its columns are: "
                                f"{', '.join(h for h in headers if h)}.")
        if target not in valid:
            raise ImportProblem(f"'{target}' is not a field. Use one of: {', '.join(valid)}.")
        if target not in (EXTRA, IGNORE):
            result = [EXTRA if t == target and headers[i] else t for i, t in enumerate(result)]
        result[col] = target
    return result


def check_mapping(headers: Sequence[str], targets: Sequence[str]) -> None:
    """Refuse a mapping without any name column: nobody could be found at the door."""
    if not {"first_name", "last_name", NAME, NAME_LAST_FIRST} & set(targets):
        shown = ", ".join(f"'{h}'" for h in headers if h.strip()) or "(none)"
        raise ImportProblem(
            f"No column holds names (columns found: {shown}). Check that the right row is "
            "the header, or say which column holds the names, e.g. --map 'Teilnehmer=name' "
            "(or pick it in the import wizard).")


def is_cancelled(value: str) -> bool:
    return value.strip().casefold() in _CANCELLED_VALUES


_YES = frozenset({"x", "ja", "j", "yes", "y", "1", "true", "wahr", "✓", "✔", "ok", "+"})
_NO = frozenset({"nein", "n", "no", "0", "false", "falsch", "-", "–", "—", ""})


def attends(value: str) -> bool | None:
    """A day cell: True (x, ja, 1, yes …), False (nein, 0, no, -), None if empty."""
    known = _ATTENDS.get(value)
    if known is not None or value in _ATTENDS:
        return known
    text = value.strip().casefold()
    if not text:
        return None
    if text in _YES:
        return True
    return text not in _NO


_ATTENDS: dict[str, bool | None] = {"": None, **dict.fromkeys(_YES, True),
                                    **dict.fromkeys(_NO - {""}, False),
                                    "X": True, "Ja": True, "JA": True, "Nein": False}
