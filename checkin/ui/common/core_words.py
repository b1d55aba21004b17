"""The core's labels (column names, formats, layouts …) in the UI's language.

The core is Qt-free and names things in English (the CLI and files use those
names). Screens show them through ``core_word()``; every label is listed here
with ``QT_TRANSLATE_NOOP`` so lupdate puts it in the catalogue, and a test
checks that the list still covers every label the core defines.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from checkin.ui.common.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CoreWords"

WORDS = (
    # checkin.model.FIELD_LABELS
    QT_TRANSLATE_NOOP("CoreWords", "Title"),
    QT_TRANSLATE_NOOP("CoreWords", "First name"),
    QT_TRANSLATE_NOOP("CoreWords", "Last name"),
    QT_TRANSLATE_NOOP("CoreWords", "Organisation"),
    QT_TRANSLATE_NOOP("CoreWords", "Project / group"),
    QT_TRANSLATE_NOOP("CoreWords", "Role"),
    QT_TRANSLATE_NOOP("CoreWords", "Email"),
    QT_TRANSLATE_NOOP("CoreWords", "Ticket code"),
    # checkin.export.COLUMN_LABELS (the rest)
    QT_TRANSLATE_NOOP("CoreWords", "Checked in"),
    QT_TRANSLATE_NOOP("CoreWords", "Desk"),
    QT_TRANSLATE_NOOP("CoreWords", "Walk-in"),
    # checkin.export.FORMATS
    QT_TRANSLATE_NOOP("CoreWords", "Excel workbook (.xlsx)"),
    QT_TRANSLATE_NOOP("CoreWords", "CSV for Excel (.csv)"),
    QT_TRANSLATE_NOOP("CoreWords", "PDF attendance list (.pdf)"),
    # checkin.importing.mapping.target_label
    QT_TRANSLATE_NOOP("CoreWords", "Full name (first last)"),
    QT_TRANSLATE_NOOP("CoreWords", "Full name (last, first)"),
    QT_TRANSLATE_NOOP("CoreWords", "Registration status"),
    QT_TRANSLATE_NOOP("CoreWords", "Keep as extra field"),
    QT_TRANSLATE_NOOP("CoreWords", "Ignore"),
    # checkin.importing.sniffing.DELIMITER_NAMES
    QT_TRANSLATE_NOOP("CoreWords", "semicolon"),
    QT_TRANSLATE_NOOP("CoreWords", "comma"),
    QT_TRANSLATE_NOOP("CoreWords", "tab"),
    QT_TRANSLATE_NOOP("CoreWords", "bar"),
    # checkin.badges.layouts.PRESETS
    QT_TRANSLATE_NOOP("CoreWords", "A6 portrait, one badge per page"),
    QT_TRANSLATE_NOOP("CoreWords", "A7 landscape, one badge per page"),
    QT_TRANSLATE_NOOP("CoreWords", "ID-1 card (85.6 × 54 mm, card printers)"),
    QT_TRANSLATE_NOOP("CoreWords", "4 × A6 on A4, with cut marks"),
    QT_TRANSLATE_NOOP("CoreWords", "8 × A7 on A4, with cut marks"),
    QT_TRANSLATE_NOOP("CoreWords", "A6 fold-over on A4 (2 per sheet, fold across the middle)"),
    QT_TRANSLATE_NOOP("CoreWords", "Avery Zweckform L4785, 80 × 50 mm, 10 per A4"),
    QT_TRANSLATE_NOOP("CoreWords", "Avery L7418, 86 × 55 mm, 10 per A4"),
    QT_TRANSLATE_NOOP("CoreWords", "Avery 5395 (US Letter), 3⅜ × 2⅓ in, 8 per sheet"),
    QT_TRANSLATE_NOOP("CoreWords", "Brother QL, 62 mm continuous roll, 100 mm per badge"),
    QT_TRANSLATE_NOOP("CoreWords", "Dymo 99014 labels, 54 × 101 mm"),
    # checkin.badges.batch.box_labels and checkin.badges.records.BadgeLocation.text
    QT_TRANSLATE_NOOP("CoreWords", "Box %1"),
    QT_TRANSLATE_NOOP("CoreWords", "%1, No. %2"),
)

#: a box label as the core stores it: "Box A–E", "Box M", "Box A–E (2)"
_BOX = re.compile(r"Box (.+)")


def core_word(text: str) -> str:
    """``text`` (a label from the core) in the UI's language; unknown text as it is."""
    return QCoreApplication.translate(CONTEXT, text)


def badge_place(box: str, number: int) -> str:
    """Where a pre-printed badge waits ("Box A–E, No. 1") in the UI's language.

    The core stores the box's label in English (the CLI prints it so); a desk
    words it in its own language ("Kiste A–E, Nr. 1").
    """
    found = _BOX.fullmatch(box)
    label = core_word("Box %1").replace("%1", found.group(1)) if found else box
    return core_word("%1, No. %2").replace("%1", label).replace("%2", str(number))
