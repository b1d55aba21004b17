"""The CSV export: UTF-8 with BOM and ``;`` so German Excel opens it right.

Excel reads a CSV without BOM as Windows-1252 (umlauts break) and splits on
the list separator of the locale, which is ``;`` in Germany. The plain
variant (``,``) is for other tools. Formula-like text gets a leading
apostrophe, since a CSV cell cannot say "this is text".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import BinaryIO

from checkin.export.rows import AttendanceRow
from checkin.export.safety import defuse
from checkin.locale_texts import column_header


def write_csv(fh: BinaryIO, columns: Sequence[str], rows: Sequence[AttendanceRow], *,
              comma: bool = False, language: str = "en") -> None:
    """Write a header (in the event's language) and the rows in the chosen columns."""
    text = io.TextIOWrapper(fh, encoding="utf-8-sig" if not comma else "utf-8",
                            newline="", write_through=True)
    writer = csv.writer(text, delimiter="," if comma else ";", lineterminator="\r\n")
    writer.writerow([column_header(c, language) for c in columns])
    for row in rows:
        writer.writerow([defuse(_csv_text(row, c)) for c in columns])
    text.flush()
    text.detach()


def _csv_text(row: AttendanceRow, column: str) -> str:
    if column == "checked_in_at" and row.at is not None:
        return row.at.strftime("%Y-%m-%d %H:%M")
    return row.text(column)
