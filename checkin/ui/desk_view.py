"""The desk view: one field to search or scan, the matches, the person's card.

The widget only arranges things; finding people is ``checkin.search`` and
checking them in is ``checkin.door``. Writes go through the task runner's
single writer, and the result is shown only once it is committed.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkin.door import GOOD, NOTICE, Door, DoorResult
from checkin.model import Attendee
from checkin.search import SearchIndex
from checkin.stats import day_counts
from checkin.store import EventStore
from checkin.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractTableModel):
    """The matching attendees, with enough context to tell namesakes apart."""

    HEADERS = ("Name", "Organisation", "Project", "Status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Attendee] = []
        self._checked_in: set[str] = set()
        self._day = ""

    def set_rows(self, rows: list[Attendee], checked_in: set[str], day: str) -> None:
        self.beginResetModel()
        self._rows, self._checked_in, self._day = rows, checked_in, day
        self.endResetModel()

    def attendee(self, row: int) -> Attendee | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def status_text(self, person: Attendee) -> str:
        if person.status == "cancelled":
            return "Cancelled"
        if person.id in self._checked_in:
            return "Checked in"
        if self._day and self._day not in person.days:
            return "Not registered today"
        return "Expected"

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self.attendee(index.row())
        if person is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (person.display_name, person.organization, person.project,
                self.status_text(person))[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class SearchField(QLineEdit):
    """The one input of the desk: arrow keys move in the results, Escape clears."""

    move_selection = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_selection.emit(1)
        elif event.key() == Qt.Key.Key_Up:
            self.move_selection.emit(-1)
        elif event.key() == Qt.Key.Key_Escape:
            self.clear()
        else:
            super().keyPressEvent(event)


class ResultBanner(QFrame):
    """The large, unmistakable outcome of the last action (colour, icon and words)."""

    STYLES: ClassVar[dict[str, tuple[str, str, str]]] = {
        "good": ("#1b5e20", "#e8f5e9", "✔"),
        "notice": ("#6d4c00", "#fff3cd", "!"),
        "bad": ("#8b0000", "#fdecea", "✖"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.label.setFont(font)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label)
        self.kind = ""
        self.hide()

    def show_result(self, result: DoorResult) -> None:
        kind = "good" if result.status in GOOD else "notice" if result.status in NOTICE else "bad"
        fg, bg, icon = self.STYLES[kind]
        self.kind = kind
        self.setStyleSheet(f"#resultBanner {{ background: {bg}; border: 3px solid {fg}; "
                           f"border-radius: 8px; }} QLabel {{ color: {fg}; }}")
        person = result.attendee
        details = ""
        if person is not None and result.status in GOOD:
            details = "\n" + " · ".join(p for p in (person.organization, person.project) if p)
        self.label.setText(f"{icon}  {result.message}{details}")
        self.label.setAccessibleName(result.message)
        self.show()


class DeskView(QWidget):
    """Search or scan, pick, check in; with the day's live counter."""

    checked_in = Signal(object)

    def __init__(self, store: EventStore, desk: str, tasks: TaskRunner,
                 day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.door = Door(store, desk)
        self.tasks = tasks
        self.day = day.isoformat()
        #: the session (workshop) this door counts for; None = the day itself
        self.session: str | None = None
        self.index = SearchIndex(store.attendees())
        self._checked_in: set[str] = set(store.checked_in(self.day))

        self.field = SearchField(self)
        self.field.setPlaceholderText("Type a name or scan a badge")
        self.field.setAccessibleName("Search or scan")
        self.field.setClearButtonEnabled(True)
        big = QFont(self.field.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        self.field.setFont(big)

        self.model = ResultsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Matching attendees")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.card_name = QLabel(self)
        name_font = QFont(self.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 2)
        name_font.setBold(True)
        self.card_name.setFont(name_font)
        self.card_details = QLabel(self)
        self.card_details.setWordWrap(True)
        self.check_in_button = QPushButton("&Check in", self)
        self.check_in_button.setAccessibleName("Check in the selected person")
        self.check_in_button.setToolTip("Check in the selected person (Enter)")
        self.check_in_button.setEnabled(False)
        self.check_in_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner = ResultBanner(self)
        self.counter = QLabel(self)
        self.counter.setAccessibleName("Checked in today")
        counter_font = QFont(self.font())
        counter_font.setPointSizeF(counter_font.pointSizeF() * 1.4)
        self.counter.setFont(counter_font)

        card = QVBoxLayout()
        card.addWidget(self.card_name)
        card.addWidget(self.card_details)
        card.addWidget(self.check_in_button)
        card.addStretch(1)
        card.addWidget(self.counter)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3)
        middle.addLayout(card, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)

        self.field.textChanged.connect(self.update_results)
        self.field.returnPressed.connect(self.check_in_selected)
        self.field.move_selection.connect(self.move_selection)
        self.table.selectionModel().currentRowChanged.connect(self._show_card)
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.setFocusProxy(self.field)
        self.update_results("")
        self.refresh_counter()

    # -- search ----------------------------------------------------------------------

    def update_results(self, text: str) -> None:
        hits = self.index.search(text, limit=50) if text.strip() else []
        self.model.set_rows([h.attendee for h in hits], self._checked_in, self.day)
        if hits:
            self.table.selectRow(0)
        else:
            self._show_card()

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
        person = self.selected()
        self.check_in_button.setEnabled(person is not None)
        if person is None:
            self.card_name.setText("")
            self.card_details.setText("")
            return
        self.card_name.setText(person.display_name)
        lines = [person.organization, person.project, person.role,
                 self.model.status_text(person)]
        self.card_details.setText("\n".join(line for line in lines if line))

    # -- check-in ----------------------------------------------------------------------

    def check_in_selected(self) -> None:
        person = self.selected()
        if person is None:
            return
        self.tasks.run(lambda _p: self.door.check_in(person.id, day=self.day,
                                                     session=self.session),
                       on_done=self.show_result, on_error=self.show_error, write=True)

    def show_result(self, result: DoorResult) -> None:
        self.banner.show_result(result)
        if result.record is not None and result.status in GOOD:
            self._checked_in = set(self.store.checked_in(self.day))
            self.checked_in.emit(result)
        self.field.clear()
        self.refresh_counter()
        self.field.setFocus()

    def show_error(self, exc: BaseException) -> None:
        from checkin.ui.errors import describe_error

        self.banner.label.setText(describe_error(exc))
        self.banner.show()

    def reload(self, *, attendees_changed: bool) -> None:
        """Records arrived from other desks: refresh marks, counter and (if needed) the index,
        keeping what the volunteer typed and selected."""
        if attendees_changed:
            self.index = SearchIndex(self.store.attendees())
        self._checked_in = set(self.store.checked_in(self.day))
        row = self.table.currentIndex().row()
        text = self.field.text()
        hits = self.index.search(text, limit=50) if text.strip() else []
        self.model.set_rows([h.attendee for h in hits], self._checked_in, self.day)
        if hits:
            self.table.selectRow(max(0, min(row, len(hits) - 1)))
        self._show_card()
        self.refresh_counter()

    def refresh_counter(self) -> None:
        counts = day_counts(self.store, self.day)
        self.counter.setText(f"{counts.checked_in} / {counts.expected} checked in today")
