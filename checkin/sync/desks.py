"""Several desks: where each desk keeps its copy of a shared event, sharing an event
and joining one.

Every desk works on its own SQLite copy of the event (the normal event file, in
the user's data folder), keyed by the server's database and the desk's name.
Sharing uploads a local event to a new database on the server; joining makes a
desk's first copy from the server (atomically: a half-made copy never appears).
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from checkin.common.paths import data_dir
from checkin.errors import UserError
from checkin.store import files, journal
from checkin.store.sqlite import EventStore, create_event, open_event
from checkin.sync import protocol, server
from checkin.sync.addresses import public_url
from checkin.sync.server import ServerUnreachable, connect

# -- where a desk keeps its copy ---------------------------------------------------------


def _slug(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned[:60] or "desk"


def desk_copy_path(url: str, desk: str) -> Path:
    """The desk's local copy: keyed by database and desk, not by host.

    The server's address often changes at a venue (another Wi-Fi, "localhost"
    on the server laptop); keying by host would silently start an empty copy.
    The copy remembers the event's identity and refuses a different event.
    """
    folder = data_dir() / "desks" / _slug(server.database_name(url))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / f"{_slug(desk)}.checkin"


# -- share and join -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShareReport:
    url: str
    attendees: int
    checkins: int


def share(event_path: str | os.PathLike[str], url: str) -> ShareReport:
    """Upload a local event to a new database on the server (created if missing)."""
    with open_event(event_path) as store:
        event = store.event()
        settings = store.settings()
        records = protocol.all_records(store, desk="share")
        attendees = store.attendee_count()
        checkins = len(store.checkins())
    name = server.database_name(url)
    taken = UserError(
        f"The database {name!r} on {public_url(url)} already holds an event. Desks join "
        "it with 'checkin sync URL --desk NAME'; to share another event, name a new "
        "database at the end of the address.")
    with server.ensure_database(url) as conn:
        if server.holds_event(conn):
            raise taken
        try:
            with server.push_transaction(conn, "share"):  # all of it, or nothing
                server.create_schema(conn)
                conn.execute(
                    "INSERT INTO checkin_event(id, event_uuid, name, language, days, "
                    "settings) VALUES (1, %s, %s, %s, %s, %s)",
                    (str(uuid.uuid4()), event.name, event.language,
                     Jsonb(list(event.day_strings)), Jsonb(settings)))
                protocol.insert_records(conn, records)
        except psycopg.errors.DuplicateTable:
            raise taken from None  # shared from elsewhere at the same moment
    return ShareReport(public_url(url), attendees, checkins)


def _join(url: str, desk: str, target: Path) -> None:
    """Make a desk's first copy of a shared event from the server (needs the server)."""
    try:
        conn = connect(url, autocommit=True, desk=desk)
    except ServerUnreachable as exc:
        raise ServerUnreachable(
            exc.message.split(" Check the network")[0] + " A desk needs the server the "
            "first time it joins an event: check the address, the network and that the "
            "server is running, then try again.") from None
    with conn:
        if not server.holds_event(conn):
            raise UserError(
                f"{public_url(url)} holds no shared event yet. Share one first with "
                "'checkin share EVENT URL' (or Event ▸ Share this event… in the app).")
        row = conn.execute("SELECT event_uuid, name, language, days, settings "
                           "FROM checkin_event WHERE id = 1").fetchone()
    assert row is not None
    event_uuid, name, language, days, settings = row
    part = files.part_path(target)
    try:
        with create_event(part, name=name, days=[date.fromisoformat(d) for d in days],
                          language=language) as store:
            journal.start_desk_copy(store, settings=settings, state={
                "server": public_url(url), "desk": desk, "event_uuid": event_uuid,
                "cursor": "0"})
            first = protocol.Desk(store, url, desk).sync()
            if not first.online:
                raise ServerUnreachable(first.problem)
        files.publish_part(part, target)  # atomic, and never replaces a copy made meanwhile
    finally:
        files.discard_part(part)


def open_desk(url: str, desk: str) -> EventStore:
    """This desk's copy of a shared event (joined from the server the first time)."""
    if not desk.strip():
        raise UserError("A desk needs a name, e.g. --desk 'Desk 2'.")
    path = desk_copy_path(url, desk)
    if not path.exists():
        _join(url, desk, path)
    store = open_event(path)
    store.label = public_url(url)
    return store
