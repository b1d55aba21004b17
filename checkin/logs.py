"""Logging to a file in the user's data folder, so a bug report has a traceback."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from checkin.paths import log_file

_configured: Path | None = None


def setup_logging() -> Path:
    """Send log records (with tracebacks) to the rotating log file; returns its path."""
    global _configured
    if _configured is not None:
        return _configured
    path = log_file()
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("checkin")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path
