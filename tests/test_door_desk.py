"""The desk at the door, driven through the real main window like staff and scanners do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from checkin.door import codes
from checkin.model import Attendee
from checkin.store import EventStore, create_event, open_event
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.door.desk_view import DeskView
from checkin.ui.door.person_form import PersonForm
from checkin.ui.main_window import MainWindow
from tests.helpers import artifact, badge, desk_of, hand_type, store_of, type_text

DAY1, DAY2 = "2017-09-19", "2017-09-20"


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings = DeskSettings.at(tmp_path / "settings.ini")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1200, 760)
    win.show()
    assert win.open_path(demo_path)
    assert win.desk is not None
    win.desk.set_day(DAY1)
    yield win
    win.tasks.wait()








def find(store: EventStore, first: str, last: str, day: str = DAY1) -> Attendee:
    return next(p for p in store.attendees()
                if p.first_name == first and p.last_name == last and p.expected_on(day))




def scan(qtbot, desk: DeskView, code: str, suffix=Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """A USB scanner: the whole code at machine speed, then Enter (or Tab)."""
    desk.banner.hide()
    qtbot.keyClicks(desk.field, code)
    qtbot.keyClick(desk.field, suffix)
    qtbot.waitUntil(desk.banner.isVisible)


def active_checkins(store: EventStore, day: str = DAY1) -> int:
    return len(store.checked_in(day))


def test_typing_a_name_selects_the_person(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk = desk_of(window)
    hand_type(qtbot, desk.field, "jürgen mül")
    assert desk.model.rowCount() == 2
    first = desk.selected()
    assert first is not None and first.full_name == "Jürgen Müller"
    orgs = {desk.model.data(desk.model.index(r, 1)) for r in range(2)}
    assert len(orgs) == 2  # the two namesakes are told apart by organisation
    assert desk.card_name.text() == first.display_name
    assert first.organization in desk.card_details.text()
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    second = desk.selected()
    assert second is not None and second.id != first.id
    qtbot.keyClick(desk.field, Qt.Key.Key_Up)
    assert desk.selected() == first
    qtbot.keyClick(desk.field, Qt.Key.Key_Escape)
    assert desk.field.text() == "" and desk.model.rowCount() == 0


def test_enter_checks_in_the_selected_person(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    hand_type(qtbot, desk.field, f"{person.last_name} {person.first_name[:2]}")
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)  # two namesakes: staff pick one
    while desk.selected() != person:
        qtbot.keyClick(desk.field, Qt.Key.Key_Up)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(desk.banner.isVisible)
    assert desk.banner.kind == "good"
    assert person.id in store.checked_in(DAY1)
    assert person.display_name in desk.banner.headline.text()
    assert person.organization in desk.banner.details.text()
    window.grab().save(str(artifact("door_green_welcome.png")))


def test_scanner_burst_checks_in_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    scan(qtbot, desk, badge(store, person))
    assert desk.banner.kind == "good"
    assert "Welcome" in desk.banner.headline.text()
    assert list(store.checked_in(DAY1)) == [person.id]
    # no scanner characters remain as a half-typed query, no results linger
    assert desk.field.text() == ""
    assert desk.results_title.text() == "Latest check-ins"
    assert [desk.model.attendee(r) for r in range(desk.model.rowCount())] == [person]
    assert desk.selected() is None and desk.card_name.text() == person.display_name
    assert desk.sounds.last_played == "success"
    assert desk.banner.accessibleName().startswith("Success: Welcome")
    assert person.display_name in desk.banner.accessibleName()
    assert person.organization in desk.banner.accessibleDescription()
    assert "1 / " in desk.counter.text()


def test_ticket_code_with_tab_suffix(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    scan(qtbot, desk, person.ticket_code.lower(), suffix=Qt.Key.Key_Tab)
    assert desk.banner.kind == "good"
    assert person.id in store.checked_in(DAY1)
    assert desk.field.hasFocus() or not window.isActiveWindow()
    assert desk.field.text() == ""


def test_scan_in_the_middle_of_typing_leaves_no_debris(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    hand_type(qtbot, desk.field, "sch")
    qtbot.wait(100)
    scan(qtbot, desk, badge(store, person))
    assert desk.banner.kind == "good" and desk.field.text() == ""


def test_hand_typing_a_code_stays_a_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    qtbot.keyClicks(desk.field, person.ticket_code, delay=60)
    qtbot.wait(150)
    assert desk.field.text() == person.ticket_code
    assert desk.selected() == person
    assert not desk.banner.isVisible()
    assert active_checkins(store) == 0


def test_fast_typing_without_enter_shows_results_after_settling(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk = desk_of(window)
    qtbot.keyClicks(desk.field, "delitzsch")
    assert desk._settle.isActive()  # results wait until the burst is over
    qtbot.waitUntil(lambda: not desk._settle.isActive())
    assert desk.model.rowCount() > 0
    person = desk.selected()
    assert person is not None and person.last_name == "Schulze-Delitzsch"


def test_repeat_scan_is_one_checkin_then_already_checked_in(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    code = badge(store, person)
    scan(qtbot, desk, code)
    scan(qtbot, desk, code)  # the scanner fired twice: no alarm, one record
    assert desk.banner.kind == "good"
    assert "counted once" in desk.banner.details.text()
    assert len(store.checkins(day=DAY1)) == 1
    now = desk.door._clock()
    desk.door._clock = lambda: now + 60  # a minute later the badge comes back
    scan(qtbot, desk, code)
    assert desk.banner.kind == "notice"
    assert desk.banner.headline.text() == "Already checked in"
    record = store.checked_in(DAY1)[person.id]
    when = record.at.astimezone().strftime("%H:%M")
    assert f"already checked in today at {when} at Desk 1" in desk.banner.label.text()
    assert len(store.checkins(day=DAY1)) == 1
    assert desk.sounds.last_played == "problem"
    window.grab().save(str(artifact("door_amber_already.png")))


def test_ctrl_z_undoes_the_last_checkin(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    scan(qtbot, desk, badge(store, person))
    desk.banner.hide()
    qtbot.keyClick(desk.field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(desk.banner.isVisible)
    assert desk.banner.headline.text() == f"Check-in undone: {person.display_name}"
    assert store.checked_in(DAY1) == {}
    assert [e["action"] for e in store.audit_log()] == ["undo_checkin"]
    assert "0 / " in desk.counter.text()
    scan(qtbot, desk, badge(store, person))  # and the badge works again at once
    assert desk.banner.kind == "good"


def _forged(code: str) -> str:
    """The code with its last character changed (never to itself: the code is random)."""
    return code[:-1] + ("0" if code[-1] != "0" else "1")


@pytest.mark.parametrize(("make_code", "headline", "says"), [
    (lambda store, p: "NOSUCHCODE", "Not found", "No one in this event"),
    (lambda store, p: codes.badge_code("another-event-secret", p.code_ref), "Code rejected",
     "another event"),
    (lambda store, p: _forged(codes.badge_code(store.code_secret(), p.code_ref)),
     "Code rejected", "not valid"),
    (lambda store, p: "CK1\x1d" + p.code_ref, "Code rejected", "not a code of this event"),
])
def test_bad_codes_are_red_and_change_nothing(qtbot, window: MainWindow, make_code,  # type: ignore[no-untyped-def]
                                              headline: str, says: str) -> None:
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    desk.banner.hide()
    type_text(desk.field, make_code(store, person))  # machine speed, control characters too
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(desk.banner.isVisible)
    assert desk.banner.kind == "bad"
    assert desk.banner.headline.text() == headline
    assert says in desk.banner.label.text()
    assert desk.banner.icon.text() == "✖"
    assert store.checkins() == [] and desk.field.text() == ""


def test_red_screenshot_and_check_in_anyway(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = next(p for p in store.attendees() if p.days == (DAY2,))
    scan(qtbot, desk, badge(store, person))
    assert desk.banner.kind == "bad"
    assert desk.banner.headline.text() == "Not registered today"
    assert desk.banner.anyway_button.isVisible()
    window.grab().save(str(artifact("door_red_not_today.png")))
    desk.banner.hide()
    qtbot.mouseClick(desk.banner.anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(desk.banner.isVisible)
    assert desk.banner.kind == "good"
    assert store.checked_in(DAY1)[person.id].forced
    assert [e["action"] for e in store.audit_log()] == ["forced_checkin"]


def test_ten_thousand_character_paste_is_rejected(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    before = store.path.read_bytes()
    QApplication.clipboard().setText("müller " + "x" * 10_000)
    desk.field.paste()
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(desk.banner.isVisible)
    assert desk.banner.kind == "bad"
    assert "not a code of this event" in desk.banner.label.text()
    assert store.checkins() == [] and store.audit_log() == []
    window.tasks.wait()
    assert store.path.read_bytes() == before


def test_walk_in_is_added_checked_in_and_sent_to_badges(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    hand_type(qtbot, desk.field, "Zoë Quast")
    assert desk.model.rowCount() == 0
    window.action_walk_in.trigger()  # Ctrl+Shift+N in the Door menu
    (form,) = desk.findChildren(PersonForm)
    assert form.edits["first_name"].text() == "Zoë"
    assert form.edits["last_name"].text() == "Quast"
    form.edits["organization"].setText("Hochschule Eberswalde")
    form.edits["project"].setText("WaldWandel")
    form.edits["role"].setText("Gast")
    form.grab().save(str(artifact("door_walk_in_form.png")))
    with qtbot.waitSignal(desk.badge_requested) as sent:
        qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    person = sent.args[0]
    assert person.full_name == "Zoë Quast" and person.walk_in
    assert desk.banner.kind == "good"
    assert desk.banner.badge_button.isVisible()
    assert person.id in store.checked_in(DAY1)
    stored = store.attendee(person.id)
    assert stored is not None and stored.organization == "Hochschule Eberswalde"
    assert [e["action"] for e in store.audit_log()] == ["walk_in"]
    hand_type(qtbot, desk.field, "quast")  # found by the search at once
    assert desk.selected() is not None and desk.selected().id == person.id  # type: ignore[union-attr]
    assert "Checked in" in desk.card_details.text()


def test_walk_in_needs_a_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    form = desk.open_walk_in()
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and "name" in form.problem.text()
    form.reject()
    assert store.attendee_count() == 200


def test_edit_from_the_card_is_logged_and_offers_a_reprint(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    hand_type(qtbot, desk.field, person.email[:12])
    assert desk.selected() == person
    form = desk.edit_selected()
    assert form is not None
    form.edits["last_name"].setText("Müllner")
    form.grab().save(str(artifact("door_edit_dialog.png")))
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(desk.banner.isVisible)
    assert desk.banner.headline.text() == "Saved"
    stored = store.attendee(person.id)
    assert stored is not None and stored.last_name == "Müllner"
    (entry,) = store.audit_log(action="edit_attendee")
    assert entry["detail"]["changes"] == {"last_name": {"from": "Müller", "to": "Müllner"}}
    assert desk.selected() is not None and desk.selected().last_name == "Müllner"  # type: ignore[union-attr]
    window.grab().save(str(artifact("door_saved_reprint.png")))
    with qtbot.waitSignal(desk.badge_requested) as sent:
        qtbot.mouseClick(desk.banner.badge_button, Qt.MouseButton.LeftButton)
    assert sent.args[0].last_name == "Müllner"


def test_day_picker_overrides_today(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = next(p for p in store.attendees() if p.days == (DAY2,))
    desk.day_picker.setCurrentIndex(1)
    assert desk.day == DAY2
    scan(qtbot, desk, badge(store, person))
    assert desk.banner.kind == "good"
    assert person.id in store.checked_in(DAY2)


def test_sounds_can_be_turned_off(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk = desk_of(window)
    window.action_sounds.setChecked(False)
    scan(qtbot, desk, "NOSUCHCODE")
    assert desk.sounds.last_played == ""
    assert window.settings.flag("desk/sounds") is False
    assert DeskSettings.at(window.settings.qsettings.fileName()).flag("desk/sounds") is False


def test_search_also_in_chosen_columns(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    group = next(iter(store.attendees())).extra["Arbeitsgruppe"]
    word = group.split()[-1]
    hand_type(qtbot, desk.field, word[:5], delay_ms=40)
    found_before = desk.model.rowCount()
    dialog = desk.choose_search_fields()
    widget = dialog.findChild(QListWidget)
    widget.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    assert store.setting("search_fields") == ["Arbeitsgruppe"]
    assert desk.model.rowCount() > found_before


def test_a_fresh_event_without_people(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    path = tmp_path / "empty.checkin"
    create_event(path, name="Empty", days=[date(2017, 9, 19)]).close()
    settings = DeskSettings.at(tmp_path / "s.ini")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    desk = desk_of(win)
    scan(qtbot, desk, "FK17-00001")
    assert desk.banner.kind == "bad"
    with open_event(path) as store:
        assert store.checkins() == []


def test_readme_screenshot_of_a_busy_desk(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The picture at the top of the README: a morning queue, the latest arrival greeted."""
    desk, store = desk_of(window), store_of(window)
    last = find(store, "Jürgen", "Müller")
    queue = [p for p in store.attendees() if p.expected_on(DAY1) and p != last][:6]
    queue.append(last)
    for person in queue:
        scan(qtbot, desk, badge(store, person))
        assert desk.banner.kind == "good"
    assert len(store.checked_in(DAY1)) == len(queue)
    assert desk.model.rowCount() == len(queue)
    assert desk.model.attendee(0) == queue[-1]  # newest first
    window.grab().save(str(artifact("door_desk_readme.png")))


def test_day_follows_the_clock_unless_staff_chose(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    desk = desk_of(window)
    desk.follow_clock(date(2017, 9, 20))  # midnight passed
    assert desk.day == DAY2 and desk.day_picker.currentData() == DAY2
    desk.follow_clock(date(2017, 9, 21))  # not an event day: stay
    assert desk.day == DAY2
    desk.day_picker.activated.emit(0)  # staff picked a day by hand
    desk.day_picker.setCurrentIndex(0)
    desk.follow_clock(date(2017, 9, 20))
    assert desk.day == DAY1


def test_result_states_differ_beyond_colour_and_pass_contrast() -> None:
    from checkin.ui.door.result_banner import ResultBanner

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    symbols = set()
    for fg, bg, symbol in ResultBanner.STYLES.values():
        high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
        assert (high + 0.05) / (low + 0.05) >= 4.5  # WCAG AA for normal text
        symbols.add(symbol)
    assert len(symbols) == len(ResultBanner.STYLES)
    assert len(set(ResultBanner.HEADLINES.values())) == len(ResultBanner.HEADLINES)


def test_door_actions_need_an_open_event(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = DeskSettings.at(tmp_path / "s.ini")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert not win.action_undo.isEnabled() and not win.action_walk_in.isEnabled()
    win.undo_last()  # harmless without an event


def test_enter_on_a_name_nobody_has(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    hand_type(qtbot, desk.field, "Zacharias Quux", delay_ms=40)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.banner.isVisible() and desk.banner.kind == "bad"
    assert "walk-in" in desk.banner.label.text()
    assert desk.field.text() == "Zacharias Quux"  # kept, to add them as a walk-in
    assert store.checkins() == []


def test_scanner_without_enter_suffix_still_checks_in_a_badge(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    qtbot.keyClicks(desk.field, badge(store, person))
    qtbot.waitUntil(desk.banner.isVisible)
    assert desk.banner.kind == "good" and desk.field.text() == ""
    assert person.id in store.checked_in(DAY1)


def test_check_ins_of_other_desks_show_up(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from checkin.door.door import Door

    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    with open_event(store.path) as other:  # Desk 2 shares the event file
        Door(other, "Desk 2").check_in(person.id, day=DAY1)
    assert desk.counter.text().startswith("0 /")
    desk.poll_other_desks()
    qtbot.waitUntil(lambda: desk.counter.text().startswith("1 /"))
    hand_type(qtbot, desk.field, "jürgen mül")
    rows = {desk.model.attendee(r).id: desk.model.data(desk.model.index(r, 3))  # type: ignore[union-attr]
            for r in range(desk.model.rowCount())}
    assert "(Desk 2)" in rows[person.id]
    assert desk.selected() != person  # the one still expected ranks first


def test_scanner_first_character_sent_late_with_shift(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """USB and Shift latency can delay a scanner's first capital: the code still counts."""
    desk, store = desk_of(window), store_of(window)
    person = find(store, "Jürgen", "Müller")
    desk.banner.hide()
    qtbot.keyClicks(desk.field, person.ticket_code[0])
    qtbot.wait(170)
    scan(qtbot, desk, person.ticket_code[1:])
    assert desk.banner.kind == "good"
    assert person.id in store.checked_in(DAY1)
    assert desk.field.text() == ""
