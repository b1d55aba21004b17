"""Every menu shortcut works while the search field has the focus.

The search field is where the focus lives at the door, and a QLineEdit claims
some Ctrl keys for itself: on Linux (X11 key bindings) Ctrl+E is "end of line",
so *Edit selected person* did nothing from the field. The shortcuts are read
from the menus (not from a list here), pressed in the field, and each must
reach its action. The offscreen platform uses Windows key bindings, so the
check also runs in a real ``xcb`` process on Xvfb, where the X11 bindings apply.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, require_tool

#: the shortcuts the README documents; the menus must have (at least) these
DOCUMENTED = {"Ctrl+I", "Ctrl+F", "Ctrl+Z", "Ctrl+P", "Ctrl+E", "Ctrl+Shift+N", "Ctrl+D",
              "Ctrl+L", "Ctrl+Shift+E", "Ctrl+Shift+S", "Ctrl+,", "Ctrl+N", "Ctrl+O",
              "Ctrl++", "Ctrl+-", "Ctrl+0"}

#: Runs in the app's process: opens the event, presses every menu shortcut in the
#: search field, prints one JSON line per shortcut (the action is not run: a filter
#: takes its Shortcut event, so no dialog opens).
PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.main_window import MainWindow

class Catch(QObject):
    def __init__(self):
        super().__init__()
        self.hits = []
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Shortcut:
            self.hits.append(obj)
            return True
        return False

window = MainWindow(DeskSettings.at(Path(sys.argv[2])))
window.show()
window.activateWindow()
assert window.open_path(sys.argv[1])
QTest.qWaitForWindowActive(window)
catch = Catch()
actions = [a for m in window.menuBar().actions() for a in m.menu().actions()
           if a.shortcuts()]
for action in actions:
    action.installEventFilter(catch)
field = window.desk.field
results = []
for action in actions:
    for key in action.shortcuts():
        field.setFocus()
        # Ctrl+Z undoes a check-in from an empty field (with a name typed it undoes typing)
        start = "" if action is window.action_undo else "nowak"
        field.setText(start)
        catch.hits.clear()
        combo = key[0]
        QTest.keyClick(field, combo.key(), combo.keyboardModifiers())
        results.append({"key": key.toString(), "action": action.text(),
                        "reached": catch.hits == [action], "kept": field.text() == start})
field.setText("nowak")
QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
results.append({"key": "Ctrl+A", "action": "(field: select all)",
                "reached": field.selectedText() == "nowak", "kept": field.text() == "nowak"})
print("RESULTS " + json.dumps(results), flush=True)
window.close()
"""


def _press_all(platform: str, event: Path, tmp_path: Path,
               display: str | None = None) -> list[dict[str, object]]:
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "PYTHONPATH": str(ROOT)}
    if display:
        env["DISPLAY"] = display
    done = subprocess.run([sys.executable, "-c", PROBE, str(event),
                           str(tmp_path / f"{platform}.ini")],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULTS ")]
    assert lines, f"the probe failed:\n{done.stderr[-3000:]}"
    results: list[dict[str, object]] = json.loads(lines[0][len("RESULTS "):])
    return results


def _check(results: list[dict[str, object]]) -> None:
    keys = {str(r["key"]) for r in results}
    assert keys >= DOCUMENTED, f"documented but not in the menus: {DOCUMENTED - keys}"
    missed = [f"{r['key']} ({r['action']})" for r in results if not r["reached"]]
    assert missed == [], f"from the search field these keys did nothing: {missed}"
    assert all(r["kept"] for r in results), "a shortcut edited the field"


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb at a laptop's 1366×768; ``-displayfd`` picks a free number."""
    xvfb = require_tool("Xvfb")
    read, write = os.pipe()
    proc = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1366x768x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_every_menu_shortcut_works_from_the_search_field_on_x11(
        display: str, demo_path: Path, tmp_path: Path) -> None:
    _check(_press_all("xcb", demo_path, tmp_path, display))


def test_every_menu_shortcut_works_from_the_search_field_offscreen(
        demo_path: Path, tmp_path: Path) -> None:
    _check(_press_all("offscreen", demo_path, tmp_path))
