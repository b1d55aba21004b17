"""Undo is deliberate: Ctrl+Z in a half-typed name undoes the typing, the menu names whose
check-in it undoes, an undone check-in looks and sounds like nothing else, and the last
result steps back while the next person is searched. Driven through the real main window."""

from __future__ import annotations

import io
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from checkin.door import codes
from checkin.door.door import Door
from checkin.model import Attendee
from checkin.store import EventStore
from checkin.ui.door.desk_view import DeskView
from checkin.ui.door.result_banner import ResultBanner
from checkin.ui.main_window import MainWindow
from tests.helpers import ROOT, artifact, desk_window, type_text

DAY1 = "2017-09-19"


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = desk_window(qtbot, tmp_path, demo_path)
    win.resize(1200, 760)
    assert win.desk is not None
    win.desk.set_day(DAY1)
    yield win
    win.tasks.wait()


def parts(window: MainWindow) -> tuple[DeskView, EventStore]:
    assert window.desk is not None and window.store is not None
    return window.desk, window.store


def people(store: EventStore, count: int) -> list[Attendee]:
    """``count`` people expected on day 1 whose names no one else has."""
    everyone = [p for p in store.attendees() if p.expected_on(DAY1) and p.status != "cancelled"]
    names = [p.display_name for p in everyone]
    return [p for p in everyone if names.count(p.display_name) == 1][:count]


def scan(qtbot, window: MainWindow, person: Attendee) -> None:  # type: ignore[no-untyped-def]
    """A USB scanner: the whole badge code at machine speed, then Enter; wait for the
    check-in to show."""
    desk, store = parts(window)
    code = codes.badge_code(store.code_secret(), person.code_ref)
    qtbot.keyClicks(desk.field, code)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: person.id in store.checked_in(DAY1)
                    and desk.banner.kind == "good" and desk.field.text() == "")
    settle(window)


def hand_type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        type_text(widget, ch)
        qtbot.wait(60)


def settle(window: MainWindow) -> None:
    """Let any background job the last key started finish and report back."""
    window.tasks.wait()
    QApplication.processEvents()
    window.tasks.wait()
    QApplication.processEvents()


def ctrl_z(qtbot, desk: DeskView) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(desk.field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def painted(banner: ResultBanner) -> str:
    """The banner's background as it is on screen (a pixel of its top margin)."""
    return banner.grab().toImage().pixelColor(banner.width() // 2, 3).name()


def checked_in_at(store: EventStore, person: Attendee) -> str:
    record = store.checked_in(DAY1)[person.id]
    return record.at.astimezone().strftime("%H:%M")


# -- Ctrl+Z ------------------------------------------------------------------------------

def test_ctrl_z_in_a_half_typed_name_undoes_the_typing_not_the_checkin(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    desk, store = parts(window)
    anna, next_one = people(store, 2)
    scan(qtbot, window, anna)
    hand_type(qtbot, desk.field, next_one.last_name[:4].lower())
    ctrl_z(qtbot, desk)
    settle(window)
    assert anna.id in store.checked_in(DAY1), "Ctrl+Z in a half-typed name undid a check-in"
    assert "undo_checkin" not in [e["action"] for e in store.audit_log()]
    assert desk.banner.kind == "good"
    # the line edit's own undo took the typing back, and not to the last person's name
    assert desk.field.text() == ""
    # from the empty field, Ctrl+Z undoes the check-in, and says whose
    ctrl_z(qtbot, desk)
    qtbot.waitUntil(lambda: desk.banner.kind == "undone")
    assert anna.id not in store.checked_in(DAY1)
    assert desk.banner.headline.text() == f"Check-in undone: {anna.display_name}"


def test_ctrl_z_undoes_typing_wherever_the_name_stands(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Relatives: a name pasted whole, and text typed before any check-in at all."""
    desk, store = parts(window)
    (anna,) = people(store, 1)
    desk.field.setFocus()
    hand_type(qtbot, desk.field, "ab")
    ctrl_z(qtbot, desk)  # no check-in yet: nothing to undo but the typing
    settle(window)
    assert desk.banner.kind != "notice", "“Nothing to undo” instead of undoing the typing"
    scan(qtbot, window, anna)
    desk.field.insert("Müller")  # pasted
    ctrl_z(qtbot, desk)
    settle(window)
    assert anna.id in store.checked_in(DAY1)
    assert desk.field.text() == ""


def test_the_undo_menu_names_whose_checkin_it_undoes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = parts(window)
    anna, bernd = people(store, 2)
    assert window.action_undo.text() == "&Undo last check-in"
    scan(qtbot, window, anna)
    qtbot.waitUntil(lambda: window.action_undo.text()
                    == f"&Undo check-in of {anna.display_name} ({checked_in_at(store, anna)})")
    scan(qtbot, window, bernd)
    bernd_text = f"&Undo check-in of {bernd.display_name} ({checked_in_at(store, bernd)})"
    qtbot.waitUntil(lambda: window.action_undo.text() == bernd_text)
    assert bernd.display_name in window.action_undo.toolTip()
    # the menu is deliberate: it undoes even with a name half typed, and keeps the text
    hand_type(qtbot, desk.field, "xy")
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: bernd.id not in store.checked_in(DAY1))
    assert anna.id in store.checked_in(DAY1)
    qtbot.waitUntil(lambda: window.action_undo.text()
                    == f"&Undo check-in of {anna.display_name} ({checked_in_at(store, anna)})")
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: window.action_undo.text() == "&Undo last check-in")
    assert store.checked_in(DAY1) == {}
    assert not window.action_undo.autoRepeat()  # holding Ctrl+Z undoes one check-in


# -- the undone banner -------------------------------------------------------------------

def test_an_undone_checkin_has_its_own_look_sound_and_offers_check_in_again(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    desk, store = parts(window)
    (anna,) = people(store, 1)
    scan(qtbot, window, anna)
    banner = desk.banner
    welcome = (painted(banner), banner.icon.text())
    assert desk.sounds.last_played == "success"
    ctrl_z(qtbot, desk)
    qtbot.waitUntil(lambda: banner.headline.text() != f"Welcome, {anna.display_name}!")
    assert banner.headline.text() == f"Check-in undone: {anna.display_name}"
    assert banner.icon.text() == "↶"
    undone = (painted(banner), banner.icon.text())
    assert undone[0] != welcome[0] and undone[1] != welcome[1]
    # a colour of its own: none of the other results' backgrounds
    assert undone[0] not in {bg for _fg, bg, _s in ResultBanner.STYLES.values()} - {
        ResultBanner.STYLES[banner.kind][1]}
    assert desk.sounds.last_played == "undo"
    assert banner.accessibleName().startswith("Undone: ")
    window.grab().save(str(artifact("door_undo_banner.png")))
    # the card still shows the person, and offers Check in again
    assert desk.card_name.text() == anna.display_name
    assert desk.check_in_button.isEnabled()
    assert "Expected" in desk.card_details.text()
    qtbot.mouseClick(desk.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: anna.id in store.checked_in(DAY1) and desk.banner.kind == "good")
    assert not desk.check_in_button.isEnabled()  # in now: nothing to check in


def test_the_undo_sound_is_short_shipped_and_distinct() -> None:
    from checkin.common.resources_access import resource
    from checkin.ui.door.sounds import KINDS

    sys.path.insert(0, str(ROOT / "packaging"))
    from tones import SOUNDS, render

    assert "undo" in KINDS and "undo" in SOUNDS
    shipped = resource("sounds", "undo.wav").read_bytes()
    assert shipped == render("undo"), "run python packaging/tones.py"
    with wave.open(io.BytesIO(shipped)) as wav:
        assert 0.1 < wav.getnframes() / wav.getframerate() < 0.4
    # its own melody: not the chirp's, not the buzz's
    assert SOUNDS["undo"] not in (SOUNDS["success"], SOUNDS["problem"])
    assert len({render(name) for name in SOUNDS}) == len(SOUNDS)


# -- the last result steps back ----------------------------------------------------------

def test_the_last_result_steps_back_while_the_next_person_is_typed(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    desk, store = parts(window)
    anna, bernd = people(store, 2)
    scan(qtbot, window, anna)
    banner = desk.banner
    full_size = banner.headline.font().pointSizeF()
    full_colour = painted(banner)
    height = banner.height()
    hand_type(qtbot, desk.field, bernd.last_name[:3])
    assert banner.isVisible()
    assert banner.headline.text() == f"Previous: Welcome, {anna.display_name}!"
    assert banner.headline.font().pointSizeF() < full_size * 0.7
    assert banner.label.font().pointSizeF() < full_size * 0.7  # the words step back too
    assert painted(banner) == ResultBanner.STEPPED_BACK["light"][1] != full_colour
    assert banner.stepped_back
    assert banner.accessibleName().startswith("Previous result: ")
    assert banner.height() == height  # the list below does not jump
    window.grab().save(str(artifact("door_banner_dimmed.png")))
    # a scan shows its result at full strength again
    scan(qtbot, window, bernd)
    assert not banner.stepped_back
    assert banner.headline.text() == f"Welcome, {bernd.display_name}!"
    assert banner.headline.font().pointSizeF() == full_size
    assert painted(banner) == full_colour


def test_every_kind_of_result_steps_back_and_comes_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Relatives: a red "Not found", an amber "Already checked in", the banner of a
    person not registered today with its *Check in anyway* (hidden while it is history)."""
    desk, store = parts(window)
    (anna,) = people(store, 1)
    banner = desk.banner
    hand_type(qtbot, desk.field, "zzqqxx")
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: banner.kind == "bad")
    assert not banner.headline.text().startswith("Previous")  # the result of Enter is new
    hand_type(qtbot, desk.field, "y")
    assert banner.headline.text() == "Previous: Not found"
    qtbot.keyClick(desk.field, Qt.Key.Key_Escape)
    Door(store, "Desk 2").check_in(anna.id, day=DAY1)  # in already, at another desk
    code = codes.badge_code(store.code_secret(), anna.code_ref)
    qtbot.keyClicks(desk.field, code)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: banner.kind == "notice")
    assert banner.headline.text() == "Already checked in"
    hand_type(qtbot, desk.field, "a")
    assert banner.headline.text() == "Previous: Already checked in"
    day_two_only = next(p for p in store.attendees() if not p.expected_on(DAY1))
    qtbot.keyClick(desk.field, Qt.Key.Key_Escape)
    desk.scan(codes.badge_code(store.code_secret(), day_two_only.code_ref))
    qtbot.waitUntil(lambda: banner.kind == "bad" and banner.anyway_button.isVisible())
    hand_type(qtbot, desk.field, "b")
    assert banner.headline.text() == "Previous: Not registered today"
    assert not banner.anyway_button.isVisible()
