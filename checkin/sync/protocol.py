"""Several desks on one event: push, pull and heartbeat against the event server.

Every desk works on its own SQLite copy of the event (:mod:`checkin.sync.desks`),
so a scan is committed locally before anything touches the network and the desk
keeps working when the Wi-Fi drops. The copy's outbox (:mod:`checkin.store.journal`)
holds each new record. A sync round pushes the outbox to the server's journal
(``ON CONFLICT (uuid) DO NOTHING``, so a repeated push is harmless) and pulls
every record after the desk's cursor. Two desks that checked in the same
person while cut off keep both records; the person counts once (the earliest
check-in wins, as everywhere in the store) and the desk with the later record
logs the double.

Nothing pulled is trusted blindly: every record is checked
(:mod:`checkin.sync.checks`, and its references against the desk's copy)
and one that fails is set aside in the copy's quarantine, counted in the sync
status, while the rest is applied. When the server's journal was purged
(``checkin purge`` at any desk), each desk purges its own copy with the same
anonymous ids before it sends anything. This module speaks SQL only to
PostgreSQL; the desk's copy is reached through :mod:`checkin.store.journal`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from checkin.errors import UserError
from checkin.store import journal
from checkin.store.journal import DoubleCheckIn, outbox_size, sync_state
from checkin.store.sqlite import EventStore, now_utc
from checkin.sync import checks as sync_checks
from checkin.sync import server
from checkin.sync.addresses import public_url
from checkin.sync.server import ServerTooNew, ServerUnreachable, connect

__all__ = ["ACTIVE_SECONDS", "BATCH", "Desk", "DoubleCheckIn", "SyncReport", "all_records",
           "insert_records", "run_live"]

#: records per server transaction when pushing or pulling
BATCH = 2000
#: a desk counts as active if it was heard from within this many seconds
ACTIVE_SECONDS = 60
log = logging.getLogger("checkin.sync.protocol")
#: a record as the server's journal stores it: key, kind, desk, body
ServerRecord = tuple[str, str, str, Jsonb]


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


# -- records as the server stores them --------------------------------------------------


def _record(kind: str, body: dict[str, Any], desk: str) -> ServerRecord:
    if kind == "attendee":
        key = f"attendee:{body['id']}:{body['updated_at']}"
    elif kind == "badge_batch":
        key = f"badge_batch:{body['id']}"
    else:
        key = str(body["uuid"])
    return key, kind, str(body.get("desk") or desk), Jsonb(body)


def all_records(store: EventStore, desk: str) -> list[ServerRecord]:
    """Every record of an event, in an order that keeps references valid."""
    return [_record(kind, body, desk) for kind, body in journal.all_records(store)]


def insert_records(conn: psycopg.Connection[Any], records: list[ServerRecord]) -> None:
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO checkin_records(uuid, kind, desk, body) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (uuid) DO NOTHING", records)


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
        journal.set_sync_state(self.store, "last_sync", stamp.isoformat())
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
            waiting = journal.outbox_batch(self.store, BATCH)
            if waiting is None:
                return total
            through, bodies = waiting
            records = [_record(kind, body, self.desk) for kind, body in bodies]
            with server.push_transaction(conn, self.sender):
                insert_records(conn, records)
            journal.drop_outbox(self.store, through)
            total += len(records)

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
        applied = journal.apply_pulled(self.store, rows,
                                       desk=self.desk, check=sync_checks.check)
        report.pulled += applied.new
        report.set_aside_now += applied.set_aside
        report.attendees_changed |= applied.attendees_changed
        report.doubles.extend(applied.doubles)

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
