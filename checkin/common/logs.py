"""Logging to a file in the user's data folder, so a bug report has a traceback.

The log and the crash reports are private: created 0600 (also each rotated
file), with every password scrubbed from messages and tracebacks by a filter
on the handler (see :func:`checkin.sync.addresses.scrub_secrets`). Nothing personal
is logged on purpose (ids and counts, never names, emails, codes or what was
typed at the desk); what an exception message may still carry is removed by
:func:`forget_event` when the event is purged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO, Any

from checkin.common.paths import crash_reports_dir, log_file
from checkin.errors import UserError
from checkin.model import Attendee
from checkin.sync.addresses import scrub_secrets

PRIVATE = 0o600
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_handler: PrivateRotatingFileHandler | None = None


class SecretFilter(logging.Filter):
    """Masks passwords in a record's message, traceback and stack before any output.

    The record is changed in place, so every handler after this one (and a
    test's log capture) sees the scrubbed text too.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken %-format must not lose the record
            message = f"{record.msg} {record.args}"
        record.msg, record.args = scrub_secrets(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub_secrets(record.stack_info)
        return True


class _ScrubbingFormatter(logging.Formatter):
    """The last line of defence: the formatted text is scrubbed once more."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub_secrets(super().format(record))


def _make_private(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE)


def open_private(path: str | os.PathLike[str], mode: str = "a", *, exclusive: bool = False,
                 encoding: str | None = "utf-8", errors: str | None = None) -> IO[Any]:
    """Open a text file that is 0600 from its first byte (no umask, no window of 0644)."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_APPEND if mode.startswith("a") else 0
    flags |= os.O_EXCL if exclusive else 0
    fd = os.open(path, flags, PRIVATE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE)  # a file an older version made 0644
        return os.fdopen(fd, mode, encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating handler whose current and rotated files are all 0600."""

    def _open(self) -> IO[Any]:  # type: ignore[override]
        return open_private(self.baseFilename, self.mode, encoding=self.encoding,
                            errors=self.errors)

    def doRollover(self) -> None:
        super().doRollover()
        for rotated in _rotated_files(Path(self.baseFilename)):
            _make_private(rotated)


def _rotated_files(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.glob(f"{path.name}.*") if p.is_file())


def setup_logging() -> Path:
    """Send log records (with tracebacks) to the rotating log file; returns its path.

    Called again with another data folder (tests), it moves to the new file.
    """
    global _handler
    path = log_file()
    if _handler is not None and Path(_handler.baseFilename) == path.absolute():
        return path
    root = logging.getLogger("checkin")
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    for old in (path, *_rotated_files(path), *crash_reports_dir().glob("crash-*.txt")):
        if old.exists():
            _make_private(old)  # written by an older version with the umask's mode
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                         encoding="utf-8")
    handler.setFormatter(_ScrubbingFormatter(_FORMAT))
    handler.addFilter(SecretFilter())
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _handler = handler
    return path


def _scrub_last_resort() -> None:
    """Python prints warnings to stderr before a log file is set up: scrub those too."""
    last = logging.lastResort
    if last is not None and not any(isinstance(f, SecretFilter) for f in last.filters):
        last.addFilter(SecretFilter())


_scrub_last_resort()


def write_private_report(text: str, name: str) -> Path:
    """Write a crash report (0600, passwords scrubbed) into the reports folder."""
    path = crash_reports_dir() / name
    with open_private(path, "w", exclusive=True) as out:
        out.write(scrub_secrets(text))
    return path


# -- forgetting ------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def personal_strings(attendees: Iterable[Attendee]) -> list[str]:
    """What identifies a person in a line of text: names as printed, email, ticket code."""
    out: list[str] = []
    for a in attendees:
        out.extend(s for s in (a.display_name, a.full_name, a.email, a.ticket_code) if s)
    return out


class _Mentions:
    """Which lines mention any of many strings? (tens of thousands: indexed by first word)"""

    def __init__(self, terms: Iterable[str]) -> None:
        self.by_first: dict[str, set[str]] = {}
        for term in terms:
            folded = " ".join(term.casefold().split())
            first = _WORD.search(folded)
            if len(folded) >= 3 and first:
                self.by_first.setdefault(first.group(), set()).add(folded)

    def lines(self, lines: list[str]) -> set[int]:
        """Indexes of the lines that mention a term (one pass over the text for the words)."""
        folded = "".join(lines).casefold()  # casefold never adds or removes a line break
        candidates = set(_WORD.findall(folded)) & self.by_first.keys()
        if not candidates:
            return set()
        hits = set()
        for i, line in enumerate(folded.splitlines(keepends=True)):
            words = candidates.intersection(_WORD.findall(line))
            if words:
                flat = " ".join(line.split())
                if any(term in flat for w in words for term in self.by_first[w]):
                    hits.add(i)
        return hits


def _log_and_report_files() -> Iterator[Path]:
    path = log_file()
    if path.exists():
        yield path
    yield from _rotated_files(path)
    yield from sorted(crash_reports_dir().glob("crash-*.txt"))


def _rewrite_without(path: Path, mentions: _Mentions) -> int:
    """Drop the lines that mention something, in place (writers that append keep working)."""
    try:
        with open(path, "rb") as src:
            lines = src.read().decode("utf-8", errors="replace").splitlines(keepends=True)
    except FileNotFoundError:
        return 0
    drop = mentions.lines(lines)
    if not drop:
        return 0
    kept = [line for i, line in enumerate(lines) if i not in drop]
    with open(path, "r+b") as out:
        out.write("".join(kept).encode("utf-8"))
        out.truncate()
    _make_private(path)
    return len(lines) - len(kept)


def forget_event(events: Iterable[str | os.PathLike[str]], names: Iterable[str]) -> int:
    """Remove every line that mentions the events or any of ``names`` from logs and reports.

    ``events`` are paths or labels (a shared event's address); a path is also
    looked for by its file name. Returns the number of lines removed. Called
    by the purge with the attendees' names and emails, read before they are
    wiped, so that nothing personal outlives the purge in a log.
    """
    terms: list[str] = []
    for event in events:
        terms.append(os.fspath(event))
        if isinstance(event, os.PathLike):
            terms.append(Path(event).name)
    mentions = _Mentions([*terms, *names])
    removed = 0
    failed: list[str] = []
    handler = _handler
    if handler is not None:
        handler.acquire()
    try:
        for path in list(_log_and_report_files()):
            try:
                removed += _rewrite_without(path, mentions)
            except OSError as exc:
                failed.append(f"{path} ({exc.strerror or exc})")
    finally:
        if handler is not None:
            handler.release()
    if failed:
        raise UserError("The personal data was deleted from the event, but these logs "
                        f"could not be cleaned: {', '.join(failed)}. Delete them by hand.")
    return removed
