"""Bad input makes a clear message or a sensible fallback, never a crash or a blank badge."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from PIL import Image

from checkin.badges import (
    TemplateError,
    badge_location,
    mark_handed_out,
    render_batch,
    render_one,
    textfit,
)
from checkin.badges.batch import Selection, box_labels, select
from checkin.badges.fields import role_kind
from checkin.badges.library import load_template, save_template, shipped_text
from checkin.badges.records import print_count, printed_ids
from checkin.badges.template import loads
from checkin.door import codes
from checkin.store import EventStore
from tests.helpers import artifact, read_qr_codes


def _template(**changes: object) -> str:
    raw = json.loads(shipped_text("conference-a6") or "{}")
    raw.update(changes)
    return json.dumps(raw)


def _decode(pdf: bytes) -> list[str]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=150 / 72).to_pil()
    finally:
        doc.close()
    return [r.text for r in read_qr_codes(image)]


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(page.extract_text() for page in doc.pages)


def test_unknown_field_is_named_with_the_fields_that_exist() -> None:
    raw = json.loads(_template())
    raw["elements"].append({"type": "text", "x": 5, "y": 5, "w": 50, "h": 10,
                            "text": "{firstname}"})
    with pytest.raises(TemplateError) as err:
        loads(json.dumps(raw), name="mine")
    assert "unknown field {firstname}" in err.value.message
    assert "first_name" in err.value.message


def test_extra_columns_of_the_list_are_fields(demo_store: EventStore) -> None:
    raw = json.loads(_template())
    raw["elements"].append({"type": "text", "x": 5, "y": 90, "w": 50, "h": 6,
                            "text": "AG {Arbeitsgruppe}"})
    save_template(demo_store, "with-group", json.dumps(raw))
    person = demo_store.attendees()[0]
    pdf = render_one(demo_store, person, template="with-group").pdf
    assert f"AG {person.extra['Arbeitsgruppe']}" in _text(pdf)


@pytest.mark.parametrize(("text", "says"), [
    ("{not json", "not valid JSON"),
    (json.dumps({"width_mm": 105, "height_mm": 148, "elements": [
        {"type": "text", "x": 90, "y": 5, "w": 50, "h": 10, "text": "{last_name}"}]}),
     "outside"),
    (json.dumps({"width_mm": 105, "height_mm": 148, "elements": [
        {"type": "qr", "x": 5, "y": 5, "size": 10}]}), "at least 0.5 mm"),
    (json.dumps({"width_mm": 105, "height_mm": 148, "elements": [
        {"type": "sparkle", "x": 5, "y": 5, "w": 1, "h": 1}]}), "unknown type"),
    (json.dumps({"width_mm": 105, "height_mm": 148, "elements": [
        {"type": "box", "x": 5, "y": 5, "w": 1, "h": 1, "color": "red"}]}), "#RRGGBB"),
    (json.dumps({"width_mm": "A6", "elements": []}), "width_mm"),
])
def test_broken_templates_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(TemplateError) as err:
        loads(text, name="broken")
    assert says in err.value.message


def test_a_bad_template_leaves_the_event_unchanged(demo_store: EventStore) -> None:
    before = demo_store.query("SELECT count(*) AS n FROM templates")[0]["n"]
    with pytest.raises(TemplateError):
        save_template(demo_store, "bad", _template(elements=[{"type": "qr", "x": 0, "y": 0,
                                                              "size": 5}]))
    assert demo_store.query("SELECT count(*) AS n FROM templates")[0]["n"] == before


def test_missing_logo_and_broken_background_fall_back_with_a_warning(
        demo_store: EventStore, tmp_path: Path) -> None:
    broken = tmp_path / "background.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    raw = json.loads(_template(background=str(broken)))
    raw["elements"].insert(0, {"type": "image", "x": 70, "y": 2, "w": 30, "h": 18,
                               "src": str(tmp_path / "missing-logo.png")})
    save_template(demo_store, "fragile", json.dumps(raw))
    person = demo_store.attendees()[0]
    result = render_one(demo_store, person, template="fragile")
    assert any("missing-logo.png is missing" in w for w in result.warnings)
    assert any("background" in w and "cannot be read" in w for w in result.warnings)
    assert person.last_name in _text(result.pdf)
    assert _decode(result.pdf) == [codes.badge_code(demo_store.code_secret(), person.code_ref)]


def test_logo_and_background_images_are_drawn(demo_store: EventStore, tmp_path: Path) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (60, 30), (200, 30, 30)).save(logo, "PNG")
    background = tmp_path / "bg.png"
    Image.new("RGB", (105, 148), (255, 250, 225)).save(background)
    raw = json.loads(_template(background="bg.png"))
    raw["elements"].append({"type": "image", "x": 80, "y": 100, "w": 20, "h": 10,
                            "src": "data:image/png;base64," + base64.b64encode(
                                logo.getvalue()).decode()})
    save_template(demo_store, "logo", json.dumps(raw))
    person = demo_store.attendees()[0]
    demo_store.path = tmp_path / demo_store.path.name  # images are found next to the event
    result = render_one(demo_store, person, template="logo")
    assert result.warnings == []
    doc = pypdfium2.PdfDocument(result.pdf)
    image = doc[0].render(scale=100 / 72).to_pil().convert("RGB")
    doc.close()
    image.save(artifact("badge-logo-background.png"))
    w, h = image.size
    assert image.getpixel((int(w * 90 / 105), int(h * 105 / 148))) == pytest.approx(
        (200, 30, 30), abs=12)
    assert image.getpixel((int(w * 10 / 105), int(h * 125 / 148))) == pytest.approx(
        (255, 250, 225), abs=6)


def test_text_fitting_shrinks_then_breaks_then_cuts_only_below_the_floor() -> None:
    short = textfit.fit("Li", 250, 90, weight="bold", max_size=36, min_size=12, max_lines=2)
    assert short.lines == ("Li",) and short.size == 36
    text = "Katharina Schulze-Delitzsch"
    two = textfit.fit(text, 180, 90, weight="bold", max_size=36, min_size=12, max_lines=2,
                      boundaries=frozenset({9}), preferred=9)
    assert two.lines == ("Katharina", "Schulze-Delitzsch")
    double = textfit.fit("Анна Достоевская-Толстая", 258, 96, weight="bold", max_size=36,
                         min_size=12, max_lines=3, boundaries=frozenset({4}), preferred=4)
    assert double.lines == ("Анна", "Достоевская-Толстая")
    hyphen = textfit.fit("Hohenzollern-Sigmaringen", 150, 90, weight="bold", max_size=36,
                         min_size=12, max_lines=2)
    assert hyphen.lines == ("Hohenzollern-", "Sigmaringen")
    huge = textfit.fit("A" * 500 + " " + "B" * 500, 250, 90, weight="bold", max_size=36,
                       min_size=12, max_lines=2)
    assert huge.cut and huge.size == 12 and huge.lines[-1].endswith("…")


def test_role_labels_from_german_lists_map_to_four_kinds() -> None:
    assert [role_kind(r) for r in ("Teilnehmer/in", "Referent/in", "Presse", "Organisation",
                                   "Moderation", "Speaker", "")] == [
        "participant", "speaker", "press", "staff", "speaker", "speaker", "participant"]


def test_filters_select_project_role_and_not_yet_printed(demo_store: EventStore) -> None:
    speakers = select(demo_store, Selection(role="speaker"))
    assert speakers and all(role_kind(p.role) == "speaker" for p in speakers)
    press = select(demo_store, Selection(role="Presse"))
    assert press and all(p.role == "Presse" for p in press)
    project = demo_store.attendees()[0].project
    assert all(p.project == project for p in select(demo_store, Selection(project=project)))
    render_batch(demo_store, selection=Selection(role="speaker"), record=True, desk="Desk 2")
    rest = select(demo_store, Selection(not_printed=True))
    assert not {p.id for p in rest} & {p.id for p in speakers}
    assert len(rest) == len(demo_store.attendees()) - len(speakers)
    assert printed_ids(demo_store) == {p.id for p in speakers}


def test_a_recorded_batch_tells_the_door_where_each_badge_is(demo_store: EventStore) -> None:
    result = render_batch(demo_store, layout="a4-4xa6", record=True, desk="Night shift",
                          box_size=50)
    people = {a.id: a for a in demo_store.attendees()}
    position = result.positions[122]
    where = badge_location(demo_store, position.attendee_id)
    assert where is not None
    assert where.number == 123 and where.box == position.box
    assert where.text == f"{position.box}, No. 123"
    first_letter = people[result.positions[100].attendee_id].last_name
    assert where.box.startswith("Box ") and first_letter
    assert not where.handed_out
    assert mark_handed_out(demo_store, position.attendee_id, desk="Desk 1").handed_out  # type: ignore[union-attr]
    assert len(demo_store.audit_log(action="badge_handed_out")) == 1
    mark_handed_out(demo_store, position.attendee_id, desk="Desk 1")
    assert len(demo_store.audit_log(action="badge_handed_out")) == 1
    log = demo_store.audit_log(action="badge_print", attendee_id=position.attendee_id)
    assert log[0]["desk"] == "Night shift" and log[0]["detail"]["number"] == 123
    assert print_count(demo_store, position.attendee_id) == 1


def test_box_labels_span_the_letters_of_their_badges(demo_store: EventStore) -> None:
    people = select(demo_store, Selection())
    labels = box_labels(people, "last_name", 50)
    assert len(labels) == 4 and len(set(labels)) == 4
    assert labels[0].startswith("Box A") or labels[0].startswith("Box B")
    assert "–" in labels[1]


def test_templates_stored_in_the_event_override_the_shipped_ones(demo_store: EventStore) -> None:
    raw = json.loads(_template(name="Ours"))
    save_template(demo_store, "conference-a6", json.dumps(raw))
    assert load_template("conference-a6", demo_store).name == "Ours"


def test_a_template_too_big_for_the_layout_is_refused_not_shrunk_unreadable(
        demo_store: EventStore) -> None:
    with pytest.raises(TemplateError) as err:
        render_batch(demo_store, layout="id1", template="conference-a6")
    assert "0.5 mm per module" in err.value.message and "'card'" in err.value.message


def test_the_test_page_outlines_every_label_with_the_offset(tmp_path: Path) -> None:
    from checkin.badges import get_layout
    from checkin.badges.testpage import render_test_page

    layout = get_layout("zweckform-l4785").with_offset(1.5, -0.5)
    pdf = render_test_page(layout)
    text = _text(pdf)
    assert all(f"{n} · 80 × 50 mm" in text for n in range(1, 11))
    assert "offset x +1.5 mm, y -0.5 mm" in text
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        rects = [r for r in doc.pages[0].rects if abs(r["width"] - 80 * 72 / 25.4) < 0.5]
    assert len(rects) == 10
    lefts = sorted({round(r["x0"] * 25.4 / 72, 1) for r in rects})
    assert lefts == [19.0, 114.0]
