"""The command line is the contract acceptance checks use: real subprocesses."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from checkin.store import open_event
from tests.helpers import ROOT, run_cli


def test_demo_then_stats_json(tmp_path: Path) -> None:
    event = tmp_path / "x.checkin"
    assert run_cli("demo", event).returncode == 0
    out = run_cli("stats", event, "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["attendees"] == 200
    assert [d["date"] for d in stats["days"]] == ["2017-09-19", "2017-09-20"]
    assert all(d["checked_in"] == 0 and d["expected"] > 100 for d in stats["days"])


def test_new_event_then_stats(tmp_path: Path) -> None:
    event = tmp_path / "n.checkin"
    out = run_cli("new", event, "--name", "Tagung", "--days", "2017-09-19,2017-09-20")
    assert out.returncode == 0, out.stderr
    stats = json.loads(run_cli("stats", event, "--json").stdout)
    # the foundation's shape; later figures are added alongside, never renamed
    foundation = {**stats, "days": [{k: d[k] for k in ("date", "expected", "checked_in")}
                                    for d in stats["days"]]}
    assert foundation == {"event": "Tagung", "attendees": 0, "days": [
        {"date": "2017-09-19", "expected": 0, "checked_in": 0},
        {"date": "2017-09-20", "expected": 0, "checked_in": 0}]}
    assert all(d["missing"] == 0 and d["sessions"] == [] for d in stats["days"])


def test_scan_repeat_and_undo(demo_path: Path) -> None:
    code = "FK17-00003"
    first = json.loads(run_cli("scan", demo_path, code, "--day", "2017-09-19",
                               "--at", "2017-09-19T09:12:00", "--desk", "Desk 2",
                               "--json").stdout)
    assert first["status"] in ("checked_in", "not_expected_today")
    if first["status"] == "not_expected_today":
        first = json.loads(run_cli("scan", demo_path, code, "--day", "2017-09-20",
                                   "--at", "2017-09-20T09:12:00", "--desk", "Desk 2",
                                   "--json").stdout)
    assert first["status"] == "checked_in"
    assert first["attendee"]["ticket_code"] == code
    day = first["day"]
    again = json.loads(run_cli("scan", demo_path, code, "--day", day, "--json").stdout)
    assert again["status"] == "already_checked_in"
    assert "09:12" in again["message"] and "Desk 2" in again["message"]
    undo = run_cli("undo", demo_path, "--desk", "Desk 2")
    assert undo.returncode == 0 and undo.stdout.startswith("undone")
    stats = json.loads(run_cli("stats", demo_path, "--json").stdout)
    assert sum(d["checked_in"] for d in stats["days"]) == 0


def test_unknown_code(demo_path: Path) -> None:
    out = run_cli("scan", demo_path, "NOSUCHCODE", "--day", "2017-09-19", "--json")
    assert out.returncode == 0
    assert json.loads(out.stdout)["status"] == "unknown"
    assert json.loads(out.stdout)["attendee"] is None


def test_search_json_and_stdin(demo_path: Path) -> None:
    out = run_cli("search", demo_path, "Jürgen Müller", "--json")
    results = json.loads(out.stdout)
    assert len(results) >= 2
    assert {r["organization"] for r in results[:2]} == {
        "Technische Universität Dortmund", "Universität Kassel"}
    assert {"id", "first_name", "last_name", "organization", "score"} <= set(results[0])
    lines = run_cli("search", demo_path, "--limit", "3", stdin="müller\nweiss\n").stdout
    rows = [json.loads(line) for line in lines.splitlines()]
    assert [r["query"] for r in rows] == ["müller", "weiss"]
    assert all(isinstance(r["elapsed_ms"], float) for r in rows)
    assert rows[0]["results"] and len(rows[0]["results"]) <= 3


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bad_input_is_one_error_line_and_changes_nothing(tmp_path: Path,
                                                         demo_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    before = _digest(demo_path)
    cases = [
        ("stats", text),
        ("stats", tmp_path / "missing.checkin"),
        ("scan", demo_path, "FK17-00001", "--day", "2017-13-40"),
        ("scan", demo_path, "FK17-00001", "--day", "2018-01-01"),
        ("scan", demo_path, "FK17-00001", "--at", "yesterday"),
        ("new", tmp_path / "n.checkin", "--name", "X", "--days", "19/09/2017"),
        ("new", demo_path, "--name", "X", "--days", "2017-09-19"),
        ("stats",),
        ("frobnicate",),
    ]
    for args in cases:
        out = run_cli(*args)
        lines = out.stderr.strip().splitlines()
        assert out.returncode == 2, (args, out.stderr)
        assert len(lines) == 1 and lines[0].startswith("error:"), (args, out.stderr)
        assert "Traceback" not in out.stderr
    assert _digest(demo_path) == before
    assert text.read_text() == "hello\n"


def test_scan_survives_sigkill(demo_path: Path) -> None:
    """A check-in `checkin scan` reported is in the file even if the process dies at once."""
    script = (
        "import os, signal, sys\n"
        "from checkin.cli import main\n"
        "main(['scan', sys.argv[1], 'FK17-00001', '--day', '2017-09-19', '--json',"
        " '--at', '2017-09-19T09:00'])\n"
        "sys.stdout.flush()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(demo_path)], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode == -signal.SIGKILL
    reported = json.loads(proc.stdout)
    assert reported["status"] in ("checked_in", "not_expected_today")
    with open_event(demo_path) as store:
        records = store.checkins(day="2017-09-19")
    if reported["status"] == "checked_in":
        assert len(records) == 1
        assert records[0].attendee_id == reported["attendee"]["id"]


def test_large_demo_for_benchmarks_finishes() -> None:
    """More people than distinct name pairs: namesakes appear, the generator ends."""
    from checkin.event.demo import demo_attendees

    people = demo_attendees(5000)
    assert len(people) == 5000
    assert len({p.ticket_code for p in people}) == 5000
