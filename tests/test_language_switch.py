"""Switching German ↔ English in Settings retranslates every open window at once.

Every text a user can see or hear (menus and their actions, labels, buttons,
window and group titles, tabs, table headers, combo box items, placeholders,
accessible names and tooltips) of the main window, the desk, the badge panel,
the session toolbar, the live board and the Badges window is checked against
the German catalogue: after switching to German no text may still be an
English source string that has a German translation, and after switching back
no text may still be German.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from checkin.common.resources_access import resource_path
from checkin.ui.attendance.live_board import LiveBoard
from checkin.ui.common.formats import day_label
from checkin.ui.common.i18n import Translations
from checkin.ui.main_window import MainWindow
from tests.helpers import artifact, desk_window, wait_for


def catalogue() -> dict[str, str]:
    """English source → German translation, for every finished entry that differs."""
    tree = ET.parse(resource_path("translations", "checkin_de.ts"))
    pairs: dict[str, str] = {}
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in node.findall("numerusform")] or [node.text or ""]
        for text in forms:
            if text and text != source:
                pairs[source] = text
    return pairs


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def texts_of(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of ``window`` and its widgets, hidden ones too."""
    yield "window title", window.windowTitle()
    menu_bar = window.menuBar() if isinstance(window, QMainWindow) else None
    if menu_bar is not None:
        for action in menu_bar.actions():
            if action.menu() is not None:
                yield from (("menu", text) for text in _menu_texts(action.menu()))
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window:
            continue  # another window (a dialog of this one), or a menu (above)
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        yield f"{where} accessible name", widget.accessibleName()
        yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QDockWidget):
            yield where, widget.windowTitle()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{where} tab", widget.tabText(i)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where} item", widget.itemText(i)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield f"{where} header", str(model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for caption in ("caption", "title", "empty_text"):  # painted by the live board
            value = getattr(widget, caption, None)
            if isinstance(value, str):
                yield f"{where} painted {caption}", value


def screens(window: MainWindow) -> list[QWidget]:
    board = window.attendance.board
    dialog = getattr(window.badges, "dialog", None)
    assert board is not None and dialog is not None
    return [window, board, dialog]


def stale(window: MainWindow, words: set[str]) -> list[str]:
    """Texts of the open screens that are still in the language we left."""
    found = []
    for screen in screens(window):
        for where, text in texts_of(screen):
            for piece in {text, text.replace("&", "")}:
                if piece in words:
                    found.append(f"{type(screen).__name__}: {where}: {text!r}")
    return sorted(set(found))


def _switch(window: MainWindow, qapp: QApplication, lang: str) -> None:
    """What File › Settings… › Appearance › Language does on OK."""
    window.settings.set("ui/language", lang)
    window.apply_settings()
    qapp.processEvents()  # the LanguageChange events are posted


def test_switching_language_retranslates_every_screen(  # type: ignore[no-untyped-def]
        qtbot, qapp: QApplication, tmp_path: Path, demo_path: Path,
        translations: Translations) -> None:
    translations.install("en")
    window = desk_window(qtbot, tmp_path, demo_path)
    window.translations = translations
    window.resize(1366, 768)
    desk = window.desk
    assert desk is not None
    desk.field.setText("Müller")
    window.attendance.show_board()
    window.badges.open_dialog()
    board, dialog = screens(window)[1:]
    assert isinstance(board, LiveBoard)
    qtbot.addWidget(board)
    qtbot.addWidget(dialog)
    pairs = catalogue()
    english = set(pairs)
    german = set(pairs.values()) - english

    _switch(window, qapp, "de")
    wait_for(lambda: window.menuBar().actions()[0].text() == "&Datei")
    left = stale(window, english)
    assert left == [], "\n".join(left)
    assert window.desk is desk and desk.field.text() == "Müller"  # nothing typed is lost
    # dates in the new locale's format too ("Mi. 20.09.17")
    assert desk.day_picker.currentText().startswith(day_label(desk.day))
    assert board.day_picker.currentText() == day_label(board.day) == "Mi. 20.09.17"
    for name, screen in zip(("main", "live_board", "badges"), screens(window), strict=True):
        screen.grab().save(str(artifact(f"language_switch_de_{name}.png")))

    _switch(window, qapp, "en")
    wait_for(lambda: window.menuBar().actions()[0].text() == "&File")
    left = stale(window, german)
    assert left == [], "\n".join(left)
    for name, screen in zip(("main", "live_board", "badges"), screens(window), strict=True):
        screen.grab().save(str(artifact(f"language_switch_en_{name}.png")))


def test_live_board_fits_the_screen_it_opens_on(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, demo_path: Path) -> None:
    """It used to open at 1280×800, taller than a 1366×768 laptop (and wider than the
    800 px offscreen screen here): capped to the screen's free area, frame included."""
    window = desk_window(qtbot, tmp_path, demo_path)
    window.attendance.action_board.trigger()
    board = window.attendance.board
    assert board is not None
    qtbot.addWidget(board)
    screen = window.screen()
    area = screen.availableGeometry()
    assert board.screen() is screen
    assert area.contains(board.frameGeometry()), (board.frameGeometry(), area)
    # where there is room it keeps its size
    board.fit_screen(screen)
    assert board.width() == min(1280, board.width()) and board.width() >= area.width() * 0.9
    board.grab().save(str(artifact("live_board_fitted.png")))
