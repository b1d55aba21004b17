"""Faults the venue brings: a full disk, a read-only stick, odd --out targets, locks, debris.

A real full disk is a small tmpfs filled to the brim (the tests run as root in
CI; elsewhere they skip, or fail with ``CHECKIN_REQUIRE_TOOLS=1``). Every
check runs the real command line and looks at what a user sees: one
``error:`` line, exit 2, no traceback, and nothing half-written left behind.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkin.door.door import Door, Status
from checkin.event.demo import create_demo
from checkin.store import open_event
from tests.helpers import ROOT, Mount, fill, run_cli

D1 = "2017-09-19"
FULL = "The disk is full"









def _event(path: Path, people: int = 120) -> Path:
    """A demo event with everyone expected on day 1 checked in (rows for every export)."""
    with create_demo(path, people) as store:
        door = Door(store, "Desk 1")
        moment = datetime(2017, 9, 19, 8, 0, tzinfo=UTC)
        for person in store.attendees():
            result = door.check_in(person.id, day=D1, at=moment, force=True)
            assert result.status == Status.CHECKED_IN
    return path


def _content(path: Path) -> dict[str, list[str]]:
    """Every row of every table: the event as a user's data, to show it did not change."""
    with open_event(path) as store:
        tables = [r[0] for r in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(repr(tuple(r)) for r in store.query(f'SELECT * FROM "{t}"'))
                for t in tables}


def _one_error(done: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 2 and a single ``error:`` line holding ``fragments``: what a user should see."""
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert "internal problem" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(("verb", "name"), [("export", "day.csv"), ("export", "day.xlsx"),
                                            ("export", "day.pdf"), ("badges", "badges.pdf")])
def test_an_export_to_a_full_disk_says_so_and_leaves_nothing(
        tmp_path: Path, tmpfs: Mount, verb: str, name: str) -> None:
    event = _event(tmp_path / "e.checkin")
    before = _content(event)
    disk = tmpfs("full")
    fill(disk)
    extra = ["--day", D1] if verb == "export" else ["--layout", "a6"]
    done = run_cli(verb, event, *extra, "--out", disk / name)
    _one_error(done, FULL, "nothing was written")
    assert sorted(p.name for p in disk.iterdir()) == ["ballast"]  # no file, no .part
    assert _content(event) == before  # badges: no batch recorded, nobody marked printed


def test_xlsx_export_with_a_full_temporary_folder_says_so(tmp_path: Path,
                                                          tmpfs: Mount) -> None:
    """openpyxl streams sheets into temporary files first: on a full disk that fails first."""
    event = _event(tmp_path / "e.checkin", people=600)
    temp = tmpfs("tmp")
    fill(temp, leave=16384)  # room for Python to accept the folder, not for the sheets
    done = run_cli("export", event, "--day", D1, "--out", tmp_path / "day.xlsx",
                   env={"TMPDIR": str(temp)})
    _one_error(done, FULL, "temporary folder", "nothing was written")
    assert not (tmp_path / "day.xlsx").exists()
    assert sorted(p.name for p in temp.iterdir()) == ["ballast"]  # openpyxl's files removed


def test_an_import_into_an_event_on_a_full_disk_says_so(tmp_path: Path, tmpfs: Mount) -> None:
    disk = tmpfs("stick", size="1m")
    event = disk / "e.checkin"
    create_demo(event, 40).close()
    before = _content(event)
    rows = ["First Name,Last Name,Organization,Email,Ticket ID"] + [
        f"Person{i:04d},Zander{i:04d},Verbund {i % 17},p{i}@verbund.example,T-{i:05d}"
        for i in range(3000)]
    people = tmp_path / "list.csv"
    people.write_text("\n".join(rows) + "\n", encoding="utf-8")
    fill(disk, leave=96 * 1024)  # the event opens; the 3,000 new people do not fit
    done = run_cli("import", event, people, "--keep-missing")
    _one_error(done, FULL)
    (disk / "ballast").unlink()
    assert _content(event) == before
    assert not [p.name for p in disk.iterdir() if p.name.endswith(".part")]


def _target_errors(tmp_path: Path, tmpfs: Mount) -> list[tuple[Path, str]]:
    (tmp_path / "folder.csv").mkdir()
    (tmp_path / "plain").write_text("a file, not a folder")
    read_only = tmpfs("readonly", size="64k", read_only=True)
    return [
        (tmp_path / "folder.csv", "is a folder"),
        (tmp_path, "is a folder"),
        (Path("/proc/x.csv"), "Cannot create a file in /proc"),
        (tmp_path / "missing" / "x.csv", "does not exist"),
        (tmp_path / "plain" / "x.csv", "is a file, not a folder"),
        (read_only / "x.csv", "read-only"),
        (tmp_path / ("n" * 300 + ".csv"), "refuses the file name"),
    ]


def test_out_targets_that_take_no_file_are_an_error_line(tmp_path: Path,
                                                         tmpfs: Mount) -> None:
    event = _event(tmp_path / "e.checkin", people=20)
    for out, words in _target_errors(tmp_path, tmpfs):
        _one_error(run_cli("export", event, "--day", D1, "--out", out), words)
    # the badge PDF goes through the same writer
    _one_error(run_cli("badges", event, "--out", tmp_path / "folder.csv"),
               "is a folder")
    _one_error(run_cli("badges", event, "--out", "/proc/badges.pdf"),
               "Cannot create a file in /proc")
    assert not list(tmp_path.glob(".*.part"))


_WRITER = """
import sys
from pathlib import Path
from checkin.export.safety import private_file
with private_file(Path(sys.argv[1])) as fh:
    fh.write(b"half of an export")
    fh.flush()
    print("writing", flush=True)
    sys.stdin.read()  # until the test lets go (or kills us)
"""


def _writer(target: Path) -> subprocess.Popen[str]:
    """A real export in progress: the export writer, holding its part file open."""
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
    return proc


def _stop(proc: subprocess.Popen[str]) -> None:
    """Kill a helper process (if it still runs) and close its pipes."""
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=60)


def _parts(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.endswith(".part")}


def test_the_next_export_removes_what_killed_exports_left(tmp_path: Path) -> None:
    event = _event(tmp_path / "e.checkin", people=20)
    out = tmp_path / "day.csv"
    killed, running = _writer(out), _writer(out)
    other = _writer(tmp_path / "other.csv")
    try:
        for proc in (killed, other):
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        left = _parts(tmp_path)
        assert len(left) == 3
        # a part file of an older version (no PID): removed after a minute, not before
        old, fresh = tmp_path / ".day.csv.abcd1234.part", tmp_path / ".day.csv.efgh5678.part"
        old.write_bytes(b"x")
        fresh.write_bytes(b"x")
        a_while_ago = old.stat().st_mtime - 120
        os.utime(old, (a_while_ago, a_while_ago))

        done = run_cli("export", event, "--day", D1, "--out", out)
        assert done.returncode == 0, done.stderr
        after = _parts(tmp_path)
        assert not any(f".{killed.pid}." in name for name in after)  # the killed one: gone
        assert any(f".{running.pid}." in name for name in after)  # still writing: kept
        assert any(f".{other.pid}." in name for name in after)  # another file's: kept
        assert old.name not in after and fresh.name in after
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    finally:
        for proc in (killed, running, other):
            _stop(proc)


_HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":  # like a database browser: nobody else may even read
    db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("UPDATE settings SET value = value WHERE key = 'code_secret'")
print("locked", flush=True)
sys.stdin.read()
"""


def _holder(event: Path, mode: str) -> subprocess.Popen[str]:
    """Another program holding the event locked until the test lets go."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(event), mode], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
    return proc


def _cli(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "checkin", *map(str, args)], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def _answer(proc: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_a_scan_while_another_program_holds_the_lock_is_an_error_line(tmp_path: Path) -> None:
    """The write waits its 10 s for the lock, then says who is in the way (not a bug)."""
    event = _event(tmp_path / "e.checkin", people=20)
    with open_event(event) as store:  # someone expected on day 2, not yet there
        person = next(p for p in store.attendees() if "2017-09-20" in p.days)
        code = person.ticket_code
    assert code
    holder = _holder(event, "write")
    try:
        done = _answer(_cli("scan", event, code, "--day", "2017-09-20"))
    finally:
        _stop(holder)
    _one_error(done, "locked by another program")


def test_export_and_stats_while_another_program_holds_the_event_say_locked(
        tmp_path: Path) -> None:
    event = _event(tmp_path / "e.checkin", people=20)
    holder = _holder(event, "exclusive")
    try:  # both wait for the lock at once: 10 s, not 20
        running = [_cli("export", event, "--day", D1, "--out", tmp_path / "day.csv"),
                   _cli("stats", event)]
        answers = [_answer(p) for p in running]
    finally:
        _stop(holder)
    for done in answers:
        line = _one_error(done, "locked")
        assert "damaged" not in line
    assert not (tmp_path / "day.csv").exists()


def test_the_export_dialog_on_a_full_disk_shows_the_disk_full_message(
        qtbot, tmp_path: Path, tmpfs: Mount) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import attendance_event, attendance_window

    path = attendance_event(tmp_path)
    window = attendance_window(qtbot, tmp_path, path)
    disk = tmpfs("full")
    fill(disk)
    window.attendance.action_export.trigger()
    dialog = window.attendance.export_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(".xlsx"))
    dialog.target.setText(str(disk / "tag"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=20000)
    text = dialog.message.text()
    assert text.startswith(FULL) and "nothing was written" in text, text
    assert "Sorry" not in text and dialog.summary is None
    assert sorted(p.name for p in disk.iterdir()) == ["ballast"]
    window.close()


def _busy_error(tmp_path: Path) -> sqlite3.OperationalError:
    """A real SQLITE_BUSY: a second connection wants to write while the first one does."""
    path = tmp_path / "locked.db"
    first = sqlite3.connect(path, isolation_level=None)
    second = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        first.execute("CREATE TABLE t(x)")
        first.execute("BEGIN EXCLUSIVE")
        with pytest.raises(sqlite3.OperationalError) as caught:
            second.execute("BEGIN EXCLUSIVE")
        return caught.value
    finally:
        first.close()
        second.close()


def test_the_window_words_venue_faults_like_the_command_line(qapp, tmp_path: Path  # type: ignore[no-untyped-def]
                                                             ) -> None:
    """Not "Sorry, something went wrong" and a crash report: what to do, where the user works."""
    from checkin.common.paths import data_dir
    from checkin.ui.common.errors import describe_error

    assert describe_error(_busy_error(tmp_path)).startswith("The event file is locked")
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/media/stick/e.checkin")
    try:
        try:
            raise full
        except OSError:  # the fault becomes the context of the failed clean-up
            raise RuntimeError("cannot rollback - no transaction is active")  # noqa: B904
    except RuntimeError as clean_up_failed:
        assert clean_up_failed.__context__ is full
        text = describe_error(clean_up_failed)
    assert text.startswith("The disk is full (/media/stick/e.checkin)"), text
    assert not (data_dir() / "crash-reports").exists()
    assert describe_error(ValueError("a bug")).startswith("Sorry")  # bugs stay bugs
