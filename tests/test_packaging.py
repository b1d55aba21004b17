"""Desktop integration files, the GUI smoke start, and (on request) the real Linux build."""

from __future__ import annotations

import configparser
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checkin import __version__
from tests.helpers import ROOT, require_tool, run_cli

LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.checkin.Checkin"


def test_desktop_file_is_valid() -> None:
    tool = require_tool("desktop-file-validate")
    desktop = LINUX / f"{APP_ID}.desktop"
    result = subprocess.run([tool, str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID and section["Exec"].startswith("checkin gui")
    assert "Comment[de]" in section


def test_metainfo_is_valid_and_names_this_version() -> None:
    tool = require_tool("appstreamcli")
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    result = subprocess.run([tool, "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert __version__ in [r.get("version") for r in root.iter("release")]


def test_icons_cover_every_size() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "checkin.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (icons / f"checkin-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert width == size
    assert (ROOT / "packaging" / "windows" / "checkin.ico").read_bytes()[:4] == b"\0\0\1\0"


@pytest.mark.parametrize(("lang", "expected"), [
    ("de_DE.UTF-8", "language de (checkin_de.qm, qtbase_de.qm)"),
    ("en_US.UTF-8", "language en")])
def test_gui_smoke_start_follows_system_language(lang: str, expected: str) -> None:
    result = run_cli("gui", "--demo", "--smoke-test",
                     env={"QT_QPA_PLATFORM": "offscreen", "LANG": lang, "LC_ALL": lang,
                          "LANGUAGE": lang.split(".")[0]})
    assert result.returncode == 0, result.stderr
    assert "smoke-test: window shown" in result.stdout
    assert f"checkin {__version__}" in result.stdout and expected in result.stdout


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("CHECKIN_BUILD_TEST") != "1",
                    reason="builds the installer folder for a minute or more; "
                           "set CHECKIN_BUILD_TEST=1")
def test_linux_one_folder_build_starts(tmp_path: Path) -> None:
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build_linux.sh")], cwd=ROOT,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"checkin {__version__}" in result.stdout
    assert "smoke-test: window shown" in result.stdout
    bundle = ROOT / "dist" / "checkin" / "_internal"
    for needed in ("checkin/resources/translations/checkin_de.qm",
                   "checkin/resources/icons/checkin-512.png",
                   "checkin/resources/demo/demo.json",
                   "PySide6/Qt/translations/qtbase_de.qm",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                   "PySide6/Qt/plugins/imageformats/libqsvg.so"):
        assert (bundle / needed).is_file(), needed
    # the frozen app finds its own and Qt's German translations
    home = tmp_path / "home"
    german = subprocess.run(
        [str(ROOT / "dist" / "checkin" / "checkin"), "gui", "--demo", "--smoke-test"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "de_DE.UTF-8",
             "LC_ALL": "de_DE.UTF-8", "LANGUAGE": "de_DE",
             "CHECKIN_DATA_DIR": str(home / "data"), "XDG_CONFIG_HOME": str(home / "cfg")})
    assert german.returncode == 0, german.stderr
    assert "language de (checkin_de.qm, qtbase_de.qm)" in german.stdout
    assert not (home / "data" / "translations").exists()  # shipped .qm, nothing compiled
    prefix = tmp_path / "prefix"
    subprocess.run(["bash", str(LINUX / "install.sh"), str(prefix)], cwd=ROOT, check=True,
                   capture_output=True, timeout=300)
    version = subprocess.run([str(prefix / "bin" / "checkin"), "--version"],
                             capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"checkin {__version__}"
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "applications" / f"{APP_ID}.desktop").is_file()
