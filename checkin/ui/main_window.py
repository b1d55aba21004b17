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
from checkin.errors import UserError
from checkin.store import EventStore, create_event, open_event
from checkin.ui.badge_desk import BadgesController
from checkin.ui.camera import camera_support
from checkin.ui.desk_view import DeskView
from checkin.ui.import_wizard import ImportHook
from checkin.ui.shared_events import SharedEvents
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
        self.stack = QStackedWidget(self)
        self.welcome = WelcomeView(self)
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.status_event = QLabel(self)
        self.statusBar().addWidget(self.status_event, 1)
        self.shared = SharedEvents(self)
        self.welcome.demo_requested.connect(self.try_demo)
        self.welcome.new_requested.connect(self.new_event)
        self.welcome.open_requested.connect(self.choose_event)
        self._build_menus()
        self.badges = BadgesController(self, settings, self.tasks, self.desk_name)
        self.resize(1100, 720)
        self._update_title()

    @property
    def sounds_on(self) -> bool:
        return str(self.settings.value("desk/sounds", "true")).lower() == "true"

    @property
    def desk_name(self) -> str:
        return str(self.settings.value("desk/name", "Desk 1"))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.action_new = self._action("&New event…", QKeySequence.StandardKey.New, self.new_event)
        self.action_open = self._action("&Open event…", QKeySequence.StandardKey.Open,
                                        self.choose_event)
        self.action_quit = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        for action in (self.action_new, self.action_open, self.shared.action_join):
            file_menu.addAction(action)
        self.import_hook = ImportHook(self, file_menu)  # File > Import…, drop a file
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        self.door_menu = self.menuBar().addMenu(self.tr("&Door"))
        self.action_undo = self._action(self.tr("&Undo last check-in"),
                                        QKeySequence.StandardKey.Undo, self.undo_last)
        self.action_walk_in = self._action(self.tr("Add &walk-in…"), "Ctrl+Shift+N",
                                           self.add_walk_in)
        self.action_edit = self._action(self.tr("&Edit selected person…"), "Ctrl+E",
                                        self.edit_person)
        self.action_find = self._action(self.tr("&Find or scan"), QKeySequence.StandardKey.Find,
                                        self.focus_search)
        self.action_camera = QAction(self.tr("Scan with &camera…"), self)
        self.action_camera.triggered.connect(self.open_camera)
        self._camera_problem = camera_support()
        self.action_camera.setToolTip(self._camera_problem or self.tr("Read badges with a webcam"))
        self.door_menu.setToolTipsVisible(True)
        self.action_sounds = QAction(self.tr("&Sounds"), self)
        self.action_sounds.setCheckable(True)
        self.action_sounds.setChecked(self.sounds_on)
        self.action_sounds.toggled.connect(self.set_sounds)
        self.action_fields = QAction(self.tr("Search also &in…"), self)
        self.action_fields.triggered.connect(self.choose_search_fields)
        for action in (self.action_find, self.action_undo, self.action_walk_in,
                       self.action_edit, self.action_camera):
            self.door_menu.addAction(action)
        self.door_menu.addSeparator()
        self.door_menu.addAction(self.action_sounds)
        self.door_menu.addAction(self.action_fields)
        self._door_actions = (self.action_undo, self.action_walk_in, self.action_edit,
                              self.action_find, self.action_fields)
        event_menu = self.menuBar().addMenu(self.tr("&Event"))
        event_menu.addAction(self.shared.action_share)
        event_menu.addAction(self.shared.action_join_address)

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str,
                slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _update_title(self) -> None:
        for action in self._door_actions:
            action.setEnabled(self.desk is not None)
        self.action_camera.setEnabled(self.desk is not None and not self._camera_problem)
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
            self.shared.open_url(str(path), day)
            return True
        try:
            store = open_event(path)
        except UserError as exc:
            QMessageBox.warning(self, "Cannot open event", exc.message)
            return False
        self.show_event(store, day, server_url=self.shared.server_of(store))
        return True

    def show_event(self, store: EventStore, day: date | None = None, *,
                   server_url: str | None = None) -> None:
        self.close_event_store()
        self.store = store
        event = store.event()
        self.desk = DeskView(store, self.desk_name, self.tasks, day or default_day(event), self,
                             sounds=self.sounds_on)
        self.stack.addWidget(self.desk)
        self.stack.setCurrentWidget(self.desk)
        self.badges.attach(store, self.desk)
        self.settings.setValue("event/last",
                               public_url(server_url) if server_url else str(store.path))
        self.shared.attach(store, self.desk, server_url)
        self._update_title()
        self.desk.setFocus()

    def close_event_store(self) -> None:
        self.shared.detach()
        if self.desk is not None:
            self.tasks.wait()
            self.badges.detach()
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
        if self.desk is not None:
            self.desk.undo_last()

    def add_walk_in(self) -> None:
        if self.desk is not None:
            self.desk.open_walk_in()

    def edit_person(self) -> None:
        if self.desk is not None:
            self.desk.edit_selected()

    def focus_search(self) -> None:
        if self.desk is not None:
            self.desk.field.selectAll()
            self.desk.field.setFocus()

    def open_camera(self) -> None:
        if self.desk is not None and not self._camera_problem:
            self.desk.open_camera()

    def set_sounds(self, on: bool) -> None:
        self.settings.setValue("desk/sounds", "true" if on else "false")
        if self.desk is not None:
            self.desk.sounds.enabled = on

    def choose_search_fields(self) -> None:
        if self.desk is not None:
            self.desk.choose_search_fields()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_event_store()
        super().closeEvent(event)
