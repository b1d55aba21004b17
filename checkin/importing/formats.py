"""The participant-list files the import reads: file types and text encodings.

Declared here, once, so the import wizard's file dialog and encoding choice and
``checkin import --help`` offer the same list. The reader itself decides by
content (a workbook renamed to .csv is still read as a workbook); these are what
the faces offer and name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: Text tables (delimiter and encoding are detected).
TEXT_SUFFIXES: tuple[str, ...] = (".csv", ".txt", ".tsv")
#: Workbooks: Excel and LibreOffice.
SPREADSHEET_SUFFIXES: tuple[str, ...] = (".xlsx", ".ods")
SUPPORTED_SUFFIXES: tuple[str, ...] = TEXT_SUFFIXES + SPREADSHEET_SUFFIXES

#: Text encodings a user may choose when detection guessed wrong: codec -> what it is.
ENCODINGS: Mapping[str, str] = {
    "utf-8": "UTF-8 (Unicode)",
    "utf-8-sig": "UTF-8 with byte-order mark (Excel's 'CSV UTF-8')",
    "cp1252": "Windows-1252 (Excel's 'CSV' on Western European Windows)",
    "utf-16": "UTF-16 (Excel's 'Unicode text')",
    "latin-1": "ISO-8859-1 (Latin-1)",
    "cp850": "DOS code page 850",
    "mac_roman": "Mac Roman (old Mac Excel)",
}


def patterns(suffixes: Iterable[str] = SUPPORTED_SUFFIXES) -> str:
    """File-dialog patterns: ``*.csv *.txt …``."""
    return " ".join(f"*{s}" for s in suffixes)
