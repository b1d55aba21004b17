"""A live picture of a badge: the real PDF, rasterised with pdfium, shown as a pixmap.

Why the real PDF: the preview must show exactly what the printer gets
(fonts, line breaks, QR code), not a Qt imitation. PySide6-Essentials has no
QtPdf, so pdfium rasterises, through its one lane (pdfium is not
thread-safe: ``checkin.badges.pdfium_lane``).

Why one request at a time: a scanner at full speed shows a new person every
fraction of a second. A preview renders at most one badge at once; a newer
request replaces the one still waiting (that one is dropped unrendered), and
a render already running finishes but is not shown if it was superseded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from checkin.badges import pdfium_lane
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
    make: Callable[[], bytes]
    dpi: float


class BadgePreview(QLabel):
    """Shows the first page of whatever PDF the ``make`` callable returns."""

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

    @property
    def busy(self) -> bool:
        """True while a preview is being rendered or waits for its turn."""
        return self._running is not None or self._pending is not None

    def show_pdf_of(self, make: Callable[[], bytes], dpi: float = 110) -> None:
        """Show the badge ``make`` returns; replaces any preview still waiting."""
        self._pending = _Request(self._newest.bump(), make, dpi)
        self._start_next()

    def clear_preview(self, text: str = "") -> None:
        self._newest.bump()
        self._pending = None
        self.setPixmap(QPixmap())
        self.setText(text)

    def _start_next(self) -> None:
        if self._running is not None or self._pending is None:
            return
        request, self._pending = self._pending, None
        self._running = request
        newest = self._newest

        def work(_p: Progress) -> QImage:
            pdf = request.make()
            if newest.value != request.generation:
                raise Superseded()  # no need to rasterise what nobody will see
            return pdf_page_image(pdf, request.dpi)

        self.tasks.run(work, on_done=lambda image: self._finished(request, image),
                       on_error=lambda exc: self._finished(request, exc))

    def _finished(self, request: _Request, outcome: QImage | BaseException) -> None:
        self._running = None
        if isinstance(outcome, BaseException):
            if not isinstance(outcome, Superseded):
                self._error(request.generation, outcome)
        else:
            self.rendered += 1
            self._show(request.generation, outcome)
        self._start_next()

    def _show(self, generation: int, image: QImage) -> None:
        if generation != self._newest.value:
            return
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
        self.setPixmap(QPixmap())
        self.setText(self.last_error)
        self.setWordWrap(True)
