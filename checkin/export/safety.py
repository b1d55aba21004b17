"""Writing export files safely: private permissions, no half-written files, no formulas.

Exports hold personal data, so they are created readable only by the user
(0600) and appear under their final name only once complete. Spreadsheet
programs run a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return as a formula (CSV/formula injection); such text is defused.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from checkin.errors import ExportProblem

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def defuse(text: str) -> str:
    """Text a spreadsheet shows as written: a leading apostrophe stops formula evaluation."""
    return "'" + text if looks_like_formula(text) else text


@contextmanager
def private_file(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` (mode 0600) via a temporary file renamed into place when done."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportProblem(f"The folder {folder} does not exist. Choose another place to save.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except PermissionError:
        raise ExportProblem(f"Cannot write into {folder} (permission denied). "
                            "Choose another folder.") from None
    os.fchmod(fd, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_private(path: Path, data: bytes) -> None:
    """Write a whole file at once with :func:`private_file`."""
    with private_file(path) as fh:
        fh.write(data)
