"""The server's schema is versioned: an event shared by the first release is
upgraded on first contact without losing a record; a newer one is refused.

Against the real PostgreSQL server.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg.types.json import Jsonb

from checkin.door.door import Door
from checkin.store import open_event
from checkin.sync import server
from checkin.sync.desks import share
from checkin.sync.protocol import all_records
from tests.helpers import run_cli
from tests.pg import query

pytestmark = pytest.mark.postgres
DAY = "2017-09-19"

#: ``server.create_schema`` of the first release, verbatim (split on ";" as it did)
FIRST_RELEASE_SCHEMA = """
CREATE TABLE checkin_event (
    id integer PRIMARY KEY CHECK (id = 1),
    event_uuid text NOT NULL,
    name text NOT NULL,
    language text NOT NULL,
    days jsonb NOT NULL,
    settings jsonb NOT NULL,
    shared_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE checkin_records (
    seq bigserial PRIMARY KEY,
    uuid text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('checkin', 'audit', 'attendee', 'badge_batch')),
    desk text NOT NULL,
    body jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE checkin_desks (
    desk text PRIMARY KEY,
    last_seen timestamptz NOT NULL,
    outbox integer NOT NULL DEFAULT 0
);
"""


def share_like_the_first_release(event: Path, url: str) -> int:
    """What ``checkin share`` of the first release left on a server; returns the records."""
    with open_event(event) as store:
        Door(store, "Desk 1").scan("FK17-00001", day=DAY)
        records = all_records(store, desk="share")
        ev, settings = store.event(), store.settings()
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        for statement in FIRST_RELEASE_SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement.encode())
        conn.execute("INSERT INTO checkin_event(id, event_uuid, name, language, days, "
                     "settings) VALUES (1, %s, %s, %s, %s, %s)",
                     (str(uuid.uuid4()), ev.name, ev.language,
                      Jsonb(list(ev.day_strings)), Jsonb(settings)))
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO checkin_records(uuid, kind, desk, body) "
                            "VALUES (%s, %s, %s, %s)", records)
        # a row the first release let in: an old journal may hold one; it must not
        # stop the upgrade (the constraints check new rows) nor the desks
        conn.execute("INSERT INTO checkin_records(uuid, kind, desk, body) "
                     "VALUES ('junk', 'audit', '', '\"junk\"')")
    return len(records) + 1


def test_an_event_shared_by_the_first_release_is_upgraded_without_losing_a_record(
        pg_url: str, demo_path: Path) -> None:
    total = share_like_the_first_release(demo_path, pg_url)
    before = query(pg_url, "SELECT seq, uuid, kind, desk, body::text FROM checkin_records "
                           "ORDER BY seq")
    assert len(before) == total
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert server.schema_version(conn) == 1          # the old layout is recognised
    # a desk of the new app joins it: it is upgraded on first contact
    out = run_cli("sync", pg_url, "--desk", "Desk 2", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["online"] and report["set_aside"] == 1   # the junk row
    assert query(pg_url, "SELECT version FROM checkin_schema_version") == \
        [(server.SERVER_SCHEMA_VERSION,)]
    after = query(pg_url, "SELECT seq, uuid, kind, desk, body::text FROM checkin_records "
                          "ORDER BY seq")
    assert after[:len(before)] == before                   # every record still there
    stats = json.loads(run_cli("stats", pg_url, "--desk", "Desk 2", "--json").stdout)
    assert (stats["attendees"], stats["days"][0]["checked_in"]) == (200, 1)
    # new rows are checked now, and the database counts as holding an event
    with psycopg.connect(pg_url, autocommit=True) as conn, \
            pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("INSERT INTO checkin_records(uuid, kind, desk, body) "
                     "VALUES ('junk2', 'audit', '', '\"junk\"')")
    again = run_cli("share", demo_path, pg_url)
    assert again.returncode == 2 and "already holds an event" in again.stderr


def test_a_server_set_up_by_a_newer_checkin_is_refused_with_a_clear_message(
        pg_url: str, demo_path: Path) -> None:
    share(demo_path, pg_url)
    assert run_cli("sync", pg_url, "--desk", "Desk 1").returncode == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE checkin_schema_version SET version = version + 1")
    joining = run_cli("sync", pg_url, "--desk", "Desk 2")
    assert joining.returncode == 2
    assert "newer version of checkin" in joining.stderr and "Update checkin" in \
        joining.stderr
    assert "Traceback" not in joining.stderr
    # a desk that has its copy keeps working on it, and says why it does not sync
    synced = run_cli("sync", pg_url, "--desk", "Desk 1")
    assert synced.returncode == 0 and "newer version of checkin" in synced.stdout
    scan = run_cli("scan", pg_url, "FK17-00002", "--desk", "Desk 1", "--day", DAY)
    assert scan.returncode == 0 and scan.stdout.startswith("checked_in"), scan.stderr
    assert "Queued" in scan.stdout
    assert query(pg_url, "SELECT count(*) FROM checkin_records WHERE kind = 'checkin'") \
        == [(0,)]
