"""The desk under real hands: Enter never picks a person at random, no scan is lost,
undo is deliberate, the window keeps its shape. Driven through the real main window."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.main_window import MainWindow
from tests.helpers import badge, desk_of, hand_type, store_of

DAY1 = "2017-09-19"


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings = DeskSettings.at(tmp_path / "settings.ini")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1200, 760)
    win.show()
    assert win.open_path(demo_path)
    desk_of(win).set_day(DAY1)
    yield win
    win.tasks.wait()


def _common_surname(window: MainWindow) -> tuple[str, int]:
    store = store_of(window)
    counts = Counter(p.last_name for p in store.attendees())
    name, count = counts.most_common(1)[0]
    assert count >= 5
    return name, count


# -- never the wrong person ----------------------------------------------------------------

def test_enter_on_a_bare_surname_checks_in_nobody(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    surname, _count = _common_surname(window)
    hand_type(qtbot, desk.field, surname.lower())
    matches = desk.model.rowCount()
    assert matches >= 5
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.banner.isVisible()
    assert f"{matches} people match “{surname.lower()}”" in desk.banner.label.text()
    assert "↑/↓" in desk.banner.label.text()
    assert desk.banner.kind != "good"
    assert store.checkins() == []
    assert desk.field.text() == surname.lower()  # kept: pick one and press Enter
    # a row picked with the arrow keys is a choice
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    chosen = desk.selected()
    assert chosen is not None
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.banner.kind == "good")
    assert list(store.checked_in(DAY1)) == [chosen.id] or chosen.id in store.checked_in(DAY1)
    assert len(store.checkins()) == 1


def test_enter_on_a_row_picked_with_the_mouse(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    surname, _count = _common_surname(window)
    hand_type(qtbot, desk.field, surname)
    rect = desk.table.visualRect(desk.model.index(2, 0))
    qtbot.mouseClick(desk.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = desk.selected()
    assert chosen is not None and chosen == desk.model.attendee(2)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(store.checkins()) == 1)
    assert store.checkins()[0].attendee_id == chosen.id


def test_enter_on_the_exact_full_name_of_one_person(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    surname, _count = _common_surname(window)
    people = [p for p in store.attendees() if p.last_name == surname and p.expected_on(DAY1)]
    names = Counter(p.full_name for p in people)
    person = next(p for p in people if names[p.full_name] == 1)
    hand_type(qtbot, desk.field, person.full_name.lower())
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(store.checkins()) == 1)
    assert store.checkins()[0].attendee_id == person.id


def test_enter_on_namesakes_checks_in_nobody(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    hand_type(qtbot, desk.field, "Jürgen Müller")  # two people of that name
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.banner.isVisible() and "people match" in desk.banner.label.text()
    assert store.checkins() == []


def test_one_match_still_checks_in_with_enter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = next(p for p in store.attendees() if p.expected_on(DAY1) and p.ticket_code)
    hand_type(qtbot, desk.field, person.ticket_code)
    assert desk.model.rowCount() == 1
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.banner.kind == "good")
    assert list(store.checked_in(DAY1)) == [person.id]


def test_enter_on_a_one_word_name_nobody_has_says_name_not_code(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    hand_type(qtbot, desk.field, "vonderqxyzhey")
    assert desk.model.rowCount() == 0
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(desk.banner.isVisible)
    assert "No one matches “vonderqxyzhey”" in desk.banner.label.text()
    assert "code" not in desk.banner.label.text()
    assert desk.field.text() == "vonderqxyzhey"  # kept, so it can be corrected
    assert store.checkins() == []
    # a code-shaped word typed by hand is still resolved as a code
    desk.field.clear()
    hand_type(qtbot, desk.field, "FK99-12345")
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "code" in desk.banner.label.text())
    assert "FK99-12345" in desk.banner.label.text()


def test_enter_choice_rule_in_the_core() -> None:
    """The rule itself, for relatives of the examples (no window)."""
    from checkin.door.choice import Choice, enter_choice, looks_like_code
    from checkin.model import Attendee

    def person(i: int, first: str, last: str, ticket: str = "") -> Attendee:
        return Attendee(id=str(i), first_name=first, last_name=last, ticket_code=ticket)

    nowaks = [person(i, f, "Nowak") for i, f in enumerate(["Anna", "Jan", "Ewa", "Piotr", "Ola"])]
    assert enter_choice("nowak", nowaks).kind == Choice.AMBIGUOUS
    assert enter_choice("nowak", nowaks).count == 5
    assert enter_choice("nowak", nowaks, picked=nowaks[3]).person == nowaks[3]
    assert enter_choice("  EWA   nowák ", nowaks).person == nowaks[2]  # exact, folded
    assert enter_choice("Nowak, Ewa", nowaks).person == nowaks[2]
    assert enter_choice("nowak", nowaks[:1]).person == nowaks[0]
    twins = [person(1, "Jürgen", "Müller"), person(2, "Jürgen", "Müller")]
    assert enter_choice("Jürgen Müller", twins).kind == Choice.AMBIGUOUS
    coded = [person(1, "A", "B", "FK-1"), person(2, "C", "D", "FK-10")]
    assert enter_choice("fk-1", coded).person == coded[0]
    assert enter_choice("vonderheyde", []).kind == Choice.NO_MATCH
    assert enter_choice("von der heyde", []).kind == Choice.NO_MATCH
    assert enter_choice("FK17-99999", []).kind == Choice.CODE
    assert enter_choice("   ", nowaks).kind == Choice.EMPTY
    from checkin.door import codes
    badge = codes.badge_code("secret", codes.new_code_ref())
    assert enter_choice(badge.lower(), nowaks).kind == Choice.CODE and looks_like_code(badge)
    assert not looks_like_code("Müller")


# -- a scan is never lost ------------------------------------------------------------------

def _keyboard(text: str, window: MainWindow) -> None:
    """A keyboard (a USB scanner): each key goes to whatever has the focus, like X does."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for ch in text:
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, ch)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)


def _focusable_widgets(window: MainWindow) -> list:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QWidget

    from checkin.ui.door.scan_router import takes_text

    return [w for w in window.findChildren(QWidget)
            if w.window() is window and w.isVisible() and w.isEnabled()
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus and not takes_text(w)
            and w is not desk_of(window).field and w.focusProxy() is None]


def _activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_scan_reaches_the_desk_whatever_has_the_focus(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]

    desk, store = desk_of(window), store_of(window)
    _activate(qtbot, window)
    people = [p for p in store.attendees() if p.expected_on(DAY1)]
    # a first check-in puts a person on the card, so the badge panel's buttons are live
    _keyboard(badge(store, people[0]), window)
    qtbot.waitUntil(window.badges.panel.reprint_button.isEnabled)
    widgets = _focusable_widgets(window)
    names = {type(w).__name__ for w in widgets}
    assert "QPushButton" in names and "QComboBox" in names  # Reprint badge, the day picker
    assert window.badges.panel.reprint_button in widgets
    for n, widget in enumerate(widgets, start=1):
        widget.setFocus()
        assert not desk.field.hasFocus()
        person = people[n]
        _keyboard(badge(store, person), window)
        qtbot.waitUntil(lambda p=person: p.id in store.checked_in(DAY1)  # type: ignore[misc]
                        and desk.card_name.text() == p.display_name)  # shown too
        assert desk.field.hasFocus(), type(widget).__name__
    assert len(store.checked_in(DAY1)) == len(widgets) + 1


def test_after_a_click_on_reprint_the_focus_returns_to_the_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]

    desk, store = desk_of(window), store_of(window)
    _activate(qtbot, window)
    first, second = [p for p in store.attendees() if p.expected_on(DAY1)][:2]
    _keyboard(badge(store, first), window)
    qtbot.waitUntil(lambda: first.id in store.checked_in(DAY1))
    button = window.badges.panel.reprint_button
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    qtbot.waitUntil(button.isEnabled)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(desk.field.hasFocus)
    _keyboard(badge(store, second), window)
    qtbot.waitUntil(lambda: second.id in store.checked_in(DAY1))


def test_focus_returns_after_a_dialog_closes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk = desk_of(window)
    _activate(qtbot, window)
    desk.day_picker.setFocus()
    form = desk.open_walk_in()
    qtbot.waitUntil(form.isVisible)
    form.reject()
    # the focus the window gets back when the window manager activates it again
    qtbot.waitUntil(lambda: window.focusWidget() is desk.field)
    _activate(qtbot, window)
    assert desk.field.hasFocus()


def _post_keys(widget, keys: list[tuple[str, int]]) -> None:  # type: ignore[no-untyped-def]
    """Post key events stamped with the given times (ms), as the window system would."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for text, stamp in keys:
        key = Qt.Key.Key_Return if text == "\r" else (
            ord(text.upper()) if text.isascii() and text.isalnum() else Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            event.setTimestamp(stamp)
            QApplication.postEvent(widget, event)


def test_keys_typed_by_hand_during_a_stall_are_not_a_scan(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The GUI thread was busy; four hand-typed keys and Enter arrive at once."""
    desk, store = desk_of(window), store_of(window)
    surname, _count = _common_surname(window)
    word = surname.lower()[:4]
    start = 1_000_000
    keys = [(ch, start + 180 * i) for i, ch in enumerate(word)] + [("\r", start + 180 * 5)]
    _post_keys(desk.field, keys)  # delivered together, after the stall
    qtbot.waitUntil(desk.banner.isVisible)
    assert "people match" in desk.banner.label.text()  # a search, not "no one has the code"
    assert desk.field.text() == word
    assert store.checkins() == []


def test_a_burst_delivered_late_is_still_a_scan(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A scanner's keys, stamped 8 ms apart, reach Qt 150 ms apart (a busy GUI thread),
    after a half-typed name: the scan checks in, the half name goes."""
    from PySide6.QtWidgets import QApplication


    desk, store = desk_of(window), store_of(window)
    hand_type(qtbot, desk.field, "mül")
    person = next(p for p in store.attendees() if p.expected_on(DAY1))
    code = badge(store, person)
    start = 5_000_000
    for i, ch in enumerate(code + "\r"):
        _post_keys(desk.field, [(ch, start + 8 * i)])
        QApplication.processEvents()
        qtbot.wait(150 if i % 5 == 0 else 1)
    qtbot.waitUntil(lambda: desk.banner.isVisible() and desk.banner.kind == "good")
    assert list(store.checked_in(DAY1)) == [person.id]
    assert desk.field.text() == ""


# -- the window keeps its shape ----------------------------------------------------------

SHAPE_NAMES = [
    ("Maximiliane-Friederike Theodora Konstanze",
     "Freifrau von und zu Hohenzollern-Sigmaringen-Wittelsbach Habsburg"),  # 100+ characters
    ("Li", "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"),
    ("محمد بن عبد الرحمن بن عبد العزيز", "آل عبد الله الهاشمي القرشي المدني الحجازي"),
    ("東方不敗令狐冲任盈盈岳不群林平之", "欧阳克慕容复段誉王语嫣虚竹萧峰阿朱阿紫"),
]


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_long_names_do_not_change_the_window_size(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   screen: tuple[int, int]) -> None:
    from checkin.event.demo import create_demo
    from checkin.model import Attendee
    from checkin.store.sqlite import new_uuid
    from tests.helpers import artifact

    path = tmp_path / "hostile.checkin"
    store = create_demo(path)
    store.add_attendees(
        Attendee(id=new_uuid(), first_name=first, last_name=last, days=(DAY1,),
                 organization="Universität für Bodenkultur Wien — Institut für Hydraulik und "
                              "landeskulturelle Wasserwirtschaft", project="INOLA")
        for first, last in SHAPE_NAMES)
    store.close()
    assert len(" ".join(SHAPE_NAMES[0])) >= 100
    win = MainWindow(DeskSettings.at(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    win.resize(screen[0] - 40, screen[1] - 60)
    win.show()
    assert win.open_path(path)
    desk, store = desk_of(win), store_of(win)
    desk.set_day(DAY1)
    qtbot.wait(50)
    size = win.size()
    column_widths = [desk.table.columnWidth(c) for c in range(4)]
    panel_width = win.badges.dock.width()
    hostile = [p for p in store.attendees() if (p.first_name, p.last_name) in SHAPE_NAMES]
    short = next(p for p in store.attendees() if p.expected_on(DAY1) and len(p.full_name) < 15)
    for n, person in enumerate([*hostile, short]):
        desk.field.setFocus()
        desk.banner.hide()
        qtbot.keyClicks(desk.field, badge(store, person))
        qtbot.keyClick(desk.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda p=person: desk.banner.isVisible()  # type: ignore[misc]
                        and desk.card_name.toolTip() == p.display_name)
        qtbot.wait(20)
        win.grab().save(str(artifact(f"door_long_name_{screen[0]}_{n}.png")))
        assert win.width() <= screen[0]
        assert win.size() == size, (person.full_name, win.size(), size)
        assert win.badges.dock.width() == panel_width
        assert [desk.table.columnWidth(c) for c in range(4)] == column_widths
        assert person.display_name in desk.banner.accessibleName()
        assert desk.card_name.accessibleName() == person.display_name
