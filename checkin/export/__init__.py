"""The day-end export: XLSX, CSV and the PDF attendance list of a day.

``export_day`` picks the format from the file name, writes only the chosen
columns, and creates the file readable only by the user. GUI ("Export the
day") and ``checkin export`` both call it. A full disk or a place that takes
no files ends in a ``UserError`` (``DiskFull``, ``ReadOnlyPlace``,
``ExportProblem``) with nothing written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checkin.door.days import event_day
from checkin.door.sessions import list_sessions
from checkin.errors import ExportProblem
from checkin.export.csvfile import write_csv
from checkin.export.pdf import ListHeading, write_pdf
from checkin.export.rows import (
    COLUMN_LABELS,
    DEFAULT_COLUMNS,
    check_columns,
    day_rows,
    session_rows,
    signature_rows,
)
from checkin.export.safety import check_target, private_file, temporary_fault
from checkin.export.xlsx import XlsxWriter
from checkin.store.sqlite import EventStore

__all__ = ["COLUMN_LABELS", "DEFAULT_COLUMNS", "FORMATS", "ExportOptions", "ExportSummary",
           "export_day"]

Progress = Callable[[int, int, str], None]
#: File suffix -> what the dialog calls it.
FORMATS = {".xlsx": "Excel workbook (.xlsx)", ".csv": "CSV for Excel (.csv)",
           ".pdf": "PDF attendance list (.pdf)"}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    columns: Sequence[str] = DEFAULT_COLUMNS
    #: PDF: list everyone expected, with a column to sign
    signature: bool = False
    #: CSV: plain comma-separated UTF-8 without BOM instead of Excel's German flavour
    comma: bool = False


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    rows: int
    sheets: tuple[str, ...] = field(default_factory=tuple)


def export_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportProblem(f"Cannot tell the format from '{path.name}'. End the file name "
                            "with .xlsx, .csv or .pdf.")
    return suffix


def export_day(store: EventStore, day: str | None, path: str | Path,
               options: ExportOptions = ExportOptions(),
               progress: Progress | None = None) -> ExportSummary:
    """Write the attendance of ``day`` (XLSX: ``None`` = every day) to ``path``."""
    path = Path(path)
    check_target(path)  # a folder or a missing folder is refused before any work
    suffix = export_format(path)
    columns = check_columns(options.columns)
    event = store.event()
    if day is None:
        if suffix != ".xlsx" and len(event.days) != 1:
            raise ExportProblem(f"A {suffix[1:].upper()} export holds one day. Add the day, "
                                "e.g. --day " + event.day_strings[0] + ".")
        days = list(event.day_strings)
    else:
        days = [event_day(event, day=day)]
    if suffix == ".xlsx":
        return _xlsx(store, days, path, columns, progress)
    the_day = days[0]
    if suffix == ".csv":
        rows = day_rows(store, the_day)
        with private_file(path) as fh:
            write_csv(fh, columns, rows, comma=options.comma, language=event.language)
        return ExportSummary(path, len(rows))
    rows = signature_rows(store, the_day) if options.signature else day_rows(store, the_day)
    heading = ListHeading(event.name, date.fromisoformat(the_day), event.language,
                          signature=options.signature)
    with private_file(path) as fh:
        write_pdf(fh, heading, columns, rows, progress)
    return ExportSummary(path, len(rows))


def _xlsx(store: EventStore, days: list[str], path: Path, columns: Sequence[str],
          progress: Progress | None) -> ExportSummary:
    sheets: list[str] = []
    total = 0
    with XlsxWriter(columns, store.event().language) as writer:
        try:
            for day in days:
                rows = day_rows(store, day)
                writer.add_sheet(day, rows, progress)
                sheets.append(day)
                total += len(rows)
                for session in list_sessions(store, day):
                    name = f"{session.name} {day[5:]}" if len(days) > 1 else session.name
                    writer.add_sheet(name, session_rows(store, session), progress)
                    sheets.append(name)
        except OSError as exc:  # the sheets' temporary files, not the export's
            raise temporary_fault(exc) from exc
        with private_file(path) as fh:
            writer.save(fh)
    return ExportSummary(path, total, tuple(sheets))
