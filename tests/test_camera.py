"""Camera frames of real badge pictures go through the desk's own scan path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from checkin.door import codes
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.door import camera
from checkin.ui.door.camera import FrameReader, camera_support, frame_codes
from checkin.ui.main_window import MainWindow
from tests.helpers import badge_photo

DAY1 = "2017-09-19"


def _frame(tmp_path: Path, code: str, name: str) -> QImage:
    path = tmp_path / "frame.png"
    badge_photo(code, name).save(path)
    image = QImage(str(path))
    assert not image.isNull()
    return image


def test_a_camera_frame_of_a_badge_is_read(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = codes.badge_code("secret", "ABCDEFGH")
    assert frame_codes(_frame(tmp_path, code, "Jürgen Müller")) == [code]
    blank = QImage(640, 480, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    assert frame_codes(blank) == []


def test_held_up_badge_counts_once_and_frames_are_throttled(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    code = codes.badge_code("secret", "ABCDEFGH")
    frame = _frame(tmp_path, code, "Anna Koch")
    seen: list[str] = []
    clock = [100.0]
    monkeypatch.setattr(camera.time, "monotonic", lambda: clock[0])
    reader = FrameReader(TaskRunner(immediate=True), seen.append)
    assert reader.offer(frame)
    assert not reader.offer(frame)  # the next frame of the same moment is only shown
    for _ in range(5):  # the badge stays in front of the camera for a second
        clock[0] += 0.3
        reader.offer(frame)
    assert seen == [code]
    clock[0] += camera.SAME_BADGE_SECONDS + 1
    empty = QImage(64, 64, QImage.Format.Format_RGB32)
    empty.fill(0x808080)
    assert reader.offer(empty)  # the badge is gone
    clock[0] += camera.SAME_BADGE_SECONDS + 1
    reader.offer(frame)  # and shown again later: a new scan (the door decides)
    assert seen == [code, code]


def test_camera_codes_check_in_through_the_desk(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               demo_path: Path) -> None:
    settings = DeskSettings.at(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)
    desk = window.desk
    assert desk is not None
    desk.set_day(DAY1)
    store = window.store
    assert store is not None
    person = next(p for p in store.attendees() if p.expected_on(DAY1))
    code = codes.badge_code(store.code_secret(), person.code_ref)
    reader = FrameReader(window.tasks, desk.scan)  # what CameraView wires up
    assert reader.offer(_frame(tmp_path, code, person.display_name))
    qtbot.waitUntil(desk.banner.isVisible, timeout=10_000)
    assert desk.banner.kind == "good"
    assert person.id in store.checked_in(DAY1)
    # without QtMultimedia or a camera the menu entry says why and stays off
    if camera_support():
        assert not window.action_camera.isEnabled()
        assert window.action_camera.toolTip() == camera_support()
    window.tasks.wait()
