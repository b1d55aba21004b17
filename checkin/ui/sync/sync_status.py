"""The desk's link to the event server: a sync thread and its status in the status bar.

The thread runs :func:`checkin.sync.protocol.run_live` with its own connection to the
desk's local copy, so the GUI thread never waits for the network; it reports
each round through a queued signal. The status bar always says: online or
offline, how many records wait in the outbox, when the last sync was, and how
many desks are active.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal
from PySide6.QtWidgets import QLabel, QWidget

from checkin.errors import UserError
from checkin.store import open_event
from checkin.sync.protocol import Desk, SyncReport, run_live
from checkin.ui.common.formats import clock

log = logging.getLogger("checkin.ui.sync")


class SyncThread(QThread):
    """Keeps one desk copy in step with the server until :meth:`stop`."""

    reported = Signal(object)  # SyncReport

    def __init__(self, copy: Path, url: str, desk: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copy, self._url, self._desk = copy, url, desk
        self._stop = threading.Event()
        self._poke = threading.Event()

    def run(self) -> None:
        try:
            with open_event(self._copy) as store:
                run_live(Desk(store, self._url, self._desk), stop=self._stop, poke=self._poke,
                         report=self.reported.emit)
        except UserError as exc:
            self.reported.emit(SyncReport(online=False, problem=exc.message))
        except Exception as exc:  # a bug: log it, show "offline", never lose local data
            log.exception("sync stopped")
            self.reported.emit(SyncReport(online=False, problem=QCoreApplication.translate(
                "SyncStatus", "Sync stopped (%1).").replace("%1", str(exc))))

    def poke(self) -> None:
        """A local record was committed: push it now instead of at the next heartbeat."""
        self._poke.set()

    def stop(self) -> None:
        self._stop.set()
        self.wait(10000)


class SyncStatus(QLabel):
    """One line in the status bar: ● Online · 0 waiting · last sync 10:42:03 · 3 desks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: SyncReport | None = None
        self.show_connecting()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self.report is None:
                self.show_connecting()
            else:
                self.show_report(self.report)
        super().changeEvent(event)

    def show_connecting(self) -> None:
        self.setAccessibleName(self.tr("Connection to the event server"))
        self.setText(self.tr("◌ Connecting to the event server…"))
        self.setStyleSheet("color: #6d4c00;")

    def show_report(self, report: SyncReport) -> None:
        self.report = report
        self.setAccessibleName(self.tr("Connection to the event server"))
        state = self.tr("Online") if report.online else self.tr("Offline")
        colour = "#1b5e20" if report.online else "#8b0000"
        waiting = self.tr("%n waiting to send", "", report.outbox)
        last = (clock(report.last_sync, seconds=True)
                if report.last_sync else self.tr("never"))
        parts = [f"● {state}", waiting, self.tr("last sync %1").replace("%1", last)]
        if report.online:
            parts.append(self.tr("%n desk(s) active", "", report.active_desks))
        if report.set_aside:
            parts.append(self.tr("%n set aside", "", report.set_aside))
        self.setText(" · ".join(parts))
        self.setStyleSheet(f"color: {colour};")
        tip = report.problem if not report.online else \
            self.tr("Connected: check-ins of other desks appear here at once.")
        if report.set_aside:
            tip += "\n" + self.tr(
                "%n record(s) from the server failed the checks and were set aside (not "
                "applied); everything else was.", "", report.set_aside)
        self.setToolTip(tip)
