"""Faults the venue brings, told as what they are (issue 11, item 6, opening and writing).

A damaged file, a read-only archive, a full disk, a lock another program
holds, a WAL deleted under a running desk: each gets an ``error:`` line that
says what to do (exit 2), reads keep working where they can, and nothing a
desk acknowledged is lost. Real file systems: small tmpfs mounts and
read-only bind mounts (we are root in CI, where root ignores file modes).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkin.door.door import Door
from checkin.errors import DiskFull, EventDamaged, ReadOnlyPlace
from checkin.event.demo import create_demo
from checkin.store import open_event
from tests.helpers import ROOT, SAMPLES, run_cli

DAY = "2017-09-19"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mount(*args: str) -> None:
    """Run mount/umount; skip (fail in CI) when this machine does not allow it."""
    result = subprocess.run(list(args), capture_output=True, text=True)
    if result.returncode != 0:
        message = f"cannot {' '.join(args[:3])}: {result.stderr.strip()} (needs root)"
        if os.environ.get("CHECKIN_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs: small enough to fill in a test."""
    folder = tmp_path / "disk"
    folder.mkdir()
    _mount("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def _some_codes(path: Path, n: int) -> list[str]:
    with open_event(path) as store:
        people = [a for a in store.attendees() if a.expected_on(DAY) and a.status == "active"]
        return [a.ticket_code for a in people[:n] if a.ticket_code]


# -- a file damaged inside ---------------------------------------------------------------


def test_flipped_bytes_in_the_middle_are_refused_before_any_write(tmp_path: Path) -> None:
    path = tmp_path / "damaged.checkin"
    create_demo(path, size=400).close()
    code = _some_codes(path, 1)[0]
    data = bytearray(path.read_bytes())
    rng = random.Random(20170919)
    page = 4096
    pages = len(data) // page
    # a bad block: one page in the middle of the file turns to noise
    start = (pages // 2) * page
    for offset in range(start, start + page):
        data[offset] = rng.randrange(256)
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(EventDamaged, match="damaged inside"):
        open_event(path)
    result = run_cli("scan", path, code, "--day", DAY)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("error: ") and "damaged inside" in result.stderr
    assert "backup" in result.stderr and "Traceback" not in result.stderr
    assert _digest(path) == before  # nothing was written to it


def test_damaged_file_points_to_its_backup(tmp_path: Path) -> None:
    path = tmp_path / "event.checkin"
    create_demo(path, size=50).close()
    backup = path.with_name(f"{path.name}.v1.bak")
    with open_event(path) as store:
        store.save_copy(backup)
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 2 + 16] = b"\xff" * 16  # a b-tree page header
    path.write_bytes(bytes(data))
    with pytest.raises(EventDamaged) as caught:
        open_event(path)
    assert str(backup) in caught.value.message
    with open_event(backup) as store:  # the backup opens and has the people
        assert store.attendee_count() == 50


# -- read-only archives --------------------------------------------------------------------


def _remount_read_only(folder: Path) -> None:
    _mount("mount", "-o", "remount,ro", str(folder))


def test_event_on_a_read_only_medium_is_viewed_and_exported(small_disk: Path,
                                                           tmp_path: Path) -> None:
    path = small_disk / "archive.checkin"
    create_demo(path, size=60).close()
    code = _some_codes(path, 1)[0]
    assert run_cli("scan", path, code, "--day", DAY).returncode == 0
    _remount_read_only(small_disk)
    stats = run_cli("stats", path, "--json")
    assert stats.returncode == 0, stats.stderr
    day = next(d for d in json.loads(stats.stdout)["days"] if d["date"] == DAY)
    assert day["checked_in"] == 1
    search = run_cli("search", path, "Müller")
    assert search.returncode == 0 and "Müller" in search.stdout
    out = tmp_path / "day.csv"
    export = run_cli("export", path, "--day", DAY, "--out", out)
    assert export.returncode == 0, export.stderr
    assert out.stat().st_size > 0
    scan = run_cli("scan", path, _some_codes(path, 2)[1], "--day", DAY)
    assert scan.returncode == 2
    assert "open read-only" in scan.stderr and "Save a copy" in scan.stderr
    with open_event(path) as store:
        assert store.read_only
        with pytest.raises(ReadOnlyPlace, match="read-only"):
            Door(store).scan(code, day=DAY)


def test_read_only_event_file_in_a_writable_folder(tmp_path: Path) -> None:
    """A file the user may not write (root ignores modes: a read-only bind mount)."""
    path = tmp_path / "archive.checkin"
    create_demo(path, size=30).close()
    _mount("mount", "--bind", str(path), str(path))
    try:
        _mount("mount", "-o", "remount,bind,ro", str(path))
        stats = run_cli("stats", path)
        assert stats.returncode == 0, stats.stderr
        scan = run_cli("scan", path, _some_codes(path, 1)[0], "--day", DAY)
        assert scan.returncode == 2 and "open read-only" in scan.stderr
        copy = run_cli("copy", path, tmp_path / "working.checkin")
        assert copy.returncode == 0, copy.stderr
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)
    scan = run_cli("scan", tmp_path / "working.checkin", _some_codes(path, 1)[0], "--day", DAY)
    assert scan.returncode == 0 and scan.stdout.startswith("checked_in")


def test_gui_opens_a_read_only_event_and_says_so(qtbot, small_disk: Path,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    from checkin.ui.common.desk_settings import DeskSettings
    from checkin.ui.main_window import MainWindow

    path = small_disk / "archive.checkin"
    create_demo(path, size=20).close()
    _remount_read_only(small_disk)
    settings = DeskSettings.at(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_path(path)
    assert window.store is not None and window.store.read_only
    assert "read-only" in window.windowTitle()
    assert "read-only" in window.status_event.text()
    window.close_event_store()


# -- a full disk ---------------------------------------------------------------------------


def test_full_disk_refuses_the_checkin_and_loses_nothing(small_disk: Path) -> None:
    path = small_disk / "full.checkin"
    create_demo(path, size=150).close()
    codes = _some_codes(path, 200)
    acknowledged: list[str] = []
    refused: list[str] = []
    with open_event(path) as store:
        door = Door(store)
        _fill(small_disk)
        for code in codes:  # the WAL grows into the last free pages, then the disk is full
            try:
                result = door.scan(code, day=DAY)
            except DiskFull as exc:
                assert "disk is full" in exc.message
                refused.append(code)
                continue
            assert result.status.value == "checked_in"
            acknowledged.append(code)
    assert refused, "the disk never filled up"
    scan = run_cli("scan", path, refused[-1], "--day", DAY)
    assert scan.returncode == 2, scan.stdout + scan.stderr
    assert "disk is full" in scan.stderr and "Traceback" not in scan.stderr
    stats = run_cli("stats", path, "--json")  # reading needs no space
    assert stats.returncode == 0, stats.stderr
    (small_disk / "filler").unlink()
    with open_event(path) as store:
        here = {a.ticket_code for a in store.attendees() if a.id in store.checked_in(DAY)}
    assert here == set(acknowledged)


def test_import_on_a_full_disk_says_so(small_disk: Path) -> None:
    path = small_disk / "import.checkin"
    result = run_cli("new", path, "--name", "Full", "--days", "2017-09-19,2017-09-20")
    assert result.returncode == 0, result.stderr
    _fill(small_disk)
    imported = run_cli("import", path, SAMPLES / "teilnehmer_excel_de.csv")
    assert imported.returncode == 2, imported.stdout + imported.stderr
    assert "disk is full" in imported.stderr and "Traceback" not in imported.stderr
    (small_disk / "filler").unlink()
    with open_event(path) as store:
        assert store.attendee_count() == 0  # all or nothing


# -- a lock another program holds ------------------------------------------------------------

_LOCKER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
"""


def test_lock_held_by_another_program_is_an_error_line(tmp_path: Path) -> None:
    path = tmp_path / "locked.checkin"
    create_demo(path, size=20).close()
    code = _some_codes(path, 1)[0]
    locker = subprocess.Popen([sys.executable, "-c", _LOCKER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        scan = run_cli("scan", path, code, "--day", DAY)
    finally:
        locker.kill()
        locker.communicate(timeout=30)
    assert scan.returncode == 2, scan.stdout + scan.stderr
    assert "locked by another program" in scan.stderr
    assert "internal problem" not in scan.stderr
    assert run_cli("scan", path, code, "--day", DAY).stdout.startswith("checked_in")


# -- a WAL deleted under a running desk ------------------------------------------------------

_DESK = """
import sys
from checkin.door.door import Door
from checkin.store import open_event
store = open_event(sys.argv[1])
door = Door(store)
for code in sys.argv[2:]:
    print(door.scan(code, day="2017-09-19").status.value, flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""


def test_wal_deleted_under_a_running_desk_is_told_and_recovered(tmp_path: Path) -> None:
    path = tmp_path / "desk.checkin"
    create_demo(path, size=40).close()
    codes = _some_codes(path, 3)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    desk = subprocess.Popen([sys.executable, "-c", _DESK, str(path), *codes],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert desk.stdout is not None and desk.stdin is not None
        assert [desk.stdout.readline().strip() for _ in codes] == ["checked_in"] * 3
        Path(f"{path}-wal").unlink()  # a cleaning tool, a careless hand
        stats = run_cli("stats", path)
        assert stats.returncode == 2, stats.stdout + stats.stderr
        assert "was deleted while a desk still has" in stats.stderr
        assert "damaged" not in stats.stderr
        desk.stdin.write("close\n")
        desk.stdin.flush()
        assert desk.stdout.readline().strip() == "closed"
    finally:
        desk.kill()
        desk.communicate(timeout=30)
    deadline = time.monotonic() + 30
    while Path(f"{path}-wal").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    with open_event(path) as store:  # the desk wrote its check-ins back when it closed
        assert len(store.checked_in(DAY)) == 3


# -- File > Save a copy… -----------------------------------------------------------------------


def test_gui_saves_a_complete_copy_while_the_desk_works(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from checkin.ui.common.desk_settings import DeskSettings
    from checkin.ui.main_window import MainWindow

    path = tmp_path / "desk.checkin"
    create_demo(path, size=80).close()
    settings = DeskSettings.at(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert not window.action_save_copy.isEnabled()  # nothing open yet
    assert window.open_path(path)
    assert window.action_save_copy.isEnabled()
    assert window.store is not None
    store = window.store
    with store.transaction() as db:  # a setting of this connection
        db.execute("PRAGMA wal_autocheckpoint = 0")  # every check-in stays in the WAL
    door = Door(store)
    people = [a for a in store.attendees() if a.expected_on(DAY) and a.status == "active"]
    for person in people:
        assert door.check_in(person.id, day=DAY).status.value == "checked_in"
    target = tmp_path / "saved.checkin"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target.with_suffix("")), ""))
    window.action_save_copy.trigger()
    qtbot.waitUntil(lambda: "Saved a copy" in window.statusBar().currentMessage(),
                    timeout=30000)
    with open_event(target) as copy:
        assert len(copy.checked_in(DAY)) == len(people)
    window.close_event_store()
