"""The CSV export: UTF-8 with BOM and ``;`` so German Excel opens it right.

Excel reads a CSV without BOM as Windows-1252 (umlauts break) and splits on
the list separator of the locale, which is ``;`` in Germany. The plain
variant (``,``) is for other tools. Formula-like text gets a leading
apostrophe, since a CSV cell cannot say "this is text".

Rows are formatted into a string buffer and written as bytes in chunks, not
through a text wrapper around the file: a wrapper left behind by a failed
write (a full disk) would try to flush again when it is collected and print
a traceback.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from typing import BinaryIO

from checkin.common.locale_texts import column_header
from checkin.export.rows import AttendanceRow
from checkin.export.safety import defuse


def write_csv(fh: BinaryIO, columns: Sequence[str], rows: Sequence[AttendanceRow], *,
              comma: bool = False, language: str = "en") -> None:
    """Write a header (in the event's language) and the rows in the chosen columns."""
    if not comma:
        fh.write(codecs.BOM_UTF8)  # Excel reads UTF-8 only with it
    text = io.StringIO()
    writer = csv.writer(text, delimiter="," if comma else ";", lineterminator="\r\n")
    writer.writerow([column_header(c, language) for c in columns])
    for n, row in enumerate(rows, start=1):
        writer.writerow([defuse(_csv_text(row, c, language)) for c in columns])
        if n % _CHUNK == 0:
            _flush(text, fh)
    _flush(text, fh)


#: rows per write: large enough to be fast, small enough for bounded memory
_CHUNK = 2000


def _flush(text: io.StringIO, fh: BinaryIO) -> None:
    fh.write(text.getvalue().encode("utf-8"))
    text.seek(0)
    text.truncate()


def _csv_text(row: AttendanceRow, column: str, language: str) -> str:
    if column == "checked_in_at" and row.at is not None:
        return row.at.strftime("%Y-%m-%d %H:%M")
    return row.text(column, language)
