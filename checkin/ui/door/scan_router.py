"""Keys typed anywhere in the main window reach the search field, so no scan is lost.

A barcode scanner is a keyboard: after staff click *Reprint badge*, *Retry*, a
table row or the day picker, its keys would go to that button or table and the
badge would be lost. An application-wide event filter sends the first printable
key to the search field (moving the focus there, so the rest of the burst follows
by itself), and after a click on a button or a list in the main window, or when
the window becomes active again after a dialog, the focus goes back to the field.
Dialogs, other windows and text inputs keep their keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_EDITOR_TYPES = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def takes_text(widget: QWidget | None) -> bool:
    """True for widgets that need typed characters themselves (text inputs)."""
    if widget is None:
        return False
    if isinstance(widget, _EDITOR_TYPES):
        return not (isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit))
                    and widget.isReadOnly())
    return isinstance(widget, QComboBox) and widget.isEditable()


class ScanRouter(QObject):
    """Routes stray keystrokes of the main window to ``field``; brings the focus home."""

    def __init__(self, field: QLineEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.field = field
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _home(self) -> QWidget | None:
        """The main window the field lives in, while the field can take keys."""
        field = self.field
        if not field.isVisible() or not field.isEnabled():
            return None
        return field.window()

    def _in_home(self, obj: QObject, home: QWidget) -> bool:
        return isinstance(obj, QWidget) and obj.window() is home

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.KeyRelease, QEvent.Type.WindowActivate):
            return False
        try:
            home = self._home()
        except RuntimeError:  # the field was deleted with its desk
            return False
        if home is None or not self._in_home(obj, home) or obj is self.field:
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._route_key(event, home)
        activated = kind == QEvent.Type.WindowActivate and obj is home  # a dialog closed
        clicked = kind == QEvent.Type.MouseButtonRelease and _is_clickable(obj)
        pressed = kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent) \
            and isinstance(obj, QAbstractButton) \
            and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if activated or clicked or pressed:
            self.come_home(later=True)
        return False

    def _route_key(self, event: QKeyEvent, home: QWidget) -> bool:
        focus = QApplication.focusWidget()
        if focus is self.field or takes_text(focus):
            return False
        if focus is not None and focus.window() is not home:
            return False
        text = event.text()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.KeypadModifier)
        if not text or not text.isprintable() or text.isspace() or mods:
            return False  # shortcuts, arrows, Space on a focused button stay where they are
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
                         event.nativeVirtualKey(), event.nativeModifiers(), text,
                         event.isAutoRepeat(), event.count())
        copy.setTimestamp(event.timestamp())
        QApplication.sendEvent(self.field, copy)
        return True

    def come_home(self, *, later: bool = False) -> None:
        """Focus the search field, unless a text input of the window has it."""
        if later:
            QTimer.singleShot(0, self.come_home)
            return
        try:
            home = self._home()
        except RuntimeError:
            return
        active = QApplication.activeWindow()
        if home is None or (active is not None and active is not home
                            and active.isVisible()):
            return  # a dialog or another window has the keyboard
        focus = QApplication.focusWidget()
        if focus is self.field or (takes_text(focus) and focus is not None
                                   and focus.window() is home):
            return
        if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget():
            return
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)


def _is_clickable(obj: QObject) -> bool:
    """Buttons, lists, tables and pickers: after a click on them, typing goes to the field."""
    widget: QObject | None = obj
    while isinstance(widget, QWidget):
        if isinstance(widget, (QAbstractButton, QComboBox)):
            return True
        if isinstance(widget, QAbstractItemView):
            return True
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False
