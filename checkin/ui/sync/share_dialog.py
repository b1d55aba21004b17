"""The join address of a shared event, as text and as a QR code for the next desk."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.sync.addresses import public_url


def qr_pixmap(text: str, module: int = 8) -> QPixmap:
    """A QR code of ``text``, drawn square by square (crisp at any size)."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * module, y * module, module, module, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


class JoinAddressDialog(QDialog):
    """Shows where another desk joins this event (never with the password)."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = public_url(url)
        self.setWindowTitle(self.tr("Join address"))
        intro = QLabel(self.tr(
            "On the next desk: start checkin, choose File ▸ Join shared event… and enter "
            "this address, or scan the code. Give each desk its own name."), self)
        intro.setWordWrap(True)
        self.text = QLineEdit(self.address, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Join address"))
        self.code = QLabel(self)
        self.code.setPixmap(qr_pixmap(self.address))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(self.tr("Join address as QR code"))
        note = QLabel(self.tr(
            "The password is not part of this address. At the other desk, either add it "
            "to the address (postgresql://user:PASSWORD@…; checkin never saves it) or keep "
            "it in that computer's PostgreSQL password file (see the README)."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.text, self.code, note, buttons):
            layout.addWidget(widget)
