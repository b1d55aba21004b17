"""Sync between desks against the real PostgreSQL server (in one process).

The scenarios with several desk processes are in test_sync_desks.py.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from checkin.common.paths import data_dir
from checkin.door.door import Door, Status
from checkin.errors import UserError
from checkin.model import Attendee
from checkin.store import open_event
from checkin.store.journal import outbox_size
from checkin.store.sqlite import new_uuid
from checkin.sync.addresses import public_url
from checkin.sync.desks import desk_copy_path, open_desk, share
from checkin.sync.protocol import Desk, SyncReport, run_live
from tests.helpers import run_cli, wait_for
from tests.pg import (
    drop_database,
    ensure_server_running,
    query,
    restart_server,
    unreachable,
    with_database,
)

pytestmark = pytest.mark.postgres
DAY = "2017-09-19"


@pytest.fixture
def shared(pg_url: str, demo_path: Path) -> str:
    share(demo_path, pg_url)
    return pg_url


def _desk(url: str, name: str) -> Desk:
    return Desk(open_desk(url, name), url, name)


def test_public_url_strips_the_password() -> None:
    assert public_url("postgresql://anna:geheim@venue:5432/fk17?sslmode=require") == \
        "postgresql://anna@venue:5432/fk17?sslmode=require"
    assert public_url("postgresql://venue/fk17?password=geheim&sslmode=verify-full") == \
        "postgresql://venue/fk17?sslmode=verify-full"


def test_share_creates_the_database_and_refuses_a_second_event(pg_url: str,
                                                                demo_path: Path) -> None:
    new_db = pg_url.rsplit("/", 1)[1] + "_new"
    url = with_database(pg_url, new_db)
    with open_event(demo_path) as before:       # a desk worked alone before sharing
        Door(before, "Desk 1").check_in(before.attendees()[3].id, day=DAY, force=True)
        secret = before.code_secret()
    try:
        report = share(demo_path, url)
        assert (report.attendees, report.checkins) == (200, 1)
        with open_desk(url, "Desk 2") as joined:
            assert len(joined.checked_in(DAY)) == 1
            assert [e["action"] for e in joined.audit_log()] == ["forced_checkin"]
            assert joined.code_secret() == secret   # badges printed before stay valid
        assert query(url, "SELECT count(*) FROM checkin_records WHERE kind = 'attendee'") \
            == [(200,)]
        with pytest.raises(UserError, match="already holds an event"):
            share(demo_path, url)
    finally:
        drop_database(new_db)


def test_only_desk_copies_queue_and_a_rollback_queues_nothing(shared: str,
                                                              demo_path: Path) -> None:
    with open_event(demo_path) as plain:
        Door(plain, "Desk 1").scan("FK17-00001", day=DAY)
        assert outbox_size(plain) == 0
    desk = _desk(shared, "Desk 1")
    assert outbox_size(desk.store) == 0
    assert Door(desk.store, "Desk 1").scan("FK17-00002", day=DAY).status is Status.CHECKED_IN
    assert outbox_size(desk.store) == 1
    with pytest.raises(RuntimeError), desk.store.transaction():
        Door(desk.store, "Desk 1").scan("FK17-00003", day=DAY)
        raise RuntimeError("power cut before commit")
    assert outbox_size(desk.store) == 1
    assert len(desk.store.checkins()) == 1
    desk.store.close()


def test_repeated_sync_never_duplicates(shared: str) -> None:
    one, two = _desk(shared, "Desk 1"), _desk(shared, "Desk 2")
    for code in ("FK17-00001", "FK17-00002", "FK17-00003"):
        Door(one.store, "Desk 1").scan(code, day=DAY)
    first = one.sync()
    assert (first.online, first.pushed, first.outbox) == (True, 3, 0)
    # a desk that died after the server committed but before it emptied its outbox
    with one.store.transaction() as db:
        db.execute("INSERT INTO sync_outbox(kind, ref) SELECT 'checkin', uuid FROM checkins")
    assert one.sync().pushed == 3
    assert query(shared, "SELECT count(*) FROM checkin_records WHERE kind = 'checkin'") \
        == [(3,)]
    for _ in range(2):
        two.sync()
        with two.store.transaction() as db:  # forget the cursor: pull everything again
            db.execute("UPDATE sync_state SET value = '0' WHERE key = 'cursor'")
    two.sync()
    assert len(two.store.checkins()) == 3
    assert len(two.store.checked_in(DAY)) == 3
    one.store.close()
    two.store.close()


def test_edits_and_walk_ins_reach_the_other_desk_last_writer_wins(shared: str) -> None:
    one, two = _desk(shared, "Desk 1"), _desk(shared, "Desk 2")
    person = one.store.find_by_ticket("FK17-00005")
    assert person is not None
    one.store.update_attendee(dataclasses.replace(person, last_name="Schmidt-Neu"))
    walk_in = Attendee(id=new_uuid(), first_name="Ömer", last_name="Yılmaz", days=(DAY,),
                       walk_in=True)
    one.store.add_attendees([walk_in])
    Door(one.store, "Desk 1").check_in(walk_in.id, day=DAY)
    assert one.sync().pushed == 3
    report = two.sync()
    assert report.attendees_changed
    seen = two.store.attendee(person.id)
    assert seen is not None and seen.last_name == "Schmidt-Neu"
    arrived = two.store.attendee(walk_in.id)
    assert arrived is not None and arrived.walk_in and arrived.code_ref
    assert walk_in.id in two.store.checked_in(DAY)
    # Desk 2 edits later: its version wins everywhere
    two.store.update_attendee(dataclasses.replace(seen, organization="Neue Org"))
    two.sync()
    one.sync()
    for store in (one.store, two.store):
        final = store.attendee(person.id)
        assert final is not None
        assert (final.last_name, final.organization) == ("Schmidt-Neu", "Neue Org")
    one.store.close()
    two.store.close()


def test_double_check_in_counts_once_earliest_wins_later_desk_logs(shared: str) -> None:
    one, two = _desk(shared, "Desk 1"), _desk(shared, "Desk 2")
    early = datetime(2017, 9, 19, 8, 0, tzinfo=UTC)
    late = datetime(2017, 9, 19, 8, 5, tzinfo=UTC)
    # cut off from each other: both check in the same person
    assert Door(two.store, "Desk 2").scan("FK17-00007", day=DAY, at=late).status \
        is Status.CHECKED_IN
    assert Door(one.store, "Desk 1").scan("FK17-00007", day=DAY, at=early).status \
        is Status.CHECKED_IN
    assert one.sync().doubles == []          # Desk 1 was first: nothing to report
    report = two.sync()                      # Desk 2 was later: it sees the double
    assert len(report.doubles) == 1
    assert "Desk 1" in report.doubles[0].message and "count once" in report.doubles[0].message
    one.sync()
    two.sync()
    for store in (one.store, two.store):
        assert len(store.checkins(day=DAY)) == 2          # both records kept
        first = store.checked_in(DAY)
        assert len(first) == 1                            # the person counts once
        (record,) = first.values()
        assert (record.desk, record.at) == ("Desk 1", early)
        doubles = store.audit_log(action="double_checkin")
        assert len(doubles) == 1 and doubles[0]["desk"] == "Desk 2"
        assert doubles[0]["detail"]["kept"]["desk"] == "Desk 1"
    one.store.close()
    two.store.close()


def test_offline_desk_queues_then_catches_up(shared: str) -> None:
    one = _desk(shared, "Desk 1")
    offline = Desk(one.store, unreachable(shared), "Desk 1")
    for code in ("FK17-00010", "FK17-00011"):
        Door(one.store, "Desk 1").scan(code, day=DAY)
    report = offline.sync()
    assert not report.online and report.outbox == 2 and "Cannot reach" in report.problem
    back = one.sync()
    assert back.online and back.pushed == 2 and back.outbox == 0
    assert back.last_sync is not None
    one.store.close()


def test_password_is_not_stored_in_the_copy_or_the_server(shared: str) -> None:
    # the test server trusts local connections, so any password is accepted
    with_password = shared.replace("postgres@", "postgres:Geheim-Passwort-42@")
    desk = Desk(open_desk(with_password, "Desk 9"), with_password, "Desk 9")
    Door(desk.store, "Desk 9").scan("FK17-00012", day=DAY)
    assert desk.sync().online
    assert "Geheim" not in desk.store.location
    desk.store.close()
    files = list(data_dir().rglob("*"))
    assert any(f.name == "Desk-9.checkin" for f in files)
    for f in files:
        if f.is_file():
            assert b"Geheim-Passwort-42" not in f.read_bytes(), f
    rows = query(shared, "SELECT body::text FROM checkin_records UNION ALL "
                         "SELECT settings::text FROM checkin_event")
    assert not any("Geheim" in str(r[0]) for r in rows)


def test_cli_join_needs_the_server_and_says_so(shared: str) -> None:
    out = run_cli("sync", unreachable(shared), "--desk", "Desk 3")
    assert out.returncode == 2
    assert out.stderr.startswith("error: Cannot reach the event server")
    assert "Traceback" not in out.stderr
    assert not desk_copy_path(shared, "Desk 3").exists()


def test_cli_share_sync_scan_and_stats_on_a_url(pg_url: str, demo_path: Path) -> None:
    out = run_cli("share", demo_path, pg_url)
    assert out.returncode == 0, out.stderr
    assert "Shared 200 attendees" in out.stdout
    scan = run_cli("scan", pg_url, "FK17-00020", "--desk", "Desk 2", "--day", DAY, "--json")
    assert scan.returncode == 0, scan.stderr
    answer = json.loads(scan.stdout)
    assert answer["status"] == "checked_in" and answer["sync"]["online"]
    queued = run_cli("scan", unreachable(pg_url), "FK17-00021", "--desk", "Desk 2",
                     "--day", DAY)
    assert queued.returncode == 0, queued.stderr
    assert queued.stdout.splitlines()[0].startswith("checked_in: Welcome")
    assert "Queued" in queued.stdout and "1 record(s)" in queued.stdout
    synced = run_cli("sync", pg_url, "--desk", "Desk 2")
    assert synced.returncode == 0 and "Pushed 1, pulled" in synced.stdout
    stats = json.loads(run_cli("stats", pg_url, "--desk", "Desk 1", "--json").stdout)
    assert stats["days"][0]["checked_in"] == 2
    undo = run_cli("undo", pg_url, "--desk", "Desk 2")
    assert undo.returncode == 0 and undo.stdout.startswith("undone:"), undo.stderr
    assert "Synced" in undo.stdout
    stats = json.loads(run_cli("stats", pg_url, "--desk", "Desk 1", "--json").stdout)
    assert stats["days"][0]["checked_in"] == 1


def test_tls_options_pass_through_to_libpq(shared: str) -> None:
    url = shared + "?sslmode=require"
    try:
        psycopg.connect(url, connect_timeout=3).close()
        server_has_tls = True
    except psycopg.OperationalError as exc:
        server_has_tls = False
        assert "SSL" in str(exc)
    out = run_cli("sync", url, "--desk", "Desk 4")
    if server_has_tls:
        assert out.returncode == 0, out.stderr
    else:  # the option reached libpq, which refused to talk in the clear
        assert out.returncode == 2
        assert out.stderr.startswith("error: Cannot reach the event server")
        assert "SSL was required" in out.stderr and "Traceback" not in out.stderr


def test_a_desk_copy_refuses_another_event_under_the_same_name(shared: str,
                                                                demo_path: Path,
                                                                tmp_path: Path) -> None:
    desk = _desk(shared, "Desk 1")
    desk.store.close()
    name = shared.rsplit("/", 1)[1]
    drop_database(name)                       # the database is replaced by another event
    other = tmp_path / "other.checkin"
    run_cli("new", other, "--name", "Andere Tagung", "--days", DAY)
    share(other, shared)
    out = run_cli("sync", shared, "--desk", "Desk 1")
    assert out.returncode == 2
    assert "holds another event" in out.stderr
    with open_event(desk_copy_path(shared, "Desk 1")) as copy:
        assert copy.attendee_count() == 200   # the desk's copy was left alone


@pytest.mark.slow
def test_live_loop_rides_out_a_server_restart(shared: str) -> None:
    """The loop the desk window runs: offline while the server restarts, then it
    reconnects by itself and sends what was checked in meanwhile."""
    desk = _desk(shared, "Desk 1")
    reports: list[SyncReport] = []
    stop, poke = threading.Event(), threading.Event()
    loop = threading.Thread(target=run_live, args=(desk,), kwargs={
        "stop": stop, "poke": poke, "report": reports.append, "retry_every": 0.5})
    loop.start()
    try:
        wait_for(lambda: any(r.online for r in reports))
        restart_server()
        door = Door(open_event(desk.store.path), "Desk 1")
        assert door.scan("FK17-00001", day=DAY).status is Status.CHECKED_IN
        door.store.close()
        poke.set()
        wait_for(lambda: any(not r.online for r in reports))   # it noticed the restart
        wait_for(lambda: any(r.online and r.pushed == 1 for r in reports), timeout=30)
        assert reports[-1].outbox == 0
    finally:
        stop.set()
        loop.join(15)
        ensure_server_running()
    assert query(shared, "SELECT count(*) FROM checkin_records WHERE kind = 'checkin'") \
        == [(1,)]
    desk.store.close()




def test_every_verb_with_an_event_takes_a_desk() -> None:
    """Also verbs other modules add later: the CLI gives them --desk itself."""
    from checkin.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "verb")
    verbs = sub.choices  # type: ignore[union-attr]
    assert {"search", "scan", "undo", "stats", "gui"} <= set(verbs)
    for name, verb_parser in verbs.items():
        dests = {a.dest for a in verb_parser._actions}
        if "event" in dests:
            assert "desk" in dests, f"'checkin {name}' takes an EVENT but no --desk"


def test_badge_batches_printed_at_one_desk_are_found_at_the_others(shared: str) -> None:
    from checkin.badges.records import Position, badge_location, record_batch

    one, two = _desk(shared, "Desk 1"), _desk(shared, "Desk 2")
    people = one.store.attendees()[:2]
    record_batch(one.store, [Position(p.id, n, "Box A–K", 1, n) for n, p in
                             enumerate(people, start=1)],
                 desk="Desk 1", layout="a4-4xa6", template="default", sort="last_name",
                 selection={})
    assert one.sync().pushed == 3        # the batch and its two print entries
    assert two.sync().pulled == 3
    where = badge_location(two.store, people[1].id)
    assert where is not None and where.text == "Box A–K, No. 2"
    one.store.close()
    two.store.close()


def test_an_import_at_one_desk_reaches_the_others(shared: str, tmp_path: Path) -> None:
    two = _desk(shared, "Desk 2")
    listing = tmp_path / "nachmeldungen.csv"
    listing.write_text("Vorname;Nachname;E-Mail;Organisation\n"
                       "Zoë;Öztürk;zoe@example.org;Uni Köln\n", encoding="utf-8")
    out = run_cli("import", shared, listing, "--desk", "Desk 1", "--keep-missing")
    assert out.returncode == 0, out.stderr
    assert two.sync().attendees_changed        # sent by the import itself, no extra sync
    assert two.store.attendee_count() == 201
    assert [a.full_name for a in two.store.attendees() if a.email == "zoe@example.org"] \
        == ["Zoë Öztürk"]
    two.store.close()


def test_live_loop_sends_any_local_write_without_being_poked(shared: str) -> None:
    desk = _desk(shared, "Desk 1")
    reports: list[SyncReport] = []
    stop = threading.Event()
    loop = threading.Thread(target=run_live, args=(desk,), kwargs={
        "stop": stop, "poke": threading.Event(), "report": reports.append,
        "heartbeat_every": 60.0})
    loop.start()
    try:
        wait_for(lambda: any(r.online for r in reports))
        with open_event(desk.store.path) as other_connection:   # e.g. the desk window
            person = other_connection.find_by_ticket("FK17-00008")
            assert person is not None
            other_connection.update_attendee(dataclasses.replace(person, role="Presse (spontan)"))
        wait_for(lambda: any(r.pushed for r in reports), timeout=5)
    finally:
        stop.set()
        loop.join(15)
    assert query(shared, "SELECT count(*) FROM checkin_records "
                         "WHERE body->>'role' = 'Presse (spontan)'") == [(1,)]
    desk.store.close()
