"""Shortcuts named in tooltips as well as in menus, so keyboard users can learn them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def show_shortcut_in_tooltip(action: QAction) -> QAction:
    """Set the action's tooltip to its text plus its key, e.g. ``Live board (Ctrl+L)``."""
    plain = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{plain} ({keys})" if keys else plain)
    return action
