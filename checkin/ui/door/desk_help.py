"""*Help › How the desk works*: the door's rules on one short page, for a new volunteer.

The keys it names are read from the window's actions when the page is shown, so
the page says what the menus do; ``refresh`` rewrites it in the current language
(the main window calls it after a language switch).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class DeskHelp(QDialog):
    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the actions whose keys the page names: find, undo, walk_in, edit, day, reprint, board
        self.keyed = dict(actions)
        self.page = QTextBrowser(self)
        self.page.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(600, 640)
        self.refresh()

    def key(self, name: str) -> str:
        action = self.keyed.get(name)
        if action is None or action.shortcut().isEmpty():
            return ""
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def refresh(self) -> None:
        title = self.tr("How the desk works")
        self.setWindowTitle(title)
        self.page.setAccessibleName(title)
        parts = [
            (self.tr("Search or scan"), self.tr(
                "One field does everything (%1 goes back to it): type part of a name, an "
                "organisation or a ticket code, or scan a badge into it. A scanned badge is "
                "checked in at once and the field is emptied for the next one."), ("find",)),
            (self.tr("Enter checks in only a clear choice"), self.tr(
                "Enter checks in the one match, the exact full name of one person, or the "
                "row you picked with ↑/↓ or a click. When several people match, the desk "
                "says how many and checks in nobody: pick one with ↑/↓, then press Enter. "
                "A name nobody has stays in the field to be corrected. Escape clears it."),
             ()),
            (self.tr("Undo"), self.tr(
                "%1 in a field with text undoes the typing. In an empty field it undoes "
                "this desk's last check-in; the Door menu names whose check-in that is."),
             ("undo",)),
            (self.tr("Walk-ins"), self.tr(
                "Someone who is not on the list: %1 adds them and checks them in. %2 "
                "corrects the person on the card (the change is logged)."),
             ("walk_in", "edit")),
            (self.tr("Badges and the queue"), self.tr(
                "The badge panel shows the badge of the person on the card; %1 prints it "
                "again. Every print job waits in the queue below the panel; a failed job "
                "says why, and Retry failed sends it again once the printer works."),
             ("reprint",)),
            (self.tr("The day"), self.tr(
                "The day picker next to the field (%1) says which event day counts. It "
                "starts on today's date; pick another day only to correct a day."),
             ("day",)),
            (self.tr("The live board"), self.tr(
                "%1 opens the live board: how many are here, by day and by session, for a "
                "second screen. It follows the day the desk counts."), ("board",)),
        ]
        html = [f"<h2>{title}</h2>"]
        for head, text, keys in parts:
            for number, name in enumerate(keys, 1):
                text = text.replace(f"%{number}", f"<b>{self.key(name)}</b>")
            html.append(f"<h3>{head}</h3><p>{text}</p>")
        self.page.setHtml("".join(html))

    def text(self) -> str:
        """What the page says, as plain text."""
        return self.page.toPlainText()
