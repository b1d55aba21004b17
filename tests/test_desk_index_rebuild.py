"""After a sync that changed people the desk's search index is rebuilt off the GUI
thread: the old index answers meanwhile, the new one is swapped in, and a newer
rebuild wins over an older one still running."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from checkin.door.search import SearchIndex
from checkin.model import Attendee
from checkin.store import open_event
from checkin.ui.door.desk_view import DeskView
from tests.helpers import desk_window

DAY1 = "2017-09-19"


def _found(desk: DeskView, text: str) -> list[str]:
    """What the volunteer sees after typing ``text``: the names in the result list."""
    desk.field.setText(text)
    rows = (desk.model.attendee(r) for r in range(desk.model.rowCount()))
    return [p.full_name for p in rows if p is not None]


def _synced_in(path: Path, first: str, last: str) -> None:
    """A person another desk added, as the sync thread writes it into this desk's file."""
    with open_event(path) as other:
        other.add_attendees([Attendee(id=f"synced-{last}", first_name=first, last_name=last,
                                      days=(DAY1,))])


class Gate:
    """Holds the real index build on its worker until the test lets it go (before it
    reads the event file, or with ``after``, once it has read it)."""

    def __init__(self, build: Callable[..., SearchIndex], *, after: bool = False) -> None:
        self.build, self.after = build, after
        self.started = threading.Event()
        self.go = threading.Event()

    def __call__(self, *args: object, **kwargs: object) -> SearchIndex:
        index = self.build(*args, **kwargs) if self.after else None
        self.started.set()
        assert self.go.wait(60)
        return index if index is not None else self.build(*args, **kwargs)


def test_search_answers_from_the_old_index_while_the_new_one_is_built(
        qtbot, tmp_path: Path, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = desk_window(qtbot, tmp_path, demo_path)  # a real thread pool
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    known = next(p for p in desk.index.people() if p.expected_on(DAY1))
    _synced_in(demo_path, "Quirin", "Xylander")
    gate = Gate(desk.door.search_index)
    monkeypatch.setattr(desk.door, "search_index", gate)
    old = desk.index

    desk.reload(attendees_changed=True)  # what the sync status does after such a round
    qtbot.waitUntil(gate.started.is_set)
    # the rebuild runs: the desk still answers, from the old index
    assert known.full_name in _found(desk, known.last_name)
    assert _found(desk, "Xylander") == []
    assert desk.index is old

    gate.go.set()
    qtbot.waitUntil(lambda: desk.index is not old, timeout=30000)
    assert _found(desk, "Xylander") == ["Quirin Xylander"]
    assert known.full_name in _found(desk, known.last_name)
    window.tasks.wait()


def test_a_newer_rebuild_supersedes_an_older_one(
        qtbot, tmp_path: Path, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = desk_window(qtbot, tmp_path, demo_path)
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    build = desk.door.search_index
    first, second = Gate(build), Gate(build)
    monkeypatch.setattr(desk.door, "search_index", first)
    older = desk.rebuild_index()
    qtbot.waitUntil(first.started.is_set)  # reads the file before the next sync
    _synced_in(demo_path, "Quirin", "Xylander")
    monkeypatch.setattr(desk.door, "search_index", second)
    newer = desk.rebuild_index()
    second.go.set()
    qtbot.waitUntil(lambda: newer.finished, timeout=30000)
    assert _found(desk, "Xylander") == ["Quirin Xylander"]
    swapped = desk.index
    first.go.set()  # the older build ends last: its index must not come back
    qtbot.waitUntil(lambda: older.finished, timeout=30000)
    assert desk.index is swapped
    assert _found(desk, "Xylander") == ["Quirin Xylander"]
    window.tasks.wait()


@pytest.mark.parametrize("after", [False, True], ids=["before-the-read", "after-the-read"])
def test_a_walk_in_added_during_a_rebuild_stays_findable_and_counted_once(
        qtbot, tmp_path: Path, demo_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        after: bool) -> None:
    window = desk_window(qtbot, tmp_path, demo_path)
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    gate = Gate(desk.door.search_index, after=after)
    monkeypatch.setattr(desk.door, "search_index", gate)
    rebuild = desk.rebuild_index()
    qtbot.waitUntil(gate.started.is_set)
    before = desk.counter.text()
    desk._add_walk_in({"first_name": "Zoë", "last_name": "Quast"})
    qtbot.waitUntil(lambda: _found(desk, "Quast") == ["Zoë Quast"])
    after_walk_in = desk.counter.text()
    assert after_walk_in != before
    gate.go.set()
    qtbot.waitUntil(lambda: rebuild.finished, timeout=30000)
    qtbot.waitUntil(lambda: _found(desk, "Quast") == ["Zoë Quast"])
    window.tasks.wait()
    qtbot.waitUntil(lambda: desk.counter.text() == after_walk_in)  # counted once
    window.tasks.wait()
    assert desk.counter.text() == after_walk_in
    window.tasks.wait()
