"""The Badges window: the desk's print settings, the template editor, batches, the queue.

Widgets only collect choices and show results; rendering, printing and
saving run in the core through the TaskRunner, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.badges import PRESETS, Selection, render_batch, render_one
from checkin.badges.batch import BatchResult
from checkin.badges.fields import ROLE_KINDS
from checkin.badges.library import extra_fields, save_template, template_names, template_text
from checkin.badges.records import record_batch
from checkin.badges.template import Template, TemplateError, loads
from checkin.badges.testpage import render_test_page
from checkin.export.safety import write_private
from checkin.model import Attendee
from checkin.store import EventStore
from checkin.ui.badges.badge_preview import BadgePreview, LeftOutNote
from checkin.ui.badges.badge_settings import DeskPrintSettings
from checkin.ui.badges.print_queue import PrintQueue, PrintQueueView
from checkin.ui.common.core_words import core_word
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.file_dialogs import save_file_name
from checkin.ui.common.i18n import QT_TRANSLATE_NOOP
from checkin.ui.common.tasks import Progress, TaskHandle, TaskRunner

ROLE_LABELS = {"participant": QT_TRANSLATE_NOOP("BadgesDialog", "Participants"),
               "speaker": QT_TRANSLATE_NOOP("BadgesDialog", "Speakers (and moderators)"),
               "press": QT_TRANSLATE_NOOP("BadgesDialog", "Press"),
               "staff": QT_TRANSLATE_NOOP("BadgesDialog", "Staff")}
SORT_LABELS = {"last_name": QT_TRANSLATE_NOOP("BadgesDialog", "Last name"),
               "organization": QT_TRANSLATE_NOOP("BadgesDialog", "Organisation"),
               "first_name": QT_TRANSLATE_NOOP("BadgesDialog", "First name")}


class BadgesDialog(QDialog):
    def __init__(self, store: EventStore, tasks: TaskRunner, settings: DeskSettings, desk: str,
                 queue: PrintQueue, sample: Attendee | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.qsettings = settings
        self.desk = desk
        self.queue = queue
        people = store.attendees(include_cancelled=False)
        self.sample = sample or (people[0] if people else Attendee(id="sample"))
        self.desk_settings = DeskPrintSettings.load(settings, desk)
        self.tabs = QTabWidget(self)
        #: the label of each form row, by its field (worded by retranslate)
        self.row_labels: dict[QWidget, QLabel] = {}
        self.tabs.addTab(self._settings_tab(), "")
        self.tabs.addTab(self._editor_tab(), "")
        self.tabs.addTab(self._batch_tab(people), "")
        self.queue_view = PrintQueueView(queue, self)
        self.tabs.addTab(self.queue_view, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(900, 640)
        self._batch_handle: TaskHandle | None = None
        self.retranslate()
        self.refresh_printers()
        self.load_template_text()

    def retranslate(self) -> None:
        """Every fixed word of the window in the current language (at start and on a switch)."""
        self.setWindowTitle(self.tr("Badges"))
        self.tabs.setAccessibleName(self.tr("Badges"))
        for position, text in enumerate((self.tr("Print settings"), self.tr("Template"),
                                         self.tr("Batch"), self.tr("Queue"))):
            self.tabs.setTabText(position, text)
        for position in range(self.layout_combo.count()):
            self.layout_combo.setItemText(
                position, core_word(PRESETS[self.layout_combo.itemData(position)].label))
        self.template_combo.setItemText(0, self.tr("The layout's own template"))
        self.tray_edit.setPlaceholderText(self.tr("printer default"))
        self.on_checkin.setText(self.tr("Print a badge when a person checks in for the "
                                        "first time"))
        self.save_settings_button.setText(self.tr("&Save for this desk"))
        self.test_page_button.setText(self.tr("Print &test page"))
        self.editor_choice.setAccessibleName(self.tr("Template to edit"))
        self.editor.setAccessibleName(self.tr("Template JSON"))
        self.save_template_button.setText(self.tr("Save in the &event"))
        self.batch_not_printed.setText(self.tr("Only people without a printed badge"))
        self.batch_record.setText(self.tr(
            "These badges will be handed out from boxes at the desk (record places)"))
        self.batch_record.setToolTip(self.tr(
            "When ticked, the desk shows each person where their badge waits (box and "
            "number) and marks it handed out at check-in."))
        self.batch_project.setItemText(0, self.tr("All projects"))
        self.batch_role.setItemText(0, self.tr("All roles"))
        for position, kind in enumerate(ROLE_KINDS, start=1):
            self.batch_role.setItemText(position, self.tr(ROLE_LABELS[kind]))
        for position, label in enumerate(SORT_LABELS.values()):
            self.batch_sort.setItemText(position, self.tr(label))
        self.batch_save.setText(self.tr("Save as &PDF…"))
        self.batch_print.setText(self.tr("&Print on the desk's printer"))
        self.batch_cancel.setText(self.tr("Cancel"))
        for field, text in ((self.printer_combo, self.tr("Printer")),
                            (self.layout_combo, self.tr("Paper / layout")),
                            (self.template_combo, self.tr("Template")),
                            (self.tray_edit, self.tr("Tray")),
                            (self.offset_x, self.tr("Move right by (mm)")),
                            (self.offset_y, self.tr("Move down by (mm)")),
                            (self.batch_project, self.tr("Project")),
                            (self.batch_role, self.tr("Role")),
                            (self.batch_sort, self.tr("Sorted by")),
                            (self.batch_start, self.tr("First free label"))):
            self.row_labels[field].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _row(self, form: QFormLayout, field: QWidget) -> None:
        """A form row whose label ``retranslate`` words (and which names its field)."""
        label = QLabel(form.parentWidget())
        label.setBuddy(field)
        self.row_labels[field] = label
        form.addRow(label, field)

    def hideEvent(self, event: QHideEvent) -> None:
        """No preview after the window is gone (the event may be closed by then)."""
        self._debounce.stop()
        super().hideEvent(event)

    # -- print settings ----------------------------------------------------------------

    def _settings_tab(self) -> QWidget:
        page = QWidget(self)
        s = self.desk_settings
        self.printer_combo = QComboBox(page)
        self.printer_combo.setEditable(True)
        self.printer_combo.setCurrentText(s.printer)
        self.layout_combo = QComboBox(page)
        for name in PRESETS:
            self.layout_combo.addItem("", name)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(s.layout)))
        self.template_combo = QComboBox(page)
        self.template_combo.addItem("", "")
        for name in template_names(self.store):
            self.template_combo.addItem(name, name)
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(s.template)))
        self.tray_edit = QLineEdit(s.tray, page)
        self.offset_x = self._offset_box(s.offset_x, page)
        self.offset_y = self._offset_box(s.offset_y, page)
        self.on_checkin = QCheckBox(page)
        self.on_checkin.setChecked(s.print_on_checkin)
        self.settings_status = QLabel(page)
        self.settings_status.setWordWrap(True)
        self.save_settings_button = save = QPushButton(page)
        save.clicked.connect(self.save_settings)
        self.test_page_button = test = QPushButton(page)
        test.clicked.connect(self.print_test_page)
        form = QFormLayout(page)
        for field in (self.printer_combo, self.layout_combo, self.template_combo,
                      self.tray_edit, self.offset_x, self.offset_y):
            self._row(form, field)
        form.addRow(self.on_checkin)
        buttons = QHBoxLayout()
        buttons.addWidget(test)
        buttons.addStretch(1)
        buttons.addWidget(save)
        form.addRow(buttons)
        form.addRow(self.settings_status)
        return page

    @staticmethod
    def _offset_box(value: float, parent: QWidget) -> QDoubleSpinBox:
        box = QDoubleSpinBox(parent)
        box.setRange(-20, 20)
        box.setSingleStep(0.5)
        box.setDecimals(1)
        box.setValue(value)
        return box

    def refresh_printers(self) -> None:
        from checkin.printing import list_printers

        def found(printers: list[object]) -> None:
            current = self.printer_combo.currentText()
            self.printer_combo.clear()
            self.printer_combo.addItems([p.name for p in printers])  # type: ignore[attr-defined]
            self.printer_combo.setCurrentText(current)

        self.tasks.run(lambda _p: list_printers(), on_done=found,
                       on_error=lambda exc: self.settings_status.setText(str(exc)))

    def current_settings(self) -> DeskPrintSettings:
        return DeskPrintSettings(
            printer=self.printer_combo.currentText().strip(),
            layout=str(self.layout_combo.currentData()),
            template=str(self.template_combo.currentData() or ""),
            tray=self.tray_edit.text().strip(), offset_x=self.offset_x.value(),
            offset_y=self.offset_y.value(), print_on_checkin=self.on_checkin.isChecked())

    def save_settings(self) -> None:
        self.desk_settings = self.current_settings()
        self.desk_settings.save(self.qsettings, self.desk)
        self.settings_status.setText(self.tr("Saved for {desk}.").replace("{desk}", self.desk))

    def print_test_page(self) -> None:
        settings = self.current_settings()
        send = self.queue.send

        def work(_p: Progress) -> str:
            pdf = render_test_page(settings.layout_obj())
            return send(pdf, settings, "checkin test page")

        self.settings_status.setText(self.tr("Sending the test page…"))
        self.tasks.run(work, on_done=lambda ref: self.settings_status.setText(
            self.tr("Test page sent ({ref}).").replace("{ref}", str(ref))),
            on_error=self._settings_error)

    def _settings_error(self, exc: BaseException) -> None:
        from checkin.ui.common.errors import describe_error

        self.settings_status.setText(describe_error(exc))

    # -- template editor -----------------------------------------------------------------

    def _editor_tab(self) -> QWidget:
        page = QWidget(self)
        self.editor_choice = QComboBox(page)
        self.editor_choice.addItems(template_names(self.store))
        self.editor_choice.currentTextChanged.connect(self.load_template_text)
        self.editor = QPlainTextEdit(page)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor_status = QLabel(page)
        self.editor_status.setWordWrap(True)
        self.editor_preview = BadgePreview(self.tasks, page)
        self.editor_left_out = LeftOutNote(self.editor_preview, page)
        self.save_template_button = QPushButton(page)
        self.save_template_button.clicked.connect(self.save_template_text)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self._preview_if_visible)
        self.editor.textChanged.connect(self._debounce.start)
        left = QVBoxLayout()
        left.addWidget(self.editor_choice)
        left.addWidget(self.editor, 1)
        left.addWidget(self.editor_status)
        left.addWidget(self.save_template_button)
        row = QHBoxLayout(page)
        row.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self.editor_preview, 1)
        right.addWidget(self.editor_left_out)
        row.addLayout(right, 2)
        return page

    def load_template_text(self, name: str | None = None) -> None:
        name = name or self.editor_choice.currentText()
        try:
            self.editor.setPlainText(template_text(name, self.store))
        except TemplateError as exc:
            self.editor_status.setText(exc.message)

    def parsed_template(self) -> Template | None:
        try:
            template = loads(self.editor.toPlainText(), extra_fields=extra_fields(self.store),
                             name=self.editor_choice.currentText())
        except TemplateError as exc:
            self.editor_status.setText(exc.message)
            self.save_template_button.setEnabled(False)
            return None
        self.editor_status.setText(self.tr("The template is fine."))
        self.save_template_button.setEnabled(True)
        return template

    def _preview_if_visible(self) -> None:
        if self.isVisible():
            self.update_template_preview()

    def showEvent(self, event: QShowEvent) -> None:
        self._debounce.start()
        super().showEvent(event)

    def update_template_preview(self) -> None:
        template = self.parsed_template()
        if template is None:
            return
        store, person = self.store, self.sample
        from checkin.badges.layouts import Layout

        page = Layout("preview", "preview", template.width_mm, template.height_mm,
                      template.width_mm, template.height_mm)
        self.editor_preview.show_pdf_of(
            lambda: render_one(store, person, layout=page, template=template))

    def save_template_text(self) -> None:
        name, text = self.editor_choice.currentText(), self.editor.toPlainText()
        store = self.store
        self.tasks.run(lambda _p: save_template(store, name, text),
                       on_done=lambda _t: self.editor_status.setText(
                           self.tr("Saved in the event.")),
                       on_error=self._editor_error, write=True)

    def _editor_error(self, exc: BaseException) -> None:
        from checkin.ui.common.errors import describe_error

        self.editor_status.setText(describe_error(exc))

    # -- batches -------------------------------------------------------------------------

    def _batch_tab(self, people: list[Attendee]) -> QWidget:
        page = QWidget(self)
        self.batch_not_printed = QCheckBox(page)
        self.batch_project = QComboBox(page)
        self.batch_project.addItem("", "")
        for project in sorted({p.project for p in people if p.project}):
            self.batch_project.addItem(project, project)
        self.batch_role = QComboBox(page)
        self.batch_role.addItem("", "")
        for kind in ROLE_KINDS:
            self.batch_role.addItem("", kind)
        self.batch_sort = QComboBox(page)
        for key in SORT_LABELS:
            self.batch_sort.addItem("", key)
        self.batch_start = QSpinBox(page)
        self.batch_start.setRange(1, 100)
        # Recording places makes the door say "Pre-printed badge: Box …" and mark it handed
        # out: only true of a batch that goes into boxes at the desk (the CLI's --no-record
        # is the other way round, so here staff say it explicitly; a PDF saved to look at
        # or to send to a print shop records nothing).
        self.batch_record = QCheckBox(page)
        self.batch_record.setChecked(False)
        self.batch_progress = QProgressBar(page)
        self.batch_status = QLabel(page)
        self.batch_status.setWordWrap(True)
        self.batch_save = QPushButton(page)
        self.batch_save.clicked.connect(lambda: self.save_batch())
        self.batch_print = QPushButton(page)
        self.batch_print.clicked.connect(self.print_batch)
        self.batch_cancel = QPushButton(page)
        self.batch_cancel.setEnabled(False)
        self.batch_cancel.clicked.connect(self.cancel_batch)
        form = QFormLayout(page)
        form.addRow(self.batch_not_printed)
        for field in (self.batch_project, self.batch_role, self.batch_sort, self.batch_start):
            self._row(form, field)
        form.addRow(self.batch_record)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.batch_cancel)
        buttons.addWidget(self.batch_save)
        buttons.addWidget(self.batch_print)
        form.addRow(buttons)
        form.addRow(self.batch_progress)
        form.addRow(self.batch_status)
        return page

    def selection(self) -> Selection:
        return Selection(not_printed=self.batch_not_printed.isChecked(),
                         project=str(self.batch_project.currentData() or ""),
                         role=str(self.batch_role.currentData() or ""))

    def save_batch(self, path: str | None = None) -> None:
        if not path:
            path = save_file_name(self, self.tr("Save badges"), self.store.path, "badges.pdf",
                                  "PDF (*.pdf)")
        if path:
            target = Path(path)

            def save(pdf: bytes, _settings: object) -> str:
                write_private(target, pdf)
                return str(target)

            self._run_batch(save)

    def print_batch(self) -> None:
        send = self.queue.send
        self._run_batch(lambda pdf, settings: send(pdf, settings, "checkin badges"))

    def _run_batch(self, deliver: Callable[[bytes, DeskPrintSettings], str]) -> None:
        """Render the selection off the GUI thread, then save or print it."""
        settings = self.current_settings()
        store, desk, selection = self.store, self.desk, self.selection()
        sort, start = str(self.batch_sort.currentData()), self.batch_start.value()

        def work(progress: Progress) -> tuple[BatchResult, str]:
            result = render_batch(store, layout=settings.layout_obj(),
                                  template=settings.template or None, selection=selection,
                                  sort=sort, start=start, desk=desk, progress=progress.report)
            return result, deliver(result.pdf, settings)

        for button in (self.batch_save, self.batch_print):
            button.setEnabled(False)
        self.batch_cancel.setEnabled(True)
        self.batch_status.setText(self.tr("Rendering…"))
        self._batch_meta = (settings, selection, sort, self.batch_record.isChecked())
        self._batch_handle = self.tasks.run(work, on_done=self._batch_done,
                                            on_error=self._batch_error,
                                            on_progress=self._batch_progress)

    def _batch_progress(self, done: int, total: int, _text: str) -> None:
        self.batch_progress.setRange(0, total)
        self.batch_progress.setValue(done)

    def _batch_done(self, done: tuple[BatchResult, str]) -> None:
        result, where = done
        settings, selection, sort, record = self._batch_meta
        store, desk = self.store, self.desk
        if record:
            self.tasks.run(lambda _p: record_batch(
                store, result.positions, desk=desk, layout=settings.layout, sort=sort,
                template=settings.template or settings.layout_obj().template,
                selection=selection.describe()), write=True)
        self._batch_idle()
        recorded = self.tr("Places recorded: the desk shows where each badge waits.") \
            if record else self.tr("No places recorded: check-in does not point to a box.")
        lines = [self.tr("{n} badges on {p} pages: {where}.").replace(
            "{n}", str(result.count)).replace("{p}", str(result.pages)).replace(
            "{where}", where), recorded, *result.warnings[:5]]
        self.batch_status.setText("\n".join(lines))

    def _batch_idle(self) -> None:
        for button in (self.batch_save, self.batch_print):
            button.setEnabled(True)
        self.batch_cancel.setEnabled(False)

    def _batch_error(self, exc: BaseException) -> None:
        from checkin.ui.common.errors import describe_error

        self._batch_idle()
        self.batch_status.setText(describe_error(exc))

    def cancel_batch(self) -> None:
        if self._batch_handle is not None:
            self._batch_handle.cancel()
        self._batch_idle()
        self.batch_status.setText(self.tr("Cancelled; nothing was recorded."))
