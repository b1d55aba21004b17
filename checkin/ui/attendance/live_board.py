"""The live board: today's attendance on a second screen, readable across a room.

Big numbers, a chart of arrivals per 15 minutes, the sessions with their
capacity and the largest groups. The board reads through its own connection
to the event file and polls ``store.data_version()`` (a cheap counter SQLite
bumps whenever another connection commits), so check-ins from this desk,
from other desks' processes and from the command line all appear within
half a second. The desk's ``checked_in`` signal refreshes it at once.
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QScreen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from checkin.attendance.stats import BREAKDOWNS, DayStats, GroupCount, breakdown, day_stats
from checkin.door.days import default_day
from checkin.store import EventStore, open_event
from checkin.ui.common.formats import clock, day_label
from checkin.ui.common.tasks import TaskRunner

log = logging.getLogger("checkin.ui.attendance.live_board")

BACKGROUND = QColor("#0f172a")
PANEL = QColor("#1e293b")
TEXT = QColor("#f8fafc")
MUTED = QColor("#94a3b8")
ACCENT = QColor("#38bdf8")
GOOD = QColor("#4ade80")
WARN = QColor("#fbbf24")
FULL = QColor("#f87171")
#: Breakdowns are recomputed at most this often (they join every person of the day).
GROUPS_EVERY_S = 3.0
POLL_MS = 500
#: A QPen object, not the enum: PySide6 6.12 leaks a reference to None on every
#: ``setPen(Qt.PenStyle.NoPen)`` call, which crashes a long-running board.
_NO_PEN = QPen(Qt.PenStyle.NoPen)


def _font(widget: QWidget, pixels: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPixelSize(max(int(pixels), 8))
    font.setBold(bold)
    return font


def _fitted(widget: QWidget, pixels: float, text: str, width: float,
            bold: bool = False) -> QFont:
    """``_font`` made smaller until ``text`` fits ``width`` (longer German words)."""
    font = _font(widget, pixels, bold)
    advance = QFontMetricsF(font).horizontalAdvance(text)
    if advance > width > 0:
        font = _font(widget, pixels * width / advance, bold)
    return font


def _panel(p: QPainter, widget: QWidget, title: str, label: float | None = None
           ) -> tuple[QRectF, float]:
    """Start painting a tile: rounded background and its title in capitals.

    ``label`` is the title's pixel size, or None for one scaled to the tile;
    returns the tile's rectangle and the title size.
    """
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = QRectF(widget.rect()).adjusted(6, 6, -6, -6)
    p.setPen(_NO_PEN)
    p.setBrush(PANEL)
    p.drawRoundedRect(r, 14, 14, Qt.SizeMode.AbsoluteSize)
    size = label if label is not None else min(max(r.height() * 0.055, 12), 28)
    p.setPen(QPen(MUTED))
    p.setFont(_fitted(widget, size, title.upper(), r.width() - 36, bold=True))
    p.drawText(r.adjusted(18, 10, -18, 0), Qt.AlignmentFlag.AlignLeft, title.upper())
    return r, size


#: the board's size where the screen has room (a projector, a 1920×1080 monitor)
PREFERRED_SIZE = QSize(1280, 800)


class BigNumber(QWidget):
    """One figure, as large as its tile allows, with a caption and a small line below."""

    def __init__(self, caption: str, color: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.color = color
        self.value = "–"
        self.detail = ""
        self.setMinimumSize(160, 120)

    def set(self, value: str, detail: str = "") -> None:
        if (value, detail) != (self.value, self.detail):
            self.value, self.detail = value, detail
            self.setAccessibleDescription(f"{self.caption}: {value} {detail}")
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r, _ = _panel(p, self, self.caption, (self.height() - 12) * 0.13)
        h = r.height()
        p.setPen(QPen(self.color))
        size = min(h * 0.52, r.width() / max(len(self.value), 1) * 1.6)
        p.setFont(_font(self, size, bold=True))
        p.drawText(r.adjusted(18, 0, -18, -h * 0.12), Qt.AlignmentFlag.AlignVCenter
                   | Qt.AlignmentFlag.AlignLeft, self.value)
        p.setPen(QPen(TEXT))
        p.setFont(_fitted(self, h * 0.12, self.detail, r.width() - 36))
        p.drawText(r.adjusted(18, 0, -18, -10), Qt.AlignmentFlag.AlignBottom
                   | Qt.AlignmentFlag.AlignLeft, self.detail)
        p.end()


class ArrivalsChart(QWidget):
    """Bars of first check-ins per 15 minutes, with the hours marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots: tuple[tuple[datetime, int], ...] = ()
        self.title = "Arrivals per 15 minutes"
        self.setMinimumHeight(160)

    def set_slots(self, slots: tuple[tuple[datetime, int], ...]) -> None:
        if slots != self.slots:
            self.slots = slots
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r, label = _panel(p, self, self.title, max((self.height() - 12) * 0.08, 12))
        area = r.adjusted(18, label * 4.0, -18, -label * 1.8)
        if not self.slots:
            p.setFont(_font(self, label * 1.2))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No one checked in yet"))
            p.end()
            return
        top = max(n for _, n in self.slots) or 1
        width = area.width() / len(self.slots)
        p.setFont(_font(self, label))
        for i, (slot, n) in enumerate(self.slots):
            x = area.left() + i * width
            bar = area.height() * n / top
            p.setPen(_NO_PEN)
            p.setBrush(ACCENT)
            p.drawRoundedRect(QRectF(x + width * 0.1, area.bottom() - bar, width * 0.8, bar),
                              3, 3, Qt.SizeMode.AbsoluteSize)
            if n == top:
                p.setPen(QPen(TEXT))
                p.drawText(QRectF(x - width, area.bottom() - bar - label * 1.5, width * 3,
                                  label * 1.4), Qt.AlignmentFlag.AlignCenter, str(n))
            if slot.minute == 0 or len(self.slots) <= 8:
                p.setPen(QPen(MUTED))
                p.drawText(QRectF(x - width, area.bottom() + 4, width * 3, label * 1.5),
                           Qt.AlignmentFlag.AlignCenter, clock(slot))
        p.setPen(QPen(MUTED, 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.end()


class BarList(QWidget):
    """A titled list of rows: name, 'here / of', and a bar (sessions and breakdowns)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        #: (name, value, of (None: no limit), colour)
        self.rows: list[tuple[str, int, int | None, QColor]] = []
        self.empty_text = ""
        self.setMinimumSize(160, 140)  # four side by side fit a small screen

    def set_rows(self, rows: list[tuple[str, int, int | None, QColor]]) -> None:
        if rows != self.rows:
            self.rows = rows
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r, label = _panel(p, self, self.title)
        area = r.adjusted(18, label * 2.6, -18, -10)
        if not self.rows:
            p.setFont(_font(self, label))
            p.drawText(area, Qt.AlignmentFlag.AlignLeft, self.empty_text)
            p.end()
            return
        line = min(area.height() / len(self.rows), label * 3.2)
        shown = int(area.height() // line)
        p.setFont(_font(self, line * 0.38))
        metrics = p.fontMetrics()
        for i, (name, value, of, color) in enumerate(self.rows[:shown]):
            y = area.top() + i * line
            figure = f"{value}" if of is None else f"{value} / {of}"
            fig_w = metrics.horizontalAdvance(figure)
            p.setPen(QPen(TEXT))
            text = metrics.elidedText(name or "—", Qt.TextElideMode.ElideRight,
                                      int(area.width() - fig_w - 16))
            p.drawText(QRectF(area.left(), y, area.width(), line * 0.62),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            p.setPen(QPen(color))
            p.drawText(QRectF(area.left(), y, area.width(), line * 0.62),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figure)
            track = QRectF(area.left(), y + line * 0.66, area.width(), line * 0.14)
            p.setPen(_NO_PEN)
            p.setBrush(BACKGROUND)
            p.drawRoundedRect(track, 3, 3, Qt.SizeMode.AbsoluteSize)
            share = 1.0 if not of else min(value / of, 1.0)
            if of is None:
                share = 1.0 if value else 0.0
            p.setBrush(color)
            p.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * share,
                                     track.height()), 3, 3, Qt.SizeMode.AbsoluteSize)
        p.end()


def _day_breakdowns(path: Path, day: str) -> tuple[str, dict[str, tuple[GroupCount, ...]]]:
    """The job: all breakdowns of a day, through its own connection."""
    with open_event(path) as store:
        return day, {name: breakdown(store, day, name) for name in BREAKDOWNS}


class LiveBoard(QWidget):
    """A top-level window with the day's figures; refreshes itself."""

    def __init__(self, path: str | Path, day: date | None = None,
                 tasks: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store: EventStore = open_event(path)
        self.tasks = tasks
        event = self.store.event()
        self.event_name = event.name
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), BACKGROUND)
        palette.setColor(self.foregroundRole(), TEXT)
        self.setPalette(palette)

        self.heading = QLabel(event.name, self)
        self.heading.setStyleSheet("color: #f8fafc; font-weight: bold;")
        self.day_picker = QComboBox(self)
        for d in event.days:
            self.day_picker.addItem(day_label(d), d.isoformat())
        start = day or default_day(event)
        self.day_picker.setCurrentIndex(max(self.day_picker.findData(start.isoformat()), 0))
        self.clock = QLabel(self)
        self.clock.setStyleSheet("color: #94a3b8;")

        self.here = BigNumber("", GOOD, self)
        self.missing = BigNumber("", WARN, self)
        self.walk_ins = BigNumber("", ACCENT, self)
        self.chart = ArrivalsChart(self)
        self.sessions = BarList("", self)
        self.groups = {"organization": BarList("", self),
                       "project": BarList("", self),
                       "role": BarList("", self)}
        self.retranslate()
        assert set(self.groups) == set(BREAKDOWNS)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.day_picker)
        top.addWidget(self.clock)
        numbers = QHBoxLayout()
        numbers.addWidget(self.here, 3)
        numbers.addWidget(self.missing, 2)
        numbers.addWidget(self.walk_ins, 2)
        lists = QGridLayout()
        lists.addWidget(self.sessions, 0, 0)
        for column, widget in enumerate(self.groups.values(), start=1):
            lists.addWidget(widget, 0, column)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(numbers, 5)
        layout.addWidget(self.chart, 4)
        layout.addLayout(lists, 5)

        self.stats: DayStats | None = None
        self._version = -1
        self._breakdowns_at = -GROUPS_EVERY_S
        self._groups_running = False
        self._groups_stale = False
        self._closed = False
        #: the last breakdowns shown, by field
        self.breakdowns: dict[str, tuple[GroupCount, ...]] = {}
        self.day_picker.currentIndexChanged.connect(lambda _i: self.refresh(force=True))
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.fit_screen()
        self.refresh(force=True)

    def fit_screen(self, screen: QScreen | None = None) -> None:
        """The preferred 1280×800, but never larger than the free area of the screen it
        opens on (a 1366×768 laptop), title bar and frame included; centred there."""
        screen = screen or self.screen()
        if self.windowHandle() is not None:
            self.windowHandle().setScreen(screen)
        area = screen.availableGeometry()
        # before it is shown the window system has not framed it yet: allow for it
        title = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
        frame = 2 * max(self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth), 4)
        width = min(PREFERRED_SIZE.width(), area.width() - frame)
        height = min(PREFERRED_SIZE.height(), area.height() - frame - title)
        self.resize(width, height)
        self.move(area.left() + (area.width() - width - frame) // 2,
                  area.top() + (area.height() - height - frame - title) // 2)

    def retranslate(self) -> None:
        """Titles and captions in the current language (the tiles paint them)."""
        self.setWindowTitle(self.tr("Live board — %1").replace("%1", self.event_name))
        self.day_picker.setAccessibleName(self.tr("Day shown"))
        for position in range(self.day_picker.count()):  # dates in the language's format
            self.day_picker.setItemText(position, day_label(self.day_picker.itemData(position)))
        for tile, caption in ((self.here, self.tr("Checked in")),
                              (self.missing, self.tr("Still expected")),
                              (self.walk_ins, self.tr("Walk-ins")),
                              (self.chart, self.tr("Arrivals per 15 minutes")),
                              (self.sessions, self.tr("Sessions")),
                              (self.groups["organization"], self.tr("Organisations")),
                              (self.groups["project"], self.tr("Projects / groups")),
                              (self.groups["role"], self.tr("Roles"))):
            if isinstance(tile, BigNumber):
                tile.caption = caption
            else:
                tile.title = caption
            tile.setAccessibleName(caption)  # a screen reader hears what is painted
            tile.update()
        self.sessions.empty_text = self.tr("No sessions today")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.stats is not None:
                self.show_stats(self.stats)  # the lines under the figures
        super().changeEvent(event)

    @property
    def day(self) -> str:
        return str(self.day_picker.currentData())

    def poll(self) -> None:
        """Refresh if anyone committed to the event file since the last look."""
        self.clock.setText(clock(datetime.now()))
        version = self.store.data_version()
        if version != self._version:
            self.refresh()
        else:
            self._poll_stale_groups()

    def on_checked_in(self, _result: object = None) -> None:
        """Connected to the desk's signal: show this desk's check-in at once (a check-in
        finishing after the board was closed finds its store closed: ignored)."""
        if not self._closed:
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Headline figures now (cheap); breakdowns in the background at most every few seconds.

        Breakdowns join every person of the day (a second or so for 100,000
        people), so they are computed on the task pool through a connection of
        their own and never hold up the desk's window.
        """
        self._version = self.store.data_version()
        self.show_stats(day_stats(self.store, self.day, breakdowns=False))
        now = time.monotonic()
        if self._groups_running or (not force and now - self._breakdowns_at < GROUPS_EVERY_S):
            self._groups_stale = True
            return
        self._breakdowns_at = now
        self._groups_running, self._groups_stale = True, False
        path, day = self.store.path, self.day
        if self.tasks is None:
            self._show_groups(_day_breakdowns(path, day))
            return
        self.tasks.run(lambda _p: _day_breakdowns(path, day), on_done=self._show_groups,
                       on_error=self._groups_failed)

    def _show_groups(self, result: tuple[str, dict[str, tuple[GroupCount, ...]]]) -> None:
        self._groups_running = False
        day, breakdowns = result
        if self._closed or day != self.day:
            return
        self.breakdowns = breakdowns
        for name, widget in self.groups.items():
            widget.set_rows([(g.name, g.checked_in, g.expected, ACCENT)
                             for g in breakdowns.get(name, ())[:12]])

    def _groups_failed(self, exc: BaseException) -> None:
        self._groups_running = False
        log.warning("live board breakdowns failed", exc_info=exc)

    def _poll_stale_groups(self) -> None:
        if self._groups_stale and not self._groups_running and \
                time.monotonic() - self._breakdowns_at >= GROUPS_EVERY_S:
            self.refresh()

    def show_stats(self, s: DayStats) -> None:
        self.stats = s
        share = f"{round(100 * (s.checked_in - s.unexpected) / s.expected)} %" \
            if s.expected else ""
        detail = self.tr("of %1 expected").replace("%1", str(s.expected))
        if share:
            detail += f" · {share}"
        if s.unexpected:
            detail += " · " + self.tr("%1 not on the list").replace("%1", str(s.unexpected))
        self.here.set(f"{s.checked_in}", detail)
        self.missing.set(f"{s.missing}", self.tr("not here yet"))
        self.walk_ins.set(f"{s.walk_ins}", self.tr("added at the desk"))
        self.chart.set_slots(s.arrivals)
        self.sessions.set_rows([
            (o.session.label, o.checked_in, o.capacity,
             FULL if o.full else (WARN if o.nearly_full else GOOD))
            for o in s.sessions])
        font = _font(self, max(self.height() * 0.03, 14), bold=True)
        self.heading.setFont(font)
        self.clock.setFont(font)
        self.clock.setText(clock(datetime.now()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.timer.stop()
        self.store.close()
        super().closeEvent(event)
