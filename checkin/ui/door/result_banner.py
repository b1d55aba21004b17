"""The large, unmistakable result of the last action at the desk."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.door.door import GOOD, NOTICE, DoorResult, Status
from checkin.model import Attendee, CheckIn
from checkin.ui.common.formats import clock, day_label
from checkin.ui.common.i18n import QT_TRANSLATE_NOOP


def keep_width(label: QLabel) -> None:
    """A label whose text (a 100-character name, a word with no break) never widens the
    window: it wraps where it can and is cut where it cannot; the full text stays in
    the tooltip and the accessible name."""
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    label.setMinimumWidth(0)


def clock_time(record: CheckIn) -> str:
    return clock(record.at)


class ResultBanner(QFrame):
    """The large, unmistakable outcome of the last action: colour, symbol, headline, words.

    Colours pass WCAG AA for normal text (white on dark green/red/purple, black
    on amber); the symbol and headline say the same without colour, and screen
    readers hear the headline and message (accessible name, description, alert).
    An undone check-in has its own purple and ↶, never the green ✔ of "Welcome".
    When the next name is typed the banner steps back (``step_back``): muted,
    smaller, "Previous: …", so nobody reads an old "Welcome" as the new person's.
    """

    STYLES: ClassVar[dict[str, tuple[str, str, str]]] = {
        # kind: (text colour, background, symbol)
        "good": ("#ffffff", "#1b5e20", "✔"),
        "notice": ("#000000", "#ffc107", "⚠"),
        "bad": ("#ffffff", "#b71c1c", "✖"),
        "info": ("#ffffff", "#0d47a1", "ℹ"),
        "undone": ("#ffffff", "#5b2c83", "↶"),
    }
    # the stepped-back look per theme: (text, background), muted but still WCAG AA;
    # a stripe in the result's own colour keeps its kind recognisable
    STEPPED_BACK: ClassVar[dict[str, tuple[str, str]]] = {
        "light": ("#4a4a4a", "#e6e6e6"),
        "dark": ("#c4c4c4", "#2e3034"),
    }
    #: what a screen reader says instead of the colour and symbol
    SPOKEN: ClassVar[dict[str, str]] = {
        "good": QT_TRANSLATE_NOOP("ResultBanner", "Success"),
        "notice": QT_TRANSLATE_NOOP("ResultBanner", "Warning"),
        "bad": QT_TRANSLATE_NOOP("ResultBanner", "Problem"),
        "info": QT_TRANSLATE_NOOP("ResultBanner", "Information"),
        "undone": QT_TRANSLATE_NOOP("ResultBanner", "Undone"),
    }
    HEADLINES: ClassVar[dict[Status, str]] = {
        Status.CHECKED_IN: QT_TRANSLATE_NOOP("ResultBanner", "Welcome"),
        Status.ALREADY_CHECKED_IN: QT_TRANSLATE_NOOP("ResultBanner", "Already checked in"),
        Status.UNKNOWN: QT_TRANSLATE_NOOP("ResultBanner", "Not found"),
        Status.REJECTED: QT_TRANSLATE_NOOP("ResultBanner", "Code rejected"),
        Status.NOT_EXPECTED_TODAY: QT_TRANSLATE_NOOP("ResultBanner", "Not registered today"),
        Status.CANCELLED: QT_TRANSLATE_NOOP("ResultBanner", "Registration cancelled"),
        Status.UNDONE: QT_TRANSLATE_NOOP("ResultBanner", "Check-in undone"),
        Status.NOTHING_TO_UNDO: QT_TRANSLATE_NOOP("ResultBanner", "Nothing to undo"),
    }
    #: why a code was refused, in the desk's language (DoorResult.reason)
    REFUSALS: ClassVar[dict[str, str]] = {
        "empty": QT_TRANSLATE_NOOP("ResultBanner", "Nothing was scanned. Scan the badge again."),
        "garbage": QT_TRANSLATE_NOOP(
            "ResultBanner", "This is not a code of this event (“%1”). Scan the badge again "
            "or search by name."),
        "not_ours": QT_TRANSLATE_NOOP(
            "ResultBanner", "This is not a badge code of checkin. Scan again or search by name."),
        "version": QT_TRANSLATE_NOOP(
            "ResultBanner", "This badge uses a code version this app does not know. Update "
            "checkin, or search the person by name."),
        "other_event": QT_TRANSLATE_NOOP(
            "ResultBanner", "This badge belongs to another event. Search the person by name "
            "and print a new badge."),
        "invalid": QT_TRANSLATE_NOOP(
            "ResultBanner", "This code is not valid: it was misread or made up. Scan again, "
            "or search the person by name."),
    }

    check_in_anyway = Signal(object)
    print_badge = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.icon = QLabel(self)
        self.headline = QLabel(self)
        # (full, stepped back) fonts of the symbol, the headline and the words
        self._fonts = {label: (self._scaled(full), self._scaled(back))
                       for label, full, back in ((self.icon, 3.2, 1.8),
                                                 (self.headline, 2.2, 1.3))}
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        text_font = QFont(self.font())
        text_font.setPointSizeF(text_font.pointSizeF() * 1.4)
        self.label.setFont(text_font)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setFont(text_font)
        for text_label in (self.label, self.details):  # stepped back: the window's own size
            self._fonts[text_label] = (text_font, self._scaled(1.0, bold=False))
        for label in (self.headline, self.label, self.details):
            keep_width(label)
        self.anyway_button = QPushButton(self)
        self.badge_button = QPushButton(self)
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
        # True while the shown result steps back for the next name being typed
        self.stepped_back = False
        # (text, background) colours as painted now
        self.colours = ("", "")
        self._paint_fonts(stepped_back=False)
        #: the door's result on show (None: a message worded by the caller, or nothing)
        self.result: DoorResult | None = None
        self.retranslate()
        self.hide()

    def _scaled(self, factor: float, *, bold: bool = True) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        return font

    def _paint_fonts(self, *, stepped_back: bool) -> None:
        for label, (full, back) in self._fonts.items():
            label.setFont(back if stepped_back else full)

    def retranslate(self) -> None:
        self.anyway_button.setText(self.tr("Check in &anyway"))
        self.anyway_button.setToolTip(self.tr("Admit this person today (written to the log)"))
        self.badge_button.setText(self.tr("&Print badge"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.result is not None and self.isVisible():  # the door's words, anew
                badge = self.badge_button.isVisible()
                self.show_result(self.result)
                self.badge_button.setVisible(badge)
        super().changeEvent(event)

    def _paint(self, kind: str) -> None:
        fg, bg, icon = self.STYLES[kind]
        self.kind = kind
        self.stepped_back = False
        self.colours = (fg, bg)
        self.icon.setText(icon)
        self._paint_fonts(stepped_back=False)
        self.setMinimumHeight(0)
        self.setStyleSheet(f"#resultBanner {{ background: {bg}; border-radius: 10px; }} "
                           f"#resultBanner QLabel {{ color: {fg}; }}")

    def step_back(self) -> None:
        """The next person is being searched: the shown result is history now. Muted
        colours, a smaller headline saying "Previous: …", no action buttons; the banner
        keeps its height so the list below does not jump. Any new result shows at full
        strength again."""
        if self.stepped_back or not self.isVisible() or not self.kind:
            return
        self.stepped_back = True
        self.setMinimumHeight(self.height())
        # the window's palette: our own is coloured by the style sheet
        parent = self.parentWidget()
        around = parent.palette() if parent is not None else QApplication.palette()
        dark = around.color(QPalette.ColorRole.Window).lightness() < 128
        fg, bg = self.STEPPED_BACK["dark" if dark else "light"]
        stripe = self.STYLES[self.kind][1]
        self.colours = (fg, bg)
        self.setStyleSheet(f"#resultBanner {{ background: {bg}; border-radius: 10px; "
                           f"border-left: 8px solid {stripe}; }} "
                           f"#resultBanner QLabel {{ color: {fg}; }}")
        self._paint_fonts(stepped_back=True)
        headline = self.headline.toolTip()
        self.headline.setText(self.tr("Previous: %1").replace("%1", headline))
        for button in (self.anyway_button, self.badge_button):
            button.hide()
        self.setAccessibleName(self.tr("Previous result: %1").replace("%1", headline))

    def show_message(self, kind: str, headline: str, message: str, details: str = "",
                     attendee: Attendee | None = None, *, anyway: bool = False,
                     badge: bool = False) -> None:
        self._paint(kind)
        self.attendee = attendee
        self.result = None
        self.headline.setText(headline)
        self.headline.setToolTip(headline)
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
        kind = "undone" if status == Status.UNDONE else "good" if status in GOOD \
            else "notice" if status in NOTICE else "bad"
        person = result.attendee
        details = ""
        if person is not None and status in (Status.CHECKED_IN, Status.NOT_EXPECTED_TODAY,
                                             Status.CANCELLED, Status.ALREADY_CHECKED_IN):
            details = " · ".join(p for p in (person.organization, person.project, person.role)
                                 if p)
        headline = self.tr(self.HEADLINES[status])
        message = self.door_message(result)
        if status == Status.CHECKED_IN and person is not None:
            headline = self.tr("Welcome, {name}!").replace("{name}", person.display_name)
            if result.record is not None:
                message = self.tr("Checked in at {time} · {desk}").replace(
                    "{time}", clock_time(result.record)).replace("{desk}", result.record.desk)
                if result.record.forced:
                    message += self.tr(" · admitted by staff (logged)")
        if status == Status.UNDONE and person is not None:
            headline = self.tr("Check-in undone: {name}").replace("{name}",
                                                                 person.display_name)
        if result.repeat and status == Status.CHECKED_IN:
            details += self.tr("  (scanned twice — counted once)")
        anyway = person is not None and status in (Status.NOT_EXPECTED_TODAY, Status.CANCELLED)
        self.show_message(kind, headline, message, details, person, anyway=anyway)
        self.result = result

    def door_message(self, result: DoorResult) -> str:
        """The door's sentence in the desk's language, from the status and its facts.

        The core's ``result.message`` is English (for the CLI and logs); the
        banner words the same facts with ``tr()``.
        """
        person = result.attendee
        name = person.display_name if person is not None else ""
        status = result.status
        if status == Status.REJECTED:
            refusal = self.REFUSALS.get(result.reason, self.REFUSALS["invalid"])
            return self.tr(refusal).replace("%1", result.code)
        if status == Status.UNKNOWN:
            if result.code:
                return self.tr("No one in this event has the code “%1”. Search by name, or add "
                               "the person as a walk-in.").replace("%1", result.code)
            return self.tr("This person is no longer in the event.")
        if status == Status.ALREADY_CHECKED_IN and result.record is not None:
            return (self.tr("%1 was already checked in today at %2 at %3.")
                    .replace("%1", name).replace("%2", clock_time(result.record))
                    .replace("%3", result.record.desk))
        if status == Status.CANCELLED:
            return self.tr("%1’s registration was cancelled. Check in anyway if they may "
                           "attend (this is logged).").replace("%1", name)
        if status == Status.NOT_EXPECTED_TODAY:
            return (self.tr("%1 is not registered for %2. Check in anyway if they may attend "
                            "(this is logged).")
                    .replace("%1", name).replace("%2", day_label(result.day or "")
                                                  if result.day else ""))
        if status == Status.UNDONE and result.undone_at is not None:
            return (self.tr("Undone: the check-in of %1 at %2.")
                    .replace("%1", name or self.tr("a person"))
                    .replace("%2", clock(result.undone_at)))
        if status == Status.NOTHING_TO_UNDO:
            return self.tr("This desk has no check-in to undo.")
        if status == Status.CHECKED_IN:
            return self.tr("Welcome, %1!").replace("%1", name)
        return result.message
