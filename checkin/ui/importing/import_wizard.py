"""The import wizard: choose a file, check how it is read, map columns, review, import.

Every step calls ``checkin.importing``; the wizard only shows what the core
decided and passes the user's corrections back as ``ImportOptions``. Reading
the file and writing the event run off the GUI thread through the TaskRunner
(the write on the single writer), with progress and cancel.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from checkin.importing import (
    ImportOptions,
    ImportPlan,
    Preview,
    commit,
    prepare,
    preview,
    remember_mapping,
    remembered_mappings,
)
from checkin.importing.formats import (
    ENCODINGS,
    SPREADSHEET_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    patterns,
)
from checkin.importing.mapping import (
    DAY_PREFIX,
    ColumnGuess,
    all_targets,
    explain_mapping,
    target_label,
)
from checkin.importing.sniffing import DELIMITER_NAMES
from checkin.importing.validation import NO_NAME
from checkin.model import Attendee
from checkin.store import EventStore
from checkin.ui.common.core_words import core_word
from checkin.ui.common.errors import describe_error
from checkin.ui.common.file_dialogs import open_file_name
from checkin.ui.common.formats import day_label
from checkin.ui.common.i18n import QT_TRANSLATE_NOOP
from checkin.ui.common.shortcuts import show_shortcut_in_tooltip
from checkin.ui.common.tasks import Cancelled, Progress, TaskHandle, TaskRunner

#: %1 all supported files, %2 workbooks, %3 text tables (checkin.importing.formats)
FILE_FILTER = QT_TRANSLATE_NOOP(
    "FilePage", "Participant lists (%1);;Spreadsheets (%2);;Text tables (%3);;All files (*)")
_CANCELLED = "cancelled"
MAX_PROBLEM_ROWS = 1000
# Columns of the report's problem table; NAME_COLUMN is editable for rows without a name.
ROW_COLUMN, KIND_COLUMN, PROBLEM_COLUMN, TEXT_COLUMN, NAME_COLUMN = range(5)


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(22)
    return table


class FilePage(QWizardPage):
    """The file and how it is read, with the first rows as they will be imported."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Participant list"))
        self.setSubTitle(self.tr("Choose the file. Check the first rows below: if names look "
                                 "garbled or columns are jumbled, change the settings."))
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("File"))
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.encoding = QComboBox(self)
        for codec, label in ENCODINGS.items():
            self.encoding.addItem(codec)
            self.encoding.setItemData(self.encoding.count() - 1, label,
                                      Qt.ItemDataRole.ToolTipRole)
        self.delimiter = QComboBox(self)
        for char, name in DELIMITER_NAMES.items():
            self.delimiter.addItem(f"{core_word(name)} ({char.strip() or core_word('tab')})",
                                   char)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 30)
        self.sheet = QComboBox(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = _table(self)
        self.table.setAccessibleName(self.tr("First rows of the file"))

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        settings = QHBoxLayout()
        for label, widget in ((self.tr("Encoding"), self.encoding),
                              (self.tr("Delimiter"), self.delimiter),
                              (self.tr("Header row"), self.header_row),
                              (self.tr("Sheet"), self.sheet)):
            named = QLabel(label, self)
            named.setBuddy(widget)  # screen readers name the control by its label
            settings.addWidget(named)
            settings.addWidget(widget)
        settings.addStretch(1)
        form.addRow(self.tr("Read as:"), settings)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        self.browse.clicked.connect(self.choose_file)
        self.path_edit.editingFinished.connect(self.path_edited)
        self.encoding.activated.connect(self.reload)
        self.delimiter.activated.connect(self.reload)
        self.sheet.activated.connect(self.reload)
        self.header_row.valueChanged.connect(self.reload)
        self._filling = False
        self._loaded = ""

    def file_filter(self) -> str:
        """The open dialog's choices, from the import's declared file types."""
        return (self.tr(FILE_FILTER).replace("%1", patterns())
                .replace("%2", patterns(SPREADSHEET_SUFFIXES))
                .replace("%3", patterns(TEXT_SUFFIXES)))

    def choose_file(self) -> None:
        path = open_file_name(self, self.tr("Import participants"), self.wiz.store.path,
                              self.file_filter())
        if path:
            self.set_path(path)

    def path_edited(self) -> None:
        """A typed path is read once (leaving the field must not read it again)."""
        if self.path_edit.text().strip() != self._loaded:
            self.load(ImportOptions())

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self.load(ImportOptions())

    def reload(self, *_: object) -> None:
        if self._filling or self.wiz.preview is None:
            return
        layout = self.wiz.preview.layout
        if layout.kind != "text":
            options = ImportOptions(sheet=self.sheet.currentText() or None,
                                    header_row=self.header_row.value())
        else:
            options = ImportOptions(encoding=self.encoding.currentText(),
                                    delimiter=str(self.delimiter.currentData()),
                                    header_row=self.header_row.value())
        if self.sender() is not self.header_row:
            options = replace(options, header_row=None)  # look for the header again
        self.load(options)

    def load(self, options: ImportOptions) -> None:
        path = self.path_edit.text().strip()
        if not path:
            return
        self._loaded = path
        self.wiz.preview = None
        self.status.setText(self.tr("Reading…"))
        self.completeChanged.emit()
        store, days = self.wiz.store, self.wiz.days

        def work(_: Progress) -> Preview:
            return preview(path, days, options, remembered_mappings(store))

        self.wiz.tasks.run(work, on_done=self.show_preview, on_error=self.show_error)

    def show_preview(self, shown: Preview) -> None:
        self.wiz.preview = shown
        layout = shown.layout
        self._filling = True
        try:
            is_text = layout.kind == "text"
            for widget in (self.encoding, self.delimiter):
                widget.setEnabled(is_text)
            self.sheet.setEnabled(not is_text)
            if is_text:
                if self.encoding.findText(layout.encoding) < 0:
                    self.encoding.addItem(layout.encoding)
                self.encoding.setCurrentText(layout.encoding)
                self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(layout.delimiter)))
                self.sheet.clear()
            else:
                self.sheet.clear()
                self.sheet.addItems(list(layout.sheets) or [layout.sheet])
                self.sheet.setCurrentText(layout.sheet)
            self.header_row.setValue(shown.header_row)
        finally:
            self._filling = False
        how = (self.tr("sheet “{0}”").format(layout.sheet) if layout.kind != "text" else
               self.tr("{0}, {1}").format(layout.encoding,
                                          core_word(DELIMITER_NAMES.get(layout.delimiter, ""))))
        system = self.tr(" — a {0} export").format(shown.system) if shown.system else ""
        self.status.setText(self.tr("{0}: {1}, column names in row {2}{3}. The first rows:")
                            .format(layout.path.name, how, shown.header_row, system))
        self.status.setStyleSheet("")
        self.table.clear()
        self.table.setColumnCount(len(shown.headers))
        self.table.setHorizontalHeaderLabels(shown.headers)
        self.table.setRowCount(len(shown.rows))
        for r, cells in enumerate(shown.rows):
            for c in range(len(shown.headers)):
                self.table.setItem(r, c, QTableWidgetItem(cells[c] if c < len(cells) else ""))
        self.table.setVerticalHeaderLabels([str(n) for n in shown.row_numbers])
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def show_error(self, exc: BaseException) -> None:
        self.wiz.preview = None
        self.status.setText(describe_error(exc))
        self.status.setStyleSheet("color: #b00020;")
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.preview is not None


class MappingPage(QWizardPage):
    """One drop-down per column: which field it holds."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Say what each column holds. Columns you keep as extra "
                                 "fields can appear on badges, in search and in exports."))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = _table(self)
        self.table.setAccessibleName(self.tr("Columns and the fields they hold"))
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Examples"),
                                              self.tr("Holds"), self.tr("Check")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.combos: list[QComboBox] = []
        # row -> the matcher's open question about that column (until the user chooses)
        self.questions: dict[int, ColumnGuess] = {}
        self._base_note = ""
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        shown = self.wiz.preview
        assert shown is not None
        targets = all_targets(self.wiz.days)
        self.table.setRowCount(len(shown.headers))
        self.combos = []
        guesses = explain_mapping(shown.headers, self.wiz.days)
        self.questions = {row: guess for row, (guess, target) in enumerate(zip(
            guesses, shown.targets, strict=True)) if guess.asks and target == "extra"}
        for row, (header, target) in enumerate(zip(shown.headers, shown.targets, strict=True)):
            examples = [cells[row] for cells in shown.rows[:4] if row < len(cells) and cells[row]]
            self.table.setItem(row, 0, QTableWidgetItem(header or self.tr("(no name)")))
            self.table.setItem(row, 1, QTableWidgetItem(" · ".join(examples)))
            combo = QComboBox(self.table)
            combo.setAccessibleName(self.tr("Field of column {0}").format(header))
            for t in targets:
                combo.addItem(self._target_text(t), t)
            combo.setCurrentIndex(combo.findData(target))
            combo.currentIndexChanged.connect(self.changed)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
            self.table.setItem(row, 3, self._question_item(self.questions.get(row)))
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 220)
        for row in self.questions:  # two lines for the question; the tooltip has it all
            self.table.setRowHeight(row, 2 * self.table.fontMetrics().lineSpacing() + 8)
        self._base_note = (
            self.tr("The mapping you chose last time for these columns is used.")
            if shown.remembered else
            self.tr("The columns were recognised by their names; check them."))
        self.note.setText(self._base_note)
        self.changed()

    def _question_item(self, guess: ColumnGuess | None) -> QTableWidgetItem:
        """The matcher's question about a column it left as an extra field, or nothing."""
        item = QTableWidgetItem("")
        if guess is None:
            return item
        fields = self.tr(" or ").join(core_word(target_label(t)) for t in guess.candidates)
        if guess.taken_by:
            text = self.tr("Could be {0}, but “{1}” holds it. Kept as extra field until "
                           "you choose.").format(fields, guess.taken_by)
        else:
            text = self.tr("Could be {0}? Kept as extra field until you choose.").format(
                fields)
        item.setText(text)
        item.setToolTip(f"{text}\n{guess.reason}")
        item.setForeground(QColor("#8a4b00"))
        return item

    def open_questions(self) -> list[str]:
        """The question texts still shown (a column the user has not chosen for yet)."""
        items = (self.table.item(row, 3) for row in sorted(self.questions))
        return [item.text() for item in items if item is not None and item.text()]

    def _target_text(self, target: str) -> str:
        if target.startswith(DAY_PREFIX):
            return self.tr("Attends %1").replace("%1", day_label(target[len(DAY_PREFIX):]))
        return core_word(target_label(target))

    def targets(self) -> list[str]:
        return [str(c.currentData()) for c in self.combos]

    def changed(self, *_: object) -> None:
        names = {"first_name", "last_name", "name", "name_last_first"}
        chosen = self.sender()
        if isinstance(chosen, QComboBox) and chosen in self.combos:
            row = self.combos.index(chosen)
            if row in self.questions:  # the user answered the question
                del self.questions[row]
                self.table.setItem(row, 3, self._question_item(None))
        if isinstance(chosen, QComboBox) and chosen.currentData() not in ("extra", "ignore"):
            for combo in self.combos:  # one column per field: the one before gives way
                if combo is not chosen and combo.currentData() == chosen.currentData():
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData("extra"))
                    combo.blockSignals(False)
        if self.wiz.preview is not None and self.combos:
            self.wiz.preview = replace(self.wiz.preview, targets=self.targets())
        if self.combos and not names & set(self.targets()):
            self.note.setText(self.tr("No column holds names yet: choose the column with "
                                      "the names."))
            self.note.setStyleSheet("color: #b00020;")
        elif self.questions:
            self.note.setText(self.tr("%n column(s) could hold more than one thing; they are "
                                      "kept as extra fields until you choose (see “Check”).",
                                      "", len(self.questions)))
            self.note.setStyleSheet("color: #8a4b00;")
        else:
            self.note.setText(self._base_note)
            self.note.setStyleSheet("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        names = {"first_name", "last_name", "name", "name_last_first"}
        return bool(names & set(self.targets()))


class ReportPage(QWizardPage):
    """Everything is read and checked; the user sees what will happen and decides."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr("Nothing has been changed yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.problems = _table(self)
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setColumnCount(5)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Kind"),
                                                 self.tr("Problem"), self.tr("Row text"),
                                                 self.tr("Name")])
        self.problems.horizontalHeader().setSectionResizeMode(
            TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.problems.setWordWrap(False)
        self.problems.verticalHeader().hide()
        # only the name cells of rows without a name are editable (item flags)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                      | QAbstractItemView.EditTrigger.EditKeyPressed
                                      | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.problems.itemChanged.connect(self.name_typed)
        self.name_note = QLabel(self)
        self.name_note.setWordWrap(True)
        self.name_note.hide()
        self.accept_errors = QCheckBox(self)
        self.accept_errors.toggled.connect(self.completeChanged)
        self.cancel_missing = QCheckBox(self)
        self.cancel_missing.toggled.connect(self.cancel_toggled)
        self._missing: list[Attendee] = []
        # names staff typed for rows without one (row number -> name), for this file
        self.names: dict[int, str] = {}
        self._names_for: tuple[str, int] | None = None
        # the question before cancelling most of the event (shown while it is open)
        self.confirm_cancel: QMessageBox | None = None
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.cancel_missing)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.name_note)
        self.all_fine = QLabel(self.tr("✓ Every row can be imported: no missing names, no "
                                       "duplicates, no malformed emails."), self)
        self.all_fine.setStyleSheet("color: #1b5e20;")
        self.all_fine.hide()
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.all_fine)
        layout.addStretch(0)
        layout.addWidget(self.accept_errors)

    def initializePage(self) -> None:
        shown = self.wiz.preview
        assert shown is not None
        identity = (str(shown.layout.path), shown.header_row)
        if identity != self._names_for:  # typed names belong to one file's rows
            self.names, self._names_for = {}, identity
        self.cancel_missing.blockSignals(True)
        self.cancel_missing.setChecked(False)  # never pre-ticked: staff decide
        self.cancel_missing.blockSignals(False)
        self._check()

    def _check(self) -> None:
        """Read and check every row (again, after a name was typed in)."""
        self.wiz.plan = None
        self.completeChanged.emit()
        self.summary.setText(self.tr("Reading and checking every row…"))
        self.summary.setStyleSheet("")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.problems.setRowCount(0)
        self.all_fine.hide()
        self.accept_errors.hide()
        self.accept_errors.setChecked(False)
        self.cancel_missing.hide()
        shown, store, names = self.wiz.preview, self.wiz.store, dict(self.names)
        assert shown is not None

        def work(progress: Progress) -> ImportPlan:
            return prepare(shown, store, progress=progress.report, names=names)

        self.wiz.tasks.run(work, on_done=self.show_plan, on_error=self.show_error,
                           on_progress=lambda done, total, text: self.summary.setText(text))

    def show_plan(self, plan: ImportPlan) -> None:
        self.wiz.plan = plan
        self.progress.hide()
        missing_before = len(self._missing)
        self._missing = list(plan.merge.cancelled)
        if self._missing:
            self.cancel_missing.setText(self.tr(
                "Mark the {0} people who are not in this list as cancelled (nobody is "
                "deleted; leave unticked if this list only adds people)")
                .format(len(self._missing)))
            if len(self._missing) != missing_before:  # a confirmation was for another count
                self.cancel_missing.blockSignals(True)
                self.cancel_missing.setChecked(False)
                self.cancel_missing.blockSignals(False)
            self.cancel_missing.show()
        self.show_counts()
        shown = plan.problems[:MAX_PROBLEM_ROWS]  # a table of 100,000 rows helps nobody
        self.problems.setVisible(bool(shown))
        self.all_fine.setVisible(not shown)
        self._filling = True
        try:
            self.problems.setRowCount(len(shown))
            for r, problem in enumerate(shown):
                kind = self.tr("error") if problem.severity == "error" else self.tr("warning")
                items = [QTableWidgetItem(str(problem.row)), QTableWidgetItem(kind),
                         QTableWidgetItem(problem.message), QTableWidgetItem(problem.text),
                         QTableWidgetItem("")]
                items[PROBLEM_COLUMN].setToolTip(problem.message)
                if problem.severity == "error":
                    items[KIND_COLUMN].setForeground(QColor("#b00020"))
                for c, item in enumerate(items):
                    flags = item.flags() & ~Qt.ItemFlag.ItemIsEditable
                    if c == NAME_COLUMN and problem.kind == NO_NAME:
                        flags |= Qt.ItemFlag.ItemIsEditable
                        item.setData(Qt.ItemDataRole.UserRole, problem.row)
                        item.setToolTip(self.tr("Type the name to import this row"))
                        item.setBackground(QColor("#fff8e1"))
                    item.setFlags(flags)
                    self.problems.setItem(r, c, item)
        finally:
            self._filling = False
        self.problems.resizeColumnsToContents()
        # long messages are cut (the whole text is the tooltip) so the name cells stay in view
        self.problems.setColumnWidth(PROBLEM_COLUMN,
                                     min(self.problems.columnWidth(PROBLEM_COLUMN), 380))
        self.problems.setColumnWidth(NAME_COLUMN, max(self.problems.columnWidth(NAME_COLUMN),
                                                      180))
        nameless = sum(1 for p in plan.problems if p.kind == NO_NAME)
        self.name_note.setVisible(bool(nameless))
        self.name_note.setText(self.tr(
            "{0} row(s) have no name and are left out; the others are imported. To import "
            "such a row, type the name in its “Name” cell.").format(nameless))
        if len(plan.problems) > len(shown):
            self.summary.setText(self.summary.text() + " " + self.tr(
                "The first {0} problems are listed; run 'checkin import --dry-run' for all.")
                .format(len(shown)))
        if plan.blocking:
            self.accept_errors.setText(self.tr("Import the other rows and leave out the {0} "
                                               "row(s) with errors").format(len(plan.blocking)))
            self.accept_errors.show()
        else:
            self.accept_errors.hide()
        self.completeChanged.emit()

    def name_typed(self, item: QTableWidgetItem) -> None:
        """A name typed for a row without one: check the file again with it."""
        if self._filling or item.column() != NAME_COLUMN:
            return
        row = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(row, int) or not item.text().strip():
            return
        self.names[row] = item.text().strip()
        self._check()

    def cancel_toggled(self, checked: bool) -> None:
        """Ticking "cancel the missing" asks first when they are most of the event."""
        plan = self.wiz.plan
        if checked and plan is not None:
            plan.merge.cancelled = self._missing
            question = plan.merge.mass_cancel()
            if question is not None:
                self.cancel_missing.blockSignals(True)
                self.cancel_missing.setChecked(False)  # only a "yes" ticks it
                self.cancel_missing.blockSignals(False)
                self.show_counts()
                self._ask_mass_cancel(*question)
                return
        self.show_counts()

    def _ask_mass_cancel(self, cancelled: int, people: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cancel most of the event?"),
                          self.tr("This list would cancel {0} of the {1} people in the event "
                                  "(they are not in it). If the list only adds people, such "
                                  "as late registrations, keep them. Nobody is deleted.")
                          .format(cancelled, people), QMessageBox.StandardButton.NoButton,
                          self)
        yes = box.addButton(self.tr("Cancel {0} people").format(cancelled),
                                         QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            if box.clickedButton() is yes:
                self.cancel_missing.blockSignals(True)
                self.cancel_missing.setChecked(True)
                self.cancel_missing.blockSignals(False)
            self.confirm_cancel = None
            self.show_counts()

        box.finished.connect(lambda _result: answered())
        self.confirm_cancel = box
        box.open()

    def show_counts(self, *_: object) -> None:
        """The summary, following the choice about people missing from the list."""
        plan = self.wiz.plan
        if plan is None:
            return
        plan.merge.cancelled = self._missing if self.cancel_missing.isChecked() else []
        counts = plan.merge.counts()
        self.summary.setText(self.tr(
            "{0} rows read. The import will add {1}, update {2} and cancel {3} people; "
            "{4} are unchanged. {5} row(s) will be left out, {6} warning(s).").format(
                plan.rows_read, counts["added"], counts["updated"], counts["cancelled"],
                counts["unchanged"], len(plan.errors), len(plan.warnings)))

    def show_error(self, exc: BaseException) -> None:
        self.progress.hide()
        self.summary.setText(describe_error(exc))
        self.summary.setStyleSheet("color: #b00020;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self.wiz.plan
        return plan is not None and (not plan.blocking or self.accept_errors.isChecked())


class ImportPage(QWizardPage):
    """The import itself, on the single database writer, with progress and cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.cancel = QPushButton(self.tr("Cancel import"), self)
        self.cancel.clicked.connect(self.cancel_import)
        self.handle: TaskHandle | None = None
        self.result: dict[str, int] | str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan, store = self.wiz.plan, self.wiz.store
        assert plan is not None
        self.result = None
        self.label.setText(self.tr("Importing…"))
        self.progress.setRange(0, max(1, len(plan.merge.added)))
        self.progress.setValue(0)
        self.cancel.setEnabled(True)
        self.cancel.show()
        desk = self.wiz.desk

        def work(progress: Progress) -> dict[str, int] | str:
            try:
                counts = commit(store, plan, desk=desk, progress=progress.report)
            except Cancelled:
                return _CANCELLED
            remember_mapping(store, plan.preview, plan.preview.targets)
            return counts

        self.handle = self.wiz.tasks.run(work, on_done=self.finished, on_error=self.failed,
                                         on_progress=self.advance, write=True)

    def advance(self, done: int, total: int, text: str) -> None:
        self.progress.setValue(done)
        self.label.setText(text)

    def cancel_import(self) -> None:
        if self.handle is not None and not self.handle.finished:
            self.handle.cancel()
            self.cancel.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def finished(self, result: dict[str, int] | str) -> None:
        self.result = result
        self.cancel.hide()  # done (or cancelled): Finish is the only way on
        if result == _CANCELLED:
            self.label.setText(self.tr("Import cancelled. Nothing was changed."))
        else:
            assert isinstance(result, dict)
            self.progress.setValue(self.progress.maximum())
            self.label.setText(self.tr(
                "Done: {0} added, {1} updated, {2} unchanged, {3} cancelled.").format(
                    result["added"], result["updated"], result["unchanged"],
                    result["cancelled"]))
            self.wiz.imported.emit(result)
        self.completeChanged.emit()

    def failed(self, exc: BaseException) -> None:
        self.result = _CANCELLED
        self.cancel.hide()
        self.label.setText(self.tr("The import failed and nothing was changed: {0}").format(
            describe_error(exc)))
        self.label.setStyleSheet("color: #b00020;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.result is not None


class ImportWizard(QWizard):
    """File → columns → check → import."""

    imported = Signal(object)

    def __init__(self, store: EventStore, tasks: TaskRunner, desk: str = "import",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.desk = desk
        self.days = list(store.event().days)
        self.preview: Preview | None = None
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import participants"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # the last page imports: while it runs, its own "Cancel import" (and Escape) stop
        # it; once done, nothing is left to cancel: only Finish
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.report_page = ReportPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.report_page, self.import_page):
            self.addPage(page)
        self.resize(900, 620)

    def reject(self) -> None:
        page = self.import_page
        if page.handle is not None and not page.handle.finished:
            page.cancel_import()  # the wizard closes once the rollback is done
            return
        super().reject()


class ImportHook(QObject):
    """File > Import participants… and dropping a file onto the main window."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.retranslate()
        self.action.triggered.connect(lambda: self.open_wizard())
        menu.addAction(self.action)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.wizard: ImportWizard | None = None

    def retranslate(self) -> None:
        """Called by the main window on a language switch (a QObject gets no LanguageChange)."""
        self.action.setText(self.tr("&Import participants…"))
        show_shortcut_in_tooltip(self.action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, QDragMoveEvent):
            if self._dropped_file(event) is not None:
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = self._dropped_file(event)
            if path is not None:
                event.acceptProposedAction()
                self.open_wizard(path)
                return True
        return False

    @staticmethod
    def _dropped_file(event: QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        one = files[0] if len(files) == 1 else None
        return one if one is not None and one.suffix.lower() in SUPPORTED_SUFFIXES else None

    def open_wizard(self, path: Path | None = None) -> ImportWizard | None:
        window: Any = self.window
        store: EventStore | None = window.store
        if store is None:
            QMessageBox.information(window, self.tr("Import participants"),
                                    self.tr("Open or create an event first, then import "
                                            "its participant list."))
            return None
        self.wizard = ImportWizard(store, window.tasks, window.desk_name, window)
        # reopen the event so the desk's search index and counts include the new people
        self.wizard.imported.connect(lambda _counts: window.open_path(store.path))
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if path is not None:
            self.wizard.file_page.set_path(path)
        self.wizard.show()
        return self.wizard
