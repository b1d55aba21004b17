"""Rules the desk and the command line share live once, in the core."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checkin.door.door import Door, still_expected
from checkin.door.sessions import nearly_full
from checkin.importing.formats import ENCODINGS, SUPPORTED_SUFFIXES
from checkin.store import EventStore
from tests.helpers import ROOT

DAY1 = "2017-09-19"


@pytest.mark.parametrize(("checked_in", "capacity", "expected"), [
    (8, 10, False), (9, 10, True), (10, 10, False), (11, 10, False),
    (89, 100, False), (90, 100, True), (99, 100, True), (0, 1, True), (1, 2, True),
    (0, 3, False), (2, 3, True), (5, None, False),
])
def test_nearly_full_means_a_tenth_of_the_places_or_the_last_one(
        checked_in: int, capacity: int | None, expected: bool) -> None:
    assert nearly_full(checked_in, capacity) is expected


def test_still_expected_leaves_out_arrivals_cancellations_and_other_days(
        demo_store: EventStore) -> None:
    people = demo_store.attendees()
    door = Door(demo_store)
    arrived = next(p for p in people if p.expected_on(DAY1))
    door.check_in(arrived.id, day=DAY1)
    ids = set(still_expected(people, DAY1, demo_store.checked_in(DAY1)))
    assert arrived.id not in ids
    assert ids == {p.id for p in people if p.status == "active" and DAY1 in p.days
                   and p.id != arrived.id}
    assert not any(p.status == "cancelled" for p in people if p.id in ids)
    # the search ranks exactly those first (the desk view asks the same function)
    index = door.search_index(DAY1)
    assert index._open_ids == ids


def test_the_import_help_names_the_declared_file_types_and_encodings() -> None:
    result = subprocess.run([sys.executable, "-m", "checkin", "import", "--help"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={"PYTHONPATH": str(ROOT), "COLUMNS": "400",
                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    for codec, label in ENCODINGS.items():
        assert f"{codec} = {label}" in text
    top = subprocess.run([sys.executable, "-m", "checkin", "--help"], capture_output=True,
                         text=True, cwd=ROOT, timeout=60,
                         env={"PYTHONPATH": str(ROOT), "COLUMNS": "400", "PATH": "/usr/bin:/bin"})
    assert " ".join(SUPPORTED_SUFFIXES) in top.stdout


def test_the_wizard_offers_the_declared_types_and_encodings(
        qtbot, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    from checkin.importing.formats import SPREADSHEET_SUFFIXES, TEXT_SUFFIXES
    from checkin.ui.common.tasks import TaskRunner
    from checkin.ui.importing.import_wizard import ImportWizard

    wizard = ImportWizard(demo_store, TaskRunner(immediate=True))
    qtbot.addWidget(wizard)
    page = wizard.file_page
    assert [page.encoding.itemText(i) for i in range(page.encoding.count())] == list(ENCODINGS)
    filters = page.file_filter().split(";;")
    assert filters[0].endswith("(" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + ")")
    assert filters[1].endswith("(" + " ".join(f"*{s}" for s in SPREADSHEET_SUFFIXES) + ")")
    assert filters[2].endswith("(" + " ".join(f"*{s}" for s in TEXT_SUFFIXES) + ")")
