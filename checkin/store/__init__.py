"""The event file's only owner: every SQL statement and file operation on it is here.

One SQLite file per event (:mod:`.sqlite`: opening, the core reads and writes);
typed reads and writes by area (:mod:`.attendance`, :mod:`.sessions`,
:mod:`.badges`, :mod:`.people`, :mod:`.journal`); whole-file work
(:mod:`.maintenance`, :mod:`.files`). Several desks share an event through a
PostgreSQL server (``checkin.sync``), but each desk still works on its own file.
"""

from checkin.store.sqlite import EventStore, create_event, open_event

__all__ = ["EventStore", "create_event", "open_event"]
