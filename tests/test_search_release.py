"""A replaced search index is emptied in steps on a worker (freeing it at once on
the GUI thread stalled the desk), and the index built in short steps keeps the one
name order."""

from __future__ import annotations

from pathlib import Path

from checkin.door.search import SearchIndex
from checkin.model import Attendee
from checkin.store import open_event
from tests.helpers import desk_window


def _people(count: int) -> list[Attendee]:
    surnames = ("Müller", "Mueller", "Muller", "von der Heyde", "Schmidt", "Łęcka", "Åström")
    return [Attendee(id=f"p{i}", first_name=("Jürgen", "Anna", "Søren")[i % 3],
                     last_name=f"{surnames[i % len(surnames)]}{'' if i % 4 else i}",
                     ticket_code=f"T-{i:06d}", email=f"p{i}@example.org")
            for i in range(count)]


def test_a_released_index_finds_no_one_and_a_new_one_still_does() -> None:
    people = _people(300)
    old = SearchIndex(people)
    assert old.search("Müller Jürgen")
    old.release()
    assert (len(old), old.search("Müller"), old.search("Mueller Jurgn"), old.person("p1")) \
        == (0, [], [], None)
    fresh = SearchIndex(people)
    assert fresh.search("Müller Jürgen")[0].attendee.last_name == "Müller"
    assert fresh.search("T-000012")[0].attendee.id == "p12"


def test_people_come_in_the_one_name_order_when_built_in_steps() -> None:
    people = _people(7000)  # more than one step of the bucketed sort
    index = SearchIndex(reversed(people))
    assert [p.id for p in index.people()] == \
        [p.id for p in sorted(reversed(people), key=lambda p: p.sort_key)]


def test_the_desk_empties_the_index_it_replaced(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                demo_path: Path) -> None:
    window = desk_window(qtbot, tmp_path, demo_path)  # a real thread pool
    desk = window.desk
    assert desk is not None
    with open_event(demo_path) as other:  # what the sync thread writes
        other.add_attendees([Attendee(id="synced", first_name="Quirin", last_name="Xylander")])
    old = desk.index
    assert len(old) > 0
    desk.reload(attendees_changed=True)
    qtbot.waitUntil(lambda: desk.index is not old, timeout=30000)
    qtbot.waitUntil(lambda: len(old) == 0, timeout=30000)
    assert desk.index.search("Xylander")[0].attendee.id == "synced"
    window.tasks.wait()
