"""The sync journal's local side: a desk copy's sync state, its outbox, the records
it sends, and how records pulled from the server are applied or set aside.

Triggers in a desk copy (see the schema) queue each new record in ``sync_outbox``
in the same transaction as the record; :func:`outbox_batch` reads what waits, as
the bodies the server's journal stores, and :func:`drop_outbox` forgets what the
server acknowledged. :func:`apply_pulled` applies a batch of pulled records in one
transaction together with the cursor, so a batch is applied whole or not at all.

A record pulled from the server that fails the checks (unknown kind, wrong
types, a reference to nobody, a time beyond the server's clock) is kept in
``sync_quarantine`` with the reason, counted in the sync status and never
applied; the rest of the pull goes on. A pulled attendee version never changes
the person's badge reference (``code_ref``), never blanks their ticket code,
and changes it only to a code nobody else has (logged in this desk's audit log).
Two desks that checked in the same person while cut off keep both records; the
desk with the later record logs the double.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checkin.store.sqlite import EventStore, now_utc

#: a set-aside record keeps at most this much of its body (for a person to look at)
KEPT_BODY_CHARS = 64 * 1024
_TICKETS = uuid.UUID("0c6f7f0e-3d4b-4f43-9a37-2f1c1a5e8d10")
_DOUBLES = uuid.UUID("5d0b7a52-6c1e-4a53-9f0e-0c7f3a1f2b61")
#: what a bad record may break in the copy: it is rolled back and set aside
_RECORD_FAULTS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError,
                  sqlite3.DataError, OverflowError, TypeError, ValueError, KeyError)
log = logging.getLogger("checkin.sync.protocol")

#: a record as the server's journal holds it: its kind and its body
Record = tuple[str, dict[str, Any]]
#: a pulled record: seq, key, kind, desk, body (None: too long to fetch), its size,
#: and the latest time its contents may name
Pulled = tuple[int, str, str, str, Any, int, datetime]


class SetAside(Exception):
    """A pulled record that is not applied; ``reason`` says why (in English, for logs)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class DoubleCheckIn:
    """One person checked in at two desks while they could not see each other."""

    attendee_id: str
    name: str
    day: str
    kept_desk: str
    kept_at: datetime
    later_desk: str
    later_at: datetime

    @property
    def message(self) -> str:
        def hm(moment: datetime) -> str:
            return moment.astimezone().strftime("%H:%M")

        return (f"{self.name} was checked in twice: at {self.kept_desk} at "
                f"{hm(self.kept_at)} and at {self.later_desk} at {hm(self.later_at)}. "
                "They count once (the earlier time).")


# -- sync state ------------------------------------------------------------------------


def sync_state(store: EventStore) -> dict[str, str]:
    return {r["key"]: r["value"] for r in store.query("SELECT key, value FROM sync_state")}


def set_sync_state(store: EventStore, key: str, value: str) -> None:
    with store.transaction() as db:
        _set_state(db, key, value)


def _set_state(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT INTO sync_state(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def start_desk_copy(store: EventStore, *, settings: Mapping[str, object],
                    state: Mapping[str, str]) -> None:
    """A new desk copy: the shared event's settings and where it syncs (from now on
    every new record is queued)."""
    with store.transaction() as db:
        for key, value in settings.items():
            store.set_setting(key, value)  # joins this transaction
        for key, text in state.items():
            _set_state(db, key, text)


def outbox_size(store: EventStore) -> int:
    return int(store.query("SELECT count(*) FROM sync_outbox")[0][0])


# -- records as the server stores them ------------------------------------------------------


def _attendee_body(db: sqlite3.Connection, attendee_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT * FROM attendees WHERE id = ?", (attendee_id,)).fetchone()
    if row is None:
        return None
    body = dict(row)
    body["days"] = [r[0] for r in db.execute(
        "SELECT day FROM attendee_days WHERE attendee_id = ? ORDER BY day", (attendee_id,))]
    return body


def _batch_body(db: sqlite3.Connection, batch_id: str) -> dict[str, Any] | None:
    """A printed badge batch with where each badge is (so every desk can say "Box M–O")."""
    row = db.execute("SELECT * FROM badge_batches WHERE id = ?", (batch_id,)).fetchone()
    if row is None:
        return None
    body = dict(row)
    body["positions"] = [dict(r) for r in db.execute(
        "SELECT * FROM badge_positions WHERE batch_id = ? ORDER BY number", (batch_id,))]
    return body


def _row_body(db: sqlite3.Connection, table: str, key: str) -> dict[str, Any] | None:
    """A record as stored, every column (so columns added by later migrations travel too)."""
    row = db.execute(f"SELECT * FROM {table} WHERE uuid = ?", (key,)).fetchone()
    return None if row is None else dict(row)


def all_records(store: EventStore) -> list[Record]:
    """Every record of an event, in an order that keeps references valid."""
    records: list[Record] = []
    with store.transaction() as db:
        for (attendee_id,) in db.execute("SELECT id FROM attendees ORDER BY created_at, id"):
            body = _attendee_body(db, attendee_id)
            assert body is not None
            records.append(("attendee", body))
        for (key,) in db.execute("SELECT id FROM badge_batches ORDER BY created_at").fetchall():
            records.append(("badge_batch", _batch_body(db, key) or {}))
        for (key,) in db.execute("SELECT uuid FROM checkins ORDER BY at, uuid").fetchall():
            records.append(("checkin", _row_body(db, "checkins", key) or {}))
        for (key,) in db.execute("SELECT uuid FROM audit ORDER BY at, uuid").fetchall():
            records.append(("audit", _row_body(db, "audit", key) or {}))
    return records


def outbox_batch(store: EventStore, limit: int) -> tuple[int, list[Record]] | None:
    """The oldest ``limit`` queued records as they are now (each once), with the last
    queue position they cover; None when nothing waits."""
    with store.transaction() as db:
        rows = db.execute("SELECT id, kind, ref FROM sync_outbox ORDER BY id LIMIT ?",
                          (limit,)).fetchall()
        if not rows:
            return None
        return rows[-1]["id"], _bodies(db, rows)


def _bodies(db: sqlite3.Connection, rows: Iterable[sqlite3.Row]) -> list[Record]:
    records: list[Record] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        kind, ref = row["kind"], row["ref"]
        if (kind, ref) in seen:
            continue
        seen.add((kind, ref))
        if kind == "attendee":
            body = _attendee_body(db, ref)
        elif kind == "badge_batch":
            body = _batch_body(db, ref)
        else:
            body = _row_body(db, "checkins" if kind == "checkin" else "audit", ref)
        if body is not None:
            records.append((kind, body))
    return records


def drop_outbox(store: EventStore, through: int) -> None:
    """The server has the queued records up to ``through``: forget them."""
    with store.transaction() as db:
        db.execute("DELETE FROM sync_outbox WHERE id <= ?", (through,))


# -- applying pulled records -----------------------------------------------------------------


@dataclass(slots=True)
class Applied:
    """What one batch of pulled records did to the copy."""

    #: records new to this desk (its own, coming back from the server, do not count)
    new: int = 0
    set_aside: int = 0
    attendees_changed: bool = False
    doubles: list[DoubleCheckIn] = field(default_factory=list)


def apply_pulled(store: EventStore, rows: Sequence[Pulled], *, desk: str,
                 check: Callable[[str, str, Any, datetime], dict[str, Any]]) -> Applied:
    """Apply pulled records (each cleaned by ``check`` first, which raises ``SetAside``)
    and move the cursor past them, in one transaction; a record that fails is rolled
    back and set aside, the rest goes on."""
    result = Applied()
    arrived: list[dict[str, Any]] = []
    with store.transaction() as db:
        quiet_triggers(db, True)
        for seq, key, kind, sender, body, size, latest in rows:
            db.execute("SAVEPOINT pulled")
            try:
                if body is None:
                    raise SetAside(f"the record is {size} bytes long")
                clean = check(kind, key, body, latest)
                new = _apply_one(db, kind, key, clean, desk, result)
                if new and kind == "checkin" and clean["desk"] != desk:
                    arrived.append(clean)
            except (SetAside, *_RECORD_FAULTS) as exc:
                db.execute("ROLLBACK TO pulled")
                reason = exc.reason if isinstance(exc, SetAside) else \
                    f"the copy refused it ({type(exc).__name__}: {exc})"
                set_aside(db, seq=seq, key=key, kind=kind, desk=sender, reason=reason,
                          body=body if body is not None else f"({size} bytes, not fetched)")
                result.set_aside += 1
                new = False
                log.warning("set aside pulled record %s (%s): %s", seq, kind, reason)
            db.execute("RELEASE pulled")
            result.new += new
        quiet_triggers(db, False)
        for body in arrived:
            double = _double(db, body, desk)
            if double is not None:
                result.doubles.append(double)
        _set_state(db, "cursor", str(rows[-1][0]))
    return result


def _apply_one(db: sqlite3.Connection, kind: str, key: str, body: dict[str, Any], desk: str,
               result: Applied) -> bool:
    """Apply one checked record; ``SetAside`` when a reference does not hold."""
    if kind == "attendee":
        new = apply_attendee(db, body, key=key, desk=desk)
        result.attendees_changed |= new
        return new
    if kind == "checkin":
        if not attendee_exists(db, body["attendee_id"]):
            raise SetAside(f"no attendee {body['attendee_id'][:40]!r} in this event")
        return _insert(db, "checkins", body)
    if kind == "badge_batch":
        for position in body["positions"]:
            if not attendee_exists(db, position["attendee_id"]):
                raise SetAside(f"no attendee {position['attendee_id'][:40]!r} in this event")
        new = _insert(db, "badge_batches", body)
        for position in body["positions"]:
            _insert(db, "badge_positions", position)
        return new
    return _insert(db, "audit", body)


@functools.lru_cache(maxsize=32)
def _table_columns(db: sqlite3.Connection, table: str) -> frozenset[str]:
    return frozenset(r[1] for r in db.execute(f"PRAGMA table_info({table})"))


def _columns(db: sqlite3.Connection, table: str, body: dict[str, Any]) -> list[str]:
    """The body's columns that this copy's table has (a newer desk may send more)."""
    known = _table_columns(db, table)
    return [c for c in body if c in known]


def _insert(db: sqlite3.Connection, table: str, body: dict[str, Any], *,
            or_ignore: bool = True) -> bool:
    columns = _columns(db, table, body)
    marks = ", ".join("?" * len(columns))
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    cur = db.execute(f"{verb} INTO {table}({', '.join(columns)}) VALUES ({marks})",
                     [body[c] for c in columns])
    return cur.rowcount == 1


def apply_attendee(db: sqlite3.Connection, body: dict[str, Any], *, key: str = "",
                   desk: str = "") -> bool:
    """Last writer wins (by ``updated_at``); returns True if the local copy changed.

    A pulled version never changes the person's badge reference (their printed
    badge stays valid) and never blanks their ticket code; it changes the ticket
    code only to one nobody else has, and this desk's audit log says so.
    """
    local = attendee_state(db, body["id"])
    if local is not None and local["updated_at"] >= body["updated_at"]:
        return False
    if local is None:
        holder = code_ref_holder(db, body["code_ref"])
        if holder is not None:
            raise SetAside(f"its badge reference belongs to attendee {holder[:40]!r}")
        _insert(db, "attendees", body, or_ignore=False)
    else:
        body = {**body, "code_ref": local["code_ref"]}
        old, new = local["ticket_code"], body["ticket_code"]
        if not new:
            body["ticket_code"] = new = old
        if new != old:
            holder = ticket_holder(db, new, body["id"])
            if holder is not None:
                raise SetAside(f"ticket code {new[:40]!r} belongs to attendee "
                               f"{holder[:40]!r}")
            log_ticket_change(db, key=key, desk=desk, attendee_id=body["id"], old=old, new=new)
        columns = [c for c in _columns(db, "attendees", body) if c != "id"]
        sets = ", ".join(f"{c} = ?" for c in columns)
        db.execute(f"UPDATE attendees SET {sets} WHERE id = ?",
                   (*(body[c] for c in columns), body["id"]))
        db.execute("DELETE FROM attendee_days WHERE attendee_id = ?", (body["id"],))
    db.executemany("INSERT INTO attendee_days(attendee_id, day) VALUES (?, ?)",
                   [(body["id"], d) for d in body["days"]])
    return True


def _double(db: sqlite3.Connection, other: dict[str, Any], desk: str) -> DoubleCheckIn | None:
    """If this desk also checked the person in, later than ``other``: log the double."""
    if other["kind"] != "in":
        return None
    own = db.execute(
        "SELECT * FROM checkins c WHERE attendee_id = ? AND day = ? AND session IS ? "
        "AND desk = ? AND kind = 'in' AND NOT EXISTS (SELECT 1 FROM checkins u "
        "WHERE u.kind = 'undo' AND u.undoes = c.uuid) ORDER BY at, uuid LIMIT 1",
        (other["attendee_id"], other["day"], other["session"], desk)).fetchone()
    if own is None or (own["at"], own["uuid"]) < (other["at"], other["uuid"]):
        return None
    person = db.execute("SELECT title, first_name, last_name FROM attendees WHERE id = ?",
                        (other["attendee_id"],)).fetchone()
    name = " ".join(p for p in (person or ()) if p) or "Someone"
    double = DoubleCheckIn(other["attendee_id"], name, other["day"], other["desk"],
                           datetime.fromisoformat(other["at"]), desk,
                           datetime.fromisoformat(own["at"]))
    detail = {"day": other["day"], "session": other["session"],
              "kept": {"uuid": other["uuid"], "desk": other["desk"], "at": other["at"]},
              "later": {"uuid": own["uuid"], "desk": desk, "at": own["at"]}}
    db.execute(
        "INSERT OR IGNORE INTO audit(uuid, at, desk, action, attendee_id, detail) "
        "VALUES (?, ?, ?, 'double_checkin', ?, ?)",
        (str(uuid.uuid5(_DOUBLES, other["uuid"] + own["uuid"])), now_utc().isoformat(),
         desk, other["attendee_id"], json.dumps(detail, ensure_ascii=False)))
    return double


# -- the checks' lookups and the quarantine -------------------------------------------------


def attendee_state(db: sqlite3.Connection, attendee_id: str) -> sqlite3.Row | None:
    """What a pulled attendee version is compared with (None: a new person)."""
    row: sqlite3.Row | None = db.execute(
        "SELECT updated_at, code_ref, ticket_code FROM attendees WHERE id = ?",
        (attendee_id,)).fetchone()
    return row


def attendee_exists(db: sqlite3.Connection, attendee_id: str) -> bool:
    return db.execute("SELECT 1 FROM attendees WHERE id = ?", (attendee_id,)).fetchone() \
        is not None


def code_ref_holder(db: sqlite3.Connection, code_ref: str) -> str | None:
    row = db.execute("SELECT id FROM attendees WHERE code_ref = ?", (code_ref,)).fetchone()
    return None if row is None else str(row[0])


def ticket_holder(db: sqlite3.Connection, ticket_code: str, other_than: str) -> str | None:
    """Another person who already has this ticket code (as the door looks it up)."""
    row = db.execute(
        "SELECT id FROM attendees WHERE ticket_code <> '' AND lower(ticket_code) = ? "
        "AND id <> ? LIMIT 1", (ticket_code.lower(), other_than)).fetchone()
    return None if row is None else str(row[0])


def log_ticket_change(db: sqlite3.Connection, *, key: str, desk: str, attendee_id: str,
                      old: str, new: str) -> None:
    """A ticket code changed by another desk: this desk's audit log says so (not sent)."""
    db.execute(
        "INSERT OR IGNORE INTO audit(uuid, at, desk, action, attendee_id, detail) "
        "VALUES (?, ?, ?, 'ticket_code_changed', ?, ?)",
        (str(uuid.uuid5(_TICKETS, key)), now_utc().isoformat(), desk, attendee_id,
         json.dumps({"old": old, "new": new}, ensure_ascii=False)))


def set_aside(db: sqlite3.Connection, *, seq: int, key: str, kind: str, desk: str,
              reason: str, body: Any) -> None:
    """Keep a pulled record that was not applied, with why (idempotent per seq)."""
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False,
                                                          default=str)
    if len(text) > KEPT_BODY_CHARS:
        text = text[:KEPT_BODY_CHARS] + f"… ({len(text)} characters)"
    db.execute(
        "INSERT OR REPLACE INTO sync_quarantine(seq, key, kind, desk, reason, body, "
        "set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, str(key)[:300], str(kind)[:100], str(desk)[:200], reason, text,
         now_utc().isoformat()))


def set_aside_count(store: EventStore) -> int:
    return int(store._read("SELECT count(*) FROM sync_quarantine")[0][0])


def set_aside_records(store: EventStore, limit: int = 100) -> list[dict[str, Any]]:
    """The records set aside, oldest first (for ``checkin sync --json`` and support)."""
    return [dict(r) for r in store._read(
        "SELECT seq, key, kind, desk, reason, set_aside_at FROM sync_quarantine "
        "ORDER BY seq LIMIT ?", (limit,))]


def purge_marker(store: EventStore) -> str | None:
    """The server purge this copy has applied (its salt), if any."""
    row = store._read("SELECT value FROM sync_state WHERE key = 'purge_salt'")
    return str(row[0][0]) if row else None


def forget_after_purge(db: sqlite3.Connection, salt: str | None) -> None:
    """Inside the purge's transaction (with ``temp.purge_ids``): queued references
    follow the new ids, set-aside records (which may hold personal data) go, and a
    purge that came from the server is remembered."""
    db.execute("UPDATE sync_outbox SET ref = (SELECT new FROM temp.purge_ids WHERE old = ref) "
               "WHERE kind = 'attendee' AND ref IN (SELECT old FROM temp.purge_ids)")
    db.execute("DELETE FROM sync_quarantine")
    if salt is not None:
        db.execute("INSERT INTO sync_state(key, value) VALUES ('purge_salt', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (salt,))


def quiet_triggers(db: sqlite3.Connection, on: bool) -> None:
    """While set, the outbox triggers queue nothing (pulled or purged rows)."""
    if on:
        db.execute("INSERT OR IGNORE INTO sync_applying(id) VALUES (1)")
    else:
        db.execute("DELETE FROM sync_applying")
