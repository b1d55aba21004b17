"""The fields a badge template may print: a label, a sample for the editor, an evaluator.

Templates write them as ``{first_name}``; any extra column of the participant
list is a field too (``{Arbeitsgruppe}``). Roles come in many spellings
(German lists say "Teilnehmer/in", "Referent/in", "Presse"...), so they are
mapped onto four kinds that decide a badge's colour.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from checkin.common.locale_texts import role_label
from checkin.common.text import clean_text
from checkin.model import Attendee


@dataclass(frozen=True, slots=True)
class Context:
    """What a field may need besides the person."""

    event_name: str = ""
    code: str = ""
    #: the event's language: canonical roles are printed in it
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    label: str
    sample: str
    evaluate: Callable[[Attendee, Context], str]


ROLE_KINDS = ("participant", "speaker", "press", "staff")


def _role(person: Attendee, context: Context) -> str:
    """The role as printed: canonical roles in the event's language, and a person without
    a role (a list without a role column, a walk-in) as a participant ("Teilnehmer/in"),
    which is the kind their band is coloured as, rather than an empty coloured band."""
    return role_label(person.role if person.role.strip() else "participant", context.language)

#: Lower-cased spellings of roles (German and English) and their kind.
ROLE_ALIASES: Mapping[str, str] = {
    "teilnehmer/in": "participant", "teilnehmer": "participant", "teilnehmerin": "participant",
    "teilnehmende": "participant", "participant": "participant", "attendee": "participant",
    "gast": "participant", "guest": "participant",
    "referent/in": "speaker", "referent": "speaker", "referentin": "speaker",
    "referierende": "speaker", "speaker": "speaker", "moderation": "speaker",
    "moderator/in": "speaker", "moderator": "speaker", "moderatorin": "speaker",
    "chair": "speaker", "panel": "speaker", "keynote": "speaker",
    "presse": "press", "press": "press", "journalist/in": "press", "media": "press",
    "medien": "press",
    "organisation": "staff", "orga": "staff", "organisator/in": "staff", "staff": "staff",
    "team": "staff", "helfer/in": "staff", "volunteer": "staff", "crew": "staff",
}


def role_kind(role: str) -> str:
    """participant, speaker, press or staff (unknown roles count as participants)."""
    key = " ".join(role.casefold().split())
    if key in ROLE_ALIASES:
        return ROLE_ALIASES[key]
    for alias, kind in ROLE_ALIASES.items():
        if len(alias) > 4 and alias in key:
            return kind
    return "participant"


def _attr(name: str) -> Callable[[Attendee, Context], str]:
    return lambda person, _ctx: str(getattr(person, name))


FIELDS: dict[str, Field] = {f.name: f for f in (
    Field("title", "Title", "Dr.", _attr("title")),
    Field("first_name", "First name", "Maximiliane", _attr("first_name")),
    Field("last_name", "Last name", "Schulze-Delitzsch", _attr("last_name")),
    Field("name", "Full name", "Maximiliane Schulze-Delitzsch", lambda p, _c: p.full_name),
    Field("display_name", "Name with title", "Dr. Maximiliane Schulze-Delitzsch",
          lambda p, _c: p.display_name),
    Field("organization", "Organisation", "Leibniz-Institut für Raumbezogene Sozialforschung",
          _attr("organization")),
    Field("project", "Project / group", "NaLaMa", _attr("project")),
    Field("role", "Role", "Referent/in", lambda p, c: _role(p, c)),
    Field("role_kind", "Kind of role", "speaker", lambda p, _c: role_kind(p.role)),
    Field("email", "Email", "m.schulze@example.org", _attr("email")),
    Field("ticket_code", "Ticket code", "FK17-00042", _attr("ticket_code")),
    Field("event", "Event name", "Fachkonferenz Ländliche Räume 2017",
          lambda _p, c: c.event_name),
    Field("code", "Badge code", "CK1ABC2345678DEFGHJKL", lambda _p, c: c.code),
)}

_FORMATTER = string.Formatter()
_NAME = re.compile(r"^[^{}!:]+$")


def placeholders(text: str) -> list[str]:
    """The field names used in a text like ``{title} {first_name}``; ValueError if malformed."""
    names = []
    for _literal, name, spec, conversion in _FORMATTER.parse(text):
        if name is None:
            continue
        if not name or spec or conversion or not _NAME.match(name):
            raise ValueError(f"'{{{name}}}' is not a field placeholder")
        names.append(name)
    return names


def known_fields(extra: Iterable[str] = ()) -> list[str]:
    return [*FIELDS, *sorted(set(extra) - set(FIELDS))]


@dataclass(frozen=True, slots=True)
class Filled:
    """A text with its fields filled in, and where the fields meet (for line breaks)."""

    text: str
    boundaries: frozenset[int]
    preferred: int | None


def fill(text: str, person: Attendee, ctx: Context,
         clean: Callable[[str], str] = clean_text) -> Filled:
    """Substitute fields; spaces between two fields are remembered as good break points.

    The space just before ``{last_name}`` is the preferred break of a name.
    ``clean`` tidies each value (the renderer also drops characters no font has).
    """
    out = ""
    boundaries: set[int] = set()
    preferred: int | None = None
    last_was_field = False
    for literal, name, _spec, _conv in _FORMATTER.parse(text):
        if literal:
            out += literal
            last_was_field = False
        if name is None:
            continue
        field = FIELDS.get(name)
        value = clean(clean_text(field.evaluate(person, ctx) if field else person.field(name)))
        if not value:
            continue
        if out and not out.endswith(" ") and last_was_field:
            out += " "
        if out.endswith(" ") and out.strip():
            boundaries.add(len(out) - 1)
            if name == "last_name":
                preferred = len(out) - 1
        out += value
        last_was_field = True
    text_out = " ".join(out.split())
    if text_out != out:
        # collapsing spaces shifted the indices: recompute them on the collapsed text
        return _reindex(out, boundaries, preferred)
    return Filled(text_out, frozenset(boundaries), preferred)


def _reindex(raw: str, boundaries: set[int], preferred: int | None) -> Filled:
    mapping: dict[int, int] = {}
    out = ""
    lead = True
    for i, ch in enumerate(raw):
        if ch == " " and (lead or out.endswith(" ")):
            continue
        lead = False
        mapping[i] = len(out)
        out += ch
    out = out.rstrip()
    return Filled(out, frozenset(mapping[b] for b in boundaries if b in mapping),
                  mapping.get(preferred) if preferred is not None else None)
