"""The main window: the welcome screen or an open event's desk view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from checkin import __version__
from checkin.addresses import is_server_url, public_url
from checkin.days import default_day, parse_days
from checkin.demo import create_demo
from checkin.door import DoorResult, Status
from checkin.errors import UserError
from checkin.store import EventStore, create_event, open_event
from checkin.sync import SyncReport, open_desk, share, sync_state
from checkin.ui.desk_view import DeskView
from checkin.ui.share_dialog import JoinAddressDialog
from checkin.ui.sync_status import SyncStatus, SyncThread
from checkin.ui.tasks import TaskRunner
from checkin.ui.welcome import WelcomeView

EVENT_FILTER = "checkin events (*.checkin);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks or TaskRunner(self)
        self.store: EventStore | None = None
        self.desk: DeskView | None = None
        #: the shared event's address (with any password, in memory only)
        self.server_url: str | None = None
        self.sync_thread: SyncThread | None = None
        self.join_dialog: JoinAddressDialog | None = None
        self.stack = QStackedWidget(self)
        self.welcome = WelcomeView(self)
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.status_event = QLabel(self)
        self.statusBar().addWidget(self.status_event, 1)
        self.sync_status = SyncStatus(self)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync_status.hide()
        self.welcome.demo_requested.connect(self.try_demo)
        self.welcome.new_requested.connect(self.new_event)
        self.welcome.open_requested.connect(self.choose_event)
        self._build_menus()
        self.resize(1100, 720)
        self._update_title()

    @property
    def desk_name(self) -> str:
        return str(self.settings.value("desk/name", "Desk 1"))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.action_new = self._action("&New event…", QKeySequence.StandardKey.New, self.new_event)
        self.action_open = self._action("&Open event…", QKeySequence.StandardKey.Open,
                                        self.choose_event)
        self.action_quit = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.action_join = self._action(self.tr("&Join shared event…"), "Ctrl+J",
                                        self.choose_server)
        for action in (self.action_new, self.action_open, self.action_join):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        self.door_menu = self.menuBar().addMenu("&Door")
        self.action_undo = self._action("&Undo last check-in", QKeySequence.StandardKey.Undo,
                                        self.undo_last)
        self.door_menu.addAction(self.action_undo)
        event_menu = self.menuBar().addMenu(self.tr("&Event"))
        self.action_share = self._action(self.tr("&Share this event…"), "", self.share_event)
        self.action_join_address = self._action(self.tr("Join &address"), "",
                                                lambda: self.show_join_address())
        event_menu.addAction(self.action_share)
        event_menu.addAction(self.action_join_address)
        self._update_share_actions()

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str,
                slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _update_title(self) -> None:
        if self.store is None:
            self.setWindowTitle(f"checkin {__version__}")
            self.status_event.setText("No event open")
        else:
            event = self.store.event()
            self.setWindowTitle(f"{event.name} — checkin {__version__}")
            self.status_event.setText(f"{event.name} · {self.desk_name} · {self.store.location}")

    # -- opening events --------------------------------------------------------------

    def open_path(self, path: str | Path, day: date | None = None) -> bool:
        if is_server_url(str(path)):
            self.open_url(str(path), day)
            return True
        try:
            store = open_event(path)
        except UserError as exc:
            QMessageBox.warning(self, "Cannot open event", exc.message)
            return False
        state = sync_state(store)
        if "server" in state:  # a desk's copy of a shared event: keep it in sync
            self.settings.setValue("desk/name", state["desk"])
            self.show_event(store, day, server_url=state["server"])
        else:
            self.show_event(store, day)
        return True

    def open_url(self, url: str, day: date | None = None) -> None:
        """Join a shared event: this desk's local copy (made from the server the first
        time, in the background), then keep it in sync."""
        desk = self.desk_name
        self.status_event.setText(self.tr("Opening %1 …").replace("%1", public_url(url)))
        self.tasks.run(lambda _p: open_desk(url, desk),
                       on_done=lambda store: self.show_event(store, day, server_url=url),
                       on_error=self._cannot_join)

    def _cannot_join(self, exc: BaseException) -> None:
        from checkin.ui.errors import describe_error

        self._update_title()
        QMessageBox.warning(self, self.tr("Cannot join the shared event"), describe_error(exc))

    def choose_server(self) -> None:
        url, ok = QInputDialog.getText(
            self, self.tr("Join shared event"),
            self.tr("Address of the shared event (from the first desk's Event ▸ Join "
                    "address), e.g. postgresql://checkin@192.168.1.20/fachkonferenz:"))
        if not ok or not url.strip():
            return
        if not is_server_url(url.strip()):
            QMessageBox.warning(self, self.tr("Not an event address"), self.tr(
                "An address starts with postgresql:// — copy it from the first desk."))
            return
        desk, ok = QInputDialog.getText(
            self, self.tr("Join shared event"),
            self.tr("Name of this desk (each desk needs its own, e.g. Desk 2):"),
            text=self.desk_name)
        if ok and desk.strip():
            self.settings.setValue("desk/name", desk.strip())
            self.open_url(url.strip())

    def show_event(self, store: EventStore, day: date | None = None, *,
                   server_url: str | None = None) -> None:
        self.close_event_store()
        self.store = store
        event = store.event()
        self.desk = DeskView(store, self.desk_name, self.tasks, day or default_day(event), self)
        self.stack.addWidget(self.desk)
        self.stack.setCurrentWidget(self.desk)
        self.settings.setValue("event/last",
                               public_url(server_url) if server_url else str(store.path))
        if server_url:
            self._start_sync(store, server_url)
        self._update_title()
        self._update_share_actions()
        self.desk.setFocus()

    # -- shared events -----------------------------------------------------------------

    def _start_sync(self, store: EventStore, url: str) -> None:
        self.server_url = url
        self.sync_thread = SyncThread(store.path, url, self.desk_name, self)
        self.sync_thread.reported.connect(self.sync_reported)
        if self.desk is not None:
            self.desk.checked_in.connect(self.sync_thread.poke)
        self.sync_status.show_connecting()
        self.sync_status.show()
        self.sync_thread.start()

    def sync_reported(self, report: SyncReport) -> None:
        """A sync round finished: update the status bar and show what other desks did."""
        self.sync_status.show_report(report)
        desk = self.desk
        if desk is None:
            return
        if report.pulled:
            desk.reload(attendees_changed=report.attendees_changed)
        for double in report.doubles:
            desk.banner.show_result(DoorResult(Status.ALREADY_CHECKED_IN, double.message))

    def _stop_sync(self) -> None:
        if self.sync_thread is not None:
            self.sync_thread.stop()
            self.sync_thread.deleteLater()
            self.sync_thread = None
        self.server_url = None
        self.sync_status.hide()

    def _update_share_actions(self) -> None:
        self.action_share.setEnabled(self.store is not None and self.server_url is None)
        self.action_join_address.setEnabled(self.server_url is not None)

    def share_event(self) -> None:
        store = self.store
        if store is None:
            return
        url, ok = QInputDialog.getText(
            self, self.tr("Share this event"),
            self.tr("Address of the PostgreSQL database to share the event in (it is "
                    "created if it does not exist), e.g. "
                    "postgresql://postgres@localhost/fachkonferenz:"))
        url = url.strip()
        if not ok or not url:
            return
        if not is_server_url(url):
            QMessageBox.warning(self, self.tr("Not an event address"), self.tr(
                "The address starts with postgresql:// — see the README's \"Several desks\"."))
            return
        path = store.path

        def shared(_report: object) -> None:
            self.open_url(url)
            self.show_join_address(url)

        self.tasks.run(lambda _p: share(path, url), on_done=shared,
                       on_error=self._cannot_share)

    def _cannot_share(self, exc: BaseException) -> None:
        from checkin.ui.errors import describe_error

        QMessageBox.warning(self, self.tr("Cannot share the event"), describe_error(exc))

    def show_join_address(self, url: str | None = None) -> None:
        address = url or self.server_url
        if address is not None:
            self.join_dialog = JoinAddressDialog(address, self)
            self.join_dialog.open()

    def close_event_store(self) -> None:
        self._stop_sync()
        if self.desk is not None:
            self.tasks.wait()
            self.stack.removeWidget(self.desk)
            self.desk.deleteLater()
            self.desk = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def choose_event(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open event", "", EVENT_FILTER)
        if path:
            self.open_path(path)

    def new_event(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New event", "event.checkin", EVENT_FILTER)
        if not path:
            return
        name, ok = QInputDialog.getText(self, "New event", "Name of the event:")
        if not ok:
            return
        days, ok = QInputDialog.getText(self, "New event",
                                        "Days (YYYY-MM-DD, separated by commas):",
                                        text=date.today().isoformat())
        if not ok:
            return
        try:
            store = create_event(path, name=name, days=parse_days(days))
        except UserError as exc:
            QMessageBox.warning(self, "Cannot create event", exc.message)
            return
        self.show_event(store)

    def try_demo(self) -> None:
        from checkin.paths import data_dir

        path = data_dir() / "demo.checkin"
        try:
            store = open_event(path) if path.exists() else create_demo(path)
        except UserError as exc:
            QMessageBox.warning(self, "Cannot open the demo", exc.message)
            return
        self.show_event(store)

    # -- door actions ------------------------------------------------------------------

    def undo_last(self) -> None:
        desk = self.desk
        if desk is None:
            return
        self.tasks.run(lambda _p: desk.door.undo_last(), on_done=desk.show_result,
                       on_error=desk.show_error, write=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_event_store()
        super().closeEvent(event)
