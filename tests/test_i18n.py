"""German and English: our catalogue, Qt's own, the fallback compile, locale formats."""

from __future__ import annotations

import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale

from checkin.common.resources_access import resource_path
from checkin.ui.common import i18n
from checkin.ui.common.i18n import Translations, app_qm, resolve_language
from tests.helpers import ROOT

#: every UI module: all of them are translated
TRANSLATED_SOURCES = tuple(sorted(p.relative_to(ROOT / "checkin" / "ui").as_posix()
                                  for p in (ROOT / "checkin" / "ui").rglob("*.py")))


def test_german_catalogue_and_qt_dialogs(translations: Translations) -> None:
    loaded = translations.install("de")
    assert "checkin_de.qm" in loaded and "qtbase_de.qm" in loaded
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    # Qt's own standard buttons (file and print dialogs use the same catalogue)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    assert QLocale().language() == QLocale.Language.German
    assert QLocale().toString(20000) == "20.000"
    assert "September" in QLocale().toString(QDate(2017, 9, 19), QLocale.FormatType.LongFormat)
    translations.install("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QLocale().toString(20000) == "20,000"


def test_system_language_is_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_AT")))
    assert resolve_language("system") == "de"
    assert resolve_language("en") == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert resolve_language("system") == "en"
    assert i18n.locale_for("de").name() == "de_DE"


def test_source_checkout_compiles_missing_qm_once(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  translations: Translations,
                                                  ) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(resource_path("translations", "checkin_de.ts"), folder)
    monkeypatch.setattr(i18n, "resource_path", lambda *_parts: folder)
    first = app_qm("de")
    assert first is not None and first.is_file()
    assert first.parent != folder  # compiled into the user's data folder, not the package
    assert str(first).startswith(os.environ["CHECKIN_DATA_DIR"])
    stamp = first.stat().st_mtime_ns
    assert app_qm("de") == first and first.stat().st_mtime_ns == stamp  # reused
    ts = folder / "checkin_de.ts"
    os.utime(ts, ns=(stamp + 10**9, stamp + 10**9))  # the .ts was edited: compiled again
    assert app_qm("de") == first and first.stat().st_mtime_ns != stamp
    assert "checkin_de.qm" in translations.install("de")
    assert QCoreApplication.translate("WelcomeView", "Try the &demo") == "&Demo ausprobieren"
    # a built .qm next to the .ts wins
    shipped = folder / "checkin_de.qm"
    shutil.copy(first, shipped)
    assert app_qm("de") == shipped


def _strings_in(sources: tuple[str, ...], tmp_path: Path) -> list[str]:
    """Every translatable string of these sources, as lupdate finds them."""
    from checkin.common.qt_tools import find_qt_tool

    tool = find_qt_tool("lupdate")
    assert tool, "PySide6-Essentials ships lupdate"
    ts = tmp_path / "probe_de.ts"
    files = [str(ROOT / "checkin" / "ui" / name) for name in sources]
    import subprocess

    subprocess.run([tool, "-silent", *files, "-ts", str(ts)], check=True, timeout=120)
    return [m.findtext("source", "") for m in ET.parse(ts).iter("message")]


def test_every_string_of_translated_screens_has_german(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    tree = ET.parse(resource_path("translations", "checkin_de.ts"))
    translated = {m.findtext("source", ""): " ".join(t.itertext())
                  for m in tree.iter("message")
                  if (t := m.find("translation")) is not None and t.get("type") is None}
    strings = _strings_in(TRANSLATED_SOURCES, tmp_path)
    assert len(strings) > 60
    missing = [s for s in strings if not translated.get(s, "").strip()]
    assert missing == [], "run packaging/update_translations.py and translate these"
    placeholders = re.compile(r"%\d|\{\w+\}")
    wrong = [s for s, t in translated.items()
             if sorted(placeholders.findall(s)) != sorted(placeholders.findall(t))]
    assert wrong == [], "a translation lost or added a %1 or {name} placeholder"
    assert update_translations.unfinished("de") == []


def test_core_words_cover_every_label_the_core_shows(translations: Translations) -> None:
    """Labels that come from the core reach the screen through core_word(): all listed."""
    from checkin.attendance.stats import BREAKDOWNS
    from checkin.badges.layouts import PRESETS
    from checkin.export import COLUMN_LABELS, FORMATS
    from checkin.importing.mapping import EXTRA, IGNORE, NAME, NAME_LAST_FIRST, STATUS, target_label
    from checkin.importing.sniffing import DELIMITER_NAMES
    from checkin.model import FIELD_LABELS
    from checkin.ui.common.core_words import WORDS, core_word

    labels = {*FIELD_LABELS.values(), *COLUMN_LABELS.values(), *FORMATS.values(),
              *BREAKDOWNS.values(), *DELIMITER_NAMES.values(),
              *(lay.label for lay in PRESETS.values()),
              *(target_label(t) for t in (NAME, NAME_LAST_FIRST, STATUS, EXTRA, IGNORE))}
    assert labels - set(WORDS) == set()
    translations.install("de")
    assert core_word("Walk-in") == "Nachmeldung"
    assert core_word("Last name") == "Nachname"
    untranslated = [w for w in WORDS if core_word(w) == w and w not in ("Organisation",)]
    assert untranslated == []
    translations.install("en")
    assert core_word("Walk-in") == "Walk-in"


def test_door_answers_are_worded_in_the_desk_language(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      translations: Translations) -> None:
    """The core answers in English (CLI); the banner says the same facts in German."""
    from datetime import date

    from checkin.door import codes
    from checkin.door.door import Door, Status
    from checkin.model import Attendee
    from checkin.store import create_event
    from checkin.ui.door.result_banner import ResultBanner

    store = create_event(tmp_path / "e.checkin", name="Tagung",
                         days=[date(2017, 9, 19), date(2017, 9, 20)])
    store.add_attendees([Attendee(id="ida", first_name="Ida", last_name="Ilgner",
                                  days=("2017-09-19",)),
                         Attendee(id="ole", first_name="Ole", last_name="Otto",
                                  days=("2017-09-19",), status="cancelled")])
    ida, ole = sorted(store.attendees(), key=lambda p: p.first_name)
    door = Door(store, "Schalter 2")
    results = [door.scan("", day="2017-09-19"),
               door.scan(codes.badge_code("another event", ida.code_ref), day="2017-09-19"),
               door.scan("T-NOBODY", day="2017-09-19"),
               door.check_in(ida.id, day="2017-09-19"),
               door.check_in(ida.id, day="2017-09-19"),
               door.check_in(ida.id, day="2017-09-20"),
               door.check_in(ole.id, day="2017-09-19"),
               door.undo_last(), door.undo_last()]
    statuses = [r.status for r in results]
    assert statuses == [Status.REJECTED, Status.REJECTED, Status.UNKNOWN, Status.CHECKED_IN,
                        Status.ALREADY_CHECKED_IN, Status.NOT_EXPECTED_TODAY,
                        Status.CANCELLED, Status.UNDONE, Status.NOTHING_TO_UNDO]
    assert "already checked in today" in results[4].message  # the core stays English
    banner = ResultBanner()
    qtbot.addWidget(banner)
    translations.install("de")
    german = [banner.door_message(r) for r in results]
    assert german[0].startswith("Es wurde nichts gescannt")
    assert "anderen Veranstaltung" in german[1]
    assert "„T-NOBODY“" in german[2] and "Nachmeldung" in german[2]
    assert german[3] == "Willkommen, Ida Ilgner!"
    assert german[4].startswith("Ida Ilgner wurde heute bereits um ") and "Schalter 2" in german[4]
    assert "Mi. 20.09.17" in german[5]
    assert "Anmeldung von Ole Otto wurde storniert" in german[6]
    assert german[8] == "An diesem Schalter gibt es keinen Check-in zum Rückgängigmachen."
    english_words = ("Welcome", "already", "registered", "Scan the", "Undone", " desk")
    assert [m for m in german if any(w in m for w in english_words)] == []
    banner.show_result(results[4])
    assert banner.headline.text() == "Bereits eingecheckt"
    assert banner.accessibleName().startswith("Warnung: ")
    translations.install("en")
    assert banner.door_message(results[4]) == (
        f"Ida Ilgner was already checked in today at "
        f"{results[4].record.at.astimezone():%H:%M} at Schalter 2.")  # type: ignore[union-attr]
    store.close()
