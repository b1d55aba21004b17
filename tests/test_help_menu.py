"""Help offers *How the desk works* and *Keyboard shortcuts*, in both languages (issue 13).

The shortcuts list is read from the window's menus when it opens, so it cannot
drift from them: the test walks the menus itself and compares, in English and
German, and again after switching the language with both pages open.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.i18n import Translations
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.main_window import MainWindow
from tests.helpers import artifact, wait_for


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def menu_shortcuts(window: MainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) of every action with a key in the window's menus, submenus too."""
    found: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, top: str, prefix: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                sub = action.menu()
                assert isinstance(sub, QMenu)
                walk(sub, top, f"{prefix}{_plain(sub.title())} › ")
            elif action.isVisible() and any(not k.isEmpty() for k in action.shortcuts()):
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                 for k in action.shortcuts() if not k.isEmpty())
                found.append((top, prefix + _plain(action.text()), keys))

    for action in window.menuBar().actions():
        if isinstance(action.menu(), QMenu) and action.isVisible():
            walk(action.menu(), _plain(action.menu().title()), "")  # type: ignore[union-attr]
    return found


def _window(qtbot, tmp_path: Path, demo_path: Path,  # type: ignore[no-untyped-def]
            translations: Translations, lang: str) -> MainWindow:
    translations.install(lang)
    settings = DeskSettings.at(tmp_path / "desk.ini")
    settings.set("ui/language", lang)
    window = MainWindow(settings, TaskRunner(immediate=True), translations=translations)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)  # every feature's menu is there with an event open
    return window


def test_help_stays_last_with_the_desk_page_shortcuts_and_about(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, demo_path: Path, translations: Translations) -> None:
    window = _window(qtbot, tmp_path, demo_path, translations, "en")
    last = window.menuBar().actions()[-1].menu()
    assert last is window.help_menu
    assert [_plain(a.text()) for a in last.actions()] == [
        "How the desk works", "Keyboard shortcuts", "About checkin"]
    assert window.action_desk_help.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents)
    window.close()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_shortcuts_dialog_lists_every_menu_shortcut(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, demo_path: Path, translations: Translations, lang: str) -> None:
    window = _window(qtbot, tmp_path, demo_path, translations, lang)
    window.action_shortcuts.trigger()
    dialog = window.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    expected = menu_shortcuts(window)
    assert len(expected) >= 16  # File, View, Door, Attendance, Badges, Help at least
    assert dialog.rows() == expected
    menus = {menu for menu, _command, _keys in dialog.rows()}
    if lang == "de":
        assert {"Datei", "Ansicht", "Hilfe"} <= menus
        assert dialog.windowTitle() == "Tastenkürzel"
    else:
        assert {"File", "View", "Door", "Attendance", "Badges", "Help"} <= menus
        assert dialog.windowTitle() == "Keyboard shortcuts"
    keys = {keys for _menu, _command, keys in dialog.rows()}
    for documented in ("Ctrl+N", "Ctrl+Z", "Ctrl+L", "Ctrl+P", "Ctrl+Shift+N", "Ctrl+D", "F1"):
        native = QKeySequence(documented).toString(QKeySequence.SequenceFormat.NativeText)
        assert any(native in k for k in keys), documented
    dialog.grab().save(str(artifact(f"help_shortcuts_{lang}.png")))
    window.close()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_how_the_desk_works_names_the_keys_of_the_menus(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, demo_path: Path, translations: Translations, lang: str) -> None:
    window = _window(qtbot, tmp_path, demo_path, translations, lang)
    window.action_desk_help.trigger()
    page = window.desk_help
    assert page is not None and page.isVisible()
    text = page.text()
    for action in (window.action_find, window.action_undo, window.action_walk_in,
                   window.action_day, window.badges.action_reprint,
                   window.attendance.action_board):
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in text
    assert "↑/↓" in text
    heads = (["Suchen oder scannen", "Rückgängig", "Namensschilder und die Warteschlange"]
             if lang == "de" else ["Search or scan", "Undo", "Badges and the queue"])
    for head in heads:
        assert head in text
    page.grab().save(str(artifact(f"help_desk_{lang}.png")))
    window.close()


def test_open_help_pages_follow_a_language_switch(  # type: ignore[no-untyped-def]
        qtbot, qapp: QApplication, tmp_path: Path, demo_path: Path,
        translations: Translations) -> None:
    window = _window(qtbot, tmp_path, demo_path, translations, "en")
    window.action_shortcuts.trigger()
    window.action_desk_help.trigger()
    shortcuts, page = window.shortcuts_dialog, window.desk_help
    assert shortcuts is not None and page is not None
    assert "Search or scan" in page.text()
    for lang, first_menu, title, head in (("de", "&Datei", "Tastenkürzel", "Suchen oder scannen"),
                                          ("en", "&File", "Keyboard shortcuts",
                                           "Search or scan")):
        window.settings.set("ui/language", lang)
        window.apply_settings()  # what Settings › Appearance › Language does on OK
        qapp.processEvents()
        wait_for(lambda first=first_menu: window.menuBar().actions()[0].text() == first)
        assert shortcuts.windowTitle() == title
        assert shortcuts.rows() == menu_shortcuts(window)
        assert head in page.text() and page.windowTitle() != ""
    window.close()
