"""What the event file keeps about badges: printed batches, positions, the audit
entries of prints and hand-outs, and the templates saved in the event.

The rules (what a batch records, when a badge counts as handed out, which
template wins) live in :mod:`checkin.badges`; these functions read and write.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from checkin.store.sqlite import EventStore


class BatchPosition(Protocol):
    """Where one badge of a batch went (``checkin.badges.records.Position`` has it)."""

    @property
    def attendee_id(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def box(self) -> str: ...
    @property
    def page(self) -> int: ...
    @property
    def slot(self) -> int: ...


@dataclass(frozen=True, slots=True)
class StoredPosition:
    """A person's badge in a printed batch."""

    batch_id: str
    printed_at: datetime
    box: str
    number: int
    page: int


def people_logged(store: EventStore, action: str) -> set[str]:
    """Everyone with at least one audit entry of ``action``."""
    rows = store._read("SELECT DISTINCT attendee_id FROM audit WHERE action = ? "
                       "AND attendee_id IS NOT NULL", (action,))
    return {str(r["attendee_id"]) for r in rows}


def times_logged(store: EventStore, action: str, attendee_id: str) -> int:
    """How many audit entries of ``action`` the person has."""
    rows = store._read("SELECT count(*) AS n FROM audit WHERE action = ? AND attendee_id = ?",
                       (action, attendee_id))
    return int(rows[0]["n"])


def logged_for_batch(store: EventStore, action: str, attendee_id: str, batch_id: str) -> bool:
    """Whether the person has an audit entry of ``action`` whose detail names the batch."""
    return bool(store._read(
        "SELECT 1 FROM audit WHERE action = ? AND attendee_id = ? "
        "AND json_extract(detail, '$.batch') = ? LIMIT 1", (action, attendee_id, batch_id)))


def insert_batch(store: EventStore, batch_id: str, *, created_at: datetime, desk: str,
                 layout: str, template: str, sort: str, selection: Mapping[str, object],
                 positions: Sequence[BatchPosition]) -> None:
    """Store a batch and its positions (the caller groups this with its audit entries)."""
    with store.transaction() as db:
        db.execute("INSERT INTO badge_batches(id, created_at, desk, layout, template, sort, "
                   "selection, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (batch_id, created_at.isoformat(timespec="microseconds"), desk, layout,
                    template, sort, json.dumps(dict(selection), ensure_ascii=False),
                    len(positions)))
        db.executemany("INSERT INTO badge_positions(batch_id, attendee_id, number, box, page, "
                       "slot) VALUES (?, ?, ?, ?, ?, ?)",
                       [(batch_id, p.attendee_id, p.number, p.box, p.page, p.slot)
                        for p in positions])


def newest_position(store: EventStore, attendee_id: str) -> StoredPosition | None:
    """The person's badge in the newest batch that holds it, or None."""
    rows = store._read(
        "SELECT p.batch_id, p.number, p.box, p.page, b.created_at FROM badge_positions p "
        "JOIN badge_batches b ON b.id = p.batch_id WHERE p.attendee_id = ? "
        "ORDER BY b.created_at DESC LIMIT 1", (attendee_id,))
    if not rows:
        return None
    row = rows[0]
    return StoredPosition(batch_id=str(row["batch_id"]),
                          printed_at=datetime.fromisoformat(row["created_at"]),
                          box=str(row["box"]), number=int(row["number"]),
                          page=int(row["page"]))


# -- templates saved in the event ----------------------------------------------------


def template_body(store: EventStore, name: str) -> str | None:
    rows = store._read("SELECT body FROM templates WHERE name = ?", (name,))
    return str(rows[0]["body"]) if rows else None


def template_names(store: EventStore) -> list[str]:
    return [str(r["name"]) for r in store._read("SELECT name FROM templates")]


def save_template(store: EventStore, name: str, body: str) -> None:
    """Insert or replace the event's template ``name``."""
    with store.transaction() as db:
        db.execute("INSERT INTO templates(name, body) VALUES (?, ?) ON CONFLICT(name) "
                   "DO UPDATE SET body = excluded.body", (name, body))


def extra_field_names(store: EventStore) -> set[str]:
    """The names of the extra columns any person has (a full scan)."""
    rows = store._read("SELECT DISTINCT key FROM attendees, json_each(attendees.extra)")
    return {str(r["key"]) for r in rows}
