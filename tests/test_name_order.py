"""One name order everywhere: badge batches, the signature list and the exports agree.

Phone-book order (DIN 5007-1): particles ignored ("von der Heyde" under H, "zu
Schröder" under S), umlauts as their base letter (Mueller before Müller, Öztürk
under O), ties by first name. Before, the signature list put "von der Heyde"
under V while the badge boxes put it under H.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import openpyxl
import pytest

from checkin.common.text import name_sort_key
from checkin.door.door import Door
from checkin.store import open_event
from tests.helpers import require_tool, run_cli

D1 = "2017-09-19"
#: (combined name as registered, unique organisation), listed in the expected order
EXPECTED = [
    ("Maria de la Cruz", "Orga-A"),
    ("Dick van Dyke", "Orga-B"),
    ("Anna von der Heyde", "Orga-C"),
    ("Hans Mueller", "Orga-D"),
    ("Anna Müller", "Orga-E"),
    ("Hans Müller", "Orga-F"),
    ("Ayşe Öztürk", "Orga-G"),
    ("Jan zu Schröder", "Orga-H"),
]
ORDER = [org for _name, org in EXPECTED]


@pytest.fixture
def event(tmp_path: Path) -> Path:
    """The people imported through the real CLI in a scrambled order, all checked in."""
    path = tmp_path / "order.checkin"
    assert run_cli("new", path, "--name", "Order", "--days", D1).returncode == 0
    listing = tmp_path / "list.csv"
    scrambled = [EXPECTED[i] for i in (7, 3, 0, 5, 2, 6, 1, 4)]
    with listing.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(
            [["Name", "Organisation", "Teilnahme 19.09."],
             *[[name, org, "x"] for name, org in scrambled]])
    imported = run_cli("import", path, listing)
    assert imported.returncode == 0, imported.stderr
    with open_event(path) as store:
        people = store.attendees()
        # importing splits with the same particle list the order ignores
        assert {p.last_name for p in people} >= {"de la Cruz", "van Dyke", "von der Heyde",
                                                 "zu Schröder"}
        door = Door(store)
        for person in people:
            door.check_in(person.id, day=D1)
    return path


def _order_in(text: str) -> list[str]:
    found = sorted((text.index(org), org) for org in ORDER if org in text)
    assert len(found) == len(ORDER), text
    return [org for _pos, org in found]


def _pdf_text(path: Path) -> str:
    pdftotext = require_tool("pdftotext")
    return subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_badges_signature_list_and_exports_use_one_order(event: Path, tmp_path: Path) -> None:
    badges = tmp_path / "badges.pdf"
    assert run_cli("badges", event, "--out", badges, "--no-record").returncode == 0
    signature = tmp_path / "signature.pdf"
    assert run_cli("export", event, "--day", D1, "--signature", "--out",
                   signature).returncode == 0
    day_list = tmp_path / "day.pdf"
    assert run_cli("export", event, "--day", D1, "--out", day_list).returncode == 0
    table = tmp_path / "day.csv"
    assert run_cli("export", event, "--day", D1, "--out", table,
                   "--columns", "last_name,first_name,organization").returncode == 0
    sheet = tmp_path / "days.xlsx"
    assert run_cli("export", event, "--out", sheet,
                   "--columns", "last_name,first_name,organization").returncode == 0

    assert _order_in(_pdf_text(badges)) == ORDER
    assert _order_in(_pdf_text(signature)) == ORDER
    assert _order_in(_pdf_text(day_list)) == ORDER
    with table.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert [r[2] for r in rows[1:]] == ORDER
    book = openpyxl.load_workbook(sheet, read_only=True)
    try:
        cells = [row[2] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()
    assert [c for c in cells if c in ORDER] == ORDER


def test_the_key_is_a_phone_book_and_box_labels_follow_it() -> None:
    from checkin.badges.batch import box_labels
    from checkin.model import Attendee

    people = [Attendee(id=str(n), first_name=first, last_name=last) for n, (first, last) in
              enumerate([("Karl", "von und zu Guttenberg"), ("Eva", "Guttenberg"),
                         ("Ole", "Ärger"), ("Ida", "Arger"), ("Uwe", "Straße"),
                         ("Tim", "Strasse"), ("Bo", "de Vries")])]
    ordered = sorted(people, key=lambda p: p.sort_key)
    assert [p.last_name for p in ordered] == [
        "Arger", "Ärger", "Guttenberg", "von und zu Guttenberg", "Strasse", "Straße",
        "de Vries"]
    assert name_sort_key("von der Heyde", "Anna") < name_sort_key("Hoffmann", "Anna")
    assert box_labels(ordered, "last_name", box_size=4) == ["Box A–G", "Box S–V"]
