"""Where an event lives: one SQLite file per event (PostgreSQL comes later)."""

from checkin.store.sqlite import EventStore, create_event, open_event

__all__ = ["EventStore", "create_event", "open_event"]
