"""Several desks on one event: each desk's local copy, its outbox, push and pull.

Every desk works on its own SQLite copy of the event (the normal event file,
in the user's data folder), so a scan is committed locally before anything
touches the network and the desk keeps working when the Wi-Fi drops. Triggers
in the copy (see the schema) queue each new record in ``sync_outbox`` in the
same transaction. A sync round pushes the outbox to the server's journal
(``ON CONFLICT (uuid) DO NOTHING``, so a repeated push is harmless) and pulls
every record after the desk's cursor. Two desks that checked in the same
person while cut off keep both records; the person counts once (the earliest
check-in wins, as everywhere in the store) and the desk with the later record
logs the double.

Nothing pulled is trusted blindly: every record is checked
(:mod:`checkin.sync.checks`, and its references against the desk's copy)
and one that fails is set aside in ``sync_quarantine``, counted in the sync
status, while the rest is applied. A pulled attendee version never changes
the person's badge reference (``code_ref``), never blanks their ticket code,
and changes it only to a well-formed code nobody else has (logged in this
desk's audit log). When the server's journal was purged (``checkin purge``
at any desk), each desk purges its own copy with the same anonymous ids
before it sends anything.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from checkin.common.paths import data_dir
from checkin.errors import UserError
from checkin.store import files, journal
from checkin.store.sqlite import EventStore, create_event, now_utc, open_event
from checkin.sync import checks as sync_checks
from checkin.sync import server
from checkin.sync.addresses import public_url
from checkin.sync.checks import SetAside
from checkin.sync.server import ServerTooNew, ServerUnreachable, connect

#: records per server transaction when pushing or pulling
BATCH = 2000
#: a desk counts as active if it was heard from within this many seconds
ACTIVE_SECONDS = 60
_DOUBLES = uuid.UUID("5d0b7a52-6c1e-4a53-9f0e-0c7f3a1f2b61")
#: what a bad record may break in the copy: it is rolled back and set aside
_RECORD_FAULTS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError,
                  sqlite3.DataError, OverflowError, TypeError, ValueError, KeyError)
log = logging.getLogger("checkin.sync.protocol")


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


@dataclass(slots=True)
class SyncReport:
    """What one sync round did, for the status bar and ``checkin sync``."""

    online: bool
    pushed: int = 0
    #: records new to this desk (its own, coming back from the server, do not count)
    pulled: int = 0
    outbox: int = 0
    active_desks: int = 0
    attendees_changed: bool = False
    doubles: list[DoubleCheckIn] = field(default_factory=list)
    last_sync: datetime | None = None
    problem: str = ""
    #: pulled records kept aside on this desk because they failed the checks (in all)
    set_aside: int = 0
    #: of which set aside in this round
    set_aside_now: int = 0
    #: this round applied a purge of the server's journal to the desk's copy
    purged: bool = False


# -- where a desk keeps its copy ---------------------------------------------------------


def _slug(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned[:60] or "desk"


def desk_copy_path(url: str, desk: str) -> Path:
    """The desk's local copy: keyed by database and desk, not by host.

    The server's address often changes at a venue (another Wi-Fi, "localhost"
    on the server laptop); keying by host would silently start an empty copy.
    The copy remembers the event's identity and refuses a different event.
    """
    folder = data_dir() / "desks" / _slug(server.database_name(url))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / f"{_slug(desk)}.checkin"


def sync_state(store: EventStore) -> dict[str, str]:
    return {r["key"]: r["value"] for r in store.query("SELECT key, value FROM sync_state")}


def outbox_size(store: EventStore) -> int:
    return int(store.query("SELECT count(*) FROM sync_outbox")[0][0])


# -- records as JSON ------------------------------------------------------------------


def _attendee_body(db: sqlite3.Connection, attendee_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT * FROM attendees WHERE id = ?", (attendee_id,)).fetchone()
    if row is None:
        return None
    body = dict(row)
    body["days"] = [r[0] for r in db.execute(
        "SELECT day FROM attendee_days WHERE attendee_id = ? ORDER BY day", (attendee_id,))]
    return body


def _attendee_key(body: dict[str, Any]) -> str:
    return f"attendee:{body['id']}:{body['updated_at']}"


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


def _record(kind: str, body: dict[str, Any], desk: str) -> tuple[str, str, str, Jsonb]:
    if kind == "attendee":
        key = _attendee_key(body)
    elif kind == "badge_batch":
        key = f"badge_batch:{body['id']}"
    else:
        key = str(body["uuid"])
    return key, kind, str(body.get("desk") or desk), Jsonb(body)


def all_records(store: EventStore, desk: str) -> list[tuple[str, str, str, Jsonb]]:
    """Every record of an event, in an order that keeps references valid."""
    records: list[tuple[str, str, str, Jsonb]] = []
    with store.transaction() as db:
        for (attendee_id,) in db.execute("SELECT id FROM attendees ORDER BY created_at, id"):
            body = _attendee_body(db, attendee_id)
            assert body is not None
            records.append(_record("attendee", body, desk))
        for (key,) in db.execute("SELECT id FROM badge_batches ORDER BY created_at").fetchall():
            records.append(_record("badge_batch", _batch_body(db, key) or {}, desk))
        for (key,) in db.execute("SELECT uuid FROM checkins ORDER BY at, uuid").fetchall():
            records.append(_record("checkin", _row_body(db, "checkins", key) or {}, desk))
        for (key,) in db.execute("SELECT uuid FROM audit ORDER BY at, uuid").fetchall():
            records.append(_record("audit", _row_body(db, "audit", key) or {}, desk))
    return records


def _insert_records(conn: psycopg.Connection[Any],
                    records: list[tuple[str, str, str, Jsonb]]) -> None:
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO checkin_records(uuid, kind, desk, body) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (uuid) DO NOTHING", records)


# -- share and join -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShareReport:
    url: str
    attendees: int
    checkins: int


def share(event_path: str | os.PathLike[str], url: str) -> ShareReport:
    """Upload a local event to a new database on the server (created if missing)."""
    with open_event(event_path) as store:
        event = store.event()
        settings = store.settings()
        records = all_records(store, desk="share")
        attendees = store.attendee_count()
        checkins = len(store.checkins())
    name = server.database_name(url)
    taken = UserError(
        f"The database {name!r} on {public_url(url)} already holds an event. Desks join "
        "it with 'checkin sync URL --desk NAME'; to share another event, name a new "
        "database at the end of the address.")
    with server.ensure_database(url) as conn:
        if server.holds_event(conn):
            raise taken
        try:
            with server.push_transaction(conn, "share"):  # all of it, or nothing
                server.create_schema(conn)
                conn.execute(
                    "INSERT INTO checkin_event(id, event_uuid, name, language, days, "
                    "settings) VALUES (1, %s, %s, %s, %s, %s)",
                    (str(uuid.uuid4()), event.name, event.language,
                     Jsonb(list(event.day_strings)), Jsonb(settings)))
                _insert_records(conn, records)
        except psycopg.errors.DuplicateTable:
            raise taken from None  # shared from elsewhere at the same moment
    return ShareReport(public_url(url), attendees, checkins)


def _join(url: str, desk: str, target: Path) -> None:
    """Make a desk's first copy of a shared event from the server (needs the server)."""
    try:
        conn = connect(url, autocommit=True, desk=desk)
    except ServerUnreachable as exc:
        raise ServerUnreachable(
            exc.message.split(" Check the network")[0] + " A desk needs the server the "
            "first time it joins an event: check the address, the network and that the "
            "server is running, then try again.") from None
    with conn:
        if not server.holds_event(conn):
            raise UserError(
                f"{public_url(url)} holds no shared event yet. Share one first with "
                "'checkin share EVENT URL' (or Event ▸ Share this event… in the app).")
        row = conn.execute("SELECT event_uuid, name, language, days, settings "
                           "FROM checkin_event WHERE id = 1").fetchone()
    assert row is not None
    event_uuid, name, language, days, settings = row
    part = files.part_path(target)
    try:
        with create_event(part, name=name, days=[date.fromisoformat(d) for d in days],
                          language=language) as store:
            with store.transaction() as db:
                for key, value in settings.items():
                    db.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                               "DO UPDATE SET value = excluded.value", (key, json.dumps(value)))
                db.executemany("INSERT INTO sync_state(key, value) VALUES (?, ?)", [
                    ("server", public_url(url)), ("desk", desk), ("event_uuid", event_uuid),
                    ("cursor", "0")])
            first = Desk(store, url, desk).sync()
            if not first.online:
                raise ServerUnreachable(first.problem)
        files.publish_part(part, target)  # atomic, and never replaces a copy made meanwhile
    finally:
        files.discard_part(part)


def open_desk(url: str, desk: str) -> EventStore:
    """This desk's copy of a shared event (joined from the server the first time)."""
    if not desk.strip():
        raise UserError("A desk needs a name, e.g. --desk 'Desk 2'.")
    path = desk_copy_path(url, desk)
    if not path.exists():
        _join(url, desk, path)
    store = open_event(path)
    store.label = public_url(url)
    return store


# -- one desk's sync ----------------------------------------------------------------


class Desk:
    """Pushes a desk copy's outbox and pulls the other desks' records."""

    def __init__(self, store: EventStore, url: str, desk: str) -> None:
        self.store = store
        self.url = url
        self.desk = desk
        #: NOTIFY payload of this process, so it can ignore its own announcements
        self.sender = f"{desk}/{uuid.uuid4().hex[:12]}"

    # -- the round -------------------------------------------------------------------

    def sync(self, conn: psycopg.Connection[Any] | None = None) -> SyncReport:
        """One round: push, pull, heartbeat. Offline → a report saying so (no raise)."""
        try:
            if conn is None:
                with connect(self.url, autocommit=True, desk=self.desk) as fresh:
                    return self._round(fresh)
            return self._round(conn)
        except (ServerUnreachable, ServerTooNew) as exc:
            return self.offline_report(exc.message)
        except psycopg.OperationalError as exc:
            return self.offline_report(self.broken(exc))

    def broken(self, exc: BaseException) -> str:
        return (f"The connection to the event server broke ({server.describe(exc, self.url)}). "
                "This desk keeps working and syncs when it is back.")

    def offline_report(self, problem: str) -> SyncReport:
        state = sync_state(self.store)
        last = state.get("last_sync")
        return SyncReport(online=False, outbox=outbox_size(self.store), problem=problem,
                          last_sync=datetime.fromisoformat(last) if last else None,
                          set_aside=journal.set_aside_count(self.store))

    def _round(self, conn: psycopg.Connection[Any]) -> SyncReport:
        salt = self._check_event(conn)
        purged = salt is not None and journal.purge_marker(self.store) != salt
        if purged:  # before anything personal could be sent
            assert salt is not None
            self._purge_copy(salt)
        pushed = self.push(conn)
        report = self.pull(conn)
        report.purged = purged
        report.attendees_changed |= purged
        report.set_aside = journal.set_aside_count(self.store)
        if report.doubles:
            pushed += self.push(conn)  # the audit entries about doubles, at once
        report.pushed = pushed
        report.outbox = outbox_size(self.store)
        report.active_desks = self.heartbeat(conn, report.outbox)
        stamp = now_utc()
        with self.store.transaction() as db:
            db.execute("INSERT INTO sync_state(key, value) VALUES ('last_sync', ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (stamp.isoformat(),))
        report.last_sync = stamp
        return report

    def _check_event(self, conn: psycopg.Connection[Any]) -> str | None:
        """Upgrade or refuse the server's schema; returns the server purge's salt."""
        if not server.prepare(conn):
            raise UserError(f"{public_url(self.url)} holds no shared event. Check the "
                            "address (the database name at the end).")
        row = conn.execute("SELECT event_uuid, purge_salt FROM checkin_event "
                           "WHERE id = 1").fetchone()
        mine = sync_state(self.store).get("event_uuid")
        if row is None or row[0] != mine:
            raise UserError(
                f"{public_url(self.url)} holds another event than this desk's copy "
                f"{self.store.path}. Use another --desk name, or move that copy away.")
        return None if row[1] is None else str(row[1])

    # -- purge of a shared event ------------------------------------------------------

    def purge_everywhere(self) -> SyncReport:
        """Purge the shared event: send what waits, purge the server's journal, then
        this copy (every other desk purges its copy at its next sync)."""
        from checkin.event.privacy import compact

        needs = ("The purge of a shared event needs the event server, so that the "
                 "personal data goes from the server and every desk: ")
        try:
            with connect(self.url, autocommit=True, desk=self.desk) as conn:
                first = self._round(conn)
                if first.outbox:
                    raise UserError(needs + f"{first.outbox} record(s) could not be sent. "
                                    "Try again.")
                server.purge_journal(conn, sync_state(self.store)["event_uuid"])
                report = self._round(conn)
                with contextlib.suppress(psycopg.Error):   # only the schema owner may
                    conn.execute("RESET ROLE")
                    conn.execute("VACUUM FULL checkin_records")
        except (ServerUnreachable, ServerTooNew) as exc:
            raise UserError(needs + exc.message) from None
        except psycopg.OperationalError as exc:
            raise UserError(needs + self.broken(exc)) from None
        compact(self.store)  # here the user waits for it: say so if it cannot
        return report

    def _purge_copy(self, salt: str) -> None:
        from checkin.event.privacy import purge_rows, remove_backups_and_compact

        purge_rows(self.store, salt=salt)
        try:
            remove_backups_and_compact(self.store)
        except UserError as exc:  # another connection reads: 'checkin purge' compacts
            log.warning("purged from the server, not yet compacted: %s", exc.message)

    # -- push --------------------------------------------------------------------------

    def push(self, conn: psycopg.Connection[Any]) -> int:
        """Send the outbox, oldest first; returns how many records went out."""
        total = 0
        while True:
            with self.store.transaction() as db:
                rows = db.execute("SELECT id, kind, ref FROM sync_outbox ORDER BY id LIMIT ?",
                                  (BATCH,)).fetchall()
                records = self._payloads(db, rows)
            if not rows:
                return total
            with server.push_transaction(conn, self.sender):
                _insert_records(conn, records)
            with self.store.transaction() as db:
                db.execute("DELETE FROM sync_outbox WHERE id <= ?", (rows[-1]["id"],))
            total += len(records)

    def _payloads(self, db: sqlite3.Connection,
                  rows: Iterable[sqlite3.Row]) -> list[tuple[str, str, str, Jsonb]]:
        records: list[tuple[str, str, str, Jsonb]] = []
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
                records.append(_record(kind, body, self.desk))
        return records

    # -- pull ---------------------------------------------------------------------------

    def pull(self, conn: psycopg.Connection[Any]) -> SyncReport:
        """Apply every record after this desk's cursor; returns what arrived."""
        report = SyncReport(online=True)
        while True:
            cursor = int(sync_state(self.store).get("cursor", "0"))
            # a body too long to be one of ours is not even fetched; a record's times
            # may be ahead of the server's clock (when it arrived, and now) by the
            # tolerance, no more
            rows = conn.execute(
                "SELECT seq, uuid, kind, desk, CASE WHEN octet_length(body::text) <= "
                "(CASE kind WHEN 'badge_batch' THEN %s ELSE %s END) THEN body END, "
                "octet_length(body::text), least(received_at, now()) + %s "
                "FROM checkin_records WHERE seq > %s ORDER BY seq LIMIT %s",
                (server.MAX_BATCH_BYTES, server.MAX_RECORD_BYTES,
                 sync_checks.CLOCK_TOLERANCE, cursor, BATCH)).fetchall()
            if not rows:
                return report
            self._apply(rows, report)

    def _apply(self, rows: list[tuple[Any, ...]], report: SyncReport) -> None:
        arrived: list[dict[str, Any]] = []
        with self.store.transaction() as db:
            journal.quiet_triggers(db, True)
            for seq, key, kind, desk, body, size, latest in rows:
                db.execute("SAVEPOINT pulled")
                try:
                    if body is None:
                        raise SetAside(f"the record is {size} bytes long")
                    clean = sync_checks.check(kind, key, body, latest)
                    new = self._apply_one(db, seq, kind, key, clean, report)
                    if new and kind == "checkin" and clean["desk"] != self.desk:
                        arrived.append(clean)
                except (SetAside, *_RECORD_FAULTS) as exc:
                    db.execute("ROLLBACK TO pulled")
                    reason = exc.reason if isinstance(exc, SetAside) else \
                        f"the copy refused it ({type(exc).__name__}: {exc})"
                    journal.set_aside(db, seq=seq, key=key, kind=kind, desk=desk,
                                      reason=reason, body=body if body is not None else
                                      f"({size} bytes, not fetched)")
                    report.set_aside_now += 1
                    new = False
                    log.warning("set aside pulled record %s (%s): %s", seq, kind, reason)
                db.execute("RELEASE pulled")
                report.pulled += new
            journal.quiet_triggers(db, False)
            for body in arrived:
                double = self._double(db, body)
                if double is not None:
                    report.doubles.append(double)
            db.execute("INSERT INTO sync_state(key, value) VALUES ('cursor', ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (str(rows[-1][0]),))

    def _apply_one(self, db: sqlite3.Connection, seq: int, kind: str, key: str,
                   body: dict[str, Any], report: SyncReport) -> bool:
        """Apply one checked record; ``SetAside`` when a reference does not hold."""
        if kind == "attendee":
            new = _apply_attendee(db, body, key=key, desk=self.desk)
            report.attendees_changed |= new
            return new
        if kind == "checkin":
            if not journal.attendee_exists(db, body["attendee_id"]):
                raise SetAside(f"no attendee {body['attendee_id'][:40]!r} in this event")
            return _insert(db, "checkins", body)
        if kind == "badge_batch":
            for position in body["positions"]:
                if not journal.attendee_exists(db, position["attendee_id"]):
                    raise SetAside(f"no attendee {position['attendee_id'][:40]!r} in this "
                                   "event")
            new = _insert(db, "badge_batches", body)
            for position in body["positions"]:
                _insert(db, "badge_positions", position)
            return new
        return _insert(db, "audit", body)

    def _double(self, db: sqlite3.Connection, other: dict[str, Any]) -> DoubleCheckIn | None:
        """If this desk also checked the person in, later than ``other``: log the double."""
        if other["kind"] != "in":
            return None
        own = db.execute(
            "SELECT * FROM checkins c WHERE attendee_id = ? AND day = ? AND session IS ? "
            "AND desk = ? AND kind = 'in' AND NOT EXISTS (SELECT 1 FROM checkins u "
            "WHERE u.kind = 'undo' AND u.undoes = c.uuid) ORDER BY at, uuid LIMIT 1",
            (other["attendee_id"], other["day"], other["session"], self.desk)).fetchone()
        if own is None or (own["at"], own["uuid"]) < (other["at"], other["uuid"]):
            return None
        person = db.execute("SELECT title, first_name, last_name FROM attendees WHERE id = ?",
                            (other["attendee_id"],)).fetchone()
        name = " ".join(p for p in (person or ()) if p) or "Someone"
        double = DoubleCheckIn(other["attendee_id"], name, other["day"], other["desk"],
                               datetime.fromisoformat(other["at"]), self.desk,
                               datetime.fromisoformat(own["at"]))
        detail = {"day": other["day"], "session": other["session"],
                  "kept": {"uuid": other["uuid"], "desk": other["desk"], "at": other["at"]},
                  "later": {"uuid": own["uuid"], "desk": self.desk, "at": own["at"]}}
        db.execute(
            "INSERT OR IGNORE INTO audit(uuid, at, desk, action, attendee_id, detail) "
            "VALUES (?, ?, ?, 'double_checkin', ?, ?)",
            (str(uuid.uuid5(_DOUBLES, other["uuid"] + own["uuid"])), now_utc().isoformat(),
             self.desk, other["attendee_id"], json.dumps(detail, ensure_ascii=False)))
        return double

    # -- presence -----------------------------------------------------------------------

    def heartbeat(self, conn: psycopg.Connection[Any], outbox: int) -> int:
        """Say this desk is alive; returns how many desks were heard from lately."""
        with conn.transaction():
            conn.execute(
                "INSERT INTO checkin_desks(desk, last_seen, outbox) VALUES (%s, now(), %s) "
                "ON CONFLICT (desk) DO UPDATE SET last_seen = excluded.last_seen, "
                "outbox = excluded.outbox", (self.desk, outbox))
            row = conn.execute(
                "SELECT count(*) FROM checkin_desks WHERE last_seen > now() - "
                "make_interval(secs => %s)", (ACTIVE_SECONDS,)).fetchone()
        return int(row[0]) if row else 0


def _apply_attendee(db: sqlite3.Connection, body: dict[str, Any], *, key: str = "",
                    desk: str = "") -> bool:
    """Last writer wins (by ``updated_at``); returns True if the local copy changed.

    A pulled version never changes the person's badge reference (their printed
    badge stays valid) and never blanks their ticket code; it changes the ticket
    code only to one nobody else has, and this desk's audit log says so.
    """
    local = journal.attendee_state(db, body["id"])
    if local is not None and local["updated_at"] >= body["updated_at"]:
        return False
    if local is None:
        holder = journal.code_ref_holder(db, body["code_ref"])
        if holder is not None:
            raise SetAside(f"its badge reference belongs to attendee {holder[:40]!r}")
        _insert(db, "attendees", body, or_ignore=False)
    else:
        body = {**body, "code_ref": local["code_ref"]}
        old, new = local["ticket_code"], body["ticket_code"]
        if not new:
            body["ticket_code"] = new = old
        if new != old:
            holder = journal.ticket_holder(db, new, body["id"])
            if holder is not None:
                raise SetAside(f"ticket code {new[:40]!r} belongs to attendee "
                               f"{holder[:40]!r}")
            journal.log_ticket_change(db, key=key, desk=desk, attendee_id=body["id"],
                                      old=old, new=new)
        columns = [c for c in _columns(db, "attendees", body) if c != "id"]
        sets = ", ".join(f"{c} = ?" for c in columns)
        db.execute(f"UPDATE attendees SET {sets} WHERE id = ?",
                   (*(body[c] for c in columns), body["id"]))
        db.execute("DELETE FROM attendee_days WHERE attendee_id = ?", (body["id"],))
    db.executemany("INSERT INTO attendee_days(attendee_id, day) VALUES (?, ?)",
                   [(body["id"], d) for d in body["days"]])
    return True


# -- the live loop (used by the desk window's sync thread and the benchmark) ---------------


def run_live(desk: Desk, *, stop: threading.Event, poke: threading.Event,
             report: Callable[[SyncReport], None], heartbeat_every: float = 5.0,
             retry_every: float = 2.0, wait_step: float = 0.1) -> None:
    """Sync continuously until ``stop``: at once on a NOTIFY from another desk, a local
    record in the outbox or a ``poke``, otherwise every ``heartbeat_every`` seconds;
    while the server is away, retry every ``retry_every`` seconds and report offline."""
    while not stop.is_set():
        try:
            conn = connect(desk.url, autocommit=True, desk=desk.desk)
        except ServerUnreachable as exc:
            report(desk.offline_report(exc.message))
            _wait(stop, poke, retry_every)
            continue
        try:
            with conn:
                conn.execute(f"LISTEN {server.CHANNEL}")
                report(desk.sync(conn))
                last = time.monotonic()
                while not stop.is_set():
                    # anything written locally (a walk-in, an edit, a print) goes out at once
                    due = (poke.is_set() or outbox_size(desk.store) > 0
                           or time.monotonic() - last > heartbeat_every)
                    if not due:
                        for note in conn.notifies(timeout=wait_step, stop_after=1):
                            due = due or note.payload != desk.sender
                    if due:
                        poke.clear()
                        result = desk.sync(conn)
                        report(result)
                        last = time.monotonic()
                        if not result.online:
                            break
        except psycopg.OperationalError as exc:
            report(desk.offline_report(desk.broken(exc)))
            _wait(stop, poke, retry_every)


def _wait(stop: threading.Event, poke: threading.Event, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not stop.is_set() and time.monotonic() < deadline:
        time.sleep(0.05)
