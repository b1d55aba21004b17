"""Printing a badge PDF through Qt: the Windows path (no ``lp`` there).

Each PDF page is rasterised with pdfium at the printer's resolution and
painted onto a QPrinter whose page size is the badge's exact size in mm, in
full-page mode (no margins, no scaling). On Linux and macOS the desk uses
CUPS instead; this module is tested there by printing to a PDF file.
"""

from __future__ import annotations

import pypdfium2
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from checkin.errors import PrintProblem


def configure(printer: QPrinter, width_mm: float, height_mm: float) -> None:
    size = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "Badge",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)
    printer.setFullPage(True)


def print_pdf(pdf: bytes, printer: QPrinter, width_mm: float, height_mm: float) -> None:
    """Paint every page of ``pdf`` at its exact size on ``printer``."""
    configure(printer, width_mm, height_mm)
    document = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrintProblem(f"The printer '{printer.printerName() or printer.outputFileName()}' "
                               "cannot be opened. Check that it is on and set up, then retry.")
        dpi = min(printer.resolution(), 600)
        for index in range(len(document)):
            if index:
                printer.newPage()
            bitmap = document[index].render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes()
            image = QImage(data, pil.width, pil.height, pil.width * 3,
                           QImage.Format.Format_RGB888)
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, page.width(), page.height()), image)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
