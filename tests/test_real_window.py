"""`checkin gui EVENT` opens a real window on an X server (Xvfb), and a scanner
(xdotool typing like a keyboard wedge) checks a person in.

This is the closest to a desk we get in CI: a real process, a real window
manager-less X display, real key events through the X server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkin.store import open_event
from tests.helpers import ROOT, require_tool


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    xvfb = require_tool("Xvfb")
    require_tool("xdotool")
    display = f":{90 + os.getpid() % 500}"
    proc = subprocess.Popen([xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if subprocess.run(["xdotool", "getmouselocation"], env={**os.environ,
                              "DISPLAY": display}, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        yield display
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _find_window(env: dict[str, str], name: str, timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                             env=env, capture_output=True, text=True)
        if out.stdout.strip():
            return out.stdout.split()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} appeared")


def test_gui_opens_real_window_and_scanner_checks_in(xvfb_display: str, demo_path: Path,
                                                     tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    with open_event(demo_path) as store:
        person = next(p for p in store.attendees() if p.days and p.ticket_code)
        day = person.days[0]
    app = subprocess.Popen([sys.executable, "-m", "checkin", "gui", str(demo_path),
                            "--day", day],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = _find_window(env, "Fachkonferenz")
        subprocess.run(["xdotool", "windowactivate", "--sync", window], env=env, check=False)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)
        time.sleep(0.5)
        subprocess.run(["xdotool", "type", "--delay", "8", person.ticket_code], env=env,
                       check=True)
        subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
        deadline = time.monotonic() + 20
        checked: dict[str, object] = {}
        while time.monotonic() < deadline:
            with open_event(demo_path) as store:
                checked = dict(store.checked_in(day))
            if checked:
                break
            time.sleep(0.2)
        assert list(checked) == [person.id]
    finally:
        app.terminate()
        try:
            _out, err = app.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            _out, err = app.communicate()
    assert "Traceback" not in err, err


def _reprint_button_centre(demo_path: Path, day: str, size: tuple[int, int],
                           tmp_path: Path) -> tuple[int, int]:
    """Where the badge panel's *Reprint badge* button is in a window of ``size``.

    An offscreen twin of the real window (same code, same size, same fonts)
    with a person on the card, as in the real one after the first scan.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from checkin.event.demo import create_demo
    from checkin.ui.common.desk_settings import DeskSettings
    from checkin.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    twin = tmp_path / "twin.checkin"
    create_demo(twin).close()
    win = MainWindow(DeskSettings.at(tmp_path / "twin.ini"))
    try:
        win.resize(*size)
        win.show()
        assert win.open_path(twin) and win.desk is not None
        win.desk.set_day(day)
        with open_event(twin) as store:
            person = next(p for p in store.attendees() if p.days)
        win.desk._show_person(person)
        for _ in range(20):
            app.processEvents()
        button = win.badges.panel.reprint_button
        assert button.isVisible() and button.isEnabled()
        centre = button.mapTo(win, button.rect().center())
        return centre.x(), centre.y()
    finally:
        win.tasks.wait()
        win.close()
        win.deleteLater()


def _wait_checked_in(demo_path: Path, day: str, count: int) -> dict[str, object]:
    deadline = time.monotonic() + 20
    checked: dict[str, object] = {}
    while time.monotonic() < deadline:
        with open_event(demo_path) as store:
            checked = dict(store.checked_in(day))
        if len(checked) >= count:
            break
        time.sleep(0.2)
    return checked


def test_a_scan_after_clicking_reprint_is_checked_in(xvfb_display: str, demo_path: Path,
                                                     tmp_path: Path) -> None:
    """Click *Reprint badge* with the mouse (the button takes the focus), then scan."""
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    with open_event(demo_path) as store:
        first, second = [p for p in store.attendees() if p.days and p.ticket_code][:2]
        day = first.days[0]
        assert day in second.days
    app = subprocess.Popen([sys.executable, "-m", "checkin", "gui", str(demo_path),
                            "--day", day],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = _find_window(env, "Fachkonferenz")
        subprocess.run(["xdotool", "windowactivate", "--sync", window], env=env, check=False)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)
        time.sleep(0.5)

        def scanner(code: str) -> None:
            subprocess.run(["xdotool", "type", "--delay", "8", code], env=env, check=True)
            subprocess.run(["xdotool", "key", "Return"], env=env, check=True)

        scanner(first.ticket_code)  # the card shows a person: Reprint badge is live
        assert list(_wait_checked_in(demo_path, day, 1)) == [first.id]
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window],
                                  env=env, capture_output=True, text=True, check=True).stdout
        values = dict(line.split("=", 1) for line in geometry.split())
        x, y = _reprint_button_centre(demo_path, day, (int(values["WIDTH"]),
                                                       int(values["HEIGHT"])), tmp_path)
        subprocess.run(["xdotool", "mousemove", "--window", window, str(x), str(y),
                        "click", "1"], env=env, check=True)
        time.sleep(0.5)
        scanner(second.ticket_code)  # today's main lost this scan in the button
        checked = _wait_checked_in(demo_path, day, 2)
        assert set(checked) == {first.id, second.id}
    finally:
        app.terminate()
        try:
            _out, err = app.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            _out, err = app.communicate()
    assert "Traceback" not in err, err
