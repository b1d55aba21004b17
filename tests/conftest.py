"""Shared test set-up: offscreen Qt, real event files, the real command line.

Fixtures live here; shared helper functions in tests/helpers.py. Tests that need
a system tool (pdftoppm, CUPS, PostgreSQL, Xvfb) skip with a
reason when it is missing, unless ``CHECKIN_REQUIRE_TOOLS=1`` (set by
``.ci/run``), where a missing tool fails the test instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from checkin.event.demo import create_demo
from checkin.store import EventStore
from tests.helpers import Mount, unavailable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from checkin.ui.common.i18n import Translations
    from checkin.ui.common.theme import Appearance


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the Qt app as ``gui`` (so -m 'not gui' runs the core alone)."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(
                item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the real PostgreSQL server (dropped afterwards)."""
    from tests.pg import fresh_database

    yield from fresh_database()


@pytest.fixture(name="tmpfs")
def tmpfs_fixture(tmp_path: Path) -> Iterator[Mount]:
    """``tmpfs(name, size="512k", read_only=False)``: a small real file system, unmounted after."""
    mounted: list[Path] = []

    def mount(name: str, size: str = "512k", read_only: bool = False) -> Path:
        tool = shutil.which("mount")
        if tool is None or os.geteuid() != 0:
            unavailable("mounting a tmpfs needs root and mount(8) (the CI container has both)")
        assert tool is not None
        folder = tmp_path / name
        folder.mkdir()
        options = f"size={size},mode=0777" + (",ro" if read_only else "")
        done = subprocess.run([tool, "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            unavailable(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        if subprocess.run(["umount", str(folder)], capture_output=True,
                          check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """Translations installed for one test, removed (and the locale restored) after it."""
    from PySide6.QtCore import QLocale

    from checkin.ui.common.i18n import Translations

    saved = QLocale()
    catalogues = Translations(qapp)
    yield catalogues
    catalogues.clear()
    QLocale.setDefault(saved)


@pytest.fixture
def appearance(qapp: QApplication) -> Iterator[Appearance]:
    """Theme and zoom for one test; the application's font, palette and style come back after."""
    from PySide6.QtGui import QFont, QPalette

    from checkin.ui.common.theme import Appearance

    # the desk's own style (Fusion behind a QProxyStyle) has no name of its own
    font, palette, style = QFont(qapp.font()), QPalette(qapp.palette()), (
        qapp.style().name() or "fusion")
    yield Appearance(qapp)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
