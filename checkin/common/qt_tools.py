"""Finding and running Qt's lrelease, for the build and for a source checkout.

No Qt import here: ``setup.py`` and the PyInstaller spec use this before
anything is installed, and the GUI uses it to compile a translation once when
it runs from a checkout that was never built. PySide6-Essentials ships
lrelease inside its package folder; Debian's qt6-l10n-tools has it in
/usr/lib/qt6/bin.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger("checkin.common.qt_tools")


def find_qt_tool(name: str) -> str | None:
    """``lrelease`` or ``lupdate``: PySide6's own first, then the PATH, then the system Qt."""
    candidates: list[Path] = []
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent
        candidates += [folder / name, folder / f"{name}.exe"]
    for command in (f"pyside6-{name}", name, f"{name}-qt6"):
        found = shutil.which(command)
        if found:
            candidates.append(Path(found))
    candidates.append(Path("/usr/lib/qt6/bin") / name)
    for path in candidates:
        if path.is_file():
            return str(path)
    return None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile one .ts into a .qm; False (and a log line) if lrelease is missing or fails."""
    tool = find_qt_tool("lrelease")
    if tool is None:
        log.warning("no lrelease found; cannot compile %s", ts)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True,
                       capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease failed for %s: %s", ts, exc)
        return False
    return qm.is_file()


def compile_all(source_folder: Path, target_folder: Path) -> list[Path]:
    """Every ``*.ts`` of a folder into ``*.qm`` files in another (or the same) folder."""
    written = []
    for ts in sorted(source_folder.glob("*.ts")):
        qm = target_folder / f"{ts.stem}.qm"
        if compile_ts(ts, qm):
            written.append(qm)
    return written
