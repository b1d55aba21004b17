"""Queries about people that the import's duplicate rules need (SQL stays in the store)."""

from __future__ import annotations

from checkin.model import Attendee
from checkin.store.sqlite import EventStore

#: Namesakes of one name looked at, at most (a congress has tens per common name).
NAMESAKE_LIMIT = 200


def namesakes(store: EventStore, first_name: str, last_name: str) -> list[Attendee]:
    """Everyone whose first and last name are these, ignoring ASCII case.

    Served by the ``attendees_name`` index, so the desk can ask for every card.
    The caller narrows by organisation (and by full Unicode case folding).
    """
    rows = store.query(
        "SELECT id FROM attendees WHERE last_name = ? COLLATE NOCASE "
        "AND first_name = ? COLLATE NOCASE LIMIT ?", (last_name, first_name, NAMESAKE_LIMIT))
    found = (store.attendee(str(r["id"])) for r in rows)
    return [p for p in found if p is not None]
