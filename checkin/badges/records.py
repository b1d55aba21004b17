"""What happened to badges: prints in the audit log, batch positions, hand-outs.

Why: when badges are printed the night before, the door must tell staff
where a person's badge is ("Box M–O, No. 123") and whether it was already
handed out, and a reprint must be logged with desk and time like any print.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from checkin.store import EventStore
from checkin.store import badges as stored
from checkin.store.sqlite import new_uuid, now_utc

PRINT = "badge_print"
HANDED_OUT = "badge_handed_out"


@dataclass(frozen=True, slots=True)
class Position:
    attendee_id: str
    number: int
    box: str
    page: int
    slot: int


@dataclass(frozen=True, slots=True)
class BadgeLocation:
    """Where a pre-printed badge waits, and whether it left the box already."""

    batch_id: str
    printed_at: datetime
    box: str
    number: int
    page: int
    handed_out: bool

    @property
    def text(self) -> str:
        return f"{self.box}, No. {self.number}"


def log_print(store: EventStore, attendee_id: str, *, desk: str,
              detail: Mapping[str, object]) -> None:
    store.log(PRINT, desk=desk, attendee_id=attendee_id, detail=dict(detail))


def printed_ids(store: EventStore) -> set[str]:
    return stored.people_logged(store, PRINT)


def print_count(store: EventStore, attendee_id: str) -> int:
    return stored.times_logged(store, PRINT, attendee_id)


def record_batch(store: EventStore, positions: Sequence[Position], *, desk: str, layout: str,
                 template: str, sort: str, selection: Mapping[str, object]) -> str:
    """Store a printed batch and log each badge as printed, in one transaction."""
    batch_id = new_uuid()
    moment = now_utc()
    with store.transaction():
        stored.insert_batch(store, batch_id, created_at=moment, desk=desk, layout=layout,
                            template=template, sort=sort, selection=selection,
                            positions=positions)
        for p in positions:
            store.log(PRINT, desk=desk, attendee_id=p.attendee_id, at=moment,
                      detail={"batch": batch_id, "layout": layout, "template": template,
                              "box": p.box, "number": p.number})
    return batch_id


def badge_location(store: EventStore, attendee_id: str) -> BadgeLocation | None:
    """The person's badge in the newest batch that holds it, or None."""
    where = stored.newest_position(store, attendee_id)
    if where is None:
        return None
    handed = stored.logged_for_batch(store, HANDED_OUT, attendee_id, where.batch_id)
    return BadgeLocation(batch_id=where.batch_id, printed_at=where.printed_at, box=where.box,
                         number=where.number, page=where.page, handed_out=handed)


def mark_handed_out(store: EventStore, attendee_id: str, *, desk: str) -> BadgeLocation | None:
    """Log that the pre-printed badge left its box (once); returns the updated location."""
    where = badge_location(store, attendee_id)
    if where is None or where.handed_out:
        return where
    store.log(HANDED_OUT, desk=desk, attendee_id=attendee_id,
              detail={"batch": where.batch_id, "box": where.box, "number": where.number})
    return badge_location(store, attendee_id)
