"""The main screens in German and in English, saved to artifacts/ to be looked at.

Besides the pictures, the test reads every visible text of each screen: in
German none may still be an English source string (something untranslated),
and no label or button may be narrower than its text (clipped).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from checkin.common.resources_access import resource_path
from checkin.sync.protocol import SyncReport
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.i18n import Translations
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.main_window import MainWindow
from checkin.ui.settings_dialog import SettingsDialog
from checkin.ui.sync.share_dialog import JoinAddressDialog
from tests.a11y import clipped_texts, unlabelled_controls
from tests.helpers import SAMPLES, artifact, check_in_expected


def _english_sources_translated_differently() -> set[str]:
    tree = ET.parse(resource_path("translations", "checkin_de.ts"))
    words = set()
    for message in tree.iter("message"):
        source = message.findtext("source", "")
        german = message.findtext("translation", "")
        if german and german != source:
            words.add(source.replace("&", ""))
    return words


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text().replace("&", ""))
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
        # tiles that paint their own words (the live board) keep them in attributes
        texts += [v for v in (getattr(widget, "caption", None), getattr(widget, "title", None),
                              getattr(widget, "empty_text", None)) if isinstance(v, str)]
    if hasattr(root, "menuBar"):
        for action in root.menuBar().actions():
            texts.append(action.text().replace("&", ""))
            menu = action.menu()
            if menu is not None:
                texts += [a.text().replace("&", "") for a in menu.actions()]
    return [t for t in texts if t]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_main_screens(qtbot, qapp, tmp_path: Path, demo_path: Path, lang: str,  # type: ignore[no-untyped-def]
                      translations: Translations) -> None:
    translations.install(lang)
    settings = DeskSettings.at(tmp_path / "desk.ini")
    window = MainWindow(settings, TaskRunner(immediate=True), translations=translations)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    english = _english_sources_translated_differently()

    problems: list[str] = []

    def check(widget: QWidget, name: str) -> None:
        qapp.processEvents()  # layouts settle before the picture is taken
        widget.grab().save(str(artifact(f"desk_{name}_{lang}.png")))
        problems.extend(f"{name}: clipped {t}" for t in clipped_texts(widget))
        problems.extend(f"{name}: no accessible name {t}" for t in unlabelled_controls(widget))
        if lang == "de":
            problems.extend(f"{name}: untranslated {t!r}" for t in _visible_texts(widget)
                            if t in english)

    check(window, "welcome")
    person = check_in_expected(window, demo_path)
    desk = window.desk
    assert desk is not None
    desk.field.setText(person.display_name.split()[0])
    desk.refresh_counter()
    window._update_title()
    assert desk.banner.objectName() == "resultBanner" and desk.banner.isVisible()
    assert desk.banner.accessibleName().startswith(("Success", "Erfolg"))  # the green result
    check(window, "desk")
    _other_screens(qtbot, window, check)
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    check(dialog, "settings")
    dialog.tabs.setCurrentIndex(1)
    check(dialog, "settings_appearance")
    assert problems == [], "\n".join(problems)


def _other_screens(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                   check: Callable[[QWidget, str], None]) -> None:
    """Badges window, export dialog, live board and the import wizard's pages."""
    window.badges.open_dialog()
    badges = window.badges.dialog
    assert badges is not None
    qtbot.addWidget(badges)
    badges.resize(1000, 700)
    for index in range(badges.tabs.count()):
        badges.tabs.setCurrentIndex(index)
        check(badges, f"badges_{index + 1}")
    badges.close()
    window.attendance.show_export()
    export = window.attendance.export_dialog
    assert export is not None
    qtbot.addWidget(export)
    check(export, "export")
    export.close()
    window.attendance.show_board()
    board = window.attendance.board
    assert board is not None
    qtbot.addWidget(board)
    board.resize(1200, 800)
    qtbot.waitUntil(lambda: board.here.value != "–", timeout=10000)
    check(board, "live_board")
    board.close()
    join = JoinAddressDialog("postgresql://checkin:geheim@192.168.1.20/fachkonferenz", window)
    qtbot.addWidget(join)
    join.show()
    check(join, "join_address")
    join.close()
    status = window.shared.status
    status.show_report(SyncReport(online=True, outbox=2, active_desks=3,
                                  last_sync=datetime.now(UTC)))
    status.show()
    check(window, "desk_synced")
    status.hide()
    wizard = window.import_hook.open_wizard(SAMPLES / "teilnehmer_excel_de.csv")
    assert wizard is not None  # deletes itself on close
    for step in range(3):
        check(wizard, f"import_{step + 1}")
        wizard.next()
    wizard.reject()
