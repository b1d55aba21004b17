"""File › New event…: the event's name, its days and its language, asked in one dialog.

The event's language decides what leaves the app (export headers, the PDF list,
badge role bands: checkin/common/locale_texts.py), so it is asked when the event
is made, defaulting to the desk's language: a German desk makes German events
unless someone picks English.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.common.locale_texts import LANGUAGES
from checkin.door.days import parse_days
from checkin.errors import UserError
from checkin.ui.common.errors import describe_error

# each language by its own name, findable by someone who reads neither
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}


class NewEventDialog(QDialog):
    """Name, days and language of a new event; ``accept`` only with valid days."""

    def __init__(self, desk_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New event"))
        self.days: list[date] = []
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self._row(form, self.tr("&Name of the event:"), self.name)
        self.day_text = QLineEdit(date.today().isoformat(), self)
        self._row(form, self.tr("&Days (YYYY-MM-DD, separated by commas):"), self.day_text)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(desk_language)))
        self._row(form, self.tr("&Language of lists and badges:"), self.language,
                  self.tr("Exports, the attendance list and badge roles are written in "
                          "this language, whatever language a desk uses."))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.name.setFocus()

    def _row(self, form: QFormLayout, text: str, field: QWidget, tip: str = "") -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", "").rstrip(":"))
        if tip:
            field.setToolTip(tip)
            field.setAccessibleDescription(tip)
        form.addRow(label, field)

    @property
    def event_name(self) -> str:
        return self.name.text().strip()

    @property
    def event_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        """Stay open with the reason when the name is empty or a day cannot be read."""
        if not self.event_name:
            self._say(self.tr("The event needs a name."), self.name)
            return
        try:
            self.days = parse_days(self.day_text.text())
        except UserError as exc:
            self._say(describe_error(exc), self.day_text)
            return
        super().accept()

    def _say(self, text: str, field: QWidget) -> None:
        self.message.setText(text)
        self.message.show()
        field.setFocus()
