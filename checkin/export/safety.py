"""Writing export files safely: private permissions, no half-written files, no formulas.

Exports hold personal data, so they are created readable only by the user
(0600) and appear under their final name only once complete. Spreadsheet
programs run a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return as a formula (CSV/formula injection); such text is defused.

A write can fail for reasons of the venue, not of checkin (a full disk, a
read-only stick, a name the disk refuses): each becomes a ``UserError`` that
says what to do, and the hidden part file is removed. Part files are named
``.NAME.PID.XXXXXXXX.part`` so that the next export of the same file can
remove what a killed export left without touching one that is still running.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from checkin.errors import DiskFull, ExportProblem, ReadOnlyPlace, UserError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PART_SUFFIX = ".part"
#: seconds: a part file without a writer we can name is debris after this long
STALE_AFTER = 60.0
#: seconds: a part file whose "writer" still runs after this long belongs to a reused PID
ORPHAN_AFTER = 24 * 3600.0
#: how much of the target's name goes into a part name (the whole name may be near the limit)
_NAME_IN_PART = 100
#: what follows the prefix: "PID." and mkstemp's 8 random characters (older versions: no PID)
_PART_REST = re.compile(r"(?:(\d+)\.)?([a-z0-9_]{8})")

_EXPORT_SUFFIXES = (".xlsx", ".csv", ".pdf")
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
_NO_FOLDER = frozenset({errno.ENOENT, errno.ENOTDIR})
_BAD_NAME = frozenset({errno.ENAMETOOLONG, errno.EINVAL, errno.EILSEQ})


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def defuse(text: str) -> str:
    """Text a spreadsheet shows as written: a leading apostrophe stops formula evaluation."""
    return "'" + text if looks_like_formula(text) else text


def export_fault(exc: OSError, path: Path) -> UserError:
    """What went wrong writing ``path``, in words that say what to do; nothing was written."""
    folder = path.parent
    code = exc.errno
    if code in _FULL:
        return DiskFull(f"The disk is full ({folder}). Free some space or choose another "
                        "place, then export again; nothing was written.")
    if code in _READ_ONLY:
        return ReadOnlyPlace(f"Cannot write into {folder}: it is read-only or you lack the "
                             "rights. Choose another folder; nothing was written.")
    if code == errno.EISDIR:
        suffix = path.suffix.lower() if path.suffix.lower() in _EXPORT_SUFFIXES else ".xlsx"
        example = path / f"attendance{suffix}"
        return ExportProblem(f"{path} is a folder. Add a file name, e.g. {example}.")
    if code in _NO_FOLDER:
        return ExportProblem(f"Cannot create a file in {folder} (the folder is gone or takes "
                             "no files). Choose another folder; nothing was written.")
    if code in _BAD_NAME:
        return ExportProblem(f"The disk refuses the file name '{path.name}' (too long, or "
                             "characters it does not allow, such as : * ? \" < > |). Choose "
                             "a shorter, plainer name; nothing was written.")
    reason = exc.strerror or str(exc)
    return ExportProblem(f"Cannot write {path} ({reason}). Check the disk or choose another "
                         "place; nothing was written.")


def temporary_fault(exc: OSError) -> UserError:
    """A failure writing a temporary file (the XLSX writer's sheets), before the export."""
    folder = tempfile.gettempdir()
    if exc.errno in _FULL:
        return DiskFull(f"The disk is full (temporary folder {folder}). Free some space, "
                        "then export again; nothing was written.")
    reason = exc.strerror or str(exc)
    return ExportProblem(f"Cannot write temporary files in {folder} ({reason}). Free some "
                         "space or check the folder, then export again; nothing was written.")


def check_target(path: Path) -> None:
    """Refuse, before any work, a target that can never become an export file."""
    folder = path.parent
    try:
        if path.is_dir():
            raise export_fault(OSError(errno.EISDIR, "Is a directory"), path)
        if not folder.is_dir():
            if folder.exists():
                raise ExportProblem(f"{folder} is a file, not a folder. Choose another place "
                                    "to save.")
            raise ExportProblem(f"The folder {folder} does not exist. Choose another place "
                                "to save.")
        if path.exists() and not path.is_file():
            raise ExportProblem(f"{path} is not a plain file (a device or a pipe). Choose "
                                "another file name.")
    except OSError as exc:
        raise export_fault(exc, path) from exc


def _part_prefix(path: Path) -> str:
    return f".{path.name[:_NAME_IN_PART]}."


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def stale_parts(path: Path, now: float | None = None) -> list[Path]:
    """Part files of ``path`` that no running export is writing.

    A part file names its writer's PID: it is stale once that process is gone
    (or after a day, when the PID was reused). Part files of older versions
    carry no PID and are stale after a minute.
    """
    prefix = _part_prefix(path)
    moment = time.time() if now is None else now
    found: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return found
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(PART_SUFFIX)):
            continue
        match = _PART_REST.fullmatch(name[len(prefix):-len(PART_SUFFIX)])
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = moment - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid = match.group(1)
        gone = age > STALE_AFTER if pid is None else (not _alive(int(pid))
                                                      or age > ORPHAN_AFTER)
        if gone:
            found.append(Path(entry.path))
    return found


def clean_stale_parts(path: Path) -> int:
    """Remove what killed exports of ``path`` left behind; returns how many."""
    removed = 0
    for part in stale_parts(path):
        with contextlib.suppress(OSError):
            part.unlink()
            removed += 1
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: some file systems cannot sync a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def private_file(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` (mode 0600) via a part file renamed into place when done.

    An OS error (full disk, read-only place, refused name) becomes a
    ``UserError``; the part file is removed whatever happened.
    """
    path = Path(path)
    folder = path.parent
    check_target(path)
    clean_stale_parts(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_part_prefix(path)}{os.getpid()}.",
                                   suffix=PART_SUFFIX, dir=folder)
    except OSError as exc:
        raise export_fault(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o600)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise export_fault(exc, path) from exc
        raise
    _sync_folder(folder)


def write_private(path: Path, data: bytes) -> None:
    """Write a whole file at once with :func:`private_file`."""
    with private_file(path) as fh:
        fh.write(data)
