"""Shortcuts named in tooltips as well as in menus, so keyboard users can learn them, and
*Help › Keyboard shortcuts*, a list read from the window's menus (so it cannot drift)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic and trailing ellipsis ("&Open event…" -> "Open event")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def keys_of(action: QAction) -> str:
    """All of the action's keys as the platform writes them ("Ctrl++, Ctrl+=")."""
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                     for key in action.shortcuts() if not key.isEmpty())


def show_shortcut_in_tooltip(action: QAction) -> QAction:
    """Set the action's tooltip to its text plus its key, e.g. ``Live board (Ctrl+L)``."""
    plain = plain_text(action.text())
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{plain} ({keys})" if keys else plain)
    return action


def _menu_rows(menu: QMenu, prefix: str = "") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _menu_rows(sub, f"{prefix}{plain_text(sub.title())} › ")
        elif keys_of(action):
            rows.append((prefix + plain_text(action.text()), keys_of(action)))
    return rows


def shortcut_table(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(command, keys)]) for every menu of ``bar`` with a shortcut, in order."""
    table = []
    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.isVisible():
            rows = _menu_rows(menu)
            if rows:
                table.append((plain_text(menu.title()), rows))
    return table


class ShortcutsDialog(QDialog):
    """Every menu command with a key, grouped by menu; ``refresh`` re-reads the menus
    (the main window calls it after a language switch)."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 600)
        self.refresh()

    def refresh(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts, by menu"))
        self.tree.clear()
        for title, rows in shortcut_table(self.bar):
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for command, keys in rows:
                QTreeWidgetItem(group, [command, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) as listed, for tests and screen readers alike."""
        listed = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None
            for j in range(group.childCount()):
                item = group.child(j)
                assert item is not None
                listed.append((group.text(0), item.text(0), item.text(1)))
        return listed
