"""The attendance part of the main window: live board, session picker, export, privacy.

Kept out of ``main_window.py`` so that the window only creates this object
and tells it when an event opens or closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolBar

from checkin.errors import UserError
from checkin.event.privacy import (
    delete_event,
    purge,
    purge_due,
    retention_days,
    retention_ends,
    set_retention_days,
)
from checkin.ui.attendance.export_dialog import ExportDialog
from checkin.ui.attendance.live_board import LiveBoard
from checkin.ui.common.errors import describe_error
from checkin.ui.common.shortcuts import show_shortcut_in_tooltip
from checkin.ui.door.session_picker import SessionPicker

if TYPE_CHECKING:
    from checkin.ui.main_window import MainWindow


class AttendanceActions(QObject):
    """Menu "Attendance", the session toolbar, and the purge prompt on opening."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.board: LiveBoard | None = None
        self.export_dialog: ExportDialog | None = None
        self.purge_prompt: QMessageBox | None = None
        self.menu = menu = window.menuBar().addMenu("")
        self.action_board = self._add(menu, "Ctrl+L", self.show_board)
        self.action_export = self._add(menu, "Ctrl+Shift+E", self.show_export)
        menu.addSeparator()
        self.action_retention = self._add(menu, None, self.ask_retention)
        self.action_purge = self._add(menu, None, self.confirm_purge)
        self.action_delete = self._add(menu, None, self.confirm_delete)
        self.picker = SessionPicker(window)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("session_toolbar")
        self.toolbar.addWidget(self.picker)
        window.addToolBar(self.toolbar)
        self.retranslate()
        self._enable(False)

    def _add(self, menu: QMenu, shortcut: str | None, slot: object) -> QAction:
        action = QAction(self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        """Called by the main window on a language switch (a QObject gets no LanguageChange)."""
        self.menu.setTitle(self.tr("&Attendance"))
        for action, text in ((self.action_board, self.tr("&Live board")),
                             (self.action_export, self.tr("&Export the day…")),
                             (self.action_retention, self.tr("&Retention period…")),
                             (self.action_purge, self.tr("&Purge personal data…")),
                             (self.action_delete, self.tr("&Delete this event…"))):
            action.setText(text)
            show_shortcut_in_tooltip(action)
        self.toolbar.setWindowTitle(self.tr("Session"))

    def _enable(self, on: bool) -> None:
        for action in (self.action_board, self.action_export, self.action_retention,
                       self.action_purge, self.action_delete):
            action.setEnabled(on)
        self.toolbar.setVisible(on)

    # -- the window tells us ---------------------------------------------------------

    def event_opened(self) -> None:
        self.desk_replaced()
        self.offer_purge_if_due()

    def desk_replaced(self) -> None:
        """Follow a new desk view (an event opened, or the views rebuilt for a setting)."""
        desk = self.window.desk
        self._enable(desk is not None)
        self.picker.bind(desk)
        if desk is not None and self.board is not None:
            desk.checked_in.connect(self.board.on_checked_in)

    def event_closing(self) -> None:
        self.picker.bind(None)
        if self.board is not None:
            self.board.close()
            self.board = None
        self._enable(False)

    # -- live board and export -------------------------------------------------------

    def show_board(self) -> None:
        store, desk = self.window.store, self.window.desk
        if store is None or desk is None:
            return
        if self.board is None:
            from datetime import date

            self.board = LiveBoard(store.path, date.fromisoformat(desk.day), self.window.tasks)
            self.board.fit_screen(self.window.screen())  # the screen the desk is on
            desk.checked_in.connect(self.board.on_checked_in)
        self.board.show()
        self.board.raise_()

    def show_export(self) -> None:
        store, desk = self.window.store, self.window.desk
        if store is None:
            return
        self.export_dialog = ExportDialog(store, self.window.tasks,
                                          None if desk is None else desk.day, self.window)
        self.export_dialog.open()

    # -- privacy ---------------------------------------------------------------------

    def ask_retention(self) -> None:
        store = self.window.store
        if store is None:
            return
        current = retention_days(store)
        text, ok = QInputDialog.getText(
            self.window, self.tr("Retention period"),
            self.tr("Keep personal data for how many days after the event?\n"
                    "Leave empty to keep it until you purge or delete the event."),
            text="" if current is None else str(current))
        if not ok:
            return
        try:
            if text.strip() and not text.strip().isdigit():
                raise UserError(self.tr("Give a number of days, e.g. 90, or leave it empty."))
            set_retention_days(store, int(text) if text.strip() else None)
        except UserError as exc:
            QMessageBox.warning(self.window, self.tr("Retention period"), exc.message)

    def offer_purge_if_due(self) -> None:
        """On opening: if the retention period is over, offer the purge (never force it)."""
        store = self.window.store
        if store is None or not purge_due(store):
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Retention period is over"),
                          self.tr("The retention period of this event ended on %1. Delete the "
                                  "personal data now? Anonymous counts stay.")
                          .replace("%1", str(retention_ends(store))),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Purge personal data"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Not now"))
        box.accepted.connect(self.run_purge)
        self.purge_prompt = box
        box.open()

    def _confirm(self, title: str, text: str) -> bool:
        """Ask before something that cannot be undone; Cancel is the default."""
        answer = QMessageBox.warning(
            self.window, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def confirm_purge(self) -> None:
        store = self.window.store
        if store is None:
            return
        if self._confirm(self.tr("Purge personal data"),
                         self.tr("Delete the names and all other personal data of %1 people "
                                 "from this event and its backups? Only anonymous counts "
                                 "stay. This cannot be undone.")
                         .replace("%1", str(store.attendee_count()))):
            self.run_purge()

    def run_purge(self) -> None:
        store = self.window.store
        if store is None:
            return
        if self.board is not None:
            self.board.close()
            self.board = None

        def reopen(_summary: object) -> None:
            # the desk's search index still holds the names: open the file afresh
            if self.window.store is store:
                self.window.open_path(store.path)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self.window, self.tr("Purge"), describe_error(exc))

        self.window.tasks.run(lambda _p: purge(store), on_done=reopen, on_error=failed,
                              write=True)

    def confirm_delete(self) -> None:
        store = self.window.store
        if store is None:
            return
        if self._confirm(self.tr("Delete this event"),
                         self.tr("Delete %1 with all check-ins and its backup copies? This "
                                 "cannot be undone.").replace("%1", str(store.path))):
            self.delete_current()

    def delete_current(self) -> None:
        store = self.window.store
        if store is None:
            return
        path = store.path
        self.window.close_event_store()
        try:
            delete_event(path)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Delete this event"), describe_error(exc))
        if self.window.settings.text("event/last") == str(path):
            self.window.settings.reset("event/last")
        self.window.show_welcome()
