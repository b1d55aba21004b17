"""The desk's settings: one dialog, made of pages that other features can add to.

Each page edits some of the per-desk options declared in
``checkin.common.desk_options``, through ``DeskSettings``. A feature with its own desk
settings (the badge printer, its layout) appends a page factory to
``SETTINGS_PAGES``; the dialog shows every registered page as a tab.
Per-event settings are not here: they live in the event file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.common.desk_options import OPTIONS, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP
from checkin.ui.common.desk_settings import DeskSettings


class SettingsPage(QWidget):
    """One tab: shows the stored values in ``load`` and writes them in ``save``."""

    def title(self) -> str:
        raise NotImplementedError

    def load(self, settings: DeskSettings) -> None:
        raise NotImplementedError

    def save(self, settings: DeskSettings) -> None:
        raise NotImplementedError

    def _row(self, form: QFormLayout, text: str, field: QWidget, tip: str = "") -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", "").rstrip(":"))
        if tip:
            field.setToolTip(tip)
            field.setAccessibleDescription(tip)
        form.addRow(label, field)


class DeskPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.desk_name = QLineEdit(self)
        self.desk_name.setMaxLength(60)
        self._row(form, self.tr("Desk &name:"), self.desk_name,
                  self.tr("Shown in the window and recorded with every check-in, "
                          "e.g. “Desk 2” or “Entrance B”."))
        self.sounds = QCheckBox(self.tr("Play &sounds for check-in results"), self)
        self.sounds.setAccessibleName(self.tr("Play sounds for check-in results"))
        form.addRow(self.sounds)

    def title(self) -> str:
        return self.tr("Desk")

    def load(self, settings: DeskSettings) -> None:
        self.desk_name.setText(settings.text("desk/name"))
        self.sounds.setChecked(settings.flag("desk/sounds"))

    def save(self, settings: DeskSettings) -> None:
        name = self.desk_name.text().strip() or str(OPTIONS["desk/name"].default)
        settings.set("desk/name", name)
        settings.set("desk/sounds", self.sounds.isChecked())


class AppearancePage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.language = QComboBox(self)
        # language names in their own language: findable by someone who reads neither
        for code, name in (("system", self.tr("Follow the system")),
                           ("de", "Deutsch"), ("en", "English")):
            self.language.addItem(name, code)
        self._row(form, self.tr("&Language:"), self.language)
        self.theme = QComboBox(self)
        for code, name in (("system", self.tr("Follow the system")),
                           ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme.addItem(name, code)
        self._row(form, self.tr("&Theme:"), self.theme)
        self.zoom = QSpinBox(self)
        self.zoom.setRange(ZOOM_MIN, ZOOM_MAX)
        self.zoom.setSingleStep(ZOOM_STEP)
        self.zoom.setSuffix(" %")
        self._row(form, self.tr("&Zoom:"), self.zoom,
                  self.tr("On top of the system's font size. Ctrl++ and Ctrl+- change it "
                          "at any time, Ctrl+0 resets it."))

    def title(self) -> str:
        return self.tr("Appearance")

    def load(self, settings: DeskSettings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(
            settings.text("ui/language"))))
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.text("ui/theme"))))
        self.zoom.setValue(settings.number("ui/zoom"))

    def save(self, settings: DeskSettings) -> None:
        settings.set("ui/language", str(self.language.currentData()))
        settings.set("ui/theme", str(self.theme.currentData()))
        settings.set("ui/zoom", self.zoom.value())


PageFactory = Callable[[QWidget], SettingsPage]

#: the tabs of the dialog, in order; features append their own page factory here
SETTINGS_PAGES: list[PageFactory] = [DeskPage, AppearancePage]


class SettingsDialog(QDialog):
    def __init__(self, settings: DeskSettings, parent: QWidget | None = None,
                 pages: list[PageFactory] | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings of this desk"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.pages: list[SettingsPage] = []
        for factory in SETTINGS_PAGES if pages is None else pages:
            page = factory(self.tabs)
            page.load(settings)
            self.pages.append(page)
            self.tabs.addTab(page, page.title())
        note = QLabel(self.tr("These settings belong to this computer. Settings of the event "
                              "itself are kept in the event file."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def accept(self) -> None:
        for page in self.pages:
            page.save(self.settings)
        self.settings.sync()
        super().accept()
