"""Work on the event file as a whole: secure deletion, compaction, WAL checkpoints.

Why named functions: these statements write (or decide how SQLite writes)
although they change no record, so they are not "queries"; and VACUUM and
checkpoints cannot run inside a transaction. Errors come out like the store's
others (``EventBusy``, ``DiskFull``…); a read-only event refuses them.
"""

from __future__ import annotations

from checkin.store.sqlite import EventStore


def secure_delete(store: EventStore, on: bool) -> None:
    """While on, SQLite overwrites deleted content with zeros (for this connection)."""
    store._run(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")


def checkpoint(store: EventStore) -> bool:
    """Copy the WAL into the file and empty it (``wal_checkpoint(TRUNCATE)``).

    False: another connection is still reading, so the WAL (and any old pages in
    it) could not be emptied; try again once the other desks are closed.
    """
    busy = store._run("PRAGMA wal_checkpoint(TRUNCATE)")[0][0]
    return not busy


def compact(store: EventStore) -> bool:
    """Rewrite the file without free pages (VACUUM), then empty the WAL, so deleted
    data is gone from both. Returns :func:`checkpoint`'s answer."""
    store._run("VACUUM")
    return checkpoint(store)
