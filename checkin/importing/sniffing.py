"""Guessing how a participant list is written: file kind, encoding, delimiter, header row.

Registration offices hand over whatever their tool wrote: German Excel's
Windows-1252 CSV with semicolons, Excel's UTF-16 "Unicode text" with tabs,
UTF-8 with or without a BOM, workbooks with a title row above the header.
Every guess here can be overridden by the user (``ImportOptions``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from checkin.errors import ImportProblem
from checkin.importing.limits import require_regular_file

FileKind = Literal["text", "xlsx", "ods"]

DELIMITERS = (";", ",", "\t", "|")
DELIMITER_NAMES = {";": "semicolon", ",": "comma", "\t": "tab", "|": "bar"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20
#: How many leading rows may hold titles and notes above the header.
HEADER_SEARCH_ROWS = 30


def file_kind(path: Path) -> FileKind:
    """Decide by content, not by name: a workbook renamed to .csv is still a workbook.

    Only regular files are opened: a named pipe called ``x.csv`` would block forever.
    """
    require_regular_file(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportProblem(f"There is no file at {path}. Check the name and folder.") from None
    except IsADirectoryError:
        raise ImportProblem(f"{path} is a folder. Choose the participant list file.") from None
    except PermissionError:
        raise ImportProblem(f"{path} cannot be read (permission denied). "
                            "Copy it somewhere you can read it.") from None
    if head.startswith(_ZIP_MAGIC):
        from checkin.importing.ods import is_ods

        if is_ods(path):
            return "ods"
        if path.suffix.lower() == ".ods":
            raise ImportProblem(f"{path.name} is a damaged spreadsheet. Open it in LibreOffice, "
                                "save it again as .ods, .xlsx or .csv, and import that file.")
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        raise ImportProblem(
            f"{path.name} is an old Excel 97–2003 workbook (.xls). Open it in your "
            "spreadsheet program, save it as .xlsx or .csv, and import that file.")
    return "text"


def detect_encoding(path: Path) -> str:
    """The text encoding of ``path`` (see :func:`detect_text_encoding`)."""
    return detect_text_encoding(path)[0]


def is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def detect_text_encoding(path: Path) -> tuple[str, int]:
    """The text encoding of ``path``, and how many bytes are not UTF-8 if it is UTF-8.

    A BOM decides; else UTF-8 over the whole file (read in chunks, so nothing
    large is held) — also when a few bytes are not UTF-8, as long as the file
    has at least as many correct UTF-8 letters as bad bytes (one stray byte
    must not turn every "ü" into "Ã¼"; the rows with bad bytes are reported);
    else Windows-1252 — what German Excel writes — when it decodes; else
    another Western code page or charset-normalizer's best guess. A real
    Windows-1252 file has no correct UTF-8 sequences, so it stays Windows-1252.
    """
    with path.open("rb") as fh:
        head = fh.read(4)
        for bom, name in _BOMS:
            if head.startswith(bom):
                return name, (count_bad_utf8(path) if is_utf8(name) else 0)
        fh.seek(0)
        strict = codecs.getincrementaldecoder("utf-8")("strict")
        try:  # the common case, at full speed
            while chunk := fh.read(_CHUNK):
                if b"\x00" in chunk:
                    return _utf16_without_bom(chunk, path), 0
                strict.decode(chunk)
            strict.decode(b"", final=True)
            return "utf-8", 0
        except UnicodeDecodeError:
            pass
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        total_bytes = total_chars = bad = 0
        while chunk := fh.read(_CHUNK):
            if b"\x00" in chunk:
                return _utf16_without_bom(chunk, path), 0
            text = decoder.decode(chunk)
            total_bytes += len(chunk)
            total_chars += len(text)
            if _ESCAPED.search(text):
                bad += sum(len(m) for m in _ESCAPED.findall(text))
        text = decoder.decode(b"", final=True)
        total_chars += len(text)
        bad += sum(len(m) for m in _ESCAPED.findall(text))
        # each correct multibyte sequence is shorter as text than as bytes
        continuation = total_bytes - total_chars
        if bad == 0 or continuation >= bad:
            return "utf-8", bad
        fh.seek(0)
        data = fh.read(_CHUNK * 4)
    # other Western code pages (DOS Excel, old Macs, Central Europe): the one whose
    # non-ASCII characters are Latin letters where letters belong wins over
    # Windows-1252 (a Mac's "Jürgen" reads "JŸrgen" there); charset-normalizer decides
    # the rest
    scores = {enc: _latin_letter_share(data, enc) for enc in _WESTERN}
    # on a tie, the code page giving Western European letters (ä, ü, é) rather than
    # rarer ones (ź, ƒ) wins: one umlaut is all some lists have
    best_western = max(scores, key=lambda enc: (scores[enc], _latin1_share(data, enc)))
    if _decodes(path, "cp1252"):
        cp1252 = _latin_letter_share(data, "cp1252")
        if cp1252 >= 0.9 or not (scores[best_western] >= 0.9 and scores[best_western] > cp1252
                                 and _decodes(path, best_western)):
            return "cp1252", 0
        return best_western, 0
    if scores[best_western] >= 0.9 and _decodes(path, best_western):
        return best_western, 0
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _binary(path)
    return str(best.encoding), 0


#: the characters ``surrogateescape`` gives bytes that are not UTF-8
_ESCAPED = re.compile("[\udc80-\udcff]+")


def count_bad_utf8(path: Path) -> int:
    """How many bytes of ``path`` are not UTF-8 (a BOM is fine)."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    bad = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            bad += sum(len(m) for m in _ESCAPED.findall(decoder.decode(chunk)))
        bad += sum(len(m) for m in _ESCAPED.findall(decoder.decode(b"", final=True)))
    return bad


def repair_bytes(text: str) -> tuple[str, list[str]]:
    """``text`` with each run of bad bytes read as Windows-1252, and the bytes (hex) found.

    Why Windows-1252: a UTF-8 list with a few bad bytes is usually a list into
    which a line from German Excel was pasted, so "M\xfcller" becomes "Müller".
    Bytes Windows-1252 does not define become U+FFFD. The row is reported.
    """
    found: list[str] = []

    def fix(match: re.Match[str]) -> str:
        raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
        found.append(raw.hex(" ").upper())
        return raw.decode("cp1252", errors="replace")

    return _ESCAPED.sub(fix, text), found


def has_bad_bytes(text: str) -> bool:
    return _ESCAPED.search(text) is not None


_WESTERN = ("cp850", "mac_roman", "cp1250", "iso8859_15")


def _latin_letter_share(data: bytes, encoding: str) -> float:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return 0.0
    odd = [i for i, ch in enumerate(text) if ord(ch) > 127]
    if not odd:
        return 0.0
    return sum(1 for i in odd if _plausible_letter(text, i)) / len(odd)


def _latin1_share(data: bytes, encoding: str) -> float:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return 0.0
    odd = [ch for ch in text if ord(ch) > 127]
    return sum(1 for ch in odd if "\u00c0" <= ch <= "\u00ff") / len(odd) if odd else 0.0


def _plausible_letter(text: str, i: int) -> bool:
    """A Latin letter, and not a capital between a letter and a small letter ("JŸrgen")."""
    ch = text[i]
    if not (ch.isalpha() and ord(ch) < 0x250):
        return False
    if ch.isupper() and 0 < i < len(text) - 1:
        return not (text[i - 1].isalpha() and text[i + 1].islower())
    return True


def _utf16_without_bom(sample: bytes, path: Path) -> str:
    """UTF-16 text without a BOM has a NUL in every other byte (for Latin text)."""
    sample = sample[: len(sample) // 2 * 2]
    half = max(1, len(sample) // 2)
    if sample[1::2].count(0) > 0.9 * half and sample[0::2].count(0) < 0.1 * half:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * half and sample[1::2].count(0) < 0.1 * half:
        return "utf-16-be"
    raise _binary(path)


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    with path.open("rb") as fh:
        try:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _binary(path: Path) -> ImportProblem:
    return ImportProblem(
        f"{path.name} is not a text table (it contains binary data). Export the list "
        "from your spreadsheet as CSV or .xlsx and import that file.")


def check_text(sample: str, path: Path) -> None:
    """Refuse binary data that happened to decode (control characters everywhere)."""
    if not sample.strip():
        return
    odd = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    if "\x00" in sample or odd > max(2, len(sample) // 100):
        raise _binary(path)


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits most sample rows into the same number (>1) of fields.

    Title rows have fewer fields, so the most common width wins, not the first
    line's. Ties prefer ``;`` (German Excel), then tab, then ``,``.
    """
    lines = sample.splitlines()
    if lines and lines[0].lower().startswith("sep=") and len(lines[0].strip()) == 5:
        return lines[0].strip()[4]  # Excel's own hint line, e.g. "sep=;"
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        sample = "\n".join(lines[:-1])  # the last line may be cut off mid-row
    best, best_score = ",", (0, 0)
    for delimiter in (";", "\t", ",", "|"):
        rows: list[list[str]] = []
        try:  # the rows before a broken one still count (a quote never closed, a huge field)
            for row in csv.reader(io.StringIO(sample), delimiter=delimiter):
                rows.append(row)
        except csv.Error:
            pass
        widths = Counter(len(r) for r in rows if any(c.strip() for c in r))
        widths.pop(1, None)
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda wc: (wc[1], wc[0]))
        score = (count, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


_BLANK = " \t\r\n;,|\u00a0"


def is_empty(row: Sequence[str]) -> bool:
    """True for rows without content (also ";;;" read with the wrong delimiter)."""
    return not "".join(row).strip(_BLANK)


def find_header_row(rows: Sequence[Sequence[str]], known: frozenset[str]) -> int:
    """Index (0-based, in ``rows``) of the header: below titles and empty rows.

    The header is the first row as wide as the table (most common number of
    filled cells among the rows after it) that holds text only; a row naming
    known columns ("Vorname", "Email", …) wins over one that does not.
    """
    head = list(rows[:HEADER_SEARCH_ROWS])
    filled = [sum(1 for c in r if c.strip(_BLANK)) for r in head]
    if not any(filled):
        raise ImportProblem("The file has no rows with content. Check that you chose "
                            "the right file, or export the list again.")
    table_width = Counter(n for n in filled if n > 1).most_common(1)
    width = table_width[0][0] if table_width else 1
    candidates = [i for i, n in enumerate(filled) if n >= max(1, (width * 6 + 9) // 10)]
    for i in candidates:
        cells = {normalise_header(c) for c in head[i] if c.strip()}
        if cells & known:
            return i
    for i in candidates:
        if all(not _is_number(c) for c in head[i] if c.strip()):
            return i
    return candidates[0] if candidates else 0


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def normalise_header(text: str) -> str:
    """A column name as compared with known names: case, spaces and punctuation folded."""
    text = text.casefold().replace("\u00a0", " ").strip().rstrip(":*").strip()
    for ch in "_-./()#:":
        text = text.replace(ch, " ")
    return " ".join(text.split())
