"""Words that files and badges print in the event's language (``Event.language``).

The UI speaks the desk's language through Qt's translations; what leaves the
app (export headers, PDF list headings, badge role bands) speaks the event's,
so a German event gets German lists whatever language a desk uses. The core
stays Qt-free: this is a small table per language, English as the fallback.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("de", "en")

#: Export column headers (XLSX, CSV, PDF) in languages other than English, by language.
#: English headers of a person's fields are their declared labels
#: (``checkin.model.PERSON_FIELDS``); a field missing here is headed by that label.
COLUMN_HEADERS: Mapping[str, Mapping[str, str]] = {
    "en": {"checked_in_at": "Checked in", "desk": "Desk", "walk_in": "Walk-in"},
    "de": {
        "last_name": "Nachname", "first_name": "Vorname", "title": "Titel",
        "organization": "Organisation", "project": "Projekt / Gruppe", "role": "Rolle",
        "email": "E-Mail", "ticket_code": "Ticket", "checked_in_at": "Eingecheckt",
        "desk": "Schalter", "walk_in": "Nachmeldung",
    },
}

#: Headings and words of the PDF lists; ``{n}``/``{m}`` are filled in.
LIST_WORDS: Mapping[str, Mapping[str, str]] = {
    "de": {"title": "Teilnehmerliste", "signed": "Teilnehmerliste mit Unterschrift",
           "name": "Name", "signature": "Unterschrift", "page": "Seite {n} von {m}",
           "count": "{n} Personen", "session": "Programmpunkt", "yes": "ja"},
    "en": {"title": "Attendance list", "signed": "Attendance list for signature",
           "name": "Name", "signature": "Signature", "page": "Page {n} of {m}",
           "count": "{n} people", "session": "Session", "yes": "yes"},
}

#: The label of each kind of role (checkin.badges.fields.ROLE_KINDS) on a badge.
ROLE_LABELS: Mapping[str, Mapping[str, str]] = {
    "de": {"participant": "Teilnehmer/in", "speaker": "Referent/in", "press": "Presse",
           "staff": "Organisation"},
    "en": {"participant": "Participant", "speaker": "Speaker", "press": "Press",
           "staff": "Staff"},
}

#: Every spelling of a canonical role in any language -> its kind (lower case).
_CANONICAL = {label.casefold(): kind for table in ROLE_LABELS.values()
              for kind, label in table.items()} | {kind: kind for kind in ROLE_LABELS["en"]}


def language_of(language: str) -> str:
    """``de`` or ``en``; anything else falls back to English."""
    return language if language in LANGUAGES else "en"


def column_header(column: str, language: str) -> str:
    """A column's header in the event's language (a field's declared label as fallback)."""
    from checkin.model import FIELD_LABELS

    found = COLUMN_HEADERS[language_of(language)].get(column)
    if found is not None:
        return found
    return FIELD_LABELS.get(column, column)


def list_words(language: str) -> Mapping[str, str]:
    return LIST_WORDS[language_of(language)]


def role_label(role: str, language: str) -> str:
    """A canonical role (``participant``, ``Teilnehmer/in``, ``Speaker`` …) in the event's
    language; any other role is printed as it was imported."""
    kind = _CANONICAL.get(" ".join(role.casefold().split()))
    if kind is None:
        return role
    return ROLE_LABELS[language_of(language)][kind]
