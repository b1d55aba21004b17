"""Badges as a user gets them: every preset rendered, rasterised, every QR code decoded.

The PDFs are read back by independent tools: pypdfium2 rasterises them,
zxing-cpp decodes the QR codes, pdfplumber reports where each character
landed, and poppler's ``pdffonts`` says which fonts are embedded.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest

from checkin.badges import PRESETS, Selection, render_batch
from checkin.badges.layouts import Layout
from checkin.badges.library import load_template
from checkin.badges.render import MM
from checkin.badges.template import Template
from checkin.door import codes
from checkin.event.demo import create_demo
from checkin.model import Attendee
from checkin.store import EventStore
from checkin.store.sqlite import new_uuid
from tests.helpers import artifact, rasterise, read_qr_codes, require_tool

LONG_NAME = ("Maximiliane-Friederike Theodora", "Freifrau von und zu Hohenzollern-Sigmaringen")
HOSTILE = [
    (*LONG_NAME, "Prof. Dr.", "Referent/in"),
    ("", "Li", "", "Presse"),
    ("محمد", "عبد الله", "", "Organisation"),
    ("דוד", "בן-גוריון", "", "Moderation"),
    ("Αλέξανδρος", "Παπαδόπουλος", "", "Teilnehmer/in"),
    ("Анна", "Достоевская-Толстая", "", "Presse"),
    ("Zoë 😀🎉", "Ölçer\x07\x1b", "", "Referent/in"),
    ("A" * 500, "B" * 500, "", "Teilnehmer/in"),
    ("Nguyễn", "Thị Minh Khai", "", "Organisation"),
]
LATIN_READABLE = {"Li", "Παπαδόπουλος", "Достоевская-Толстая", "Thị Minh Khai"}


@pytest.fixture(scope="module")
def badge_event(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EventStore]:
    """40 demo participants plus the hostile names, in one event.

    The event's secret and the people's badge references come from a seeded
    generator, so every run draws the same QR codes: a random code once gave the
    decoder a phantom read (a flaky test is a failing test).
    """
    seeded = random.Random(20170919)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "urandom", seeded.randbytes)
        patch.setattr(codes.secrets, "token_bytes", seeded.randbytes)
        store = create_demo(tmp_path_factory.mktemp("badges") / "badges.checkin", size=40)
        store.add_attendees(
            Attendee(id=new_uuid(), first_name=first, last_name=last, title=title, role=role,
                     organization="Universität für Bodenkultur Wien — Institut für Hydraulik "
                                  "und landeskulturelle Wasserwirtschaft", project="INOLA",
                     days=("2017-09-19",))
            for first, last, title, role in HOSTILE)
    yield store
    store.close()




def element_boxes(template: Template, layout: Layout, page_slots: list[int],
                  kinds: tuple[str, ...] = ("text",)) -> list[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) in pt from the page's top-left, for every element of each slot."""
    boxes = []
    scale = min(layout.cell_w / template.width_mm, layout.cell_h / template.height_mm)
    for slot in page_slots:
        front, back = layout.slots()[slot - 1]
        for origin, rotated in ((front, False), (back, True)):
            if origin is None:
                continue
            ox = origin[0] + (layout.cell_w - template.width_mm * scale) / 2
            oy = origin[1] + (layout.cell_h - template.height_mm * scale) / 2
            for e in template.elements:
                if e.kind not in kinds:
                    continue
                x, y = e.x, e.y
                if rotated:
                    x, y = template.width_mm - e.x - e.w, template.height_mm - e.y - e.h
                boxes.append(((ox + x * scale) * MM, (oy + y * scale) * MM,
                              (ox + (x + e.w) * scale) * MM, (oy + (y + e.h) * scale) * MM))
    return boxes


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_renders_every_person_with_a_readable_qr_code_in_place(
        badge_event: EventStore, name: str) -> None:
    layout = PRESETS[name]
    start = 2 if layout.per_page > 1 else 1
    result = render_batch(badge_event, layout=name, start=start)
    people = {a.id: a for a in badge_event.attendees()}
    assert result.count == len(people)
    artifact(f"badges-{name}.pdf").write_bytes(result.pdf)

    secret = badge_event.code_secret()
    expected: dict[int, list[str]] = {}
    for position in result.positions:
        expected.setdefault(position.page, []).append(position.attendee_id)
    images = rasterise(result.pdf)
    assert len(images) == result.pages
    images[0].save(artifact(f"badges-{name}-page1.png"))  # type: ignore[attr-defined]
    copies = 2 if layout.fold else 1
    for page, image in enumerate(images, start=1):
        found = read_qr_codes(image)
        by_person = [badge_event.find_by_code_ref(codes.verify(secret, r.text)) for r in found]
        ids = sorted(p.id for p in by_person if p is not None)
        assert ids == sorted(expected[page] * copies), f"page {page} of {name}"
        # each code sits in the cell of the person it belongs to
        for r, person in zip(found, by_person, strict=True):
            assert person is not None
            slot = next(p.slot for p in result.positions if p.attendee_id == person.id)
            cells = layout.slots()[slot - 1]
            cx = sum(p.x for p in (r.position.top_left, r.position.bottom_right)) / 2
            cy = sum(p.y for p in (r.position.top_left, r.position.bottom_right)) / 2
            px_per_mm = 150 / 25.4
            assert any(o is not None and o[0] <= cx / px_per_mm <= o[0] + layout.cell_w
                       and o[1] <= cy / px_per_mm <= o[1] + layout.cell_h for o in cells)
    assert people[result.positions[0].attendee_id]


@pytest.mark.parametrize("name", list(PRESETS))
def test_all_text_stays_inside_its_box_and_the_page(badge_event: EventStore, name: str) -> None:
    layout = PRESETS[name]
    result = render_batch(badge_event, layout=name)
    template = load_template(layout.template, badge_event)
    slots_by_page: dict[int, list[int]] = {}
    for position in result.positions:
        slots_by_page.setdefault(position.page, []).append(position.slot)
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            boxes = element_boxes(template, layout, slots_by_page[number])
            tolerance = 0.6
            for ch in page.chars:
                if not ch["text"].strip():
                    continue
                assert -tolerance <= ch["x0"] and ch["x1"] <= page.width + tolerance
                assert -tolerance <= ch["top"] and ch["bottom"] <= page.height + tolerance
                assert any(b[0] - tolerance <= ch["x0"] and ch["x1"] <= b[2] + tolerance
                           and b[1] - tolerance <= ch["top"] and ch["bottom"] <= b[3] + tolerance
                           for b in boxes), (
                    f"{name} p{number}: {ch['text']!r} at ({ch['x0']:.1f}, {ch['top']:.1f}) "
                    "is outside every text box")


@pytest.mark.parametrize("name", list(PRESETS))
def test_names_are_printed_whole_at_a_readable_size(badge_event: EventStore, name: str) -> None:
    """The long noble name and the short one are never cut; only 1,000 letters are."""
    layout = PRESETS[name]
    template = load_template(layout.template, badge_event)
    name_element = next(e for e in template.elements if "{last_name}" in e.text)
    wanted = [a for a in badge_event.attendees()
              if a.last_name in (LONG_NAME[1], *LATIN_READABLE)]
    result = render_batch(badge_event, layout=name, selection=Selection(
        ids=tuple(a.id for a in wanted)))
    scale = min(layout.cell_w / template.width_mm, layout.cell_h / template.height_mm)
    only_name = Template(template.name, template.width_mm, template.height_mm, (name_element,))
    people = {a.id: a for a in wanted}
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        for position in result.positions:
            page = pdf.pages[position.page - 1]
            box = element_boxes(only_name, layout, [position.slot])[0]
            crop = page.crop(box, strict=False)
            person = people[position.attendee_id]
            printed = "".join(ch["text"] for ch in crop.chars)
            assert printed.replace(" ", "") == (person.first_name + person.last_name).replace(
                " ", ""), f"{name}: {printed!r}"
            assert min(ch["size"] for ch in crop.chars) >= name_element.min_size * scale - 0.01


def test_every_font_is_embedded_including_the_initial_one(badge_event: EventStore) -> None:
    tool = require_tool("pdffonts")
    result = render_batch(badge_event, layout="a4-4xa6")
    path = artifact("badges-fonts.pdf")
    path.write_bytes(result.pdf)
    out = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    assert all(" yes " in row.split("TrueType", 1)[-1] for row in rows), out
    names = " ".join(rows)
    assert "Helvetica" not in names
    assert "NotoSansArabic" in names and "NotoSansHebrew" in names


def test_batch_progress_reaches_the_total(badge_event: EventStore) -> None:
    seen: list[tuple[int, int]] = []
    result = render_batch(badge_event, layout="a6",
                          progress=lambda done, total, _n: seen.append((done, total)))
    assert seen[-1] == (result.count, result.count)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_a_label_sheet_start_position_skips_used_labels(badge_event: EventStore) -> None:
    """Labels 1-6 of a used sheet stay empty: page 1 carries exactly the codes of the
    first four people, all on the last row. Asserted on the decoded texts, not on a
    count (a decoder may report one code twice)."""
    result = render_batch(badge_event, layout="zweckform-l4785", start=7)
    assert [p.slot for p in result.positions[:5]] == [7, 8, 9, 10, 1]
    assert result.positions[4].page == 2
    people = {a.id: a for a in badge_event.attendees()}
    secret = badge_event.code_secret()
    expected = {codes.badge_code(secret, people[p.attendee_id].code_ref)
                for p in result.positions if p.page == 1}
    assert len(expected) == 4
    found = read_qr_codes(rasterise(result.pdf)[0])
    assert {r.text for r in found} == expected
    assert all(r.position.top_left.y > 150 / 25.4 * (23.5 + 3 * 50) for r in found)


def test_sorting_by_last_name_follows_the_phone_book(badge_event: EventStore) -> None:
    result = render_batch(badge_event, layout="a6")
    people = {a.id: a for a in badge_event.attendees()}
    ordered = [people[p.attendee_id] for p in result.positions]
    heyde = [i for i, a in enumerate(ordered) if a.last_name == "von der Heyde"]
    for i in heyde:
        key = ordered[i - 1].last_name.split()[-1][:1].upper() if i else "A"
        assert key <= "H"
    boxes = [p.box for p in result.positions]
    assert boxes[0].startswith("Box ")
    by_org = render_batch(badge_event, layout="a6", sort="organization")
    orgs = [people[p.attendee_id].organization.casefold() for p in by_org.positions]
    assert orgs == sorted(orgs, key=lambda o: o.replace("ä", "a").replace("ö", "o")
                          .replace("ü", "u"))


def test_artifact_pngs_of_each_preset_exist_for_people_to_look_at(tmp_path: Path) -> None:
    """The parametrised render test saves page 1 of every preset as a PNG."""
    store = create_demo(tmp_path / "look.checkin", size=12)
    try:
        for name in PRESETS:
            result = render_batch(store, layout=name)
            image = rasterise(result.pdf, dpi=100)[0]
            image.save(artifact(f"preset-{name}.png"))  # type: ignore[attr-defined]
            assert image.getbbox() is not None  # type: ignore[attr-defined]
            assert len(read_qr_codes(image)) >= 1
    finally:
        store.close()
