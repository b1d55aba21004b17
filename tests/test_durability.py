"""Nothing a desk acknowledged is lost, and nobody is admitted twice (issue 11, items 1-2).

Real processes on a real event file: the races and the lost WAL only show
between processes, so every test here runs the door in subprocesses.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from checkin.errors import UserError
from checkin.model import Attendee
from checkin.store import create_event, open_event
from checkin.store.sqlite import new_uuid
from tests.helpers import ROOT

DAY = "2017-09-19"


def _event(path: Path, people: int) -> list[str]:
    """An event of ``people`` people with ticket codes T0000…; returns the codes."""
    codes = [f"T{n:04d}" for n in range(people)]
    with create_event(path, name="Durability", days=[date(2017, 9, 19)],
                      language="en") as store:
        store.add_attendees([Attendee(id=new_uuid(), first_name=f"P{n}", last_name="Test",
                                      ticket_code=code, days=(DAY,))
                             for n, code in enumerate(codes)])
    return codes


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _wait_for(condition: object, what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


# -- item 2: one person, one admission, however many processes scan -------------------

_SCANNER = """
import json, random, sys, time
from pathlib import Path
from checkin.door.door import Door
from checkin.store import open_event
event, go, seed, codes = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
random.Random(seed).shuffle(codes)
with open_event(event) as store:
    door = Door(store, f"Desk {seed}")
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    answers = [door.scan(code, day="2017-09-19").status.value for code in codes]
print(json.dumps(answers))
"""


def test_three_processes_scanning_the_same_people_admit_each_once(tmp_path: Path) -> None:
    path, go = tmp_path / "race.checkin", tmp_path / "go"
    codes = _event(path, 200)
    procs = [_python(_SCANNER, str(path), str(go), str(seed), *codes) for seed in (1, 2, 3)]
    for proc in procs:  # all connected before anyone scans
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr
    go.touch()
    answers: Counter[str] = Counter()
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        answers.update(json.loads(out))
    assert answers["checked_in"] == 200
    assert answers["already_checked_in"] == 400
    with open_event(path) as store:
        per_person = Counter(c.attendee_id for c in store.checkins(day=DAY) if c.kind == "in")
    assert len(per_person) == 200
    assert [p for p, n in per_person.items() if n > 1] == []


def test_simultaneous_cli_scans_of_one_code_admit_once(tmp_path: Path) -> None:
    path = tmp_path / "pairs.checkin"
    codes = _event(path, 60)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    welcomes: Counter[str] = Counter()
    for code in codes:
        pair = [subprocess.Popen([sys.executable, "-m", "checkin", "scan", str(path), code,
                                  "--day", DAY, "--desk", f"Desk {n}", "--json"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=env) for n in (1, 2)]
        for proc in pair:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            welcomes[code] += json.loads(out)["status"] == "checked_in"
    assert {code: n for code, n in welcomes.items() if n != 1} == {}
    with open_event(path) as store:
        records = Counter(c.attendee_id for c in store.checkins(day=DAY) if c.kind == "in")
    assert sorted(records.values()) == [1] * 60


def test_forced_checkins_and_walk_ins_decide_inside_the_write(tmp_path: Path) -> None:
    """Forced check-ins of a person not expected today race like ordinary ones."""
    path, go = tmp_path / "forced.checkin", tmp_path / "go"
    codes = _event(path, 100)
    with open_event(path) as store:
        ids = [a.id for a in store.attendees()]
    forcer = """
import json, sys, time
from pathlib import Path
from checkin.door.door import Door
from checkin.store import open_event
event, go, seed, ids = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
with open_event(event) as store:
    door = Door(store, f"Desk {seed}")
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    answers = [door.check_in(i, day="2017-09-19", force=True).status.value for i in ids]
print(json.dumps(answers))
"""
    rng = random.Random(11)
    orders = [rng.sample(ids, len(ids)) for _ in range(3)]
    procs = [_python(forcer, str(path), str(go), str(n), *order) for n, order in enumerate(orders)]
    for proc in procs:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
    go.touch()
    answers: Counter[str] = Counter()
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        answers.update(json.loads(out))
    assert answers["checked_in"] == len(codes)
    with open_event(path) as store:
        records = Counter(c.attendee_id for c in store.checkins(day=DAY) if c.kind == "in")
        forced_logs = store.audit_log(action="forced_checkin")
    assert sorted(records.values()) == [1] * len(codes)
    assert len(forced_logs) == len(codes)  # a refused duplicate writes no audit line


# -- item 1: a second look at the file never costs the desk its WAL -------------------

_DESK = """
import sys
from pathlib import Path
from checkin.door.door import Door
from checkin.store import open_event
from checkin.store.sqlite import check_event_file
event, codes = Path(sys.argv[1]), sys.argv[2:]
store = open_event(event)
door = Door(store, "Desk 1")
for line in sys.stdin:
    command = line.split()
    if command[0] == "scan":
        result = door.scan(command[1], day="2017-09-19")
        print(result.status.value, command[1], flush=True)  # acknowledged
    elif command[0] == "check":
        check_event_file(event)  # what a second window's open did first
        print("checked", flush=True)
"""


def _ask(proc: subprocess.Popen[str], line: str) -> str:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def _deleted_wal(pid: int, path: Path) -> list[str]:
    """The desk process's open files that are this event's WAL, deleted under it."""
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(f"{path}-wal") and target.endswith("(deleted)"):
            found.append(target)
    return found


def test_acknowledged_checkins_survive_a_header_check_another_process_and_a_kill(
        tmp_path: Path) -> None:
    """The issue's reproduction: check in, look at the header, `checkin stats`, 3 more, kill."""
    path = tmp_path / "desk.checkin"
    codes = _event(path, 10)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    desk = subprocess.Popen([sys.executable, "-c", _DESK, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        acknowledged = [_ask(desk, f"scan {codes[0]}")]
        assert _ask(desk, "check") == "checked"
        stats = subprocess.run([sys.executable, "-m", "checkin", "stats", str(path)],
                               capture_output=True, text=True, env=env, timeout=120)
        assert stats.returncode == 0, stats.stderr
        acknowledged += [_ask(desk, f"scan {code}") for code in codes[1:4]]
        assert acknowledged == [f"checked_in {code}" for code in codes[:4]]
        assert _deleted_wal(desk.pid, path) == []
    finally:
        desk.kill()
        desk.communicate(timeout=30)
    with open_event(path) as store:
        found = {a.ticket_code for a in store.attendees()
                 if a.id in store.checked_in(DAY)}
    assert found == set(codes[:4])


# -- copies that have everything --------------------------------------------------------


def _checked_in_count(path: Path) -> int:
    with open_event(path) as store:
        return len(store.checked_in(DAY))


def test_checkin_copy_has_what_is_still_in_the_wal(tmp_path: Path) -> None:
    """600 check-ins on an open connection: `cp` misses some, `checkin copy` has all."""
    path = tmp_path / "open.checkin"
    _event(path, 600)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open_event(path) as store:
        from checkin.door.door import Door

        door = Door(store)
        # all 600 stay in the WAL (no automatic checkpoint): the hardest case for a copy
        with store.transaction() as db:  # a setting of this connection
            db.execute("PRAGMA wal_autocheckpoint = 0")
        for person in store.attendees():
            assert door.check_in(person.id, day=DAY).status.value == "checked_in"
        assert os.stat(f"{path}-wal").st_size > 0  # the last ones are in the WAL
        plain = tmp_path / "plain.checkin"
        subprocess.run(["cp", str(path), str(plain)], check=True)  # another process
        copied = subprocess.run(
            [sys.executable, "-m", "checkin", "copy", str(path), str(tmp_path / "copy.checkin")],
            capture_output=True, text=True, env=env, timeout=120)
        assert copied.returncode == 0, copied.stderr
        assert "Saved a copy" in copied.stdout
        in_process = store.save_copy(tmp_path / "saved.checkin")
        refused = subprocess.run(
            [sys.executable, "-m", "checkin", "copy", str(path), str(tmp_path / "copy.checkin")],
            capture_output=True, text=True, env=env, timeout=120)
        assert refused.returncode == 2 and "already exists" in refused.stderr
    db = sqlite3.connect(plain)
    try:
        in_plain = db.execute("SELECT count(*) FROM checkins").fetchone()[0]
    except sqlite3.DatabaseError:
        in_plain = 0
    db.close()
    assert in_plain == 0  # what the issue saw: cp is not a copy of an open event
    for copy in (tmp_path / "copy.checkin", in_process):
        assert _checked_in_count(copy) == 600
        assert not Path(f"{copy}-wal").exists()  # one self-contained file
        assert copy.stat().st_mode & 0o777 == 0o600  # private, like the event
    assert list(tmp_path.glob(".*.part")) == []


# -- structural: only checkin/store/files.py touches an event path that is open ------------

_WATCH: dict[str, list[tuple[str, str, bool]] | bool] = {"on": False, "seen": []}


def _event_base(name: str) -> str | None:
    """The event file an event path belongs to (x.checkin for x.checkin-wal, .v3.bak…)."""
    at = name.find(".checkin")
    return None if at < 0 else name[:at + len(".checkin")]


def _calling_module() -> str:
    frame = sys._getframe(2)
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module.startswith(("checkin.", "tests.")):
            return module
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event != "open" or not _WATCH["on"] or isinstance(args[0], int):
        return
    name = os.fsdecode(args[0])  # type: ignore[arg-type]
    base = _event_base(name)
    if base is None or not name.endswith((".checkin", "-wal", "-shm", ".bak")):
        return
    from checkin.store import files

    seen = _WATCH["seen"]
    assert isinstance(seen, list)
    seen.append((_calling_module(), name, files.is_open(Path(base))))


def _open_fds_deleted() -> list[str]:
    out = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.endswith("(deleted)"):
            out.append(target)
    return out


def test_nothing_but_the_files_module_opens_an_event_that_is_open(
        tmp_path: Path, monkeypatch: object) -> None:
    """One process does what the desk, the live board, export, copy, purge and delete do."""
    import pytest

    from checkin.door.door import Door
    from checkin.event import privacy
    from checkin.export import ExportOptions
    from checkin.store import files, schema
    from checkin.store import sqlite as sqlite_store
    from checkin.ui.attendance.export_dialog import export_in_background
    from checkin.ui.attendance.live_board import _day_breakdowns
    from checkin.ui.common.tasks import Progress

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    sys.addaudithook(_audit)  # cannot be removed: switched off again below
    path = tmp_path / "desk.checkin"
    codes = _event(path, 40)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    _WATCH["on"], _WATCH["seen"] = True, []
    try:
        # the check itself works: a plain open() of an open event is seen and blamed
        control = tmp_path / "control.checkin"
        _event(control, 1)
        with open_event(control), control.open("rb"):
            pass
        assert ("tests.test_durability", str(control), True) in _WATCH["seen"]  # type: ignore[operator]
        _WATCH["seen"] = []

        desk = open_event(path)
        door = Door(desk)
        people = {a.ticket_code: a.id for a in desk.attendees()}
        for code in codes[:10]:
            assert door.check_in(people[code], day=DAY).status.value == "checked_in"
        board = _day_breakdowns(path, DAY)  # the live board's refresh (own connection)
        assert board[0] == DAY
        again = open_event(path)  # the export dialog, the share, the sync thread
        files.check_event_file(path)
        export_in_background(path, DAY, tmp_path / "day.csv", ExportOptions(),
                             Progress(lambda *_: None))
        stats = subprocess.run([sys.executable, "-m", "checkin", "stats", str(path), "--json"],
                               capture_output=True, text=True, env=env, timeout=120)
        assert stats.returncode == 0, stats.stderr
        for code in codes[10:20]:
            assert door.check_in(people[code], day=DAY).status.value == "checked_in"
        assert [f for f in _open_fds_deleted() if ".checkin" in f] == []
        again.close()

        copy = desk.save_copy(tmp_path / "copy.checkin")
        other = files.copy_event(path, tmp_path / "other.checkin")
        # an upgrade of the copy keeps a backup, made through SQLite
        monkeypatch.setattr(sqlite_store, "MIGRATIONS",
                            [*schema.MIGRATIONS, "CREATE TABLE later (x);"])
        monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
        with open_event(copy) as store:
            assert privacy.backups_of(copy)
            summary = privacy.purge(store)
        assert summary.backups_deleted and privacy.backups_of(copy) == []
        with pytest.raises(UserError, match="Close the event first"), open_event(other):
            privacy.delete_event(other)
        removed = privacy.delete_event(other)
        assert other in removed and not other.exists()

        for code in codes[20:30]:
            assert door.check_in(people[code], day=DAY).status.value == "checked_in"
        desk.close()
    finally:
        _WATCH["on"] = False
    seen = _WATCH["seen"]
    assert isinstance(seen, list)
    blamed = [(module, name) for module, name, held in seen
              if held and module != "checkin.store.files"]
    assert blamed == []
    assert any(module == "checkin.store.files" for module, _n, _h in seen)  # it did look
    with open_event(path) as store:
        assert len(store.checked_in(DAY)) == 30
