"""The main window: the welcome screen or an open event's desk view."""

from __future__ import annotations

import platform
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from checkin import __version__
from checkin.common.desk_options import OPTIONS, ZOOM_STEP
from checkin.door.days import default_day
from checkin.errors import UserError
from checkin.event.demo import create_demo
from checkin.store import EventStore, create_event, open_event
from checkin.sync.addresses import is_server_url, public_url
from checkin.ui.attendance.attendance_actions import AttendanceActions
from checkin.ui.badges.badge_desk import BadgesController
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.errors import describe_error
from checkin.ui.common.file_dialogs import open_file_name, save_file_name
from checkin.ui.common.i18n import Translations, resolve_language
from checkin.ui.common.icons import app_icon
from checkin.ui.common.shortcuts import ShortcutsDialog, show_shortcut_in_tooltip
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.common.theme import Appearance
from checkin.ui.door.camera import camera_support
from checkin.ui.door.desk_help import DeskHelp
from checkin.ui.door.desk_view import DeskView
from checkin.ui.event.new_event_dialog import NewEventDialog
from checkin.ui.importing.import_wizard import ImportHook
from checkin.ui.settings_dialog import SettingsDialog
from checkin.ui.sync.shared_events import SharedEvents
from checkin.ui.welcome import WelcomeView


class MainWindow(QMainWindow):
    def __init__(self, settings: DeskSettings, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None, *,
                 translations: Translations | None = None,
                 appearance: Appearance | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.translations = translations
        self.appearance = appearance
        self.tasks = tasks or TaskRunner(self)
        self.store: EventStore | None = None
        self.desk: DeskView | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.welcome = self._make_welcome()
        self.status_event = QLabel(self)
        self.statusBar().addWidget(self.status_event, 1)
        self.shared = SharedEvents(self)
        self.setWindowIcon(app_icon())
        self._build_menus()
        self.attendance = AttendanceActions(self)
        self.shared.add_menu(self.menuBar())
        self.badges = BadgesController(self, settings, self.tasks, self.desk_name)
        self._help_last()
        self.resize(1100, 720)
        #: the theme and zoom the views were built for (a change rebuilds them)
        self._look = self._current_look()
        self.retranslate()

    @property
    def sounds_on(self) -> bool:
        return self.settings.flag("desk/sounds")

    @property
    def desk_name(self) -> str:
        return self.settings.text("desk/name")

    def _make_welcome(self) -> WelcomeView:
        welcome = WelcomeView(self)
        welcome.demo_requested.connect(self.try_demo)
        welcome.new_requested.connect(self.new_event)
        welcome.open_requested.connect(self.choose_event)
        self.stack.insertWidget(0, welcome)
        return welcome

    def _build_menus(self) -> None:
        """The window's own menus; their words are set by ``retranslate``."""
        file_menu = self.menuBar().addMenu("")
        self.file_menu = file_menu
        self.action_new = self._action(QKeySequence.StandardKey.New, self.new_event)
        self.action_open = self._action(QKeySequence.StandardKey.Open, self.choose_event)
        self.action_save_copy = self._action(QKeySequence.StandardKey.SaveAs, self.save_copy)
        self.action_settings = self._action("Ctrl+,", self.show_settings)
        self.action_quit = self._action(QKeySequence.StandardKey.Quit, self.close)
        # Windows and the offscreen platform define no Quit key: Ctrl+Q everywhere
        self.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
        for action in (self.action_new, self.action_open, self.shared.action_join,
                       self.action_save_copy):
            file_menu.addAction(action)
        self.import_hook = ImportHook(self, file_menu)  # File > Import…, drop a file
        file_menu.addSeparator()
        file_menu.addAction(self.action_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        self.view_menu = view_menu = self.menuBar().addMenu("")
        self.action_zoom_in = self._action(QKeySequence.StandardKey.ZoomIn,
                                           lambda: self.zoom_by(ZOOM_STEP))
        self.action_zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn),
                                          QKeySequence("Ctrl+=")])
        self.action_zoom_out = self._action(QKeySequence.StandardKey.ZoomOut,
                                            lambda: self.zoom_by(-ZOOM_STEP))
        self.action_zoom_reset = self._action("Ctrl+0", lambda: self.zoom_by(0))
        for action in (self.action_zoom_in, self.action_zoom_out, self.action_zoom_reset):
            view_menu.addAction(action)
        self.door_menu = self.menuBar().addMenu("")
        self.action_undo = self._action(QKeySequence.StandardKey.Undo, self.undo_last)
        self.action_walk_in = self._action("Ctrl+Shift+N", self.add_walk_in)
        self.action_edit = self._action("Ctrl+E", self.edit_person)
        self.action_find = self._action(QKeySequence.StandardKey.Find, self.focus_search)
        self.action_day = self._action("Ctrl+D", self.choose_day)
        self.action_camera = QAction(self)
        self.action_undo.setAutoRepeat(False)  # holding Ctrl+Z undoes one check-in, not ten
        self.action_camera.triggered.connect(self.open_camera)
        self._camera_problem = camera_support()
        self.door_menu.setToolTipsVisible(True)
        self.action_sounds = QAction(self)
        self.action_sounds.setCheckable(True)
        self.action_sounds.setChecked(self.sounds_on)
        self.action_sounds.toggled.connect(self.set_sounds)
        self.action_fields = QAction(self)
        self.action_fields.triggered.connect(self.choose_search_fields)
        for action in (self.action_find, self.action_undo, self.action_walk_in,
                       self.action_edit, self.action_day, self.action_camera):
            self.door_menu.addAction(action)
        self.door_menu.addSeparator()
        self.door_menu.addAction(self.action_sounds)
        self.door_menu.addAction(self.action_fields)
        self._door_actions = (self.action_undo, self.action_walk_in, self.action_edit,
                              self.action_find, self.action_day, self.action_fields)
        help_menu = self.menuBar().addMenu("")
        self.help_menu = help_menu
        self.action_desk_help = self._action(QKeySequence.StandardKey.HelpContents,
                                             self.show_desk_help)
        self.action_shortcuts = self._action("", self.show_shortcuts)
        self.action_about = self._action("", self.show_about)
        for action in (self.action_desk_help, self.action_shortcuts, self.action_about):
            help_menu.addAction(action)
        #: Help's pages, built when first opened (and refreshed on a language switch)
        self.desk_help: DeskHelp | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None

    def retranslate(self) -> None:
        """Every word of the window in the current language (at start and on a switch)."""
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.door_menu.setTitle(self.tr("&Door"))
        self.help_menu.setTitle(self.tr("&Help"))
        for action, text in (
                (self.action_new, self.tr("&New event…")),
                (self.action_open, self.tr("&Open event…")),
                (self.action_save_copy, self.tr("Save a &copy…")),
                (self.action_settings, self.tr("&Settings…")),
                (self.action_quit, self.tr("&Quit")),
                (self.action_zoom_in, self.tr("Zoom &in")),
                (self.action_zoom_out, self.tr("Zoom &out")),
                (self.action_zoom_reset, self.tr("&Normal size")),
                (self.action_undo, self.tr("&Undo last check-in")),
                (self.action_walk_in, self.tr("Add &walk-in…")),
                (self.action_edit, self.tr("&Edit selected person…")),
                (self.action_find, self.tr("&Find or scan")),
                (self.action_day, self.tr("Choose event &day…")),
                (self.action_desk_help, self.tr("&How the desk works")),
                (self.action_shortcuts, self.tr("&Keyboard shortcuts")),
                (self.action_about, self.tr("&About checkin"))):
            action.setText(text)
            show_shortcut_in_tooltip(action)
        self.action_save_copy.setStatusTip(self.tr(
            "A complete copy of the event, with every check-in, safe while desks use it"))
        self.action_camera.setText(self.tr("Scan with &camera…"))
        self._camera_problem = camera_support()  # worded in the current language
        self.action_camera.setToolTip(self._camera_problem or self.tr("Read badges with a webcam"))
        self.action_sounds.setText(self.tr("&Sounds"))
        self.action_fields.setText(self.tr("Search also &in…"))
        self.status_event.setAccessibleName(self.tr("Open event"))
        for part in (self.import_hook, self.shared, self.attendance, self.badges):
            part.retranslate()
        self._update_title()
        # after every menu has its new words: the Help pages read them
        for page in (self.desk_help, self.shortcuts_dialog):
            if page is not None:
                page.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the menus of the features (Badges, Event, …) too
        super().changeEvent(event)

    def _action(self, shortcut: QKeySequence.StandardKey | str, slot: object) -> QAction:
        """A menu action; ``retranslate`` gives it its words and a tooltip naming the key."""
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _update_title(self) -> None:
        for action in self._door_actions:
            action.setEnabled(self.desk is not None)
        self._show_undo_target()
        self.action_camera.setEnabled(self.desk is not None and not self._camera_problem)
        self.action_save_copy.setEnabled(self.store is not None)
        title = self.tr("checkin %1").replace("%1", __version__)
        if self.store is None:
            self.setWindowTitle(title)
            self.status_event.setText(self.tr("No event open"))
            self.status_event.setToolTip("")
        else:
            event = self.store.event()
            name = event.name
            if self.store.read_only:  # an archived copy: viewed and exported, not written
                name = self.tr("%1 (read-only)").replace("%1", name)
            self.setWindowTitle(f"{name} — {title}")
            parts = [name, self.desk_name]
            if self.desk is not None:
                day = QDate.fromString(self.desk.day, "yyyy-MM-dd")
                parts.append(QLocale().toString(day, QLocale.FormatType.LongFormat))
            # the file's path goes to the tooltip: next to the sync status it would be cut
            self.status_event.setText(" · ".join(parts))
            self.status_event.setToolTip(str(self.store.location))

    # -- settings, language, zoom ----------------------------------------------------

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings()

    def zoom_by(self, step: int) -> None:
        """Ctrl++ / Ctrl+- change the zoom by one step; ``0`` goes back to 100 %."""
        zoom = self.settings.number("ui/zoom") + step if step else int(
            OPTIONS["ui/zoom"].default)
        self.settings.set("ui/zoom", zoom)
        self.apply_settings()

    def _current_look(self) -> tuple[str, int]:
        return self.settings.text("ui/theme"), self.settings.number("ui/zoom")

    def apply_settings(self) -> None:
        """Language, theme and zoom take effect at once.

        A new language reaches every window as ``LanguageChange`` (each widget
        retranslates itself, nothing typed is lost); a new theme or zoom rebuilds
        the views, whose large fonts are derived from the system font.
        """
        if self.translations is not None:
            self.translations.install(resolve_language(self.settings.text("ui/language")))
        if self.appearance is not None:
            self.appearance.apply(self.settings.text("ui/theme"),
                                  self.settings.number("ui/zoom"))
        if self._current_look() != self._look:
            self._look = self._current_look()
            self.rebuild()

    def rebuild(self) -> None:
        """Recreate the views in the current font (their state is in the store)."""
        old = self.welcome
        self.welcome = self._make_welcome()
        self.stack.removeWidget(old)
        old.deleteLater()
        if self.desk is not None and self.store is not None:
            day = date.fromisoformat(self.desk.day)
            session = self.desk.session
            self.tasks.wait()
            old_desk = self.desk
            self.stack.removeWidget(old_desk)
            old_desk.deleteLater()
            self.desk = self._make_desk(self.store, day)
            self.desk.session = session
            self.badges.attach(self.store, self.desk)
            self.attendance.desk_replaced()
            self.shared.follow(self.desk)
            self.stack.setCurrentWidget(self.desk)
            self.desk.setFocus()
        self._update_title()

    def show_desk_help(self) -> None:
        """Help › How the desk works (F1), naming the keys the menus have now."""
        if self.desk_help is None:
            actions = {"find": self.action_find, "undo": self.action_undo,
                       "walk_in": self.action_walk_in, "edit": self.action_edit,
                       "day": self.action_day, "reprint": self.badges.action_reprint,
                       "board": self.attendance.action_board}
            self.desk_help = DeskHelp(actions, self)
        self.desk_help.refresh()
        self.desk_help.show()
        self.desk_help.raise_()

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts: read from the menus as they are now."""
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.menuBar(), self)
        self.shortcuts_dialog.refresh()
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About checkin"), self.tr(
            "<h3>checkin %1</h3><p>The registration desk for conferences: import the "
            "participant list, search or scan at the door, print badges, count and "
            "export attendance.</p><p>Qt %2 · Python %3</p>").replace(
            "%1", __version__).replace("%2", qVersion()).replace(
            "%3", platform.python_version()))

    # -- opening events --------------------------------------------------------------

    def open_path(self, path: str | Path, day: date | None = None) -> bool:
        if is_server_url(str(path)):
            self.shared.open_url(str(path), day)
            return True
        try:
            store = open_event(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot open event"), exc.message)
            return False
        self.show_event(store, day, server_url=self.shared.server_of(store))
        return True

    def show_event(self, store: EventStore, day: date | None = None, *,
                   server_url: str | None = None) -> None:
        self.close_event_store()
        self.store = store
        event = store.event()
        self.desk = self._make_desk(store, day or default_day(event))
        self.stack.setCurrentWidget(self.desk)
        self.badges.attach(store, self.desk)
        self.settings.set("event/last", public_url(server_url) if server_url else str(store.path))
        self.shared.attach(store, self.desk, server_url)
        self._update_title()
        self.attendance.event_opened()
        self.desk.setFocus()

    def _help_last(self) -> None:
        """Help stays the last menu, after the menus that features add."""
        bar = self.menuBar()
        bar.removeAction(self.help_menu.menuAction())
        bar.addAction(self.help_menu.menuAction())

    def _make_desk(self, store: EventStore, day: date) -> DeskView:
        desk = DeskView(store, self.desk_name, self.tasks, day, self, sounds=self.sounds_on)
        desk.day_changed.connect(lambda _day: self._update_title())
        desk.undo_target_changed.connect(self._show_undo_target)
        self.stack.addWidget(desk)
        return desk

    def close_event_store(self) -> None:
        self.attendance.event_closing()
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

    def _event_path(self) -> Path | None:
        """The open event's file (file dialogs start in its folder)."""
        return self.store.path if self.store is not None else None

    def event_filter(self) -> str:
        return self.tr("checkin events (*.checkin);;All files (*)")

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self._update_title()

    def choose_event(self) -> None:
        path = open_file_name(self, self.tr("Open event"), self._event_path(),
                              self.event_filter())
        if path:
            self.open_path(path)

    def new_event(self) -> None:
        path = save_file_name(self, self.tr("New event"), self._event_path(), "event.checkin",
                              self.event_filter())
        if not path:
            return
        details = NewEventDialog(resolve_language(self.settings.text("ui/language")), self)
        if details.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            store = create_event(path, name=details.event_name, days=details.days,
                                 language=details.event_language)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot create event"), exc.message)
            return
        self.show_event(store)

    def try_demo(self) -> None:
        from checkin.common.paths import data_dir

        path = data_dir() / "demo.checkin"
        try:
            store = open_event(path) if path.exists() else create_demo(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the demo"), exc.message)
            return
        self.show_event(store)

    def save_copy(self) -> None:
        """File > Save a copy…: through SQLite, so the copy has every check-in (WAL too)."""
        store = self.store
        if store is None:
            return
        path = save_file_name(self, self.tr("Save a copy of the event"), store.path,
                              f"{store.path.stem} copy.checkin", self.event_filter())
        if not path:
            return
        target = Path(path)
        if target.suffix == "":
            target = target.with_suffix(".checkin")

        def saved(dest: object) -> None:
            self.statusBar().showMessage(
                self.tr("Saved a copy as %1.").replace("%1", str(dest)), 10000)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Cannot save a copy"), describe_error(exc))

        # the dialog already asked before replacing an existing file
        self.tasks.run(lambda _p: store.save_copy(target, overwrite=True),
                       on_done=saved, on_error=failed)

    # -- door actions ------------------------------------------------------------------

    def undo_last(self) -> None:
        if self.desk is not None:
            self.desk.undo_last()

    def _show_undo_target(self) -> None:
        """The undo action names whose check-in it reverts ("Undo check-in of Anna Adler
        (09:12)"), kept current after every check-in and undo."""
        target = self.desk.undo_target if self.desk is not None else None
        if target is None:
            text = self.tr("&Undo last check-in")
        else:
            name, at = target
            text = self.tr("&Undo check-in of %1 (%2)").replace(
                "%1", name.replace("&", "&&")).replace("%2", at)
        self.action_undo.setText(text)
        show_shortcut_in_tooltip(self.action_undo)

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

    def choose_day(self) -> None:
        """The day picker from the keyboard (Tab in the search field belongs to scanners)."""
        if self.desk is not None:
            self.desk.day_picker.setFocus()
            self.desk.day_picker.showPopup()

    def open_camera(self) -> None:
        if self.desk is not None and not self._camera_problem:
            self.desk.open_camera()

    def set_sounds(self, on: bool) -> None:
        self.settings.set("desk/sounds", on)
        if self.desk is not None:
            self.desk.sounds.enabled = on

    def choose_search_fields(self) -> None:
        if self.desk is not None:
            self.desk.choose_search_fields()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_event_store()
        super().closeEvent(event)
