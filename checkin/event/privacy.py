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

import functools
import hashlib
import os
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from checkin.common.logs import forget_event, personal_strings
from checkin.errors import UserError
from checkin.model import field_names
from checkin.store import files
from checkin.store import privacy as event_file
from checkin.store.sqlite import EventStore

RETENTION_KEY = "retention_days"
PURGED_KEY = "purged_at"
#: What a new event offers when asked (the user decides; nothing is set by default).
SUGGESTED_RETENTION_DAYS = 90
#: stored columns a purge wipes (declared fields kept in ``extra`` go with ``extra``)
_PERSONAL_FIELDS = field_names(personal=True, column=True)
#: what a purge leaves of the personal data: table → column → the value left behind
#: (the audit log's details name people and what was changed about them)
_WIPED: dict[str, dict[str, str]] = {
    "attendees": {**dict.fromkeys(_PERSONAL_FIELDS, ""), "extra": "{}"},
    "audit": {"detail": "{}"},
}


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
    personal = personal_strings(store.attendees())  # for the logs, read before the wipe
    count = event_file.wipe_personal_data(
        store, _WIPED, _random_id if salt is None else functools.partial(anon_id, salt),
        # from the server: versions pulled later still compare by their own times
        updated_at=stamp if salt is None else None,
        settings={PURGED_KEY: stamp}, server_purge=salt)
    forget_event((store.path, store.location), personal)
    return count


def _random_id(_old: str) -> str:
    return "anon-" + secrets.token_hex(12)


def remove_backups_and_compact(store: EventStore) -> list[Path]:
    """After a purge: backups (which still hold the data) go, the file is compacted."""
    backups = _delete_backups(store.path)
    compact(store)
    return backups


def compact(store: EventStore) -> None:
    """Rewrite the file without free pages and empty the WAL, so deleted data is gone."""
    try:
        done = event_file.compact_file(store)
    except sqlite3.OperationalError as exc:
        raise UserError(f"The personal data was deleted, but {store.path} could not be "
                        f"compacted ({exc}): another desk has it open. Close the other desks "
                        "and run 'checkin purge EVENT --yes' again.") from exc
    if not done:
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
