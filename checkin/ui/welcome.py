"""The first screen when no event is open: try the demo, new event, open."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    demo_requested = Signal()
    new_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        self.intro = intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(intro)  # full width: a centred wrapping label would get one line
        self.buttons: list[QPushButton] = []
        for signal in (self.demo_requested, self.new_requested, self.open_requested):
            button = QPushButton(self)
            self.buttons.append(button)
            button.setMinimumWidth(260)
            button.clicked.connect(signal.emit)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to checkin"))
        self.intro.setText(self.tr("Open the event of your conference, create a new one, or "
                                   "try the demo event with 200 participants."))
        for button, (text, tip) in zip(self.buttons, (
            (self.tr("Try the &demo"), self.tr("Create and open a demo event")),
            (self.tr("&New event…"), self.tr("Create an empty event file (Ctrl+N)")),
            (self.tr("&Open event…"), self.tr("Open an existing .checkin file (Ctrl+O)")),
        ), strict=True):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
