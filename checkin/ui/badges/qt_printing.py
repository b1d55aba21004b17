"""Printing a badge PDF through Qt: the Windows path (no ``lp`` there).

Each PDF page is rasterised with pdfium (through its one lane,
``checkin.badges.pdfium_lane``) at the printer's resolution and
painted onto a QPrinter whose page size is the badge's exact size in mm, in
full-page mode (no margins, no scaling). On Linux and macOS the desk uses
CUPS instead; this module is tested there by printing to a PDF file.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from checkin.badges import pdfium_lane
from checkin.errors import PrintProblem


def configure(printer: QPrinter, width_mm: float, height_mm: float) -> None:
    size = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "Badge",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)
    printer.setFullPage(True)


def qimage(image: Image.Image) -> QImage:
    """A PIL image as a QImage that owns its pixels (safe off the GUI thread)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3,
                  QImage.Format.Format_RGB888).copy()


def print_pdf(pdf: bytes, printer: QPrinter, width_mm: float, height_mm: float) -> None:
    """Paint every page of ``pdf`` at its exact size on ``printer``."""
    configure(printer, width_mm, height_mm)
    pages = pdfium_lane.page_count(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrintProblem(f"The printer '{printer.printerName() or printer.outputFileName()}' "
                               "cannot be opened. Check that it is on and set up, then retry.")
        dpi = min(printer.resolution(), 600)
        for index in range(pages):
            if index:
                printer.newPage()
            image = qimage(pdfium_lane.rasterise(pdf, index, dpi))
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, page.width(), page.height()), image)
    finally:
        if painter.isActive():
            painter.end()
