"""Telling screen readers about things that happen without focus moving.

A check-in result appears in the banner while focus stays in the search
field; sighted staff see the colour and icon, a screen-reader user needs the
words spoken. ``announce`` gives the widget the message as its accessible
name and raises an Alert event (Orca, NVDA and VoiceOver read alerts out).
Import, printing and export use it for their outcomes too.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, message: str) -> None:
    widget.setAccessibleName(message)
    widget.setAccessibleDescription(message)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
