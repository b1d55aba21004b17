"""The door's session picker: which session this desk counts for, and how full it is.

Sits in the main window's toolbar. Choosing a session sets the desk's
``session``, so every scan after that counts for the session; the indicator
next to it shows places taken and turns red with a warning when the room is
full (the door still lets staff decide).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QToolButton, QWidget

from checkin.door.sessions import (
    Occupancy,
    Session,
    add_session,
    list_sessions,
    session_occupancy,
)
from checkin.ui.common.errors import describe_error
from checkin.ui.common.formats import day_label
from checkin.ui.door.desk_view import DeskView

_STYLES = {
    "none": "",
    "ok": "color: #166534; font-weight: bold;",
    "low": "color: #92400e; font-weight: bold;",
    "full": "color: white; background: #b91c1c; font-weight: bold; padding: 2px 6px;"
            " border-radius: 4px;",
}


class SessionPicker(QWidget):
    """A combo box of the day's sessions ("Whole day" first) with an occupancy indicator."""

    #: the session id this door now counts for (None: the day itself)
    session_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: DeskView | None = None
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(18)
        self.indicator = QLabel(self)
        self.add_button = QToolButton(self)
        self.caption = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.combo)
        layout.addWidget(self.indicator)
        layout.addWidget(self.add_button)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.add_button.clicked.connect(self.add_session)
        self.occupancy: Occupancy | None = None
        self.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.combo.setAccessibleName(self.tr("Session this desk counts for"))
        self.combo.setToolTip(self.tr("Scans at this desk count for the chosen session"))
        self.indicator.setAccessibleName(self.tr("Places taken"))
        self.add_button.setText(self.tr("Add session…"))
        self.caption.setText(self.tr("Counting for:"))
        self.combo.setItemText(0, self.tr("Whole day"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def bind(self, desk: DeskView | None) -> None:
        """Follow a desk view (None when the event closes)."""
        self.desk = desk
        self.setEnabled(desk is not None)
        if desk is not None:
            desk.checked_in.connect(lambda _r: self.refresh())
            # the desk's day picker: a new day has its own sessions
            desk.day_picker.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        """Fill the list with the desk's day's sessions."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("Whole day"), None)
        if self.desk is not None:
            for session in list_sessions(self.desk.store, self.desk.day):
                self.combo.addItem(session.label, session.id)
        index = self.combo.findData(keep) if keep else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._chosen()

    def _chosen(self, *_: object) -> None:
        session = self.combo.currentData()
        desk = self.desk
        if desk is not None and desk.session != session:
            desk.session = session
            desk.set_day(desk.day)  # reloads who is already in, for this session
        self.session_changed.emit(session)
        self.refresh()

    def refresh(self) -> None:
        """Show places taken; red with the warning text when full."""
        session = self.combo.currentData()
        self.occupancy = None
        if self.desk is None or session is None:
            self._show("", "none", "")
            return
        self.occupancy = occupancy = session_occupancy(self.desk.store, str(session))
        if occupancy is None:
            self.reload()
            return
        if occupancy.capacity is None:
            self._show(self.tr("%n here", "", occupancy.checked_in), "ok", "")
        elif occupancy.full:
            self._show(self.tr("FULL %1 / %2").replace("%1", str(occupancy.checked_in))
                       .replace("%2", str(occupancy.capacity)), "full",
                       self.full_warning(occupancy))
        else:
            low = occupancy.nearly_full
            self._show(self.tr("%1 / %2 places").replace("%1", str(occupancy.checked_in))
                       .replace("%2", str(occupancy.capacity)), "low" if low else "ok", "")

    def full_warning(self, occupancy: Occupancy) -> str:
        """The core's ``Occupancy.warning``, in the desk's language."""
        return (self.tr("%1 is full: %2 of %3 places taken. Send people to another session "
                        "or raise the capacity.")
                .replace("%1", occupancy.session.name).replace("%2", str(occupancy.checked_in))
                .replace("%3", str(occupancy.capacity)))

    def _show(self, text: str, style: str, warning: str) -> None:
        self.indicator.setText(text)
        self.indicator.setStyleSheet(_STYLES[style])
        self.indicator.setToolTip(warning)

    def add_session(self) -> None:
        """Ask for a name and capacity and add a session to the desk's day."""
        desk = self.desk
        if desk is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add session"),
                                        self.tr("Name of the session on %1:")
                                        .replace("%1", day_label(desk.day)))
        if not ok or not name.strip():
            return
        capacity, ok = QInputDialog.getInt(self, self.tr("Add session"),
                                           self.tr("Places (0 = no limit):"), 0, 0, 100000)
        if not ok:
            return
        def done(session: Session) -> None:
            self.reload(keep=session.id)

        def failed(exc: BaseException) -> None:
            text = describe_error(exc)
            self._show(text, "low", text)

        desk.tasks.run(lambda _p: add_session(desk.store, day=desk.day, name=name,
                                              capacity=capacity or None),
                       on_done=done, on_error=failed, write=True)
