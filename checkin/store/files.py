"""Every file-level operation on an event file, its -wal/-shm and its backups.

Why one module: in a process that holds an SQLite connection to a file,
closing *any* other descriptor on that file (a header read, a byte copy, a
checksum) drops all of the process's POSIX locks on it. The next process to
close then believes it is the last one, checkpoints and deletes the WAL under
the desk, and every check-in since lives in a deleted file (SQLite's "How To
Corrupt An SQLite Database File", 2.2). So nothing else in checkin opens,
copies, renames or deletes an event path: this module keeps a registry of the
event files this process has connections to (keyed by device and inode), reads
a header only when the process holds no connection to the file, copies through
SQLite's backup API (which sees what is still in the WAL) and refuses to
delete an event this process has open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from checkin.errors import EventNotFound, NotAnEventFile, UserError, explain_fault
from checkin.store.schema import APPLICATION_ID

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: files SQLite keeps next to an event while it is open (or after a crash)
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

Key = tuple[int, int]

#: guards the registry, and is held from a header check until the connection is registered
_registry_lock = threading.RLock()
#: (st_dev, st_ino) -> number of open connections of this process to that file
_open: dict[Key, int] = {}


def file_key(path: Path) -> Key | None:
    """The file's identity (stat only: no descriptor is opened)."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (st.st_dev, st.st_ino)


def is_open(path: Path) -> bool:
    """True if this process holds a connection to the event file at ``path``."""
    key = file_key(path)
    with _registry_lock:
        return key is not None and _open.get(key, 0) > 0


def companions(path: Path) -> list[Path]:
    """The -wal, -shm and -journal paths of an event (whether they exist or not)."""
    return [Path(f"{path}{suffix}") for suffix in COMPANION_SUFFIXES]


# -- recognising an event file ------------------------------------------------------


def _exists(path: Path) -> None:
    if not path.exists():
        raise EventNotFound(
            f"There is no event file at {path}. Check the path, or create one with "
            f"'checkin new {path} --name NAME --days YYYY-MM-DD'.")
    if path.is_dir():
        raise NotAnEventFile(f"{path} is a folder, not an event file. Choose a .checkin file.")


def _read_header(path: Path) -> bytes:
    """The first 100 bytes; only ever called while no connection of ours is open."""
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except PermissionError:
        raise UserError(
            f"{path} cannot be read (permission denied). Check the file's rights.") from None
    except OSError as exc:
        raise explain_fault(exc, str(path)) or exc from None


def _check_header(header: bytes, path: Path) -> None:
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise NotAnEventFile(
            f"{path} is not a checkin event file. Open a .checkin file, or import a "
            f"participant list with 'checkin import EVENT {path}'.")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAnEventFile(
            f"{path} is an SQLite database of another program, not a checkin event. "
            "It was left unchanged; open a .checkin file instead.")


def check_event_file(path: Path) -> None:
    """Raise a clear error unless ``path`` is an event file; never modify it.

    While this process has the file open it was checked at the first open,
    and reading it again would cost the other connection its locks: skipped.
    """
    path = Path(path)
    with _registry_lock:
        _exists(path)
        if not is_open(path):
            _check_header(_read_header(path), path)


def open_connection(path: Path, connect: Callable[[], sqlite3.Connection], *,
                    check: bool = True) -> tuple[sqlite3.Connection, Key, bool]:
    """Check the header (if nobody here has the file open) and connect, registered.

    Returns the connection, the file's key for :func:`release`, and whether it
    is this process's first connection to the file (the one that checks it).
    """
    with _registry_lock:
        if check:
            check_event_file(path)
        key = file_key(path)
        if key is None:
            raise EventNotFound(f"There is no event file at {path}.")
        first = _open.get(key, 0) == 0
        db = connect()
        _open[key] = _open.get(key, 0) + 1
        return db, key, first


def release(key: Key) -> None:
    """A registered connection was closed (call after ``close()``, never before)."""
    with _registry_lock:
        left = _open.get(key, 0) - 1
        if left > 0:
            _open[key] = left
        else:
            _open.pop(key, None)


def writable(path: Path) -> bool:
    """Can this process write the event (file and folder, for the WAL)?  No descriptor."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


#: below this many free bytes an I/O error while writing is taken for a full disk
_NEARLY_FULL = 256 * 1024


def disk_full(folder: Path) -> bool:
    """Is the file system of ``folder`` (nearly) full?  Asked after a write failed."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < _NEARLY_FULL


def has_wal_content(path: Path) -> bool:
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False


def create_new(path: Path) -> None:
    """Create an empty event file readable only by this user (refuses an existing one)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def remove_failed_new(path: Path) -> None:
    """Remove a new event file whose creation failed (its connection is closed)."""
    for extra in (*companions(path), path):
        extra.unlink(missing_ok=True)


# -- copies through SQLite -------------------------------------------------------------


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_into(db: sqlite3.Connection, dest: Path) -> None:
    """Write everything committed in ``db`` (WAL included) to the new file ``dest``.

    The copy is one self-contained file (rollback journal, no -wal), private
    (0600) like the event, and on disk when this returns.
    """
    create_new(dest)
    try:
        target = sqlite3.connect(dest, isolation_level=None)
        try:
            db.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        fd = os.open(dest, os.O_RDONLY)  # our own new file: no connection of ours on it
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        remove_failed_new(dest)
        raise
    _sync_dir(dest.parent)


def migration_backup(db: sqlite3.Connection, path: Path, version: int) -> Path:
    """Keep the file as it was before a schema upgrade (``NAME.vN.bak``)."""
    dest = path.with_name(f"{path.name}.v{version}.bak")
    if dest.exists():  # an earlier upgrade attempt kept it already
        return dest
    backup_into(db, dest)
    return dest


def part_path(target: Path) -> Path:
    """A hidden, unique name next to ``target`` to build a new file in."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")


def publish_part(part: Path, target: Path, *, replace: bool = False) -> bool:
    """Give a finished (closed) ``.part`` file its name; False if ``target`` exists.

    Without ``replace`` it never overwrites (a hard link is atomic and fails
    on an existing name); the part is discarded either way.
    """
    try:
        if replace:
            os.replace(part, target)
        else:
            try:
                os.link(part, target)
            except FileExistsError:
                return False
        _sync_dir(target.parent)
        return True
    finally:
        discard_part(part)


def discard_part(part: Path) -> None:
    """Remove an unfinished ``.part`` file with any -wal/-shm it left."""
    for extra in (*companions(part), part):
        extra.unlink(missing_ok=True)


def copy_connection(db: sqlite3.Connection, dest: Path, *, overwrite: bool = False) -> Path:
    """Save a complete copy of an open event (``db``) as ``dest``.

    ``dest`` may be a folder (the copy keeps the name). An existing ``dest``
    is replaced only with ``overwrite`` and only if no program has it open
    (no -wal/-shm next to it): a stale WAL beside a new file would be replayed
    into it.
    """
    dest = Path(dest)
    if dest.is_dir():
        raise UserError(f"{dest} is a folder. Give the copy a file name, e.g. "
                        f"{dest / 'copy.checkin'}.")
    if not dest.parent.is_dir():
        raise UserError(f"The folder {dest.parent} does not exist. Create it first.")
    if dest.exists():
        if not overwrite:
            raise UserError(f"{dest} already exists. Choose another name for the copy.")
        if is_open(dest) or any(p.exists() for p in companions(dest)):
            raise UserError(f"{dest} is open (in this or another program). Close it, or "
                            "choose another name for the copy.")
    part = part_path(dest)
    try:
        backup_into(db, part)
    except sqlite3.Error as exc:
        discard_part(part)
        raise explain_fault(exc, str(dest.parent)) or exc from exc
    except OSError as exc:
        discard_part(part)
        raise explain_fault(exc, str(dest.parent)) or exc from exc
    if not publish_part(part, dest, replace=overwrite):
        raise UserError(f"{dest} already exists. Choose another name for the copy.")
    return dest


def copy_event(src: Path, dest: Path, *, overwrite: bool = False) -> Path:
    """Copy the event at ``src`` to ``dest`` through SQLite (safe while it is in use)."""
    from checkin.store.sqlite import open_event  # the opening rules live there

    with open_event(src, read_only=True) as store:
        return store.save_copy(dest, overwrite=overwrite)


# -- backups and deleting --------------------------------------------------------------


def backups_of(path: Path) -> list[Path]:
    """Backup copies next to an event file (``NAME.*.bak``, as upgrades write them)."""
    return sorted(p for p in path.parent.glob(f"{path.name}.*bak") if p.is_file())


def delete_backups(path: Path) -> list[Path]:
    """Delete an event's backups (they hold personal data the purge removed)."""
    found = backups_of(path)
    for backup in found:
        backup.unlink()
    return found


def delete_event(path: Path) -> list[Path]:
    """Remove an event file with its WAL, shared-memory file and backups.

    Refused while this process has it open: close it first.
    """
    path = Path(path)
    with _registry_lock:
        check_event_file(path)
        if is_open(path):
            raise UserError(f"{path} is open in this program. Close the event first, then "
                            "delete it.")
        removed = []
        for extra in (*companions(path), *backups_of(path)):
            if extra.exists():
                extra.unlink()
                removed.append(extra)
        path.unlink()
    _sync_dir(path.parent)
    return [path, *removed]

