""""Export the day": format, day, columns, signature list; runs in the background.

The dialog only gathers choices; ``checkin.export.export_day`` does the work
on the task runner's pool, through its own connection to the event file so
that a long export never holds up check-ins at the desk.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.export import COLUMN_LABELS, DEFAULT_COLUMNS, FORMATS, ExportOptions, ExportSummary
from checkin.export import export_day as run_export
from checkin.store import EventStore, open_event
from checkin.ui.common.core_words import core_word
from checkin.ui.common.errors import describe_error
from checkin.ui.common.file_dialogs import save_file_name, start_folder
from checkin.ui.common.formats import day_label
from checkin.ui.common.tasks import Progress, TaskHandle, TaskRunner


def export_in_background(path: Path, day: str | None, out: Path,
                         options: ExportOptions, progress: Progress) -> ExportSummary:
    """The job: its own connection, so the desk's connection stays free."""
    with open_event(path) as store:
        return run_export(store, day, out, options,
                          lambda done, total, text: progress.report(done, total, text))


class ExportDialog(QDialog):
    def __init__(self, store: EventStore, tasks: TaskRunner, day: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the day"))
        self.store_path = store.path
        self.tasks = tasks
        self.handle: TaskHandle | None = None
        self.summary: ExportSummary | None = None
        event = store.event()
        self.event_name = event.name

        self.format = QComboBox(self)
        for suffix, label in FORMATS.items():
            self.format.addItem(core_word(label), suffix)
        self.day = QComboBox(self)
        for d in event.days:
            self.day.addItem(day_label(d), d.isoformat())
        self.day.addItem(self.tr("Every day (XLSX only)"), None)
        if day is not None:
            self.day.setCurrentIndex(max(self.day.findData(day), 0))
        self.signature = QCheckBox(self.tr("List for signatures (everyone expected, "
                                           "with a column to sign)"), self)
        self.comma = QCheckBox(self.tr("Plain CSV with commas (not for German Excel)"), self)
        self.columns: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Columns"), self)
        grid = QGridLayout(box)
        for i, (name, label) in enumerate(COLUMN_LABELS.items()):
            check = QCheckBox(core_word(label), box)
            check.setChecked(name in DEFAULT_COLUMNS)
            self.columns[name] = check
            grid.addWidget(check, i // 3, i % 3)
        self.target = QLineEdit(self)
        self.target.setAccessibleName(self.tr("File to write"))
        browse = QPushButton(self.tr("C&hoose…"), self)
        browse.setAutoDefault(False)  # Enter in the file field exports, it opens no dialog
        browse.setAccessibleName(self.tr("Choose the file to write"))
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Day:"), self.day)
        form.addRow("", self.signature)
        form.addRow("", self.comma)
        save_as = QLabel(self.tr("&Save as:"), self)
        save_as.setBuddy(self.target)  # Alt+S jumps to the file name
        form.addRow(save_as, target_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._format_changed)
        self.day.currentIndexChanged.connect(self._suggest_name)
        browse.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self._folder = start_folder(self.store_path)
        self._format_changed()
        # Tab walks the form top to bottom, the file before the many column boxes
        chain = [self.format, self.day, self.signature, self.comma, self.target, browse,
                 *self.columns.values(), self.export_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.format.setFocus()

    @property
    def suffix(self) -> str:
        return str(self.format.currentData())

    def chosen_columns(self) -> tuple[str, ...]:
        return tuple(name for name, check in self.columns.items() if check.isChecked())

    def options(self) -> ExportOptions:
        return ExportOptions(columns=self.chosen_columns(),
                             signature=self.signature.isChecked() and self.suffix == ".pdf",
                             comma=self.comma.isChecked() and self.suffix == ".csv")

    def _format_changed(self, *_: object) -> None:
        self.signature.setEnabled(self.suffix == ".pdf")
        self.comma.setEnabled(self.suffix == ".csv")
        self._suggest_name()

    def _suggest_name(self, *_: object) -> None:
        day = self.day.currentData() or "alle-tage"
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in self.event_name)
        current = Path(self.target.text()) if self.target.text() else None
        folder = current.parent if current is not None else self._folder
        self.target.setText(str(folder / f"{safe}-{day}{self.suffix}"))

    def choose_file(self) -> None:
        # the suggested (or typed) file; a name without a folder is in the event's folder
        path = save_file_name(self, self.tr("Export the day"), self.store_path,
                              self.target.text(),
                              core_word(FORMATS[self.suffix]) + f" (*{self.suffix})")
        if path:
            self.target.setText(path)

    def start(self) -> None:
        """Export on the background pool, with progress; the dialog stays responsive."""
        out = Path(self.target.text()).expanduser()
        if not out.is_absolute():  # a bare name is written next to the event, not into cwd
            out = start_folder(self.store_path) / out
        if out.suffix.lower() != self.suffix:
            out = out.with_name(out.name + self.suffix)
            self.target.setText(str(out))
        day = self.day.currentData()
        options = self.options()
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(self.tr("Exporting…"))
        path = self.store_path
        self.handle = self.tasks.run(
            lambda progress: export_in_background(path, day, out, options, progress),
            on_done=self._done, on_error=self._failed, on_progress=self._progress)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.message.setText(self.tr("Exporting %1…").replace("%1", text))

    def _done(self, summary: ExportSummary) -> None:
        self.summary = summary
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("Wrote %1 people to %2.")
                             .replace("%1", str(summary.rows)).replace("%2", str(summary.path)))

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.message.setText(describe_error(exc))

    def reject(self) -> None:
        if self.handle is not None and not self.handle.finished:
            self.handle.cancel()
        super().reject()

