"""The desk's one input field, which tells a barcode scanner from a person typing."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from checkin.door import codes

#: Keys closer together than this (seconds, median) come from a scanner, not a hand.
SCAN_KEY_GAP = 0.035
#: A pause longer than this (seconds) ends a scanner's run of keys (USB and Shift jitter
#: make single gaps longer than the typical one).
SCAN_MAX_GAP = 0.09
#: A scan has at least this many characters before its Enter or Tab.
SCAN_MIN_LENGTH = 4
#: Keys that edit the line (their text is a control character, but no scanner sends them).
_EDITING_KEYS = frozenset({Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Home,
                           Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right,
                           Qt.Key.Key_Tab, Qt.Key.Key_Backtab})


_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
                            Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock,
                            Qt.Key.Key_NumLock})


def key_time(event: QKeyEvent) -> float:
    """When the key was pressed (seconds), by the event's own timestamp.

    The window system stamps each key when it is pressed; Qt may deliver a
    burst late (the GUI thread was busy with a sync or an index rebuild) or
    deliver hand-typed keys together after a stall. Timing by the stamp keeps
    a scan a scan and a hand a hand. Synthetic events without a stamp (0) are
    timed on delivery.
    """
    stamp = event.timestamp()
    return stamp / 1000 if stamp else time.monotonic()


class SearchField(QLineEdit):
    """The one input of the desk; tells a barcode scanner from a person typing.

    A USB scanner is a keyboard that types a whole code in a few milliseconds
    and ends with Enter (or Tab). Every key press is timed here: a run of at
    least ``SCAN_MIN_LENGTH`` characters without a pause over ``SCAN_MAX_GAP``,
    whose median gap is under ``SCAN_KEY_GAP``, followed at once by Enter or
    Tab, is a scan (a hand is ten times slower). Keys are timed by their own
    timestamps (``key_time``), not by when Qt delivers them. Only the characters of that
    run are the code, and the field is emptied, so no half-typed code remains
    (text typed by hand just before goes with it).
    """

    move_selection = Signal(int)
    #: the code: the machine-speed run, and before it what else the field held
    scanned = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (time, text) of the characters typed since the last pause
        self._run: list[tuple[float, str]] = []

    @property
    def in_burst(self) -> bool:
        """True while characters arrive faster than a hand types."""
        return len(self._run) >= 2 and self._run[-1][0] - self._run[-2][0] <= SCAN_KEY_GAP

    def _reset_burst(self) -> None:
        self._run = []

    def _is_scan(self, now: float) -> bool:
        """The run so far is a scan if its end key (Enter, Tab) pressed at ``now`` follows
        at once."""
        run = self._run
        if len(run) < SCAN_MIN_LENGTH or not 0 <= now - run[-1][0] <= SCAN_MAX_GAP:
            return False
        return self._machine_speed()

    def take_badge_code(self) -> str | None:
        """A badge code a scanner typed without a suffix (Enter) key, taken out of the field."""
        code = "".join(text for _, text in self._run)
        if len(self._run) < SCAN_MIN_LENGTH or not self._machine_speed() \
                or not codes.looks_like_badge_code(code):
            return None
        self._reset_burst()
        self.clear()
        return code

    def _machine_speed(self) -> bool:
        gaps = sorted(b[0] - a[0] for a, b in itertools.pairwise(self._run))
        return bool(gaps) and gaps[len(gaps) // 2] <= SCAN_KEY_GAP

    def _finish_line(self, now: float) -> None:
        is_scan = self._is_scan(now)
        code = "".join(text for _, text in self._run)
        self._reset_burst()
        if is_scan:
            before = self.text()[:max(0, len(self.text()) - len(code))]
            self.clear()
            self.scanned.emit(code, before)
        else:
            self.returnPressed.emit()  # Enter typed by hand: the usual QLineEdit signal

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and ((event.matches(QKeySequence.StandardKey.Undo) and not self.text())
                     or (not event.matches(QKeySequence.StandardKey.Undo)
                         and self._is_window_shortcut(event))):
            # an empty field leaves Ctrl+Z to the window ("undo the last check-in"); with a
            # name half typed it undoes the typing. The window's other shortcuts win over
            # the line edit's own key bindings (on Linux Ctrl+E is "end of line", Ctrl+K
            # "delete to the end" …), so every menu key works here
            event.ignore()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and self._is_scan(key_time(event)):
            self._finish_line(key_time(event))  # scanners set to a Tab suffix
            return True
        return super().event(event)

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        """True if the key is the shortcut of an enabled action of this window."""
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.KeypadModifier)
        if not mods:
            return False  # plain characters are typing (and scans), never a menu
        pressed = QKeySequence(event.keyCombination())
        for action in self.window().findChildren(QAction):
            if action.isEnabled() and any(
                    key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                    for key in action.shortcuts()):
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                 Qt.Key.Key_PageUp: -10}
        if key in _MODIFIER_KEYS:
            super().keyPressEvent(event)  # a scanner presses Shift for capitals: still a burst
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish_line(key_time(event))
        elif key in steps:
            self._reset_burst()
            self.move_selection.emit(steps[Qt.Key(key)])
        elif key == Qt.Key.Key_Escape:
            self._reset_burst()
            self.clear()
        elif text and key not in _EDITING_KEYS \
                and not (event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            # every character is timed, control characters too: a scanner that sends
            # them must not have them silently dropped from its code
            now = key_time(event)
            if self._run and not 0 <= now - self._run[-1][0] <= SCAN_MAX_GAP:
                self._run = []
            self._run.append((now, text))
            if text.isprintable():
                super().keyPressEvent(event)
        else:
            self._reset_burst()
            super().keyPressEvent(event)
