"""Exports and badges speak the event's language, not the desk's."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from checkin.badges.batch import render_one
from checkin.common.locale_texts import COLUMN_HEADERS, LIST_WORDS, ROLE_LABELS, role_label
from checkin.export import ExportOptions, export_day
from checkin.model import Attendee
from checkin.store.sqlite import create_event
from tests.attendance_scenario import D1, build
from tests.helpers import require_tool


def test_tables_cover_every_export_column_in_both_languages() -> None:
    from checkin.export import COLUMN_LABELS
    from checkin.model import FIELD_LABELS

    # English headers of a person's fields are their declared labels; German is spelled out
    assert set(COLUMN_HEADERS["en"]) | set(FIELD_LABELS) == set(COLUMN_LABELS)
    assert set(COLUMN_HEADERS["de"]) == set(COLUMN_LABELS)
    for lang in ("de", "en"):
        assert set(LIST_WORDS[lang]) == set(LIST_WORDS["en"])
        assert set(ROLE_LABELS[lang]) == {"participant", "speaker", "press", "staff"}


def test_canonical_roles_follow_the_event_language_others_stay() -> None:
    assert role_label("participant", "de") == "Teilnehmer/in"
    assert role_label("Teilnehmer/in", "en") == "Participant"
    assert role_label("  SPEAKER ", "de") == "Referent/in"
    assert role_label("Referent/in", "en") == "Speaker"
    assert role_label("Presse", "en") == "Press"
    assert role_label("Projektleitung", "en") == "Projektleitung"  # not canonical: as imported
    assert role_label("participant", "fr") == "Participant"  # unknown language: English


def _pdf_text(path: Path) -> str:
    return subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_an_english_event_exports_english_headers(tmp_path: Path) -> None:
    store, _sessions = build(tmp_path / "e.checkin")
    store.set_event(language="en")
    export_day(store, D1, tmp_path / "d.csv")
    raw = (tmp_path / "d.csv").read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(raw), delimiter=";"))
    assert header[:3] == ["Last name", "First name", "Title"] and "Walk-in" in header
    export_day(store, D1, tmp_path / "d.xlsx")
    first = next(load_workbook(tmp_path / "d.xlsx")[D1].iter_rows(values_only=True))
    assert first[:2] == ("Last name", "First name") and "Desk" in first
    export_day(store, D1, tmp_path / "s.pdf", ExportOptions(signature=True))
    text = _pdf_text(tmp_path / "s.pdf")
    assert "Attendance list for signature" in text and "Signature" in text
    assert "Page 1 of 1" in text and "Unterschrift" not in text
    store.set_event(language="de")
    export_day(store, D1, tmp_path / "g.pdf", ExportOptions(signature=True))
    text = _pdf_text(tmp_path / "g.pdf")
    assert "Teilnehmerliste mit Unterschrift" in text and "Unterschrift" in text
    assert "Seite 1 von 1" in text
    store.close()


def test_badge_role_band_follows_the_event_language(tmp_path: Path) -> None:
    for lang, shown in (("de", "Teilnehmer/in"), ("en", "Participant")):
        store = create_event(tmp_path / f"{lang}.checkin", name="Konferenz",
                             days=[date(2017, 9, 19)], language=lang)
        store.add_attendees([Attendee(id="ida", first_name="Ida", last_name="Ilgner",
                                      role="participant", days=("2017-09-19",))])
        person = store.attendees()[0]
        pdf = tmp_path / f"{lang}.pdf"
        pdf.write_bytes(render_one(store, person).pdf)
        text = _pdf_text(pdf)
        assert shown in text, text
        store.close()
