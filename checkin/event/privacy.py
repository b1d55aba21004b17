"""Data protection: how long personal data is kept, the purge, deleting an event.

After the retention period (days after the event's last day, a setting of
the event) the personal data has no purpose left. The purge then wipes every
attendee's personal fields and replaces their ids with random ones, so the
file keeps only anonymous figures: expected and checked-in counts per day,
session and desk stay exactly as they were. VACUUM and a truncated WAL make
sure the old pages are really gone from the file, and backups (``*.bak``),
which still hold the data, are deleted.

A shared event is purged on the server too (``Desk.purge_everywhere``): the
server's journal is rewritten by ``checkin_purge`` and every desk purges its
own copy when it next syncs, all with the same anonymous ids
(:func:`anon_id` of the server purge's salt), so every desk keeps identical
counts and nobody is counted twice.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from checkin.common.logs import forget_event, personal_strings
from checkin.errors import UserError
from checkin.model import field_names
from checkin.store import files, journal
from checkin.store.schema import MIGRATIONS
from checkin.store.sqlite import EventStore, _split_sql

RETENTION_KEY = "retention_days"
PURGED_KEY = "purged_at"
#: What a new event offers when asked (the user decides; nothing is set by default).
SUGGESTED_RETENTION_DAYS = 90
#: stored columns a purge wipes (declared fields kept in ``extra`` go with ``extra``)
_PERSONAL_FIELDS = field_names(personal=True, column=True)


def retention_days(store: EventStore) -> int | None:
    value = store.setting(RETENTION_KEY)
    return None if value is None else int(str(value))


def set_retention_days(store: EventStore, days: int | None) -> None:
    """Keep personal data ``days`` after the event's last day (None: no limit)."""
    if days is not None and days < 0:
        raise UserError(f"A retention period of {days} days makes no sense. Give 0 or more "
                        "days after the event, or 'off'.")
    store.set_setting(RETENTION_KEY, days)


def purged_at(store: EventStore) -> str | None:
    value = store.setting(PURGED_KEY)
    return None if value is None else str(value)


def retention_ends(store: EventStore) -> date | None:
    """The first day on which the purge is due (None: no retention period set)."""
    days = retention_days(store)
    event = store.event()
    if days is None or not event.days:
        return None
    return max(event.days) + timedelta(days=days + 1)


def purge_due(store: EventStore, today: date | None = None) -> bool:
    """True if the retention period is over and personal data is still in the file."""
    ends = retention_ends(store)
    today = today or datetime.now().astimezone().date()
    return ends is not None and today >= ends and purged_at(store) is None


@dataclass(frozen=True, slots=True)
class PurgeSummary:
    attendees: int
    backups_deleted: tuple[Path, ...]


def _append_only_triggers() -> list[str]:
    """The check-ins' append-only triggers, exactly as the schema creates them."""
    return [s for script in MIGRATIONS for s in _split_sql(script)
            if s.startswith("CREATE TRIGGER checkins_append_only")]


def _tables_with_attendee_id(store: EventStore) -> list[str]:
    tables = [r[0] for r in store.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return [t for t in tables
            if any(c["name"] == "attendee_id" for c in store.query(f"PRAGMA table_info('{t}')"))]


def anon_id(salt: str, attendee_id: str) -> str:
    """The anonymous id a server purge gives a person (the server's
    ``checkin_anon_id`` computes the same), so every desk re-keys alike."""
    return "anon-" + hashlib.md5(f"{salt}:{attendee_id}".encode()).hexdigest()[:24]


def purge(store: EventStore) -> PurgeSummary:
    """Delete all personal data from the event file; keep anonymous counts."""
    count = purge_rows(store)
    return PurgeSummary(count, tuple(remove_backups_and_compact(store)))


def purge_rows(store: EventStore, *, salt: str | None = None) -> int:
    """Wipe the personal fields and re-key every person (random ids, or with a
    server purge's ``salt`` the ids every desk derives alike); returns how many.

    Check-ins are append-only; the purge is the one step that rewrites them
    (their person ids), so it drops the guard triggers inside its own
    transaction and recreates them before committing. Nothing it changes is
    queued for the server (a shared event's journal is purged there).
    """
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    triggers = _append_only_triggers()
    linked = _tables_with_attendee_id(store)
    personal = personal_strings(store.attendees())  # for the logs, read before the wipe
    store.query("PRAGMA secure_delete = ON")
    with store.transaction() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")
        journal.quiet_triggers(db, True)
        db.execute("CREATE TEMP TABLE purge_ids (old TEXT PRIMARY KEY, new TEXT NOT NULL)")
        if salt is None:
            db.execute("INSERT INTO purge_ids SELECT id, 'anon-' || lower(hex(randomblob(12))) "
                       "FROM attendees")
        else:
            ids = [r[0] for r in db.execute("SELECT id FROM attendees")]
            db.executemany("INSERT INTO purge_ids VALUES (?, ?)",
                           [(i, anon_id(salt, i)) for i in ids])
        db.execute("DROP TRIGGER checkins_append_only_update")
        db.execute("DROP TRIGGER checkins_append_only_delete")
        cleared = ", ".join(f"{f} = ''" for f in _PERSONAL_FIELDS)
        # from the server: versions pulled later still compare by their own times
        db.execute(f"UPDATE attendees SET {cleared}, extra = '{{}}', "
                   "updated_at = coalesce(?, updated_at), "
                   "code_ref = (SELECT new FROM purge_ids WHERE old = attendees.id), "
                   "id = (SELECT new FROM purge_ids WHERE old = attendees.id)",
                   (stamp if salt is None else None,))
        for table in linked:
            db.execute(f"UPDATE {table} SET attendee_id = (SELECT new FROM purge_ids "
                       f"WHERE old = {table}.attendee_id) WHERE attendee_id IS NOT NULL")
        db.execute("UPDATE audit SET detail = '{}'")
        for statement in triggers:
            db.execute(statement)
        journal.forget_after_purge(db, salt)
        journal.quiet_triggers(db, False)
        db.execute("DROP TABLE temp.purge_ids")
        db.execute("INSERT INTO settings(key, value) VALUES (?, json_quote(?)) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (PURGED_KEY, stamp))
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"purge would break references: {problems[:3]}")
    forget_event((store.path, store.location), personal)
    return store.attendee_count()


def remove_backups_and_compact(store: EventStore) -> list[Path]:
    """After a purge: backups (which still hold the data) go, the file is compacted."""
    backups = _delete_backups(store.path)
    compact(store)
    return backups


def compact(store: EventStore) -> None:
    """Rewrite the file without free pages and empty the WAL, so deleted data is gone."""
    try:
        store.query("VACUUM")
        busy = store.query("PRAGMA wal_checkpoint(TRUNCATE)")[0][0]
    except sqlite3.OperationalError as exc:
        raise UserError(f"The personal data was deleted, but {store.path} could not be "
                        f"compacted ({exc}): another desk has it open. Close the other desks "
                        "and run 'checkin purge EVENT --yes' again.") from exc
    if busy:
        raise UserError(f"The personal data was deleted, but another desk is still reading "
                        f"{store.path}, so old pages may stay in its WAL file. Close the "
                        "other desks and run 'checkin purge EVENT --yes' again.")


def backups_of(path: Path) -> list[Path]:
    """Backup copies next to an event file (``NAME.*.bak``, as upgrades write them)."""
    return files.backups_of(path)


def _delete_backups(path: Path) -> list[Path]:
    return files.delete_backups(path)


def delete_event(path: str | os.PathLike[str]) -> list[Path]:
    """Remove an event file with its WAL, shared-memory file and backups (closed first)."""
    return files.delete_event(Path(path))
