"""The event file: one SQLite database per event, handled like a document.

:class:`EventStore` holds the connection; the other modules of ``checkin.store``
add typed reads and writes by area, and nothing outside ``checkin.store`` runs
SQL on it (``EventStore.query`` only reads, for tests and diagnostics).

Why these settings: WAL lets the live board read while a desk writes;
``synchronous=FULL`` makes a committed check-in survive a power cut or a
killed process; foreign keys keep check-ins pointing at real people. A file
is recognised by its ``application_id`` in the SQLite header, read before
this process's first connection is made, so a foreign file is never touched.
Everything done to the file itself (header, copies, backups, deleting) goes
through :mod:`checkin.store.files`, which keeps that safe while it is open.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from json.encoder import encode_basestring as _quote
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from checkin.door.codes import new_code_ref
from checkin.errors import (
    DiskFull,
    EventBusy,
    EventDamaged,
    NotAnEventFile,
    ReadOnlyPlace,
    UserError,
    explain_fault,
)
from checkin.model import KNOWN_FIELDS, Attendee, CheckIn, Event
from checkin.store import files
from checkin.store.files import check_event_file as check_event_file
from checkin.store.schema import (
    APPLICATION_ID,
    EXPECTED_RECOUNT,
    MIGRATIONS,
    SCHEMA_VERSION,
    split_statements,
)

#: SQLite page cache during a bulk import (KiB); the default is 2,000 KiB
_BULK_CACHE_KIB = 128 * 1024
#: SQLITE_IOERR_SHORT_READ: a frame the -shm index promises is not in the -wal file
_SQLITE_IOERR_SHORT_READ = 522
_ATTENDEE_COLUMNS = ("id", *KNOWN_FIELDS, "extra", "status", "walk_in")
_INSERT_COLUMNS = (*_ATTENDEE_COLUMNS, "code_ref", "created_at", "updated_at")


class ReadOnlyQuery(ValueError):
    """A statement that writes was given to :meth:`EventStore.query` (a bug, not the
    user's doing): writes go through the named functions of ``checkin.store``."""


#: pragmas that only read (``PRAGMA name``, never ``= value``)
_READ_PRAGMAS = frozenset({
    "application_id", "busy_timeout", "cache_size", "compile_options", "data_version",
    "database_list", "foreign_keys", "freelist_count", "journal_mode", "page_count",
    "page_size", "query_only", "schema_version", "secure_delete", "synchronous",
    "user_version", "wal_autocheckpoint",
})
#: pragmas whose argument names what to read, not a new value
_READ_PRAGMAS_WITH_ARGUMENT = frozenset({
    "foreign_key_check", "foreign_key_list", "index_info", "index_list", "index_xinfo",
    "integrity_check", "quick_check", "table_info", "table_xinfo",
})
_FIRST_WORD = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*(\w*)", re.S)
_PRAGMA = re.compile(r"\s*PRAGMA\s+(?:\w+\s*\.\s*)?(\w+)\s*(\(\s*[\w']*\s*\))?\s*;?\s*",
                     re.I)


def _read_kind(sql: str) -> str:
    """'select' or 'pragma' for a statement :meth:`EventStore.query` may run; else raise."""
    match = _FIRST_WORD.match(sql)
    word = match.group(1).upper() if match else ""
    if word in ("SELECT", "VALUES", "WITH"):
        return "select"
    if word == "PRAGMA":
        pragma = _PRAGMA.fullmatch(sql[match.start(1):] if match else sql)
        if pragma is not None:
            name = pragma.group(1).lower()
            if (name in _READ_PRAGMAS and pragma.group(2) is None) \
                    or name in _READ_PRAGMAS_WITH_ARGUMENT:
                return "pragma"
    raise ReadOnlyQuery(f"EventStore.query() only reads (SELECT, WITH, reading pragmas), "
                        f"not {sql.strip()[:80]!r}: use a function of checkin.store "
                        "(checkin.store.maintenance for VACUUM, secure delete, checkpoints)")




def _extra_json(extra: Mapping[str, str]) -> str:
    """The extra fields as JSON; built directly for the common all-text case (imports)."""
    if not extra:
        return "{}"
    try:
        return "{" + ", ".join(f"{_quote(k)}: {_quote(v)}" for k, v in extra.items()) + "}"
    except TypeError:
        return json.dumps(dict(extra), ensure_ascii=False)


class NewPerson(Protocol):
    """What :meth:`EventStore.import_people` reads of a new person (an Attendee has it)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def organization(self) -> str: ...
    @property
    def project(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def ticket_code(self) -> str: ...
    @property
    def days(self) -> Sequence[str]: ...
    @property
    def extra(self) -> Mapping[str, str]: ...
    @property
    def status(self) -> str: ...
    @property
    def walk_in(self) -> bool: ...
    @property
    def code_ref(self) -> str: ...


def now_utc() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def new_uuid() -> str:
    return str(uuid.uuid4())


def _row_to_attendee(row: sqlite3.Row, days: Sequence[str]) -> Attendee:
    return Attendee(
        id=row["id"],
        title=row["title"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        organization=row["organization"],
        project=row["project"],
        role=row["role"],
        email=row["email"],
        ticket_code=row["ticket_code"],
        days=tuple(days),
        extra=json.loads(row["extra"]),
        status=row["status"],
        walk_in=bool(row["walk_in"]),
        code_ref=row["code_ref"],
    )


def _row_to_checkin(row: sqlite3.Row) -> CheckIn:
    return CheckIn(
        uuid=row["uuid"],
        attendee_id=row["attendee_id"],
        day=row["day"],
        desk=row["desk"],
        at=datetime.fromisoformat(row["at"]),
        kind=row["kind"],
        undoes=row["undoes"],
        session=row["session"],
        forced=bool(row["forced"]),
    )


class EventStore:
    """All reads and writes of one event file.

    One connection, guarded by a lock so that the GUI thread (reads) and the
    single writer thread (writes) can share it. Every write is its own
    ``BEGIN IMMEDIATE`` transaction unless grouped with :meth:`transaction`.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, *,
                 key: files.Key | None = None, read_only: bool = False) -> None:
        self.path = path
        #: what titles and messages call this event instead of the path (a desk copy
        #: of a shared event shows its server address, without the password)
        self.label: str | None = None
        #: opened read-only (an archived copy, a read-only folder): viewed, never written
        self.read_only = read_only
        #: why it is read-only when that is not the file's own state (a full disk)
        self.read_only_reason: UserError | None = None
        self._db = connection
        self._key = key
        self._lock = threading.RLock()
        self._depth = 0

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._key is None:
                return
            self._db.close()
            files.release(self._key)  # after the close: see checkin.store.files
            self._key = None

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def location(self) -> str:
        """Where the event lives, for titles and messages (no secrets)."""
        return self.label or str(self.path)

    def _fault(self, exc: sqlite3.Error) -> BaseException:
        """The venue's fault behind an SQLite error (full disk, locked…), else ``exc``."""
        return explain(exc, self.path, self.location) or exc

    def _rollback(self) -> None:
        if self._db.in_transaction:
            # SQLite may have rolled back by itself (a full disk)
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def _check_writable(self) -> None:
        """Refuse a write to an event opened read-only, saying why and what to do."""
        if self.read_only_reason is not None:
            raise self.read_only_reason
        if self.read_only:
            raise ReadOnlyPlace(
                f"This event is open read-only ({self.location}): an archived copy or a "
                "read-only folder. It can be viewed and exported, but nobody can be checked "
                "in and nothing can be changed. To go on working with it, save a copy in a "
                "writable folder (File > Save a copy…, or 'checkin copy EVENT NEW') and "
                "open the copy.")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Group writes: all of them are committed, or none (nested calls join).

        Outside ``checkin/store/`` this is only a grouping:
        ``with store.transaction():`` around several store calls (a check-in and its
        audit entry). The connection it yields is for the store's own modules; code
        elsewhere must not use it (``tests/test_architecture.py`` enforces that), so
        the event's SQL has one owner. SQLite's errors come out as what the user can
        do about them (``DiskFull``, ``EventBusy``, ``EventDamaged``…); whatever
        failed was not committed.
        """
        self._check_writable()
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._db
                finally:
                    self._depth -= 1
                return
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._fault(exc) from exc
            self._depth = 1
            try:
                yield self._db
            except sqlite3.Error as exc:
                self._rollback()
                raise self._fault(exc) from exc
            except BaseException:
                self._rollback()
                raise
            else:
                try:
                    self._db.execute("COMMIT")
                except sqlite3.Error as exc:
                    self._rollback()
                    raise self._fault(exc) from exc
            finally:
                self._depth = 0

    def save_copy(self, dest: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """A complete copy of the event, with what is still in the WAL (backup API).

        A byte copy of an open event misses the last check-ins (they are in the
        -wal file) and would cost this connection its locks; this never does.
        """
        with self._lock:
            return files.copy_connection(self._db, Path(dest), overwrite=overwrite)

    def _explained(self, exc: sqlite3.Error) -> BaseException:
        explained = explain(exc, self.path, self.location)
        return exc if explained is None else explained

    def _read(self, sql: str,
              params: Sequence[Any] | Mapping[str, Any] = ()) -> list[sqlite3.Row]:
        """All rows of one statement; for the store's own modules (no checks)."""
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                explained = self._explained(exc)
                if explained is exc:
                    raise
                raise explained from exc

    def _run(self, sql: str) -> list[sqlite3.Row]:
        """One statement outside any transaction (VACUUM, connection pragmas): for
        :mod:`checkin.store.maintenance` only; refused on a read-only event."""
        self._check_writable()
        with self._lock:
            if self._depth:
                raise RuntimeError(f"{sql!r} cannot run inside a transaction")
            return self._read(sql)

    def data_version(self) -> int:
        """A number that changes when another connection commits to the event
        (``PRAGMA data_version``): the live board's cheap "anything new?" check."""
        return int(self._read("PRAGMA data_version")[0][0])

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[sqlite3.Row]:
        """Run one read-only statement: for tests, benchmarks and diagnostics.

        The app's code calls the typed functions of ``checkin.store`` instead.
        Read-only for real: only SELECT, VALUES, WITH (run with ``query_only``, so
        SQLite itself refuses a write) and pragmas that read are accepted; anything
        else raises :class:`ReadOnlyQuery`. Writes and maintenance have named store
        functions (:mod:`checkin.store.maintenance` for VACUUM, secure delete, WAL
        checkpoints).
        """
        kind = _read_kind(sql)
        if kind == "pragma":
            return self._read(sql, params)
        with self._lock:
            guard = not self.read_only  # a read-only connection has query_only already
            if guard:
                self._db.execute("PRAGMA query_only = ON")
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY":  # it writes
                    raise ReadOnlyQuery(f"EventStore.query() only reads, and {sql!r} "
                                        "writes: use a function of checkin.store") from exc
                explained = self._explained(exc)
                if explained is exc:
                    raise
                raise explained from exc
            finally:
                if guard:
                    self._db.execute("PRAGMA query_only = OFF")

    # -- event and settings ----------------------------------------------------------

    def event(self) -> Event:
        with self._lock:
            row = self._db.execute("SELECT name, language FROM event WHERE id = 1").fetchone()
            days = [r[0] for r in self._db.execute("SELECT day FROM event_days ORDER BY day")]
        return Event(
            name=row["name"],
            days=tuple(date.fromisoformat(d) for d in days),
            language=row["language"],
            settings=self.settings(),
        )

    def set_event(self, *, name: str | None = None, language: str | None = None,
                  days: Iterable[date] | None = None) -> None:
        with self.transaction() as db:
            if name is not None:
                db.execute("UPDATE event SET name = ? WHERE id = 1", (name,))
            if language is not None:
                db.execute("UPDATE event SET language = ? WHERE id = 1", (language,))
            if days is not None:
                db.execute("DELETE FROM event_days")
                db.executemany("INSERT INTO event_days(day) VALUES (?)",
                               [(d.isoformat(),) for d in sorted(set(days))])

    def settings(self) -> dict[str, object]:
        with self._lock:
            rows = self._db.execute("SELECT key, value FROM settings").fetchall()
        return {r["key"]: json.loads(r["value"]) for r in rows}

    def setting(self, key: str, default: object = None) -> object:
        with self._lock:
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row["value"])

    def set_setting(self, key: str, value: object) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    # -- attendees -----------------------------------------------------------------

    def _days_by_attendee(self, ids: Sequence[str] | None = None) -> dict[str, list[str]]:
        if ids is None:
            rows = self._db.execute("SELECT attendee_id, day FROM attendee_days ORDER BY day")
        else:
            marks = ",".join("?" * len(ids))
            rows = self._db.execute(
                f"SELECT attendee_id, day FROM attendee_days WHERE attendee_id IN ({marks}) "
                "ORDER BY day", list(ids))
        days: dict[str, list[str]] = {}
        for attendee_id, day in rows:
            days.setdefault(attendee_id, []).append(day)
        return days

    def attendees(self, *, include_cancelled: bool = True) -> list[Attendee]:
        where = "" if include_cancelled else "WHERE status = 'active'"
        with self._lock:
            rows = self._db.execute(f"SELECT * FROM attendees {where}").fetchall()
            days = self._days_by_attendee()
        # converted and freed in batches: freeing 100,000 rows at once is one C call
        # that holds the GIL (a stall of the window when a worker reads the people)
        people: list[Attendee] = []
        while rows:
            people.extend(_row_to_attendee(r, days.pop(r["id"], ())) for r in rows[:1000])
            del rows[:1000]
        return people

    def attendee(self, attendee_id: str) -> Attendee | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM attendees WHERE id = ?",
                                   (attendee_id,)).fetchone()
            if row is None:
                return None
            days = self._days_by_attendee([attendee_id])
        return _row_to_attendee(row, days.get(attendee_id, ()))

    def attendee_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM attendees").fetchone()[0])

    def find_by_ticket(self, code: str) -> Attendee | None:
        """The attendee whose external ticket code is exactly ``code`` (case-insensitive)."""
        with self._lock:
            row = self._db.execute(
                # "<> ''" lets SQLite use the partial index attendees_ticket
                "SELECT id FROM attendees WHERE ticket_code = ? AND ticket_code <> '' LIMIT 1",
                (code,)).fetchone()
            if row is None:
                row = self._db.execute(
                    "SELECT id FROM attendees WHERE ticket_code <> '' AND lower(ticket_code) = ? "
                    "LIMIT 1", (code.lower(),)).fetchone()  # index attendees_ticket_lower
        return None if row is None else self.attendee(row["id"])

    def find_by_code_ref(self, code_ref: str) -> Attendee | None:
        """The attendee a (verified) badge code refers to."""
        with self._lock:
            row = self._db.execute("SELECT id FROM attendees WHERE code_ref = ?",
                                   (code_ref,)).fetchone()
        return None if row is None else self.attendee(row["id"])

    def code_secret(self) -> str:
        """The per-event key that signs badge codes."""
        return str(self.setting("code_secret"))

    def add_attendees(self, people: Iterable[Attendee]) -> int:
        """Insert new people (in one transaction); returns how many.

        A person without a ``code_ref`` gets a fresh random one for the badge code.
        """
        stamp = _iso(now_utc())
        rows = []
        day_rows: list[tuple[str, str]] = []
        for a in people:
            rows.append((a.id, *(getattr(a, f) for f in KNOWN_FIELDS),
                         json.dumps(dict(a.extra), ensure_ascii=False), a.status,
                         int(a.walk_in), a.code_ref or new_code_ref(), stamp, stamp))
            day_rows.extend((a.id, d) for d in a.days)
        cols = ", ".join(_INSERT_COLUMNS)
        marks = ", ".join("?" * len(_INSERT_COLUMNS))
        with self.transaction() as db:
            db.executemany(f"INSERT INTO attendees({cols}) VALUES ({marks})", rows)
            db.executemany("INSERT INTO attendee_days(attendee_id, day) VALUES (?, ?)", day_rows)
        return len(rows)

    def import_people(self, added: Iterable[NewPerson], updated: Iterable[Attendee],
                      cancelled_ids: Iterable[str],
                      on_row: Callable[[int], None] | None = None, bulk: bool = False) -> None:
        """Write one import in one transaction: new people streamed, changes, cancellations.

        Nothing is deleted, so check-ins and print records stay attached.
        ``on_row(n)`` is called every 1,000 new rows (progress; raising there
        rolls the whole import back). ``bulk`` (many new people) rebuilds the
        secondary indexes after the rows are in, instead of updating them per row.
        """
        stamp = _iso(now_utc())
        day_rows: list[tuple[str, str]] = []
        # spelled out (not KNOWN_FIELDS) to match the tuple below; other columns keep
        # their defaults
        columns = ("id", "title", "first_name", "last_name", "organization", "project", "role",
                   "email", "ticket_code", "extra", "status", "walk_in", "code_ref",
                   "created_at", "updated_at")
        cols, marks = ", ".join(columns), ", ".join("?" * len(columns))

        def rows() -> Iterator[tuple[object, ...]]:
            for n, a in enumerate(added, 1):
                day_rows.extend((a.id, d) for d in a.days)
                yield (a.id, a.title, a.first_name, a.last_name, a.organization, a.project,
                       a.role, a.email, a.ticket_code,
                       _extra_json(a.extra),
                       a.status, int(a.walk_in), a.code_ref or new_code_ref(), stamp, stamp)
                if on_row is not None and n % 1000 == 0:
                    on_row(n)

        with self.transaction() as db:
            # a bulk load is faster with the secondary indexes built once afterwards
            # (inside the transaction, so a failure restores them with everything else)
            indexes = db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('attendees', 'attendee_days')").fetchall() if bulk else []
            for index in indexes:
                db.execute(f'DROP INDEX "{index["name"]}"')
            # likewise the per-row counter trigger: one recount afterwards is cheaper
            counter = db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                "AND name = 'expected_on_day_in'").fetchone() if bulk else None
            if counter is not None:
                db.execute("DROP TRIGGER expected_on_day_in")
            # random UUID keys land all over the primary-key b-trees: with the
            # default 2 MB page cache a 100,000-row load keeps re-reading pages
            cache = db.execute("PRAGMA cache_size").fetchone()[0]
            if bulk:
                db.execute(f"PRAGMA cache_size = {-_BULK_CACHE_KIB}")
            try:
                db.executemany(f"INSERT INTO attendees({cols}) VALUES ({marks})", rows())
                day_rows.sort()  # key order: each b-tree page is filled once
                db.executemany("INSERT INTO attendee_days(attendee_id, day) VALUES (?, ?)",
                               day_rows)
                for index in indexes:
                    db.execute(index["sql"])
                if counter is not None:
                    db.execute(EXPECTED_RECOUNT)
                    db.execute(counter["sql"])
            finally:
                db.execute(f"PRAGMA cache_size = {cache}")
            for person in updated:
                self.update_attendee(person)
            db.executemany("UPDATE attendees SET status = 'cancelled', updated_at = ? "
                           "WHERE id = ?", ((stamp, i) for i in cancelled_ids))

    def update_attendee(self, person: Attendee) -> None:
        """Replace a person's fields and days (the caller logs the edit)."""
        sets = ", ".join(f"{c} = ?" for c in _ATTENDEE_COLUMNS[1:])
        values = (*(getattr(person, f) for f in KNOWN_FIELDS),
                  json.dumps(dict(person.extra), ensure_ascii=False), person.status,
                  int(person.walk_in))
        with self.transaction() as db:
            cur = db.execute(f"UPDATE attendees SET {sets}, updated_at = ? WHERE id = ?",
                             (*values, _iso(now_utc()), person.id))
            if cur.rowcount != 1:
                raise UserError(f"No attendee with id {person.id} in this event.")
            db.execute("DELETE FROM attendee_days WHERE attendee_id = ?", (person.id,))
            db.executemany("INSERT INTO attendee_days(attendee_id, day) VALUES (?, ?)",
                           [(person.id, d) for d in person.days])

    # -- check-ins -----------------------------------------------------------------

    def add_checkin(self, record: CheckIn) -> None:
        """Append one record; committed (fsync'd) when this returns."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO checkins(uuid, attendee_id, day, desk, at, kind, undoes, session, "
                "forced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.uuid, record.attendee_id, record.day, record.desk, _iso(record.at),
                 record.kind, record.undoes, record.session, int(record.forced)),
            )

    def checkins(self, *, day: str | None = None, attendee_id: str | None = None) -> list[CheckIn]:
        """All records (ins and undos), oldest first."""
        clauses, params = [], []
        if day is not None:
            clauses.append("day = ?")
            params.append(day)
        if attendee_id is not None:
            clauses.append("attendee_id = ?")
            params.append(attendee_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM checkins {where} ORDER BY at, uuid", params).fetchall()
        return [_row_to_checkin(r) for r in rows]

    _ACTIVE_IN = (
        "kind = 'in' AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.kind = 'undo' "
        "AND u.undoes = c.uuid)"
    )

    def first_checkin(self, attendee_id: str, day: str,
                      session: str | None = None) -> CheckIn | None:
        """The earliest check-in of a person on a day that was not undone."""
        session_clause = "session IS NULL" if session is None else "session = ?"
        params: list[Any] = [attendee_id, day] + ([] if session is None else [session])
        with self._lock:
            row = self._db.execute(
                f"SELECT * FROM checkins c WHERE attendee_id = ? AND day = ? AND {session_clause} "
                f"AND {self._ACTIVE_IN} ORDER BY at, uuid LIMIT 1", params).fetchone()
        return None if row is None else _row_to_checkin(row)

    def checked_in(self, day: str, session: str | None = None) -> dict[str, CheckIn]:
        """Each person's earliest valid check-in of the day (a person counts once)."""
        session_clause = "session IS NULL" if session is None else "session = ?"
        params: list[Any] = [day] + ([] if session is None else [session])
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM checkins c WHERE day = ? AND {session_clause} AND "
                f"{self._ACTIVE_IN} ORDER BY at DESC, uuid DESC", params).fetchall()
        return {r["attendee_id"]: _row_to_checkin(r) for r in rows}

    def last_undoable(self, desk: str) -> CheckIn | None:
        """This desk's newest check-in that has not been undone yet."""
        with self._lock:
            row = self._db.execute(
                f"SELECT * FROM checkins c WHERE desk = ? AND {self._ACTIVE_IN} "
                "ORDER BY at DESC, uuid DESC LIMIT 1", (desk,)).fetchone()
        return None if row is None else _row_to_checkin(row)

    # -- audit -------------------------------------------------------------------------

    def log(self, action: str, *, desk: str, attendee_id: str | None = None,
            detail: Mapping[str, object] | None = None, at: datetime | None = None) -> None:
        """Append to the audit log (badge prints, edits, forced check-ins, undos)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO audit(uuid, at, desk, action, attendee_id, detail) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (new_uuid(), _iso(at or now_utc()), desk, action, attendee_id,
                 json.dumps(dict(detail or {}), ensure_ascii=False, default=str)),
            )

    def audit_log(self, *, action: str | None = None,
                  attendee_id: str | None = None) -> list[dict[str, Any]]:
        clauses, params = [], []
        if action is not None:
            clauses.append("action = ?")
            params.append(action)
        if attendee_id is not None:
            clauses.append("attendee_id = ?")
            params.append(attendee_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            rows = self._db.execute(f"SELECT * FROM audit {where} ORDER BY at", params).fetchall()
        return [{**dict(r), "detail": json.loads(r["detail"])} for r in rows]


# -- opening and creating -------------------------------------------------------------


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        db = _connect_read_only(path)
    else:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA foreign_keys = ON")
    if read_only:
        db.execute("PRAGMA query_only = ON")
    return db


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes: on a read-only medium, without -shm if need be."""
    uri = f"file:{quote(str(path.resolve()))}"
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None,
                             check_same_thread=False, timeout=10)
        db.execute("PRAGMA schema_version").fetchone()  # really opens the file
        return db
    except sqlite3.OperationalError:
        # a WAL-mode file on a read-only medium: SQLite cannot make its -shm there.
        # Nobody can change such a file, so it is read as it is; unless check-ins
        # still wait in a -wal, which an immutable reading would leave out.
        if files.has_wal_content(path):
            raise ReadOnlyPlace(
                f"{path} is read-only and still has unsaved changes in {path.name}-wal. "
                "Copy the event together with its -wal file to a writable folder, then "
                "open it there.") from None
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False, timeout=10)


def _migrate(db: sqlite3.Connection, path: Path, read_only: bool = False) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise UserError(
            f"{path} was written by a newer version of checkin (file format {version}, this "
            f"app reads up to {SCHEMA_VERSION}). Update checkin to open it."
        )
    if version == SCHEMA_VERSION:
        return
    if read_only:
        raise ReadOnlyPlace(
            f"{path} was written by an older version of checkin and must be upgraded, but "
            "it is read-only. Copy it to a writable folder, then open the copy.")
    if version > 0:
        files.migration_backup(db, path, version)
    db.execute("BEGIN IMMEDIATE")
    try:
        for number in range(version, SCHEMA_VERSION):
            for statement in split_statements(MIGRATIONS[number]):  # not executescript: it commits
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number + 1}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise




def _configure(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")


def _damaged(path: Path, detail: str) -> EventDamaged:
    backups = files.backups_of(path)
    where = (f"the backup {backups[-1]}" if backups else
             "a copy saved earlier (File > Save a copy…, 'checkin copy') or a backup")
    return EventDamaged(
        f"{path} is damaged inside ({detail}). To protect what is in it, nothing more is "
        f"written to it. Open {where} instead, and keep the damaged file for recovery.")


def _wal_gone(path: Path) -> EventBusy:
    """The -wal was deleted (or cut short) while a desk still has the event open."""
    return EventBusy(
        f"The event's write-ahead log ({path.name}-wal) was deleted while a desk still has "
        f"{path} open, so its latest check-ins are only in that desk's memory. Close that "
        "desk window normally (do not kill it): it writes them back. Then open the event "
        "again. Nothing was written here.")


def _disk_full(path: Path) -> DiskFull:
    return DiskFull(f"The disk is full ({path.parent}). Free some space, then try again; "
                    "nothing acknowledged was lost.")


def explain(exc: sqlite3.Error, path: Path, where: str = "") -> UserError | None:
    """What the user can do about an SQLite error on the event at ``path`` (None: a bug).

    Refines :func:`checkin.errors.explain_fault`: SQLite reports a full disk
    while it grows the -shm file as an I/O error, and a deleted WAL as a short
    read; both are told as what they are.
    """
    if getattr(exc, "sqlite_errorcode", None) == _SQLITE_IOERR_SHORT_READ:
        return _wal_gone(path)
    explained = explain_fault(exc, where or str(path))
    if isinstance(explained, (ReadOnlyPlace, type(None))) and files.disk_full(path.parent):
        return _disk_full(path)
    if isinstance(explained, EventDamaged):
        return _damaged(path, str(exc))
    return explained


def _quick_check(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a file damaged inside (flipped bytes) before anything is written to it."""
    try:
        rows = db.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) or _damaged(path, str(exc)) from exc
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    if any(f"error code={_SQLITE_IOERR_SHORT_READ}" in problem for problem in problems):
        raise _wal_gone(path)
    if problems:
        raise _damaged(path, "; ".join(problems)[:200])


def _open_fault(exc: sqlite3.Error, path: Path) -> UserError:
    return explain(exc, path) or NotAnEventFile(
        f"{path} is damaged or not an event file ({exc}). Open a backup copy of the event.")


def open_event(path: str | os.PathLike[str], *, read_only: bool | None = None) -> EventStore:
    """Open an existing event file, upgrading its schema if it is older.

    ``read_only`` None: read-only when the file or its folder cannot be written
    (an archived copy), or when the disk is full; such an event can be viewed
    and exported, and a write says why it cannot be done. The first open in
    this process checks the file (header, ``PRAGMA quick_check``); a damaged
    file is refused before anything is written to it.
    """
    path = Path(path)
    if read_only is not None:
        return _open(path, read_only)
    if not files.writable(path):
        return _open(path, True)
    try:
        return _open(path, False)
    except DiskFull as full:
        # reading needs no space: the counts and the export still work
        store = _open(path, True)
        store.read_only_reason = full
        return store


def _open(path: Path, read_only: bool) -> EventStore:
    try:
        db, key, first = files.open_connection(path, lambda: _connect(path, read_only))
    except sqlite3.Error as exc:
        raise _open_fault(exc, path) from exc
    try:
        if int(db.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
            raise NotAnEventFile(f"{path} is not a checkin event file (any more). Open a "
                                 ".checkin file.")
        if first:
            _quick_check(db, path)
        if not read_only:
            _configure(db)
        _migrate(db, path, read_only)
        db.execute("SELECT 1 FROM event WHERE id = 1").fetchone()
    except BaseException as exc:
        db.close()
        files.release(key)
        if isinstance(exc, sqlite3.Error):
            raise _open_fault(exc, path) from exc
        raise
    return EventStore(path, db, key=key, read_only=read_only)


def create_event(path: str | os.PathLike[str], *, name: str, days: Sequence[date],
                 language: str = "de") -> EventStore:
    """Create a new, empty event file readable only by this user."""
    path = Path(path)
    if path.exists():
        raise UserError(f"{path} already exists. Choose another file name or delete it first.")
    if not name.strip():
        raise UserError("The event needs a name, e.g. --name 'Fachkonferenz 2017'.")
    if not days:
        raise UserError("The event needs at least one day, e.g. --days 2017-09-19,2017-09-20.")
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist. Create it first.")
    try:
        files.create_new(path)
    except OSError as exc:
        raise explain_fault(exc, str(path.parent)) or exc from exc
    key: files.Key | None = None
    db: sqlite3.Connection | None = None
    try:
        db, key, _first = files.open_connection(path, lambda: _connect(path), check=False)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _configure(db)
        _migrate(db, path)
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO event(id, name, language, created_at) VALUES (1, ?, ?, ?)",
                   (name.strip(), language, _iso(now_utc())))
        db.executemany("INSERT INTO event_days(day) VALUES (?)",
                       [(d.isoformat(),) for d in sorted(set(days))])
        db.execute("INSERT INTO settings(key, value) VALUES ('code_secret', ?)",
                   (json.dumps(os.urandom(16).hex()),))
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException as exc:
        if db is not None:
            db.close()
        if key is not None:
            files.release(key)
        files.remove_failed_new(path)
        if isinstance(exc, sqlite3.Error):
            raise explain_fault(exc, str(path)) or exc from exc
        raise
    return EventStore(path, db, key=key)
