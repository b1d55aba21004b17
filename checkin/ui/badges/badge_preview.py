"""A live picture of a badge: the real PDF, rasterised with pdfium, shown as a pixmap.

Why the real PDF: the preview must show exactly what the printer gets
(fonts, line breaks, QR code), not a Qt imitation. PySide6-Essentials has no
QtPdf, so pdfium rasterises, through its one lane (pdfium is not
thread-safe: ``checkin.badges.pdfium_lane``).

Why one request at a time: a scanner at full speed shows a new person every
fraction of a second. A preview renders at most one badge at once; a newer
request replaces the one still waiting (that one is dropped unrendered), and
a render already running finishes but is not shown if it was superseded.

Why a note under it: characters no font has (emoji) are left out of the
printed badge; the render reports exactly which, and ``LeftOutNote`` says so
on screen, so nobody hands over a badge with a gap in the name unawares.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from checkin.badges import BatchResult, pdfium_lane
from checkin.ui.badges.qt_printing import qimage
from checkin.ui.common.tasks import Progress, TaskRunner


def pdf_page_image(pdf: bytes, dpi: float = 96, page: int = 0) -> QImage:
    """One page of a PDF as a QImage (a copy that owns its pixels)."""
    return qimage(pdfium_lane.rasterise(pdf, page, dpi))


class Superseded(Exception):
    """A newer preview was asked for while this one was being made: skip the rest."""


class _Newest:
    """The newest request's number, shared with the worker (no widget access off the GUI)."""

    def __init__(self) -> None:
        self.value = 0

    def bump(self) -> int:
        self.value += 1
        return self.value


@dataclass(frozen=True)
class _Request:
    generation: int
    make: Callable[[], bytes | BatchResult]
    dpi: float


class BadgePreview(QLabel):
    """Shows the first page of whatever PDF the ``make`` callable returns.

    When ``make`` returns a render result, ``left_out_changed`` tells which
    characters the shown badge leaves out (an empty list when none).
    """

    left_out_changed = Signal(list)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(220, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Badge preview"))
        self.setStyleSheet("background: #e8e8e8;")
        self._newest = _Newest()
        #: the newest request not yet started (older ones are dropped unrendered)
        self._pending: _Request | None = None
        #: the request being rendered on the task pool, if any
        self._running: _Request | None = None
        #: how many previews were actually rendered (tests count the dropped ones)
        self.rendered = 0
        self.last_error = ""
        # the characters the shown badge leaves out
        self.left_out: list[str] = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Badge preview"))
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        """True while a preview is being rendered or waits for its turn."""
        return self._running is not None or self._pending is not None

    def show_pdf_of(self, make: Callable[[], bytes | BatchResult], dpi: float = 110) -> None:
        """Show the badge ``make`` returns; replaces any preview still waiting."""
        self._pending = _Request(self._newest.bump(), make, dpi)
        self._start_next()

    def clear_preview(self, text: str = "") -> None:
        self._newest.bump()
        self._pending = None
        self.setPixmap(QPixmap())
        self.setText(text)
        self._set_left_out([])

    def _start_next(self) -> None:
        if self._running is not None or self._pending is None:
            return
        request, self._pending = self._pending, None
        self._running = request
        newest = self._newest

        def work(_p: Progress) -> tuple[QImage, list[str]]:
            made = request.make()
            pdf, left_out = (made.pdf, made.left_out) if isinstance(made, BatchResult) \
                else (made, [])
            if newest.value != request.generation:
                raise Superseded()  # no need to rasterise what nobody will see
            return pdf_page_image(pdf, request.dpi), left_out

        self.tasks.run(work, on_done=lambda image: self._finished(request, image),
                       on_error=lambda exc: self._finished(request, exc))

    def _finished(self, request: _Request,
                  outcome: tuple[QImage, list[str]] | BaseException) -> None:
        self._running = None
        if isinstance(outcome, BaseException):
            if not isinstance(outcome, Superseded):
                self._error(request.generation, outcome)
        else:
            self.rendered += 1
            self._show(request.generation, *outcome)
        self._start_next()

    def _show(self, generation: int, image: QImage, left_out: list[str]) -> None:
        if generation != self._newest.value:
            return
        self._set_left_out(left_out)
        self.last_error = ""
        pixmap = QPixmap.fromImage(image)
        room = self.size()
        if pixmap.width() > room.width() or pixmap.height() > room.height():
            pixmap = pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.setPixmap(pixmap)

    def _error(self, generation: int, exc: BaseException) -> None:
        if generation != self._newest.value:
            return
        from checkin.ui.common.errors import describe_error

        self.last_error = describe_error(exc)
        self._set_left_out([])
        self.setPixmap(QPixmap())
        self.setText(self.last_error)
        self.setWordWrap(True)

    def _set_left_out(self, left_out: list[str]) -> None:
        if left_out != self.left_out:
            self.left_out = list(left_out)
            self.left_out_changed.emit(self.left_out)


def character_names(chars: list[str]) -> str:
    """``😀 U+1F600 GRINNING FACE`` per line: what a character is, if the screen shows a box."""
    return "\n".join(f"{ch}  U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip()
                     for ch in chars)


class LeftOutNote(QLabel):
    """A warning line under a badge preview naming the characters left out; hidden when none."""

    def __init__(self, preview: BadgePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chars: list[str] = []
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; "
                           "border: 1px solid #e0b000; border-radius: 3px; padding: 4px; }")
        self.hide()
        preview.left_out_changed.connect(self.show_chars)

    def show_chars(self, chars: list[str]) -> None:
        self.chars = list(chars)
        self._retranslate()
        self.setVisible(bool(self.chars))

    def _retranslate(self) -> None:
        text = left_out_text(self.chars) if self.chars else ""
        self.setText(text)
        self.setAccessibleName(text)
        self.setToolTip(character_names(self.chars))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def left_out_text(chars: list[str]) -> str:
    """The on-screen sentence for left-out characters, shared by the preview and the queue."""
    return QCoreApplication.translate("LeftOutNote", "Not printable on the badge: %1 (left out)"
                                      ).replace("%1", " ".join(chars))
