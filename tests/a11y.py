"""Accessibility checks for any window, reused by every screen's tests.

``unlabelled_controls(root)`` lists the interactive widgets a screen reader
could not name: no accessibleName and no visible text of their own (a button's
or check box's text counts; a line edit's placeholder does not, it vanishes
once you type; a label whose buddy is the widget names it, as Qt reads it from there).
``clipped_texts(root)`` lists labels and buttons narrower
than their text needs.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QAbstractSlider, QTextEdit, QPlainTextEdit, QTabWidget)


def _describe(widget: QWidget) -> str:
    name = widget.objectName() or "-"
    return f"{type(widget).__name__}(objectName={name})"


def _own_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a compound control (a spin box's line edit, a table's header,
    a line edit's clear button)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def unlabelled_controls(root: QWidget) -> list[str]:
    # a label's buddy is named by the label (Qt's accessibility reads it from there)
    named_by_label = {id(label.buddy()) for label in root.findChildren(QLabel)
                      if label.buddy() is not None and label.text().strip()}
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if _internal(widget) or type(widget).__name__ in ("QTabBar", "QScrollBar"):
            continue
        if widget.accessibleName().strip() or _own_text(widget) or id(widget) in named_by_label:
            continue
        found.append(_describe(widget))
    return found


def clipped_texts(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or _internal(widget):
            continue
        if isinstance(widget, QLabel) and widget.text():
            too_small = (widget.height() < widget.heightForWidth(widget.width())
                         if widget.wordWrap()
                         else widget.width() < widget.minimumSizeHint().width())
            if too_small:
                found.append(f"{_describe(widget)}: {widget.text()!r}")
        elif (isinstance(widget, QAbstractButton) and widget.text()
              and widget.width() < widget.minimumSizeHint().width()):
            found.append(f"{_describe(widget)}: {widget.text()!r}")
    return found
