"""Small forms of the desk: add a walk-in, correct a person's card."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.model import FIELD_LABELS, Attendee, field_names
from checkin.ui.common.core_words import core_word


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonForm", text)


def walk_in_fields() -> tuple[str, ...]:
    """Asked for a walk-in (``checkin.model.PERSON_FIELDS``, flag ``walk_in``)."""
    return field_names(walk_in=True)


def edit_fields() -> tuple[str, ...]:
    """Shown on the edit form: every field a desk may change (flag ``editable``)."""
    return field_names(editable=True)


class PersonForm(QDialog):
    """A form over some attendee fields; ``values()`` gives what was typed."""

    def __init__(self, title: str, intro: str, fields: Sequence[str], ok_text: str,
                 initial: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in fields:
            edit = QLineEdit(initial.get(name, ""), self)
            edit.setAccessibleName(core_word(FIELD_LABELS[name]))
            edit.setMaxLength(200)
            form.addRow(core_word(FIELD_LABELS[name]) + ":", edit)
            self.edits[name] = edit
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #8b0000; font-weight: bold;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def _accept_if_named(self) -> None:
        values = self.values()
        if not (values.get("first_name") or values.get("last_name")):
            self.problem.setText(self.tr("Type a first or last name."))
            self.problem.show()
            self.edits["first_name"].setFocus()
            return
        self.accept()


def walk_in_form(typed: str, parent: QWidget | None = None) -> PersonForm:
    """The walk-in form, with the name staff already typed in the search split up."""
    parts = typed.strip().split()
    initial = {"first_name": " ".join(parts[:-1]), "last_name": parts[-1]} if len(parts) > 1 \
        else {"last_name": parts[0]} if parts else {}
    form = PersonForm(
        _tr("Add a walk-in"),
        _tr("Adds the person for today, checks them in and sends the badge to print."),
        walk_in_fields(), _tr("Add and check in"), initial, parent)
    form.edits["organization" if initial.get("first_name") else "first_name"].setFocus()
    return form


def edit_form(person: Attendee, parent: QWidget | None = None) -> PersonForm:
    return PersonForm(
        _tr("Edit {name}").replace("{name}", person.display_name),
        _tr("Corrections are saved to the event and written to the audit log."),
        edit_fields(), _tr("Save"), {f: person.field(f) for f in edit_fields()}, parent)
