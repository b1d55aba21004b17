"""The desk view: one field to search or scan, the matches, the person's card.

The widget only arranges things; finding people is ``checkin.search`` and
checking them in is ``checkin.door``. Writes go through the task runner's
single writer, and the result is shown only once it is committed.
"""

from __future__ import annotations

import itertools
import time
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkin import codes
from checkin.door import GOOD, NOTICE, Door, DoorResult, Status
from checkin.model import Attendee, CheckIn
from checkin.stats import day_counts
from checkin.store import EventStore
from checkin.ui.person_form import PersonForm, edit_form, walk_in_form
from checkin.ui.sounds import DeskSounds
from checkin.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex

#: Keys closer together than this (seconds, median) come from a scanner, not a hand.
SCAN_KEY_GAP = 0.035
#: A pause longer than this (seconds) ends a scanner's run of keys (USB and Shift jitter
#: make single gaps longer than the typical one).
SCAN_MAX_GAP = 0.09
#: A scan has at least this many characters before its Enter or Tab.
SCAN_MIN_LENGTH = 4
#: While keys arrive at scanner speed, the visible search waits this long (ms).
BURST_SETTLE_MS = 80
#: Result rows shown for a query.
RESULT_LIMIT = 50


#: Keys that edit the line (their text is a control character, but no scanner sends them).
_EDITING_KEYS = frozenset({Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Home,
                           Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right,
                           Qt.Key.Key_Tab, Qt.Key.Key_Backtab})


_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
                            Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock,
                            Qt.Key.Key_NumLock})


def _clock_time(record: CheckIn) -> str:
    return record.at.astimezone().strftime("%H:%M")


class ResultsModel(QAbstractTableModel):
    """The matching attendees, with enough context to tell namesakes apart."""

    HEADERS = ("Name", "Organisation", "Project", "Status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Attendee] = []
        self._arrivals: dict[str, CheckIn] = {}
        self._card_person: Attendee | None = None
        self._day = ""

    def set_rows(self, rows: list[Attendee], arrivals: dict[str, CheckIn], day: str) -> None:
        self.beginResetModel()
        self._rows, self._arrivals, self._day = rows, arrivals, day
        self.endResetModel()

    def attendee(self, row: int) -> Attendee | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def status_text(self, person: Attendee) -> str:
        record = self._arrivals.get(person.id)
        if record is not None:
            return f"✔ Checked in {_clock_time(record)} ({record.desk})"
        if person.status == "cancelled":
            return "✖ Cancelled"
        if self._day and self._day not in person.days:
            return "✖ Not registered today"
        return "Expected"

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self.attendee(index.row())
        if person is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (person.display_name, person.organization, person.project,
                    self.status_text(person))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(p for p in (person.display_name, person.organization,
                                          person.project, person.role, person.email) if p)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class SearchField(QLineEdit):
    """The one input of the desk; tells a barcode scanner from a person typing.

    A USB scanner is a keyboard that types a whole code in a few milliseconds
    and ends with Enter (or Tab). Every key press is timed here: a run of at
    least ``SCAN_MIN_LENGTH`` characters without a pause over ``SCAN_MAX_GAP``,
    whose median gap is under ``SCAN_KEY_GAP``, followed at once by Enter or
    Tab, is a scan (a hand is ten times slower). Only the characters of that
    run are the code, and the field is emptied, so no half-typed code remains
    (text typed by hand just before goes with it).
    """

    move_selection = Signal(int)
    scanned = Signal(str)
    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (time, text) of the characters typed since the last pause
        self._run: list[tuple[float, str]] = []

    @property
    def in_burst(self) -> bool:
        """True while characters arrive faster than a hand types."""
        return len(self._run) >= 2 and self._run[-1][0] - self._run[-2][0] <= SCAN_KEY_GAP

    def _reset_burst(self) -> None:
        self._run = []

    def _is_scan(self) -> bool:
        run = self._run
        if len(run) < SCAN_MIN_LENGTH or time.monotonic() - run[-1][0] > SCAN_MAX_GAP:
            return False
        return self._machine_speed()

    def take_badge_code(self) -> str | None:
        """A badge code a scanner typed without a suffix (Enter) key, taken out of the field."""
        code = "".join(text for _, text in self._run)
        if len(self._run) < SCAN_MIN_LENGTH or not self._machine_speed() \
                or not codes.looks_like_badge_code(code):
            return None
        self._reset_burst()
        self.clear()
        return code

    def _machine_speed(self) -> bool:
        gaps = sorted(b[0] - a[0] for a, b in itertools.pairwise(self._run))
        return bool(gaps) and gaps[len(gaps) // 2] <= SCAN_KEY_GAP

    def _finish_line(self) -> None:
        is_scan = self._is_scan()
        code = "".join(text for _, text in self._run)
        self._reset_burst()
        if is_scan:
            self.clear()
            self.scanned.emit(code)
        else:
            self.activated.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.matches(QKeySequence.StandardKey.Undo):
            event.ignore()  # Ctrl+Z is "undo the last check-in", not "undo typing"
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and self._is_scan():
            self._finish_line()  # scanners set to a Tab suffix
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                 Qt.Key.Key_PageUp: -10}
        if key in _MODIFIER_KEYS:
            super().keyPressEvent(event)  # a scanner presses Shift for capitals: still a burst
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish_line()
        elif key in steps:
            self._reset_burst()
            self.move_selection.emit(steps[Qt.Key(key)])
        elif key == Qt.Key.Key_Escape:
            self._reset_burst()
            self.clear()
        elif text and key not in _EDITING_KEYS \
                and not (event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            # every character is timed, control characters too: a scanner that sends
            # them must not have them silently dropped from its code
            now = time.monotonic()
            if self._run and now - self._run[-1][0] > SCAN_MAX_GAP:
                self._run = []
            self._run.append((now, text))
            if text.isprintable():
                super().keyPressEvent(event)
        else:
            self._reset_burst()
            super().keyPressEvent(event)


class ResultBanner(QFrame):
    """The large, unmistakable outcome of the last action: colour, symbol, headline, words.

    Colours pass WCAG AA for large text (white on dark green/red, black on
    amber); the symbol and headline say the same without colour, and screen
    readers hear the headline and message (accessible name, description, alert).
    """

    STYLES: ClassVar[dict[str, tuple[str, str, str]]] = {
        # kind: (text colour, background, symbol)
        "good": ("#ffffff", "#1b5e20", "✔"),
        "notice": ("#000000", "#ffc107", "⚠"),
        "bad": ("#ffffff", "#b71c1c", "✖"),
        "info": ("#ffffff", "#0d47a1", "ℹ"),
    }
    #: what a screen reader says instead of the colour and symbol
    SPOKEN: ClassVar[dict[str, str]] = {"good": "Success", "notice": "Warning",
                                        "bad": "Problem", "info": "Information"}
    HEADLINES: ClassVar[dict[Status, str]] = {
        Status.CHECKED_IN: "Welcome",
        Status.ALREADY_CHECKED_IN: "Already checked in",
        Status.UNKNOWN: "Not found",
        Status.REJECTED: "Code rejected",
        Status.NOT_EXPECTED_TODAY: "Not registered today",
        Status.CANCELLED: "Registration cancelled",
        Status.UNDONE: "Check-in undone",
        Status.NOTHING_TO_UNDO: "Nothing to undo",
    }

    check_in_anyway = Signal(object)
    print_badge = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.icon = QLabel(self)
        icon_font = QFont(self.font())
        icon_font.setPointSizeF(icon_font.pointSizeF() * 3.2)
        icon_font.setBold(True)
        self.icon.setFont(icon_font)
        self.headline = QLabel(self)
        head_font = QFont(self.font())
        head_font.setPointSizeF(head_font.pointSizeF() * 2.2)
        head_font.setBold(True)
        self.headline.setFont(head_font)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        text_font = QFont(self.font())
        text_font.setPointSizeF(text_font.pointSizeF() * 1.4)
        self.label.setFont(text_font)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setFont(text_font)
        self.anyway_button = QPushButton(self.tr("Check in &anyway"), self)
        self.anyway_button.setToolTip(self.tr("Admit this person today (written to the log)"))
        self.badge_button = QPushButton(self.tr("&Print badge"), self)
        for button in (self.anyway_button, self.badge_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(170, 44)
            button.setFont(text_font)
            button.hide()
        self.anyway_button.clicked.connect(lambda: self.check_in_anyway.emit(self.attendee))
        self.badge_button.clicked.connect(lambda: self.print_badge.emit(self.attendee))
        words = QVBoxLayout()
        words.addWidget(self.headline)
        words.addWidget(self.label)
        words.addWidget(self.details)
        buttons = QVBoxLayout()
        buttons.addWidget(self.anyway_button)
        buttons.addWidget(self.badge_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        layout.addLayout(buttons)
        self.kind = ""
        self.attendee: Attendee | None = None
        self.hide()

    def _paint(self, kind: str) -> None:
        fg, bg, icon = self.STYLES[kind]
        self.kind = kind
        self.icon.setText(icon)
        self.setStyleSheet(f"#resultBanner {{ background: {bg}; border-radius: 10px; }} "
                           f"#resultBanner QLabel {{ color: {fg}; }}")

    def show_message(self, kind: str, headline: str, message: str, details: str = "",
                     attendee: Attendee | None = None, *, anyway: bool = False,
                     badge: bool = False) -> None:
        self._paint(kind)
        self.attendee = attendee
        self.headline.setText(headline)
        self.label.setText(message)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.anyway_button.setVisible(anyway)
        self.badge_button.setVisible(badge)
        self.setAccessibleName(f"{self.tr(self.SPOKEN[kind])}: {headline}")
        self.setAccessibleDescription(". ".join(p for p in (message, details) if p))
        self.show()
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def show_result(self, result: DoorResult) -> None:
        status = result.status
        kind = "good" if status in GOOD else "notice" if status in NOTICE else "bad"
        person = result.attendee
        details = ""
        if person is not None and status in (Status.CHECKED_IN, Status.NOT_EXPECTED_TODAY,
                                             Status.CANCELLED, Status.ALREADY_CHECKED_IN):
            details = " · ".join(p for p in (person.organization, person.project, person.role)
                                 if p)
        headline = self.tr(self.HEADLINES[status])
        message = result.message
        if status == Status.CHECKED_IN and person is not None:
            headline = self.tr("Welcome, {name}!").replace("{name}", person.display_name)
            if result.record is not None:
                message = self.tr("Checked in at {time} · {desk}").replace(
                    "{time}", _clock_time(result.record)).replace("{desk}", result.record.desk)
                if result.record.forced:
                    message += self.tr(" · admitted by staff (logged)")
        if result.repeat and status == Status.CHECKED_IN:
            details += self.tr("  (scanned twice — counted once)")
        anyway = person is not None and status in (Status.NOT_EXPECTED_TODAY, Status.CANCELLED)
        self.show_message(kind, headline, message, details, person, anyway=anyway)


class DeskView(QWidget):
    """Search or scan, pick, check in; with the day's live counter."""

    checked_in = Signal(object)
    #: a person whose badge should be printed (walk-in, corrected name, reprint)
    badge_requested = Signal(object)

    def __init__(self, store: EventStore, desk: str, tasks: TaskRunner,
                 day: date, parent: QWidget | None = None, *, sounds: bool = True) -> None:
        super().__init__(parent)
        self.store = store
        self.door = Door(store, desk)
        self.tasks = tasks
        self.event_days = store.event().day_strings
        self.day = day.isoformat()
        #: the session (workshop) this door counts for; None = the day itself
        self.session: str | None = None
        self.sounds = DeskSounds(sounds, self)
        self._arrivals: dict[str, CheckIn] = {}
        self._card_person: Attendee | None = None
        self.index = self.door.search_index()

        self.field = SearchField(self)
        self.field.setPlaceholderText(self.tr("Type a name or scan a badge"))
        self.field.setAccessibleName(self.tr("Search or scan"))
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(4096)
        big = QFont(self.field.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.field.setFont(big)

        self.day_picker = QComboBox(self)
        self.day_picker.setAccessibleName(self.tr("Event day"))
        self.day_picker.setToolTip(self.tr("The event day check-ins count for "
                                           "(follows the clock; change it if needed)"))
        self.day_picker.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        today = date.today().isoformat()
        for the_day in self.event_days:
            label = date.fromisoformat(the_day).strftime("%a %d.%m.%Y")
            self.day_picker.addItem(label + (self.tr(" (today)") if the_day == today else ""),
                                    the_day)
        if self.day in self.event_days:
            self.day_picker.setCurrentIndex(self.event_days.index(self.day))

        self.model = ResultsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Matching attendees"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.results_title = QLabel(self)
        self.results_title.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.card_name = QLabel(self)
        name_font = QFont(self.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 2)
        name_font.setBold(True)
        self.card_name.setFont(name_font)
        self.card_name.setWordWrap(True)
        self.card_details = QLabel(self)
        self.card_details.setWordWrap(True)
        self.check_in_button = QPushButton(self.tr("&Check in (Enter)"), self)
        self.check_in_button.setAccessibleName(self.tr("Check in the selected person"))
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setToolTip(self.tr("Correct a typo in the name or organisation"))
        self.reprint_button = QPushButton(self.tr("Print &badge"), self)
        self.walk_in_button = QPushButton(self.tr("Add &walk-in…"), self)
        self.walk_in_button.setToolTip(self.tr("Someone not on the list (Ctrl+Shift+N)"))
        for button in (self.check_in_button, self.edit_button, self.reprint_button,
                       self.walk_in_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner = ResultBanner(self)
        self.counter = QLabel(self)
        self.counter.setAccessibleName(self.tr("Checked in today"))
        counter_font = QFont(self.font())
        counter_font.setPointSizeF(counter_font.pointSizeF() * 1.4)
        self.counter.setFont(counter_font)

        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.edit_button)
        card_buttons.addWidget(self.reprint_button)
        card = QVBoxLayout()
        card.addWidget(self.card_name)
        card.addWidget(self.card_details)
        card.addWidget(self.check_in_button)
        card.addLayout(card_buttons)
        card.addStretch(1)
        card.addWidget(self.walk_in_button)
        card.addWidget(self.counter)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.day_picker)
        results = QVBoxLayout()
        results.addWidget(self.results_title)
        results.addWidget(self.table, 1)
        middle = QHBoxLayout()
        middle.addLayout(results, 3)
        middle.addLayout(card, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(BURST_SETTLE_MS)
        self._settle.timeout.connect(self._burst_settled)
        self.field.textChanged.connect(self._text_changed)
        self.field.activated.connect(self._enter_pressed)
        self.field.scanned.connect(self.scan)
        self.field.move_selection.connect(self.move_selection)
        self.table.selectionModel().currentRowChanged.connect(self._show_card)
        self.table.doubleClicked.connect(lambda _i: self.check_in_selected())
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reprint_button.clicked.connect(self._reprint_selected)
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.banner.check_in_anyway.connect(self.check_in_anyway)
        self.banner.print_badge.connect(self._request_badge)
        self.day_picker.currentIndexChanged.connect(self._day_picked)
        self.day_picker.activated.connect(self._day_overridden_by_staff)
        self._day_overridden = False
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(lambda: self.follow_clock(date.today()))
        self._clock.start()
        self.setFocusProxy(self.field)
        self._load_day()

    # -- the day -----------------------------------------------------------------------

    def set_day(self, day: str) -> None:
        """Staff override of which event day check-ins count for."""
        if day in self.event_days:
            self.day_picker.setCurrentIndex(self.event_days.index(day))
        self.day = day
        self._load_day()

    def _day_overridden_by_staff(self, _position: int) -> None:
        self._day_overridden = True

    def follow_clock(self, today: date) -> None:
        """At midnight the desk moves to the next event day, unless staff chose a day."""
        if not self._day_overridden and today.isoformat() in self.event_days \
                and today.isoformat() != self.day:
            self.set_day(today.isoformat())

    def _day_picked(self, position: int) -> None:
        the_day = self.day_picker.itemData(position)
        if the_day and the_day != self.day:
            self.day = str(the_day)
            self._load_day()

    def _load_day(self) -> None:
        self._arrivals = self.store.checked_in(self.day, self.session)
        self.index.set_open([p.id for p in self.index.people() if p.expected_on(self.day)
                             and p.id not in self._arrivals])
        self.update_results(self.field.text())
        self.refresh_counter()

    # -- search ----------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if self.field.in_burst:
            self._settle.start()  # a scanner is typing: do not flash results for the code
        else:
            self._settle.stop()
            self.update_results(text)

    def _burst_settled(self) -> None:
        code = self.field.take_badge_code()
        if code is not None:
            self.scan(code)  # a scanner set up without an Enter suffix
        else:
            self.update_results(self.field.text())

    def update_results(self, text: str) -> None:
        """Matches of the query, best first; with an empty field, the latest arrivals."""
        if text.strip():
            rows = [h.attendee for h in self.index.search(text, limit=RESULT_LIMIT)]
            self.results_title.setText(self.tr("Matches") if rows else
                                       self.tr("No one found — check the spelling, search by "
                                               "organisation, or add a walk-in."))
        else:
            rows = self._recent_arrivals()
            self.results_title.setText(self.tr("Latest check-ins") if rows else "")
        self.model.set_rows(rows, self._arrivals, self.day)
        if rows and text.strip():
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._show_card()

    def _recent_arrivals(self, count: int = 15) -> list[Attendee]:
        latest = sorted(self._arrivals.values(), key=lambda r: r.at, reverse=True)[:count]
        people = (self.index.person(r.attendee_id) for r in latest)
        return [p for p in people if p is not None]

    def move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        self.table.selectRow(max(0, min(rows - 1, current + step)))

    def selected(self) -> Attendee | None:
        index = self.table.currentIndex()
        return self.model.attendee(index.row()) if index.isValid() else None

    def _show_card(self, *_: object) -> None:
        self._show_person(self.selected())

    def _show_person(self, person: Attendee | None) -> None:
        """The card: who this is, in enough detail to be sure (and to greet them)."""
        self.check_in_button.setEnabled(person is not None and self.selected() is not None)
        for button in (self.edit_button, self.reprint_button):
            button.setEnabled(person is not None)
        self._card_person = person
        if person is None:
            self.card_name.setText("")
            self.card_details.setText("")
            return
        self.card_name.setText(person.display_name)
        lines = [person.organization, person.project, person.role, person.email,
                 self.model.status_text(person)]
        if person.walk_in:
            lines.append(self.tr("Walk-in"))
        self.card_details.setText("\n".join(line for line in lines if line))

    # -- check-in ----------------------------------------------------------------------

    def _enter_pressed(self) -> None:
        text = self.field.text().strip()
        if self.selected() is not None:
            self.check_in_selected()
        elif " " in text and len(text) <= 200:  # a name nobody has: codes have no spaces
            self.banner.show_message(
                "bad", self.tr("Not found"),
                self.tr("No one matches “{text}”. Check the spelling, try part of the name "
                        "or the organisation, or add a walk-in (Ctrl+Shift+N).")
                .replace("{text}", text))
            self.sounds.play("problem")
        elif text:
            self.scan(text)  # a code typed by hand, or a paste

    def scan(self, code: str) -> None:
        """A code from the scanner (or typed): resolve and check in, off the GUI thread."""
        self._settle.stop()
        self.update_results("")
        day, session = self.day, self.session
        self.tasks.run(lambda _p: self.door.scan(code, day=day, session=session),
                       on_done=self.show_result, on_error=self.show_error, write=True)

    def check_in_selected(self) -> None:
        person = self.selected()
        if person is not None:
            self._check_in(person, force=False)

    def check_in_anyway(self, person: Attendee | None) -> None:
        if person is not None:
            self._check_in(person, force=True)

    def _check_in(self, person: Attendee, *, force: bool) -> None:
        day, session = self.day, self.session
        self.tasks.run(lambda _p: self.door.check_in(person.id, day=day, session=session,
                                                     force=force),
                       on_done=self.show_result, on_error=self.show_error, write=True)

    def show_result(self, result: DoorResult) -> None:
        self.banner.show_result(result)
        self.sounds.play("success" if result.status in GOOD else "problem")
        person, record = result.attendee, result.record
        if person is not None and record is not None and result.day == self.day \
                and record.session == self.session:
            if result.status == Status.CHECKED_IN:
                self._arrivals.setdefault(person.id, record)
                self.index.mark_arrived(person.id)
            elif result.status == Status.UNDONE:
                self._arrivals.pop(person.id, None)
                if person.expected_on(self.day):
                    self.index.mark_open(person.id)
        if result.status in GOOD and not result.repeat:
            self.checked_in.emit(result)
        self.field.clear()
        self.update_results("")
        self.refresh_counter()
        self.field.setFocus()
        if person is not None and result.status in (Status.CHECKED_IN, Status.ALREADY_CHECKED_IN):
            self._show_person(person)

    def show_error(self, exc: BaseException) -> None:
        from checkin.ui.errors import describe_error

        self.banner.show_message("bad", self.tr("Not done"), describe_error(exc))
        self.sounds.play("problem")

    def undo_last(self) -> None:
        self.tasks.run(lambda _p: self.door.undo_last(), on_done=self.show_result,
                       on_error=self.show_error, write=True)

    def refresh_counter(self) -> None:
        counts = day_counts(self.store, self.day)
        self.counter.setText(self.tr("{done} / {expected} checked in today")
                             .replace("{done}", str(counts.checked_in))
                             .replace("{expected}", str(counts.expected)))

    # -- walk-ins, edits, badges --------------------------------------------------------

    def open_walk_in(self) -> PersonForm:
        """Show the walk-in form (non-blocking); returns it so tests can fill it in."""
        form = walk_in_form(self.field.text(), self)
        form.accepted.connect(lambda: self._add_walk_in(form.values()))
        form.open()
        return form

    def _add_walk_in(self, values: dict[str, str]) -> None:
        day = self.day

        def done(result: DoorResult) -> None:
            if result.attendee is not None:
                self.index.add(result.attendee)
            self.show_result(result)
            if result.attendee is not None:
                self.banner.badge_button.setVisible(True)
                self.badge_requested.emit(result.attendee)

        self.tasks.run(lambda _p: self.door.add_walk_in(values, day=day), on_done=done,
                       on_error=self.show_error, write=True)

    def edit_selected(self) -> PersonForm | None:
        """Show the edit form for the person on the card (non-blocking)."""
        person = self._card_person
        if person is None:
            return None
        form = edit_form(person, self)
        form.accepted.connect(lambda: self._save_edit(person, form.values()))
        form.open()
        return form

    def _save_edit(self, person: Attendee, values: dict[str, str]) -> None:
        def done(updated: Attendee) -> None:
            self.index.add(updated)
            self.banner.show_message(
                "info", self.tr("Saved"),
                self.tr("{name}'s details were corrected. Print a new badge?")
                .replace("{name}", updated.display_name), "", updated, badge=True)
            self.field.setText(updated.full_name)
            self.field.setFocus()

        self.tasks.run(lambda _p: self.door.edit(person.id, values), on_done=done,
                       on_error=self.show_error, write=True)

    def choose_search_fields(self) -> QDialog:
        """Let staff pick extra imported columns the search also looks in (event setting)."""
        columns = sorted({k for p in self.index.people() for k in p.extra})
        chosen = set(self.door.search_fields())
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Search also in"))
        listing = QListWidget(dialog)
        for column in columns:
            item = QListWidgetItem(column, listing)
            item.setCheckState(Qt.CheckState.Checked if column in chosen
                               else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        note = QLabel(self.tr("Names, organisation, project, email and ticket codes are always "
                              "searched. Also search these imported columns:"), dialog)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(listing)
        layout.addWidget(buttons)

        def save() -> None:
            picked = [listing.item(i).text() for i in range(listing.count())
                      if listing.item(i).checkState() == Qt.CheckState.Checked]
            self.door.set_search_fields(picked)
            self.index = self.door.search_index()
            self._load_day()

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def _reprint_selected(self) -> None:
        self._request_badge(self._card_person)

    def _request_badge(self, person: Attendee | None) -> None:
        if person is not None:
            self.badge_requested.emit(person)
