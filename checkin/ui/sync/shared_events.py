"""What the main window does for shared events: join, share, the sync thread, the
status bar entry and the join address — kept here so the window stays small."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMenuBar, QMessageBox

from checkin.store import EventStore
from checkin.store.journal import sync_state
from checkin.sync.addresses import is_server_url, public_url
from checkin.sync.desks import open_desk, share
from checkin.sync.protocol import SyncReport
from checkin.ui.common.errors import describe_error
from checkin.ui.common.shortcuts import show_shortcut_in_tooltip
from checkin.ui.door.desk_view import DeskView
from checkin.ui.sync.share_dialog import JoinAddressDialog
from checkin.ui.sync.sync_status import SyncStatus, SyncThread

if TYPE_CHECKING:
    from checkin.ui.main_window import MainWindow


class SharedEvents(QObject):
    """Joins and shares events and keeps the open desk copy in sync."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: the shared event's address (with any password, in memory only)
        self.server_url: str | None = None
        self.sync_thread: SyncThread | None = None
        self.desk: DeskView | None = None
        self.join_dialog: JoinAddressDialog | None = None
        self.status = SyncStatus(window)
        window.statusBar().addPermanentWidget(self.status)
        self.status.hide()
        self.action_join = QAction(window)
        self.action_join.setShortcut("Ctrl+J")
        self.action_join.triggered.connect(self.choose_server)
        self.action_share = QAction(window)
        self.action_share.triggered.connect(self.share_event)
        self.action_join_address = QAction(window)
        self.action_join_address.triggered.connect(lambda: self.show_join_address())
        self.menu: QMenu | None = None
        self.retranslate()
        self._update_actions(None)

    def add_menu(self, bar: QMenuBar) -> None:
        """The Event menu (a feature's menu: it keeps its place after the window's own)."""
        self.menu = bar.addMenu(self.tr("&Event"))
        self.menu.addAction(self.action_share)
        self.menu.addAction(self.action_join_address)

    def retranslate(self) -> None:
        """Called by the main window on a language switch (a QObject gets no LanguageChange)."""
        for action, text in ((self.action_join, self.tr("&Join shared event…")),
                             (self.action_share, self.tr("&Share this event…")),
                             (self.action_join_address, self.tr("Join &address"))):
            action.setText(text)
            show_shortcut_in_tooltip(action)
        if self.menu is not None:
            self.menu.setTitle(self.tr("&Event"))

    # -- opening ---------------------------------------------------------------------

    def server_of(self, store: EventStore) -> str | None:
        """The server of a desk copy opened as a file (its desk name is adopted)."""
        state = sync_state(store)
        if "server" not in state:
            return None
        self.window.settings.set("desk/name", state["desk"])
        return state["server"]

    def open_url(self, url: str, day: date | None = None) -> None:
        """This desk's copy of a shared event (made from the server the first time, in
        the background); the window then shows it and it is kept in sync."""
        window, desk = self.window, self.window.desk_name
        window.status_event.setText(self.tr("Opening %1 …").replace("%1", public_url(url)))
        window.tasks.run(lambda _p: open_desk(url, desk),
                         on_done=lambda store: window.show_event(store, day, server_url=url),
                         on_error=self._cannot_join)

    def _cannot_join(self, exc: BaseException) -> None:
        self.window.status_event.setText(self.tr("No event open"))
        QMessageBox.warning(self.window, self.tr("Cannot join the shared event"),
                            describe_error(exc))

    def choose_server(self) -> None:
        window = self.window
        url, ok = QInputDialog.getText(
            window, self.tr("Join shared event"),
            self.tr("Address of the shared event (from the first desk's Event ▸ Join "
                    "address), e.g. postgresql://checkin@192.168.1.20/fachkonferenz:"))
        url = url.strip()
        if not ok or not url or not self._is_address(url):
            return
        desk, ok = QInputDialog.getText(
            window, self.tr("Join shared event"),
            self.tr("Name of this desk (each desk needs its own, e.g. Desk 2):"),
            text=window.desk_name)
        if ok and desk.strip():
            window.settings.set("desk/name", desk.strip())
            self.open_url(url)

    def _is_address(self, url: str) -> bool:
        if is_server_url(url):
            return True
        QMessageBox.warning(self.window, self.tr("Not an event address"), self.tr(
            "An event address starts with postgresql:// — see \"Several desks\" in the "
            "README."))
        return False

    # -- the open event --------------------------------------------------------------

    def attach(self, store: EventStore, desk: DeskView, url: str | None) -> None:
        """The window shows ``store``: sync it if it is a shared event's desk copy."""
        self.detach()
        self.desk = desk
        self.server_url = url
        if url is not None:
            self.sync_thread = SyncThread(store.path, url, self.window.desk_name, self)
            self.sync_thread.reported.connect(self.show_report)
            self.sync_thread.finished.connect(self._sync_ended)
            desk.checked_in.connect(self.sync_thread.poke)
            self.status.show_connecting()
            self.status.show()
            self.sync_thread.start()
        self._update_actions(store)

    def follow(self, desk: DeskView) -> None:
        """The window rebuilt its desk view (language or zoom changed): show news there."""
        self.desk = desk

    def detach(self) -> None:
        if self.sync_thread is not None:
            self.sync_thread.stop()
            self.sync_thread.deleteLater()
            self.sync_thread = None
        self.server_url = None
        self.desk = None
        self.status.hide()
        self._update_actions(None)

    def show_report(self, report: SyncReport) -> None:
        """A sync round finished: update the status bar and show what other desks did."""
        self.status.show_report(report)
        desk = self.desk
        if desk is None:
            return
        if report.pulled:
            desk.reload(attendees_changed=report.attendees_changed)
        for double in report.doubles:
            desk.banner.show_message("notice", self.tr("Checked in at two desks"),
                                     double.message)

    def _sync_ended(self) -> None:
        """The loop only ends by itself on a problem the user must solve (another event
        at this address): say so where they look, not only in the status bar."""
        if self.sync_thread is None or self.status.report is None:
            return
        QMessageBox.warning(self.window, self.tr("This desk stopped syncing"),
                            self.status.report.problem)

    def _update_actions(self, store: EventStore | None) -> None:
        self.action_share.setEnabled(store is not None and self.server_url is None)
        self.action_join_address.setEnabled(self.server_url is not None)

    # -- sharing ---------------------------------------------------------------------

    def share_event(self) -> None:
        store = self.window.store
        if store is None:
            return
        url, ok = QInputDialog.getText(
            self.window, self.tr("Share this event"),
            self.tr("Address of the PostgreSQL database to share the event in (it is "
                    "created if it does not exist), e.g. "
                    "postgresql://postgres@localhost/fachkonferenz:"))
        url = url.strip()
        if not ok or not url or not self._is_address(url):
            return
        path = store.path

        def shared(_report: object) -> None:
            self.open_url(url)
            self.show_join_address(url)

        self.window.tasks.run(lambda _p: share(path, url), on_done=shared,
                              on_error=self._cannot_share)

    def _cannot_share(self, exc: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("Cannot share the event"), describe_error(exc))

    def show_join_address(self, url: str | None = None) -> None:
        address = url or self.server_url
        if address is not None:
            self.join_dialog = JoinAddressDialog(address, self.window)
            self.join_dialog.open()
