"""Where the app keeps its own files: logs and per-user data (not events)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The user's data folder for checkin (created on demand)."""
    override = os.environ.get("CHECKIN_DATA_DIR")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "checkin"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "checkin"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "checkin"
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    return base


def _private_folder(folder: Path) -> Path:
    """A folder only this user can list (also when an older version made it 0755)."""
    folder.mkdir(exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    return folder


def log_file() -> Path:
    return _private_folder(data_dir() / "logs") / "checkin.log"


def crash_reports_dir() -> Path:
    """Where the GUI writes a report for each unexpected error (one file each)."""
    return _private_folder(data_dir() / "crash-reports")
