"""Badges at the desk: a side panel and the Badges menu, hooked onto the desk's signals.

The desk view stays the door's business; this controller only listens: after
a check-in it runs the core's badge rule (``checkin.badges.after_checkin``, the
same one ``checkin scan`` runs) and shows where a pre-printed badge is (marking
it handed out) or queues a print when the desk prints on check-in.
It previews the selected person's badge and offers a reprint button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.badges import after_checkin, badge_location, render_one
from checkin.badges.after_checkin import BadgeAction
from checkin.badges.records import BadgeLocation
from checkin.door.door import DoorResult, Status
from checkin.model import Attendee
from checkin.store import EventStore
from checkin.ui.badges.badge_preview import BadgePreview, LeftOutNote
from checkin.ui.badges.badge_settings import DeskPrintSettings
from checkin.ui.badges.print_queue import (
    Poller,
    PrintQueue,
    PrintQueueView,
    Sender,
    system_poller,
    system_printers,
    system_sender,
)
from checkin.ui.common.core_words import badge_place
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.shortcuts import show_shortcut_in_tooltip
from checkin.ui.common.tasks import TaskRunner


class BadgePanel(QWidget):
    """Preview of the selected person's badge, where a pre-printed one is, and Reprint."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = BadgePreview(tasks, self)
        self.left_out = LeftOutNote(self.preview, self)
        self.location = QLabel(self)
        self.location.setWordWrap(True)
        font = self.location.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.location.setFont(font)
        #: which printer the desk uses when it picked one by itself
        self.printer_note = QLabel(self)
        self.printer_note.setWordWrap(True)
        self.printer_note.hide()
        self.reprint_button = QPushButton(self.tr("&Reprint badge"), self)
        self.reprint_button.setToolTip(self.tr("Print this person's badge again (Ctrl+P)"))
        self.reprint_button.setEnabled(False)
        self.queue_holder = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.left_out)
        layout.addWidget(self.location)
        layout.addWidget(self.printer_note)
        layout.addWidget(self.reprint_button)
        layout.addLayout(self.queue_holder, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.location.setAccessibleName(self.tr("Where the badge is"))
        self.printer_note.setAccessibleName(self.tr("Badge printer"))
        self.reprint_button.setText(self.tr("&Reprint badge"))
        self.reprint_button.setToolTip(self.tr("Print this person's badge again (Ctrl+P)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class BadgesController(QObject):
    """Adds the Badges menu and panel to the main window; attaches to each opened event."""

    def __init__(self, window: QMainWindow, settings: DeskSettings, tasks: TaskRunner,
                 desk_name: str, send: Sender = system_sender) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.tasks = tasks
        self.desk_name = desk_name
        self.send = send
        self.poll: Poller | None = system_poller
        #: the names of this computer's print queues (a desk without a printer is offered one)
        self.printers: Callable[[], list[str]] = system_printers
        self.printer_prompt: QInputDialog | None = None
        self._printer_asked = False
        self._waiting: list[tuple[Attendee, str]] = []
        self.store: EventStore | None = None
        self.desk: QWidget | None = None
        self.queue: PrintQueue | None = None
        self.queue_view: PrintQueueView | None = None
        self.person: Attendee | None = None
        self.panel = BadgePanel(tasks)
        self.panel.reprint_button.clicked.connect(self.reprint_selected)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("badge-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.menu = menu = window.menuBar().addMenu("")
        self.action_panel = self.dock.toggleViewAction()
        self.action_reprint = QAction(self)
        self.action_reprint.setShortcut(QKeySequence("Ctrl+P"))
        self.action_reprint.triggered.connect(self.reprint_selected)
        self.action_dialog = QAction(self)
        self.action_dialog.triggered.connect(self.open_dialog)
        for action in (self.action_panel, self.action_reprint, self.action_dialog):
            menu.addAction(action)
        self.dialog: QWidget | None = None
        self._location: BadgeLocation | None = None
        self.retranslate()
        self._set_enabled(False)

    def retranslate(self) -> None:
        """Called by the main window on a language switch (a QObject gets no LanguageChange)."""
        self.dock.setWindowTitle(self.tr("Badge"))
        self.menu.setTitle(self.tr("&Badges"))
        for action, text in ((self.action_panel, self.tr("Badge &panel")),
                             (self.action_reprint, self.tr("&Reprint selected badge")),
                             (self.action_dialog, self.tr("Badges, &templates and printing…"))):
            action.setText(text)
            show_shortcut_in_tooltip(action)
        if self._location is not None:
            self.show_location(self._location)

    def _set_enabled(self, on: bool) -> None:
        for action in (self.action_reprint, self.action_dialog):
            action.setEnabled(on)

    def desk_settings(self) -> DeskPrintSettings:
        return DeskPrintSettings.load(self.settings, self.desk_name)

    # -- attaching to an event ----------------------------------------------------------

    def attach(self, store: EventStore, desk: QWidget) -> None:
        self.detach()
        self.store = store
        self.desk = desk
        self.queue = PrintQueue(store, self.tasks, self.desk_name, self.desk_settings,
                                self.send, self, poll=self.poll)
        self.queue_view = PrintQueueView(self.queue, self.panel)
        self.panel.queue_holder.addWidget(self.queue_view)
        desk.checked_in.connect(self.on_checked_in)  # type: ignore[attr-defined]
        requested = getattr(desk, "badge_requested", None)
        if requested is not None:
            requested.connect(self.reprint)
        desk.person_shown.connect(self.on_person_shown)  # type: ignore[attr-defined]
        self._set_enabled(True)
        self.dock.show()

    def detach(self) -> None:
        if self.queue_view is not None:
            self.panel.queue_holder.removeWidget(self.queue_view)
            self.queue_view.deleteLater()
        self.queue_view = None
        if self.queue is not None:
            self.queue.deleteLater()
        self.queue = None
        self.store = None
        self.desk = None
        self.person = None
        self.panel.preview.clear_preview()
        self.show_location(None)
        self.panel.reprint_button.setEnabled(False)
        self._set_enabled(False)

    # -- the door's events ---------------------------------------------------------------

    def selected(self) -> Attendee | None:
        select = getattr(self.desk, "selected", None)
        person = select() if callable(select) else None
        return person if isinstance(person, Attendee) else None

    def on_person_shown(self, person: object) -> None:
        """Follow the desk's card: the preview is always the badge of the person shown."""
        if isinstance(person, Attendee):
            self.show_person(person)
        else:
            self.person = None
            self.panel.preview.clear_preview()
            self.show_location(None)
            self.panel.reprint_button.setEnabled(False)

    def show_person(self, person: Attendee) -> None:
        store = self.store
        if store is None:
            return
        self.person = person
        self.panel.reprint_button.setEnabled(True)
        settings = self.desk_settings()
        layout = settings.layout_obj()
        self.panel.preview.show_pdf_of(lambda: render_one(
            store, person, layout=layout, template=settings.template or None), dpi=80)
        self.show_location(badge_location(store, person.id))

    def show_location(self, where: BadgeLocation | None) -> None:
        self._location = where
        if where is None:
            self.panel.location.clear()
            return
        state = self.tr(" (handed out)") if where.handed_out else ""
        self.panel.location.setText(self.tr("Pre-printed badge: {where}").replace(
            "{where}", badge_place(where.box, where.number)) + state)

    def on_checked_in(self, result: DoorResult) -> None:
        """Run the core's badge rule (``checkin.badges.after_checkin``) and do its Qt side."""
        store = self.store
        if store is None or result.status != Status.CHECKED_IN or result.attendee is None:
            return
        person = result.attendee
        self.show_person(person)
        step = after_checkin.plan(store, result,
                                  print_on_checkin=self.desk_settings().print_on_checkin)
        if step.action == BadgeAction.HAND_OUT:
            desk = self.desk_name
            self.tasks.run(lambda _p: after_checkin.hand_out(store, step, desk=desk).location,
                           on_done=self.show_location, write=True)
        elif step.action == BadgeAction.PRINT:
            self.print_badge(person, "check-in")

    def print_badge(self, person: Attendee, reason: str) -> None:
        """Queue the badge; a desk without a printer first gets one (see ``choose_printer``)."""
        if self.queue is None:
            return
        if self.printer_prompt is None and not self.desk_settings().printer \
                and not self._printer_asked:
            self.choose_printer()
        if self.printer_prompt is not None:  # print once staff said which printer
            self._waiting.append((person, reason))
            return
        self.queue.submit(person, reason)

    def reprint(self, person: object) -> None:
        """A badge the desk asked for (walk-in, corrected name, reprint): a first badge is
        logged as one (``after_checkin.print_reason``), not as a reprint."""
        if isinstance(person, Attendee) and self.store is not None:
            self.print_badge(person, after_checkin.print_reason(self.store, person.id))

    def reprint_selected(self) -> None:
        person = self.selected() or self.person
        if person is not None:
            self.reprint(person)

    # -- a printer for a desk that has none ---------------------------------------------------

    def choose_printer(self) -> None:
        """Give a desk without a chosen printer the one it has, or ask once which one.

        Exactly one print queue on this computer: use it, keep it for this desk and say
        so. Several: ask (non-blocking; the badges wait for the answer). None: the job
        fails in the queue with what to do. Asked once per session, so a volunteer who
        closes the question is not asked again at every badge.
        """
        self._printer_asked = True
        names = self.printers()
        if len(names) == 1:
            self._use_printer(names[0], self.tr(
                "No printer was chosen for this desk: badges print on “%1”, the only printer "
                "on this computer. Change it in Badges ▸ Badges, templates and printing…"
            ).replace("%1", names[0]))
            return
        if not names:
            return
        prompt = QInputDialog(self.window)
        prompt.setWindowTitle(self.tr("Badge printer"))
        prompt.setLabelText(self.tr(
            "No printer is chosen for this desk yet. Which printer prints the badges here?"))
        prompt.setComboBoxItems(names)
        prompt.setComboBoxEditable(False)
        prompt.finished.connect(lambda code: self._printer_answered(prompt, code))
        self.printer_prompt = prompt
        prompt.open()

    def _printer_answered(self, prompt: QInputDialog, code: int) -> None:
        self.printer_prompt = None
        if code == QDialog.DialogCode.Accepted and prompt.textValue():
            self._use_printer(prompt.textValue(), self.tr(
                "Badges print on “%1”. Change it in Badges ▸ Badges, templates and "
                "printing…").replace("%1", prompt.textValue()))
        waiting, self._waiting = self._waiting, []
        for person, reason in waiting:  # without a printer they fail, with Retry
            self.print_badge(person, reason)
        come_home = getattr(getattr(self.desk, "router", None), "come_home", None)
        if callable(come_home):
            come_home(later=True)

    def _use_printer(self, name: str, note: str) -> None:
        settings = self.desk_settings()
        settings.printer = name
        settings.save(self.settings, self.desk_name)
        self.panel.printer_note.setText(note)
        self.panel.printer_note.show()

    def open_dialog(self) -> None:
        if self.store is None or self.queue is None:
            return
        from checkin.ui.badges.badges_dialog import BadgesDialog

        dialog = BadgesDialog(self.store, self.tasks, self.settings, self.desk_name,
                              self.queue, self.selected(), self.window)
        dialog.setModal(False)
        dialog.show()
        self.dialog = dialog
