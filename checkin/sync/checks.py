"""Checks of a record pulled from the event server, before a desk applies it.

Any PostgreSQL user with access to the server can put rows into the journal,
and a desk with a wrong clock can stamp records in the future. A pulled
record is applied only in the shape this app writes: a known kind, the right
types, text of a sane length, dates and times that parse, and no time later
than the server's clock (when the row arrived, and now) plus
:data:`CLOCK_TOLERANCE`, so a record stamped 9999-12-31 cannot win "last
change wins" for ever. The checks return a clean copy with only the known
columns, so nothing unchecked reaches the database. References (the person of
a check-in, a ticket code taken by someone else) are checked where the
desk's copy is at hand, in :mod:`checkin.store.journal` (which also defines
``SetAside``).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any

from checkin.common.text import has_control_characters
from checkin.model import KNOWN_FIELDS
from checkin.store.journal import SetAside as SetAside  # raised here, set aside there

#: how far a record's time may be ahead of the server's clock (desk clocks drift)
CLOCK_TOLERANCE = timedelta(minutes=10)
MAX_TEXT = 10_000
MAX_NAME = 200
MAX_EXTRA_KEYS = 500
MAX_DAYS = 400
MAX_POSITIONS = 1_000_000
#: the longest ticket code a scanner may send (as the door accepts it)
MAX_TICKET = 128
KINDS = ("attendee", "checkin", "audit", "badge_batch")

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}")
#: a badge-code reference (checkin.door.codes) or the anonymous one a purge gives
_CODE_REF = re.compile(r"[0-9A-HJ-NP-X]{8}|anon-[0-9a-f]{24}")


def _text(body: dict[str, Any], key: str, *, limit: int = MAX_TEXT, empty: bool = True,
          optional: bool = False) -> str | None:
    value = body.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise SetAside(f"{key} is {type(value).__name__}, not text")
    if len(value) > limit:
        raise SetAside(f"{key} is {len(value)} characters long (at most {limit})")
    if not empty and not value.strip():
        raise SetAside(f"{key} is empty")
    return value


def _name(body: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    """An id or a name used as a key: printable, no surrounding spaces."""
    value = _text(body, key, limit=MAX_NAME, empty=False, optional=optional)
    if value is not None and (value != value.strip() or (
            not value.isprintable() and has_control_characters(value))):
        raise SetAside(f"{key} {value[:40]!r} has control characters or spaces around it")
    return value


def _uuid(body: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    value = body.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise SetAside(f"{key} {str(value)[:40]!r} is not a UUID")
    return value


def _integer(body: dict[str, Any], key: str, *, low: int = 0,
             high: int = 10_000_000) -> int:
    value = body.get(key)
    if isinstance(value, bool):
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        raise SetAside(f"{key} {str(value)[:40]!r} is not a number from {low} to {high}")
    return value


def _day(value: Any, key: str = "day") -> str:
    if not isinstance(value, str):
        raise SetAside(f"{key} is not a date")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise SetAside(f"{key} {value[:40]!r} is not a date") from None
    if len(value) != 10:
        raise SetAside(f"{key} {value[:40]!r} is not written YYYY-MM-DD")
    return value


def _moment(body: dict[str, Any], key: str, latest: datetime) -> str:
    value = body.get(key)
    if not isinstance(value, str) or len(value) > 40:
        raise SetAside(f"{key} is not a time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise SetAside(f"{key} {value!r} is not a time") from None
    if moment.tzinfo is None:
        raise SetAside(f"{key} {value!r} has no time zone")
    if moment > latest:
        raise SetAside(f"{key} {value} is later than the server's clock allows "
                       f"({latest.isoformat(timespec='seconds')})")
    return value


def _json_object(body: dict[str, Any], key: str, *, strings: bool) -> str:
    """A JSON object stored as text (``extra``, ``detail``, ``selection``)."""
    value = body.get(key, "{}")
    if isinstance(value, str):
        if len(value) > MAX_TEXT * 10:
            raise SetAside(f"{key} is {len(value)} characters long")
        try:
            value = json.loads(value)
        except ValueError:
            raise SetAside(f"{key} is not JSON") from None
    if not isinstance(value, dict):
        raise SetAside(f"{key} is {type(value).__name__}, not an object")
    if strings:
        if len(value) > MAX_EXTRA_KEYS:
            raise SetAside(f"{key} has {len(value)} entries (at most {MAX_EXTRA_KEYS})")
        for name, item in value.items():
            if not isinstance(item, str) or len(name) > MAX_NAME or len(item) > MAX_TEXT:
                raise SetAside(f"{key} entry {name[:40]!r} is not a short text")
    return json.dumps(value, ensure_ascii=False)


def ticket_code_ok(code: str) -> bool:
    """A ticket code a scanner can send and the door can find (or none at all)."""
    return code == "" or (len(code) <= MAX_TICKET and code == code.strip()
                          and (code.isprintable() or not has_control_characters(code)))


def attendee(body: dict[str, Any], latest: datetime) -> dict[str, Any]:
    clean: dict[str, Any] = {"id": _name(body, "id")}
    for name in KNOWN_FIELDS:
        clean[name] = _text(body, name)
    if not ticket_code_ok(clean["ticket_code"]):
        raise SetAside(f"ticket code {clean['ticket_code'][:40]!r} is not one a scanner sends")
    code_ref = body.get("code_ref")
    if not isinstance(code_ref, str) or not _CODE_REF.fullmatch(code_ref):
        raise SetAside(f"code_ref {str(code_ref)[:40]!r} is not a badge reference")
    clean["code_ref"] = code_ref
    clean["extra"] = _json_object(body, "extra", strings=True)
    if body.get("status") not in ("active", "cancelled"):
        raise SetAside(f"status {str(body.get('status'))[:40]!r} is unknown")
    clean["status"] = body["status"]
    clean["walk_in"] = _integer(body, "walk_in", high=1)
    days = body.get("days")
    if not isinstance(days, list) or len(days) > MAX_DAYS:
        raise SetAside("days is not a list of dates")
    clean["days"] = [_day(d, "days") for d in days]
    if len(set(clean["days"])) != len(clean["days"]):
        raise SetAside("days names a day twice")
    clean["created_at"] = _moment(body, "created_at", latest)
    clean["updated_at"] = _moment(body, "updated_at", latest)
    return clean


def checkin(body: dict[str, Any], key: str, latest: datetime) -> dict[str, Any]:
    clean: dict[str, Any] = {"uuid": _uuid(body, "uuid")}
    if clean["uuid"] != key:
        raise SetAside("the record's key is not its uuid")
    clean["attendee_id"] = _name(body, "attendee_id")
    clean["day"] = _day(body.get("day"))
    clean["desk"] = _name(body, "desk")
    clean["at"] = _moment(body, "at", latest)
    if body.get("kind") not in ("in", "undo"):
        raise SetAside(f"kind {str(body.get('kind'))[:40]!r} is unknown")
    clean["kind"] = body["kind"]
    clean["undoes"] = _uuid(body, "undoes", optional=clean["kind"] == "in")
    if clean["kind"] == "in" and clean["undoes"] is not None:
        raise SetAside("a check-in that undoes another")
    clean["session"] = _name(body, "session", optional=True)
    clean["forced"] = _integer(body, "forced", high=1)
    return clean


def audit(body: dict[str, Any], key: str, latest: datetime) -> dict[str, Any]:
    clean: dict[str, Any] = {"uuid": _uuid(body, "uuid")}
    if clean["uuid"] != key:
        raise SetAside("the record's key is not its uuid")
    clean["at"] = _moment(body, "at", latest)
    clean["desk"] = _name(body, "desk")
    clean["action"] = _name(body, "action")
    clean["attendee_id"] = _name(body, "attendee_id", optional=True)
    clean["detail"] = _json_object(body, "detail", strings=False)
    return clean


def badge_batch(body: dict[str, Any], key: str, latest: datetime) -> dict[str, Any]:
    clean: dict[str, Any] = {"id": _name(body, "id")}
    if key != f"badge_batch:{clean['id']}":
        raise SetAside("the record's key does not name its batch")
    clean["created_at"] = _moment(body, "created_at", latest)
    for name in ("desk", "layout", "template", "sort"):
        clean[name] = _text(body, name, limit=MAX_NAME)
    clean["selection"] = _json_object(body, "selection", strings=False)
    clean["count"] = _integer(body, "count", high=MAX_POSITIONS)
    positions = body.get("positions")
    if not isinstance(positions, list) or len(positions) > MAX_POSITIONS:
        raise SetAside("positions is not a list")
    clean["positions"] = []
    for position in positions:
        if not isinstance(position, dict) or position.get("batch_id") != clean["id"]:
            raise SetAside("a position does not belong to the batch")
        clean["positions"].append({
            "batch_id": clean["id"], "attendee_id": _name(position, "attendee_id"),
            "number": _integer(position, "number"), "box": _text(position, "box",
                                                                 limit=MAX_NAME),
            "page": _integer(position, "page"), "slot": _integer(position, "slot")})
    return clean


def check(kind: str, key: str, body: Any, latest: datetime) -> dict[str, Any]:
    """A clean copy of a pulled record's body, or ``SetAside`` with the reason."""
    if kind not in KINDS:
        raise SetAside(f"unknown kind {kind[:40]!r}")
    if not isinstance(body, dict):
        raise SetAside(f"the record is {type(body).__name__}, not an object")
    if kind == "attendee":
        return attendee(body, latest)
    if kind == "checkin":
        return checkin(body, key, latest)
    if kind == "audit":
        return audit(body, key, latest)
    return badge_batch(body, key, latest)
