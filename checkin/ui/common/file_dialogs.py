"""Where every file dialog of the app opens: the event's folder, else the user's documents.

Qt opens a dialog given no folder in the process's working directory, which for
an app started from a checkout or a launcher is the app's own folder: a new
event or an export would land among the program's files. Every dialog asks
``start_folder`` instead (the open event's folder, or the documents folder when
no event is open), through the two functions below.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def start_folder(event_path: Path | None = None) -> Path:
    """The event's folder when an event is open, else the documents folder (else home)."""
    if event_path is not None and event_path.parent.is_dir():
        return event_path.parent.resolve()
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _start(event_path: Path | None, name: str) -> str:
    folder = start_folder(event_path)
    return str(folder / name) if name else str(folder)


def save_file_name(parent: QWidget | None, caption: str, event_path: Path | None,
                   name: str, filters: str) -> str:
    """Ask where to save, suggesting ``name`` in the start folder; "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, _start(event_path, name), filters)
    return path


def open_file_name(parent: QWidget | None, caption: str, event_path: Path | None,
                   filters: str) -> str:
    """Ask which file to open, starting in the start folder; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, _start(event_path, ""), filters)
    return path
