"""Shared test set-up: offscreen Qt, real event files, the real command line.

Tests that need a system tool (pdftoppm, CUPS, PostgreSQL, Xvfb) skip with a
reason when it is missing, unless ``CHECKIN_REQUIRE_TOOLS=1`` (set by
``.ci/run``), where a missing tool fails the test instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from checkin.event.demo import create_demo
from checkin.store import EventStore

#: fixtures that switch language, theme and zoom for one test (translations, appearance)
pytest_plugins = ["tests.gui_helpers"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "fixtures" / "samples"
ARTIFACTS = ROOT / "artifacts"


def require_tool(name: str) -> str:
    """Path of a system tool; skip (or fail in CI) when it is missing."""
    path = shutil.which(name)
    if path is None:
        message = f"system tool '{name}' is not installed (.ci/run installs it)"
        if os.environ.get("CHECKIN_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def artifact(name: str) -> Path:
    """Where tests save screenshots and PDFs for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep logs, QSettings and the demo out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CHECKIN_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[EventStore]:
    store = create_demo(tmp_path / "demo.checkin")
    yield store
    store.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.checkin"
    create_demo(path).close()
    return path


def run_cli(*args: str | Path, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``checkin`` command line in a subprocess."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "checkin", *map(str, args)],
        input=stdin, capture_output=True, text=True, env=full_env, timeout=120,
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the Qt app as ``gui`` (so -m 'not gui' runs the core alone)."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(
                item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


def type_text(widget: object, text: str) -> None:
    """Type ``text`` key by key like a person (QTest cannot send non-ASCII keys)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else (
            Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)  # type: ignore[arg-type]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the real PostgreSQL server (dropped afterwards)."""
    from tests.pg import fresh_database

    yield from fresh_database()


def read_qr_codes(image: Any) -> list[Any]:
    """Decode the QR codes in an image with zxing-cpp, an independent decoder.

    Only QR codes are looked for: badges carry nothing else, and a 1-D format
    could be "found" in a line of printed text.
    """
    import zxingcpp

    return list(zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode))
