"""Live board, session picker, export dialog and privacy actions in the real main window."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from checkin.door.door import Door, Status
from checkin.event.privacy import set_retention_days
from checkin.store import open_event
from tests.attendance_scenario import D1
from tests.helpers import artifact, attendance_event, attendance_window, require_tool, type_text


def test_live_board_follows_this_desk_and_other_desks(qtbot, tmp_path: Path  # type: ignore[no-untyped-def]
                                                      ) -> None:
    path = attendance_event(tmp_path)
    window = attendance_window(qtbot, tmp_path, path)
    window.attendance.action_board.trigger()
    board = window.attendance.board
    assert board is not None
    qtbot.addWidget(board)
    board.day_picker.setCurrentIndex(board.day_picker.findData(D1))
    assert (board.here.value, board.missing.value, board.walk_ins.value) == ("5", "3", "1")
    assert "of 7 expected" in board.here.detail
    assert [(name, n, of) for name, n, of, _ in board.sessions.rows] == [
        ("Workshop A (09:00–10:30)", 2, 2), ("Marktplatz (10:00)", 1, None)]
    qtbot.waitUntil(lambda: bool(board.groups["organization"].rows), timeout=3000)
    orgs = {name: (n, of) for name, n, of, _ in board.groups["organization"].rows}
    assert orgs["Uni Köln"] == (2, 3)
    # a check-in at this desk shows within a second (the desk's signal)
    desk = window.desk
    assert desk is not None
    type_text(desk.field, "hanna hölzl")
    qtbot.waitUntil(lambda: desk.selected() is not None and desk.selected().id == "hanna")
    desk.check_in_button.click()
    qtbot.waitUntil(lambda: board.here.value == "6", timeout=1000)
    # a check-in from another desk (another connection, as another process would)
    with open_event(path) as other:
        result = Door(other, "Desk 7").scan("T-GUSTAV", day=D1)
        assert result.status == Status.CHECKED_IN
    qtbot.waitUntil(lambda: board.here.value == "7", timeout=1500)
    assert board.missing.value == "1"
    # breakdowns follow within a few seconds (they are computed in the background)
    qtbot.waitUntil(lambda: ("Uni Köln", 3, 3) in [
        r[:3] for r in board.groups["organization"].rows], timeout=8000)
    assert dict(board.stats.desks if board.stats else {})["Desk 7"] == 1
    board.resize(1600, 900)
    board.show()
    qtbot.wait(50)
    board.grab().save(str(artifact("live_board.png")))
    window.close()


def test_session_picker_counts_the_door_for_a_session_and_warns_when_full(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = attendance_event(tmp_path)
    window = attendance_window(qtbot, tmp_path, path)
    picker = window.attendance.picker
    labels = [picker.combo.itemText(i) for i in range(picker.combo.count())]
    assert labels == ["Whole day", "Workshop A (09:00–10:30)", "Marktplatz (10:00)"]
    picker.combo.setCurrentIndex(2)
    desk = window.desk
    assert desk is not None and desk.session == picker.combo.itemData(2)
    assert picker.indicator.text() == "1 here"
    picker.combo.setCurrentIndex(1)
    assert picker.indicator.text() == "FULL 2 / 2"
    assert "Workshop A is full" in picker.indicator.toolTip()
    type_text(desk.field, "gustav")
    qtbot.waitUntil(lambda: desk.selected() is not None and desk.selected().id == "gustav")
    desk.check_in_button.click()
    qtbot.waitUntil(lambda: picker.indicator.text() == "FULL 3 / 2", timeout=2000)
    with open_event(path) as store:
        assert "gustav" in store.checked_in(D1, str(picker.combo.itemData(1)))
    window.grab().save(str(artifact("session_picker_full.png")))
    picker.combo.setCurrentIndex(0)
    assert desk.session is None and picker.indicator.text() == ""
    window.close()


def test_export_dialog_writes_the_chosen_pdf_in_the_background(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = attendance_event(tmp_path)
    window = attendance_window(qtbot, tmp_path, path)
    window.attendance.action_export.trigger()
    dialog = window.attendance.export_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.columns["email"].isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData(".pdf"))
    dialog.day.setCurrentIndex(dialog.day.findData(D1))
    assert dialog.signature.isEnabled() and not dialog.comma.isEnabled()
    for name in ("project", "role", "desk", "walk_in", "title"):
        dialog.columns[name].setChecked(False)
    dialog.signature.setChecked(True)
    out = tmp_path / "liste"
    dialog.target.setText(str(out))
    dialog.grab().save(str(artifact("export_dialog.png")))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10000)
    assert dialog.summary is not None and dialog.summary.path == tmp_path / "liste.pdf"
    # expected on day 1 (7 incl. the walk-in) and Eva, admitted although cancelled
    assert "Wrote 8 people" in dialog.message.text()
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(tmp_path / "liste.pdf"),
                           "-"], capture_output=True, text=True, check=True).stdout
    assert "Unterschrift" in text and "Gärtner, Gustav" in text and "Engel, Eva" in text
    assert "Projekt" not in text
    window.close()


def test_purge_is_offered_when_the_retention_period_is_over(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = attendance_event(tmp_path)
    with open_event(path) as store:
        set_retention_days(store, 30)
    window = attendance_window(qtbot, tmp_path, path)
    prompt = window.attendance.purge_prompt
    assert prompt is not None and prompt.isVisible()
    assert "ended on 2017-10-21" in prompt.text()
    before = window.store
    prompt.button(QMessageBox.StandardButton.Yes).click()
    # the purge is done when the window has opened the purged, compacted file afresh
    qtbot.waitUntil(lambda: window.store is not None and window.store is not before,
                    timeout=20000)
    assert window.store is not None
    assert all(not p.last_name for p in window.store.attendees())
    assert b"Gustav" not in path.read_bytes()
    window.close()


def test_delete_this_event(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = attendance_event(tmp_path)
    (tmp_path / "e.checkin.v1.bak").write_bytes(b"old copy")
    window = attendance_window(qtbot, tmp_path, path)
    window.attendance.delete_current()
    assert window.store is None and window.stack.currentWidget() is window.welcome
    assert list(tmp_path.glob("e.checkin*")) == []
    assert not window.attendance.action_export.isEnabled()
    window.close()


def test_nearly_full_is_one_rule_for_the_picker_and_the_live_board(
        qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """2 of 3 places: amber in the picker and on the board, both from sessions.nearly_full."""
    from checkin.door import sessions
    from checkin.ui.attendance.live_board import GOOD, WARN
    from checkin.ui.door.session_picker import _STYLES

    path = attendance_event(tmp_path)
    with open_event(path) as store:
        workshop = sessions.find_session(store, "Workshop A", D1)
        sessions.update_session(store, workshop, capacity=3)
    window = attendance_window(qtbot, tmp_path, path)
    picker = window.attendance.picker
    window.attendance.action_board.trigger()
    board = window.attendance.board
    assert board is not None
    qtbot.addWidget(board)
    board.day_picker.setCurrentIndex(board.day_picker.findData(D1))

    picker.combo.setCurrentIndex(1)
    assert picker.indicator.text() == "2 / 3 places"

    def shown() -> tuple[str, object]:
        picker.refresh()
        board.refresh()
        colour = next(c for name, _n, _of, c in board.sessions.rows if "Workshop A" in name)
        return picker.indicator.styleSheet(), colour

    assert shown() == (_STYLES["low"], WARN)
    monkeypatch.setattr(sessions, "nearly_full", lambda _n, _capacity: False)
    assert shown() == (_STYLES["ok"], GOOD)
