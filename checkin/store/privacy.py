"""The event file's side of the purge: wiping fields, re-keying people, compacting.

What counts as personal, when the purge is due and what it means for a shared
event are rules of :mod:`checkin.event.privacy`; this module only carries them
out on the file. The one step that rewrites check-ins (their person ids) lifts
the append-only guards for its own transaction and puts back exactly the
statements the schema's migrations create (:func:`schema.append_only_guards`),
so no trigger is known here by name.

Secure delete and the compaction go through :mod:`checkin.store.maintenance`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping

from checkin.store import journal, maintenance
from checkin.store.schema import append_only_guards
from checkin.store.sqlite import EventStore

__all__ = ["ReferencesBroken", "compact_file", "tables_with_attendee_id",
           "wipe_personal_data"]


class ReferencesBroken(RuntimeError):
    """The purge would have left a record pointing at nobody (rolled back)."""


def tables_with_attendee_id(store: EventStore) -> list[str]:
    """The tables that refer to people (found in the file, so later tables count too)."""
    tables = [r[0] for r in store._read(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return [t for t in tables
            if any(c["name"] == "attendee_id" for c in store._read(f"PRAGMA table_info('{t}')"))]


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info('{table}')")}


def wipe_personal_data(store: EventStore, fields: Mapping[str, Mapping[str, str]],
                       new_id: Callable[[str], str], *, updated_at: str | None = None,
                       settings: Mapping[str, object] | None = None,
                       server_purge: str | None = None) -> int:
    """Overwrite ``fields`` (table → column → the value left behind) in every row
    and give each person the id ``new_id(old id)`` (their badge reference too) in
    every table that refers to them; all in one transaction. Returns how many people.

    ``updated_at`` stamps the people (None: their own times stay, as a purge from
    the server wants); ``settings`` are written in the same transaction;
    ``server_purge`` is the salt of a server purge this copy applies (the journal
    remembers it). Nothing changed here is queued for the server. Old pages are
    overwritten on the way (``secure_delete``); :func:`compact_file` drops the rest.
    """
    linked = tables_with_attendee_id(store)
    guards = {name: statement for table in linked
              for name, statement in append_only_guards(table).items()}
    maintenance.secure_delete(store, True)
    with store.transaction() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")
        journal.quiet_triggers(db, True)
        db.execute("CREATE TEMP TABLE purge_ids (old TEXT PRIMARY KEY, new TEXT NOT NULL)")
        ids = [str(r[0]) for r in db.execute("SELECT id FROM attendees")]
        db.executemany("INSERT INTO purge_ids VALUES (?, ?)", [(i, new_id(i)) for i in ids])
        for name in guards:
            db.execute(f"DROP TRIGGER {name}")
        for table, blanks in {"attendees": {}, **fields}.items():
            unknown = set(blanks) - _columns(db, table)
            if unknown:
                raise ValueError(f"{table} has no column(s) {sorted(unknown)}")
            sets = [f"{column} = ?" for column in blanks]
            values: list[object] = list(blanks.values())
            if table == "attendees":
                sets += ["updated_at = coalesce(?, updated_at)",
                         "code_ref = (SELECT new FROM purge_ids WHERE old = attendees.id)",
                         "id = (SELECT new FROM purge_ids WHERE old = attendees.id)"]
                values.append(updated_at)
            db.execute(f"UPDATE {table} SET {', '.join(sets)}", values)
        for table in linked:
            db.execute(f"UPDATE {table} SET attendee_id = (SELECT new FROM purge_ids "
                       f"WHERE old = {table}.attendee_id) WHERE attendee_id IS NOT NULL")
        for statement in guards.values():
            db.execute(statement)
        journal.forget_after_purge(db, server_purge)
        journal.quiet_triggers(db, False)
        db.execute("DROP TABLE temp.purge_ids")
        for key, value in (settings or {}).items():
            store.set_setting(key, value)  # joins this transaction
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ReferencesBroken(f"purge would break references: "
                                   f"{[tuple(p) for p in problems[:3]]}")
    return len(ids)


def compact_file(store: EventStore) -> bool:
    """Rewrite the file without free pages and empty its WAL, so deleted data is gone.

    Returns False when another connection still reads (old pages may stay in the
    WAL); ``sqlite3.OperationalError`` when another desk holds the file.
    """
    return maintenance.compact(store)
