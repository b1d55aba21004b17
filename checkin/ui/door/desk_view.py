"""The desk view: one field to search or scan, the matches, the person's card.

The widget only arranges things; finding people is ``checkin.door.search`` and
checking them in is ``checkin.door.door``. Writes go through the task runner's
single writer, and the result is shown only once it is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkin.attendance.stats import day_counts
from checkin.door.choice import Choice, enter_choice
from checkin.door.door import GOOD, Door, DoorResult, Status, still_expected
from checkin.door.search import SearchIndex, paused_gc
from checkin.importing.merge import differences, possible_duplicates
from checkin.model import FIELD_LABELS, Attendee, CheckIn
from checkin.store import EventStore
from checkin.ui.common.core_words import core_word
from checkin.ui.common.formats import day_label
from checkin.ui.common.i18n import QT_TRANSLATE_NOOP
from checkin.ui.common.tasks import Progress, TaskHandle, TaskRunner
from checkin.ui.door.camera import CameraView
from checkin.ui.door.person_form import PersonForm, edit_form, walk_in_form
from checkin.ui.door.result_banner import ResultBanner, clock_time, keep_width
from checkin.ui.door.scan_field import SearchField
from checkin.ui.door.scan_router import ScanRouter
from checkin.ui.door.sounds import DeskSounds

_Index = QModelIndex | QPersistentModelIndex

#: While keys arrive at scanner speed, the visible search waits this long (ms).
BURST_SETTLE_MS = 80
#: Result rows shown for a query.
RESULT_LIMIT = 50


class ResultsModel(QAbstractTableModel):
    """The matching attendees, with enough context to tell namesakes apart."""

    HEADERS = (QT_TRANSLATE_NOOP("ResultsModel", "Name"),
               QT_TRANSLATE_NOOP("ResultsModel", "Organisation"),
               QT_TRANSLATE_NOOP("ResultsModel", "Project"),
               QT_TRANSLATE_NOOP("ResultsModel", "Status"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Attendee] = []
        self._arrivals: dict[str, CheckIn] = {}
        self._day = ""

    def set_rows(self, rows: list[Attendee], arrivals: dict[str, CheckIn], day: str) -> None:
        self.beginResetModel()
        self._rows, self._arrivals, self._day = rows, arrivals, day
        self.endResetModel()

    def attendee(self, row: int) -> Attendee | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Attendee]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def status_text(self, person: Attendee) -> str:
        record = self._arrivals.get(person.id)
        if record is not None:
            return self.tr("✔ Checked in {time} ({desk})").replace(
                "{time}", clock_time(record)).replace("{desk}", record.desk)
        if person.status == "cancelled":
            return self.tr("✖ Cancelled")
        if self._day and self._day not in person.days:
            return self.tr("✖ Not registered today")
        return self.tr("Expected")

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

    def retranslate(self) -> None:
        """Headers and status words are worded when shown: show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None


class DeskView(QWidget):
    """Search or scan, pick, check in; with the day's live counter."""

    checked_in = Signal(object)
    #: a person whose badge should be printed (walk-in, corrected name, reprint)
    badge_requested = Signal(object)
    #: the person on the card changed (an Attendee, or None): the badge preview follows it
    person_shown = Signal(object)
    #: the event day the desk counts for changed (ISO date), by the clock or by staff
    day_changed = Signal(str)
    # ``undo_target`` changed: whose check-in an undo would revert now
    undo_target_changed = Signal()

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
        # the selected row was chosen by staff (arrow keys, mouse), not preselected
        self._picked = False
        self.index = self.door.search_index()
        #: the latest background rebuild of the index; an older one's result is dropped
        self._index_generation = 0
        #: people added or corrected here while a rebuild runs (replayed onto the new index)
        self._added_meanwhile: dict[str, Attendee] | None = None
        # (name, time) of this desk's newest check-in, the one an undo reverts; None: none
        self.undo_target: tuple[str, str] | None = None
        self._undo_generation = 0

        self.field = SearchField(self)
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(4096)
        big = QFont(self.field.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.field.setFont(big)

        self.day_picker = QComboBox(self)
        self.day_picker.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for the_day in self.event_days:
            self.day_picker.addItem("", the_day)
        if self.day in self.event_days:
            self.day_picker.setCurrentIndex(self.event_days.index(self.day))

        self.model = ResultsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.results_title = QLabel(self)
        #: what the results show: "matches", "none", "latest" or "" (worded by _results_title)
        self._results_kind = ""
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
        for card_label in (self.card_name, self.card_details):
            keep_width(card_label)  # a long name wraps or is cut, it never widens the window
        # other people nothing tells apart from the one on the card (an import's
        # possible duplicates), with what differs between them
        self.card_duplicates = QLabel(self)
        self.card_duplicates.setObjectName("possibleDuplicates")
        self.card_duplicates.setWordWrap(True)
        self.card_duplicates.setStyleSheet(
            "QLabel#possibleDuplicates { background: #fff3cd; color: #5c4400; "
            "border: 1px solid #d4a017; padding: 4px; }")
        self.card_duplicates.hide()
        self.check_in_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.reprint_button = QPushButton(self)
        self.walk_in_button = QPushButton(self)
        for button in (self.check_in_button, self.edit_button, self.reprint_button,
                       self.walk_in_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner = ResultBanner(self)
        self.counter = QLabel(self)
        self.empty_state = QLabel(self)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setWordWrap(True)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setVisible(store.attendee_count() == 0)
        counter_font = QFont(self.font())
        counter_font.setPointSizeF(counter_font.pointSizeF() * 1.4)
        self.counter.setFont(counter_font)

        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.edit_button)
        card_buttons.addWidget(self.reprint_button)
        card = QVBoxLayout()
        card.addWidget(self.card_name)
        card.addWidget(self.card_details)
        card.addWidget(self.card_duplicates)
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
        layout.addWidget(self.empty_state)
        layout.addLayout(middle, 1)

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(BURST_SETTLE_MS)
        self._settle.timeout.connect(self._burst_settled)
        self.field.textChanged.connect(self._text_changed)
        # typing the next name: the last result steps back, so nobody reads an old
        # "Welcome" as the new person's (a scan or check-in shows at full strength)
        self.field.textEdited.connect(self._typed)
        self.field.returnPressed.connect(self._enter_pressed)
        self.field.scanned.connect(self.scan)
        self.field.move_selection.connect(self.move_selection)
        self.table.selectionModel().currentRowChanged.connect(self._show_card)
        self.table.pressed.connect(self._picked_by_mouse)
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
        self._poll = QTimer(self)
        self._poll.setInterval(30_000)
        self._poll.timeout.connect(self.poll_other_desks)
        self._poll.start()
        self.setFocusProxy(self.field)
        # keys typed anywhere in the main window reach the field; clicks bring focus home
        self.router = ScanRouter(self.field, self)
        self.retranslate()
        self._load_day()
        self.refresh_undo_target()

    def retranslate(self) -> None:
        """The desk's fixed words in the current language (at start and on a switch)."""
        self.field.setPlaceholderText(self.tr("Type a name or scan a badge"))
        self.field.setAccessibleName(self.tr("Search or scan"))
        self.day_picker.setAccessibleName(self.tr("Event day"))
        self.day_picker.setToolTip(self.tr("The event day check-ins count for "
                                           "(follows the clock; change it with Ctrl+D)"))
        today = date.today().isoformat()
        for position, the_day in enumerate(self.event_days):
            self.day_picker.setItemText(position, day_label(the_day) + (
                self.tr(" (today)") if the_day == today else ""))
        self.table.setAccessibleName(self.tr("Matching attendees"))
        self.card_duplicates.setAccessibleName(self.tr("Possible duplicates"))
        self.check_in_button.setText(self.tr("&Check in (Enter)"))
        self.check_in_button.setAccessibleName(self.tr("Check in the selected person"))
        self.check_in_button.setToolTip(self.tr("Check in the selected person (Enter); "
                                                "undo with Ctrl+Z"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Correct a typo in the name or organisation "
                                            "(Ctrl+E)"))
        self.reprint_button.setText(self.tr("Print &badge"))
        self.reprint_button.setToolTip(self.tr("Print the badge of the selected person (Ctrl+P)"))
        self.walk_in_button.setText(self.tr("Add &walk-in…"))
        self.walk_in_button.setToolTip(self.tr("Someone not on the list (Ctrl+Shift+N)"))
        self.counter.setAccessibleName(self.tr("Checked in today"))
        self.empty_state.setText(self.tr(
            "This event has no participants yet. Import your participant list with "
            "File › Import participants… (Ctrl+I), then search or scan here."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # what is on screen keeps its place; only its words change
            self.results_title.setText(self._results_title())
            self.model.retranslate()
            self.refresh_counter()
            if self._card_person is not None:
                self._card_texts(self._card_person)
        super().changeEvent(event)

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
            self.day_changed.emit(self.day)

    def _load_day(self) -> None:
        self._arrivals, self._expected = _day_state(self.store, self.index, self.day,
                                                    self.session)
        self.update_results(self.field.text())
        self.refresh_counter()

    # -- search ----------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if self.field.in_burst:
            self._settle.start()  # a scanner is typing: do not flash results for the code
        else:
            self._settle.stop()
            self.update_results(text)

    def _typed(self, text: str) -> None:
        if text:
            self.banner.step_back()

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
            self._results_kind = "matches" if rows else "none"
        else:
            rows = self._recent_arrivals()
            self._results_kind = "latest" if rows else ""
        self.results_title.setText(self._results_title())
        self.model.set_rows(rows, self._arrivals, self.day)
        self._picked = False
        if rows and text.strip():
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._show_card()

    def _results_title(self) -> str:
        return {"matches": self.tr("Matches"),
                "none": self.tr("No one found — check the spelling, search by "
                                "organisation, or add a walk-in."),
                "latest": self.tr("Latest check-ins")}.get(self._results_kind, "")

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
        self._picked = True

    def _picked_by_mouse(self, _index: QModelIndex) -> None:
        self._picked = True

    def selected(self) -> Attendee | None:
        index = self.table.currentIndex()
        return self.model.attendee(index.row()) if index.isValid() else None

    def _show_card(self, *_: object) -> None:
        self._show_person(self.selected())

    def _show_person(self, person: Attendee | None) -> None:
        """The card: who this is, in enough detail to be sure (and to greet them)."""
        self.check_in_button.setEnabled(person is not None and (
            self.selected() is not None or self._may_check_in(person)))
        for button in (self.edit_button, self.reprint_button):
            button.setEnabled(person is not None)
        self._card_person = person
        self.person_shown.emit(person)
        self.card_duplicates.hide()
        self.card_duplicates.setText("")
        if person is None:
            self.card_name.setText("")
            self.card_name.setToolTip("")
            self.card_details.setText("")
            return
        self.card_name.setText(person.display_name)
        self.card_name.setToolTip(person.display_name)
        self.card_name.setAccessibleName(person.display_name)
        self._card_texts(person)
        store = self.store
        self.tasks.run(lambda _p: possible_duplicates(store, person),
                       on_done=lambda others: self._show_duplicates(person, others))

    def _card_texts(self, person: Attendee) -> None:
        """The card's lines under the name (the status is worded in the desk's language)."""
        lines = [person.organization, person.project, person.role, person.email,
                 self.model.status_text(person)]
        if person.walk_in:
            lines.append(self.tr("Walk-in"))
        shown = [line for line in lines if line]
        self.card_details.setText("\n".join(shown))
        # a wrapped label in a nested layout may be squeezed: keep every line visible
        spacing = self.card_details.fontMetrics().lineSpacing()
        self.card_details.setMinimumHeight(spacing * (len(shown) + 1))
        self.card_name.setMinimumHeight(self.card_name.fontMetrics().lineSpacing())

    def _may_check_in(self, person: Attendee) -> bool:
        """The card offers *Check in* for a person expected today and not in yet (after
        an undo, say), though no row of the list is selected."""
        return person.status != "cancelled" and person.expected_on(self.day) \
            and person.id not in self._arrivals

    def _show_duplicates(self, person: Attendee, others: list[Attendee]) -> None:
        """Namesakes nothing tells apart, side by side with the card: what differs."""
        if self._card_person is None or self._card_person.id != person.id or not others:
            return
        lines = [self.tr("⚠ Possible duplicate: %n more with the same name and organisation, "
                         "nothing else tells them apart. Ask which one this is.", "",
                         len(others))]
        for other in others:
            diffs = [self._difference(name, mine, theirs)
                     for name, mine, theirs in differences(person, other)]
            lines.append(self.tr("• The other: {what}").replace(
                "{what}", "; ".join(diffs) if diffs else self.tr("no difference at all")))
        self.card_duplicates.setText("\n".join(lines))
        self.card_duplicates.show()

    def _difference(self, name: str, mine: str, theirs: str) -> str:
        """One differing field as "Project: GeKoNa (this card: SpiriDi)"."""
        none = self.tr("(empty)")
        if name == "days":
            mine, theirs = (", ".join(day_label(d) for d in v.split(", ") if d)
                            for v in (mine, theirs))
            label = self.tr("Days")
        elif name == "status":
            mine, theirs = (self.tr("cancelled") if v == "cancelled" else self.tr("active")
                            for v in (mine, theirs))
            label = self.tr("Status")
        else:
            label = core_word(FIELD_LABELS[name]) if name in FIELD_LABELS else name
        return self.tr("{field}: {theirs} (this card: {mine})").replace(
            "{field}", label).replace("{theirs}", theirs or none).replace(
            "{mine}", mine or none)

    # -- check-in ----------------------------------------------------------------------

    def _enter_pressed(self) -> None:
        """Enter checks in only an unambiguous choice (checkin.door.choice)."""
        text = self.field.text().strip()
        if self._settle.isActive():  # the results still show an older query
            self._settle.stop()
            self.update_results(self.field.text())
        picked = self.selected() if self._picked or not text else None
        choice = enter_choice(text, self.model.rows() if text else [], picked)
        if choice.kind == Choice.PERSON and choice.person is not None:
            self._check_in(choice.person, force=False)
        elif choice.kind == Choice.AMBIGUOUS:
            self.banner.show_message(
                "info", self.tr("Pick one"),
                self.tr("{count} people match “{text}” — pick one with ↑/↓, then press "
                        "Enter.").replace("{count}", QLocale().toString(choice.count))
                .replace("{text}", text))
            self.sounds.play("problem")
        elif choice.kind == Choice.NO_MATCH and len(text) <= 200:
            self.banner.show_message(
                "bad", self.tr("Not found"),
                self.tr("No one matches “{text}”. Check the spelling, try part of the name "
                        "or the organisation, or add a walk-in (Ctrl+Shift+N).")
                .replace("{text}", text))
            self.sounds.play("problem")
        elif text:
            self.scan(text)  # a code typed by hand, or a paste

    def scan(self, code: str, before: str = "") -> None:
        """A code from the scanner (or typed): resolve and check in, off the GUI thread.

        ``before`` is what the field held before the scanner's fast run: usually a
        half-typed name (dropped), sometimes the scanner's own first character,
        sent late with its Shift key; the door tries the code with it first.
        """
        self._settle.stop()
        self.update_results("")
        day, session = self.day, self.session
        tries = [before[-2:] + code, code] if before else [code]
        self.tasks.run(lambda _p: self.door.scan_first(tries, day=day, session=session),
                       on_done=self.show_result, on_error=self.show_error, write=True)

    def check_in_selected(self) -> None:
        """The selected row, or else the person on the card if the card offers it."""
        person = self.selected()
        if person is None and self._card_person is not None \
                and self._may_check_in(self._card_person):
            person = self._card_person
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
        self.sounds.play("undo" if result.status == Status.UNDONE
                         else "success" if result.status in GOOD else "problem")
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
        if result.status in (Status.CHECKED_IN, Status.UNDONE, Status.NOTHING_TO_UNDO):
            self.refresh_undo_target()
        self.field.setText("")  # and its undo history: Ctrl+Z cannot bring back the last name
        self.update_results("")
        self.refresh_counter()
        self.field.setFocus()
        if person is not None:
            self._show_person(person)

    def show_error(self, exc: BaseException) -> None:
        from checkin.ui.common.errors import describe_error

        self.banner.show_message("bad", self.tr("Not done"), describe_error(exc))
        self.sounds.play("problem")
        self.router.come_home()

    def undo_last(self) -> None:
        self.tasks.run(lambda _p: self.door.undo_last(), on_done=self.show_result,
                       on_error=self.show_error, write=True)

    def refresh_undo_target(self) -> None:
        """Find whose check-in an undo would revert (this desk's newest), off the GUI
        thread, so the menu can name the person before anyone presses it."""
        self._undo_generation += 1
        generation, store, desk = self._undo_generation, self.store, self.door.desk

        def work(_progress: Progress) -> tuple[str, CheckIn] | None:
            last = store.last_undoable(desk)
            if last is None:
                return None
            person = store.attendee(last.attendee_id)
            return (person.display_name if person is not None else "", last)

        def done(found: tuple[str, CheckIn] | None) -> None:
            if generation == self._undo_generation:  # an older look-up finished late
                self.undo_target = None if found is None else (found[0],
                                                               clock_time(found[1]))
                self.undo_target_changed.emit()

        self.tasks.run(work, on_done=done)

    def reload(self, *, attendees_changed: bool) -> None:
        """Records arrived from other desks (sync): re-read the people if they changed,
        and the day's arrivals; what the volunteer typed stays."""
        if attendees_changed:
            self.rebuild_index()
        else:
            self.poll_other_desks()

    def rebuild_index(self) -> TaskHandle:
        """Build a new search index off the GUI thread (2.95 s at 100,000 people) and
        swap it in; until then the old index answers. A newer rebuild supersedes an
        older one still running."""
        self._index_generation += 1
        generation, day, session = self._index_generation, self.day, self.session
        door, store = self.door, self.store
        added: dict[str, Attendee] = {}
        self._added_meanwhile = added

        def work(_progress: Progress) -> tuple[SearchIndex, dict[str, CheckIn], int]:
            with paused_gc():  # reading 100,000 people: GC passes would stall the window
                index = door.search_index()
                return (index, *_day_state(store, index, day, session))

        def done(result: tuple[SearchIndex, dict[str, CheckIn], int]) -> None:
            index, arrivals, expected = result
            if generation != self._index_generation:
                self._release(index)  # superseded by a newer rebuild
                return
            for person in added.values():  # walk-ins and corrections made meanwhile
                index.add(person)
            self._added_meanwhile = None
            self._release(self.index)
            self.index = index
            if (day, session) != (self.day, self.session):
                self._load_day()  # the volunteer picked another day meanwhile
                return
            self._arrivals, self._expected = arrivals, expected
            self.update_results(self.field.text())
            self.refresh_counter()
            self.poll_other_desks()  # check-ins committed while it was built
            if added:  # a walk-in may have been committed after the count was read
                self.tasks.run(lambda _p: day_counts(store, day).expected,
                               on_done=self._expected_counted(generation, day))

        return self.tasks.run(work, on_done=done)

    def _release(self, index: SearchIndex) -> None:
        """Free an index no longer shown on a worker, in steps: dropped here, freeing
        100,000 people's index would hold the GUI thread for a third of a second."""
        self.tasks.run(lambda _p: index.release())

    def _expected_counted(self, generation: int, day: str) -> Callable[[int], None]:
        def done(expected: int) -> None:
            if (generation, day) == (self._index_generation, self.day):
                self._expected = expected
                self.refresh_counter()
        return done

    def _index_add(self, person: Attendee) -> None:
        """Add or update ``person`` in the index (and in the one being built)."""
        self.index.add(person)
        if self._added_meanwhile is not None:
            self._added_meanwhile[person.id] = person

    def refresh_counter(self) -> None:
        """The day's count from what this desk knows (no query per scan at a big event)."""
        done = sum(1 for r in self._arrivals.values() if r.day == self.day)
        locale = QLocale()  # 20.000 in German, 20,000 in English
        self.counter.setText(self.tr("{done} / {expected} checked in today")
                             .replace("{done}", locale.toString(done))
                             .replace("{expected}", locale.toString(self._expected)))

    def poll_other_desks(self) -> None:
        """Re-read the day's arrivals off the GUI thread (other desks write too)."""
        day, session = self.day, self.session

        def done(arrivals: dict[str, CheckIn]) -> None:
            if (day, session) != (self.day, self.session):
                return
            for gone in set(self._arrivals) - set(arrivals):  # undone elsewhere
                person = self.index.person(gone)
                if person is not None and person.expected_on(day):
                    self.index.mark_open(gone)
            for new in set(arrivals) - set(self._arrivals):
                self.index.mark_arrived(new)
            self._arrivals = arrivals
            self.refresh_counter()

        self.tasks.run(lambda _p: self.store.checked_in(day, session), on_done=done)

    # -- walk-ins, edits, badges --------------------------------------------------------

    def open_walk_in(self) -> PersonForm:
        """Show the walk-in form (non-blocking); returns it so tests can fill it in."""
        form = walk_in_form(self.field.text(), self)
        form.accepted.connect(lambda: self._add_walk_in(form.values()))
        form.finished.connect(lambda _r: self.router.come_home(later=True))
        form.open()
        return form

    def _add_walk_in(self, values: dict[str, str]) -> None:
        day = self.day

        def done(result: DoorResult) -> None:
            if result.attendee is not None:
                self._index_add(result.attendee)
                self._expected += 1
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
        form.finished.connect(lambda _r: self.router.come_home(later=True))
        form.open()
        return form

    def _save_edit(self, person: Attendee, values: dict[str, str]) -> None:
        def done(updated: Attendee) -> None:
            self._index_add(updated)
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
            self._index_generation += 1  # a rebuild still running has the old fields
            self.index = self.door.search_index()
            self._load_day()

        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _r: self.router.come_home(later=True))
        dialog.open()
        return dialog

    def open_camera(self) -> CameraView:
        """A camera window whose codes go through the same scan as the USB scanner."""
        view = CameraView(self.tasks, self)
        view.scanned.connect(self.scan)
        view.show()
        view.start()
        return view

    def _reprint_selected(self) -> None:
        self._request_badge(self._card_person)

    def _request_badge(self, person: Attendee | None) -> None:
        if person is not None:
            self.badge_requested.emit(person)


def _day_state(store: EventStore, index: SearchIndex, day: str, session: str | None
               ) -> tuple[dict[str, CheckIn], int]:
    """The day's arrivals and expected count; the people still expected are marked open
    in ``index`` (they rank first). Runs on a worker for an index not yet shown."""
    arrivals = store.checked_in(day, session)
    expected = day_counts(store, day).expected
    index.set_open(still_expected(index.people(), day, arrivals))
    return arrivals, expected
