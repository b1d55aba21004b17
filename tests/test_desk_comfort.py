"""Settings, language switch, zoom, theme, icon and accessible names on the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProxyStyle

from checkin import __version__
from checkin.store import create_event
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.i18n import Translations
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.common.theme import DARK, Appearance
from checkin.ui.main_window import MainWindow
from checkin.ui.settings_dialog import SETTINGS_PAGES, SettingsDialog
from tests.a11y import clipped_texts, unlabelled_controls
from tests.helpers import artifact, check_in_expected


def _settings(tmp_path: Path) -> DeskSettings:
    return DeskSettings.at(tmp_path / "desk.ini")


def _window(qtbot, tmp_path: Path, translations: Translations | None = None,  # type: ignore[no-untyped-def]
            appearance: Appearance | None = None) -> MainWindow:
    window = MainWindow(_settings(tmp_path), TaskRunner(immediate=True),
                        translations=translations, appearance=appearance)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_settings_dialog_saves_desk_settings(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk = _settings(tmp_path)
    dialog = SettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Desk", "Appearance"]
    assert unlabelled_controls(dialog) == []
    desk_page, look = dialog.pages
    desk_page.desk_name.clear()
    qtbot.keyClicks(desk_page.desk_name, "Entrance B")
    qtbot.keyClick(desk_page.sounds, Qt.Key.Key_Space)
    look.language.setCurrentIndex(look.language.findData("de"))
    look.theme.setCurrentIndex(look.theme.findData("dark"))
    look.zoom.setValue(130)
    dialog.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
        QDialogButtonBox.StandardButton.Ok).click()
    reread = _settings(tmp_path)
    assert reread.get("desk/name") == "Entrance B"
    assert reread.get("desk/sounds") is False
    assert (reread.get("ui/language"), reread.get("ui/theme"), reread.get("ui/zoom")) == (
        "de", "dark", 130)


def test_settings_pages_are_an_extension_point(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QLabel

    from checkin.ui.settings_dialog import SettingsPage

    saved: list[str] = []

    class PrinterPage(SettingsPage):
        def __init__(self, parent):  # type: ignore[no-untyped-def]
            super().__init__(parent)
            QLabel("printer", self)

        def title(self) -> str:
            return "Printer"

        def load(self, settings: DeskSettings) -> None:
            pass

        def save(self, settings: DeskSettings) -> None:
            saved.append("printer")

    monkeypatch.setattr("checkin.ui.settings_dialog.SETTINGS_PAGES",
                        [*SETTINGS_PAGES, PrinterPage])
    dialog = SettingsDialog(_settings(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(2) == "Printer"
    dialog.accept()
    assert saved == ["printer"]


def test_language_switch_retranslates_window(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             translations: Translations,
                                             ) -> None:
    window = _window(qtbot, tmp_path, translations)
    window.settings.set("ui/language", "de")
    window.apply_settings()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["&Datei", "&Ansicht", "E&inlass"]
    assert titles[-1] == "&Hilfe"  # Help stays last, after the features' menus
    assert len(titles) == len(set(titles))  # features' menus (Badges) kept, once
    imports = [a for a in window.file_menu.actions() if a.shortcut().toString() == "Ctrl+I"]
    assert len(imports) == 1  # the import hook was rebuilt, not doubled
    assert window.welcome.buttons[0].text() == "&Demo ausprobieren"
    assert window.status_event.text() == "Keine Veranstaltung geöffnet"
    window.settings.set("ui/language", "en")
    window.apply_settings()
    assert window.menuBar().actions()[0].text() == "&File"


def test_language_switch_keeps_desk_day_and_event(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                translations: Translations,
                                                demo_path: Path) -> None:
    window = _window(qtbot, tmp_path, translations)
    assert window.open_path(demo_path)
    old = window.desk
    assert old is not None
    old.set_day("2017-09-20")
    window.settings.set("ui/language", "de")
    window.apply_settings()
    new = window.desk
    assert new is old  # retranslated in place (LanguageChange), not rebuilt
    assert new.day == "2017-09-20"
    assert new.field.placeholderText() == "Namen eingeben oder Namensschild scannen"
    assert "20. September 2017" in window.status_event.text()
    assert "heute eingecheckt" in new.counter.text()


def test_zoom_keys_scale_the_system_font(qtbot, tmp_path: Path, qapp: QApplication,  # type: ignore[no-untyped-def]
                                         appearance: Appearance,
                                         ) -> None:
    window = _window(qtbot, tmp_path, appearance=appearance)
    base = appearance.system_font.pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("ui/zoom") == 120
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.2)
    assert window.welcome.buttons[0].font().pointSizeF() == pytest.approx(base * 1.2)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("ui/zoom") == 110
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("ui/zoom") == 100
    assert qapp.font().pointSizeF() == pytest.approx(base)
    assert "Ctrl++" in window.action_zoom_in.toolTip()


def test_dark_theme(qtbot, tmp_path: Path, qapp: QApplication,  # type: ignore[no-untyped-def]
                    appearance: Appearance, demo_path: Path) -> None:
    window = _window(qtbot, tmp_path, appearance=appearance)
    window.settings.set("ui/theme", "dark")
    window.apply_settings()
    assert window.open_path(demo_path)
    assert window.desk is not None
    window.desk.field.setText("Müller")
    qapp.processEvents()  # let the layout take the new card text
    assert clipped_texts(window) == []
    window.grab().save(str(artifact("desk_dark_theme.png")))
    style = qapp.style()
    assert isinstance(style, QProxyStyle) and style.baseStyle().name().lower() == "fusion"
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK[
        QPalette.ColorRole.Window]


def test_identity_icon_version_and_about(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = _window(qtbot, tmp_path)
    assert __version__ in window.windowTitle()
    sizes = {s.width() for s in window.windowIcon().availableSizes()}
    assert {16, 32, 48, 256, 512} <= sizes
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append(text))
    window.action_about.trigger()
    assert __version__ in shown[0]


def test_every_control_has_an_accessible_name(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              demo_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    assert unlabelled_controls(window) == []
    assert window.open_path(demo_path)
    assert unlabelled_controls(window) == []
    assert clipped_texts(window) == []


def test_empty_event_explains_what_to_do(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    path = tmp_path / "empty.checkin"
    create_event(path, name="Empty", days=[date(2026, 5, 4)]).close()
    window = _window(qtbot, tmp_path)
    assert window.open_path(path)
    assert window.desk is not None
    assert window.desk.empty_state.isVisible()
    assert "Ctrl+I" in window.desk.empty_state.text()


def test_result_is_announced_in_words(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                      demo_path: Path) -> None:
    from PySide6.QtGui import QAccessible

    window = _window(qtbot, tmp_path)
    person = check_in_expected(window, demo_path)
    desk = window.desk
    assert desk is not None
    spoken = QAccessible.queryAccessibleInterface(desk.banner)
    assert spoken is not None
    assert person.display_name in spoken.text(QAccessible.Text.Name)
    assert desk.field.hasFocus()  # focus stays where the next scan goes
