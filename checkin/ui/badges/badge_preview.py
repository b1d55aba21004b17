"""A live picture of a badge: the real PDF, rasterised with pdfium, shown as a pixmap.

Why the real PDF: the preview must show exactly what the printer gets
(fonts, line breaks, QR code), not a Qt imitation. PySide6-Essentials has no
QtPdf, so pdfium (pypdfium2) rasterises. Rendering runs through the
TaskRunner; a newer request supersedes an older one that is still running.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from checkin.ui.common.tasks import Progress, TaskRunner


def pdf_page_image(pdf: bytes, dpi: float = 96, page: int = 0) -> QImage:
    """One page of a PDF as a QImage (a copy that owns its pixels)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        pil = document[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()
    data = pil.tobytes()
    image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
    return image.copy()


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
        self._generation = 0
        self.last_error = ""

    def show_pdf_of(self, make: Callable[[], bytes], dpi: float = 110) -> None:
        self._generation += 1
        generation = self._generation

        def work(_p: Progress) -> QImage:
            return pdf_page_image(make(), dpi)

        self.tasks.run(work, on_done=lambda image: self._show(generation, image),
                       on_error=lambda exc: self._error(generation, exc))

    def clear_preview(self, text: str = "") -> None:
        self._generation += 1
        self.setPixmap(QPixmap())
        self.setText(text)

    def _show(self, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return
        self.last_error = ""
        pixmap = QPixmap.fromImage(image)
        room = self.size()
        if pixmap.width() > room.width() or pixmap.height() > room.height():
            pixmap = pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.setPixmap(pixmap)

    def _error(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        from checkin.ui.common.errors import describe_error

        self.last_error = describe_error(exc)
        self.setPixmap(QPixmap())
        self.setText(self.last_error)
        self.setWordWrap(True)
