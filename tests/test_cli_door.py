"""`checkin search` and `checkin scan` answer like the desk (same code, real subprocesses)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from checkin.door import codes
from checkin.door.door import Door
from checkin.store import open_event
from tests.helpers import run_cli


def test_search_matches_the_desk_index(demo_path: Path) -> None:
    with open_event(demo_path) as store:
        expected = [h.attendee.id for h in Door(store).search_index("2017-09-19")
                    .search("Oeztuerk", limit=5)]
    out = run_cli("search", demo_path, "Oeztuerk", "--limit", "5", "--day", "2017-09-19",
                  "--json")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert [r["id"] for r in found] == expected
    assert found and all(r["last_name"] == "Öztürk" for r in found)


def test_search_ranks_people_still_expected_first(demo_path: Path) -> None:
    with open_event(demo_path) as store:
        first = json.loads(run_cli("search", demo_path, "jürgen müller", "--day", "2017-09-19",
                                   "--json").stdout)[0]
        Door(store).check_in(first["id"], day="2017-09-19", force=True)
    again = json.loads(run_cli("search", demo_path, "jürgen müller", "--day", "2017-09-19",
                               "--json").stdout)
    assert {r["id"] for r in again} >= {first["id"]}
    assert again[0]["id"] != first["id"] or len(again) == 1


def test_search_bad_day_is_a_user_error(demo_path: Path) -> None:
    out = run_cli("search", demo_path, "x", "--day", "2019-01-01")
    assert out.returncode == 2 and out.stderr.startswith("error:")
    assert "Traceback" not in out.stderr


def test_scan_badge_code_then_garbage_changes_nothing(demo_path: Path) -> None:
    with open_event(demo_path) as store:
        person = next(p for p in store.attendees() if "2017-09-19" in p.days)
        code = codes.badge_code(store.code_secret(), person.code_ref)
    out = json.loads(run_cli("scan", demo_path, code.lower(), "--day", "2017-09-19",
                             "--at", "2017-09-19T09:12", "--json").stdout)
    assert out["status"] == "checked_in" and out["attendee"]["id"] == person.id
    assert out["checked_in_at"].startswith("2017-09-19T09:12")
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    for garbage in ("x" * 10_000, "CK1\x07BELL", codes.badge_code("other", person.code_ref)):
        result = run_cli("scan", demo_path, garbage, "--day", "2017-09-19", "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["status"] == "rejected"
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    again = json.loads(run_cli("scan", demo_path, code, "--day", "2017-09-19", "--json").stdout)
    assert again["status"] == "already_checked_in"
    assert "at 09:12 at Desk 1" in again["message"]
