"""The built wheel, installed (not editable) in a fresh venv, carries what a desk needs.

The data files live in the top-level ``resources/`` folder and are installed as
``checkin.resources`` (setup.py maps the folder in); only a real wheel shows that
the mapping holds. In a venv without the source tree on any path, the installed
``checkin`` makes a badge PDF with the bundled fonts and loads its German
translation, compiled into the wheel by setup.py. Dependencies come from the
configured index (pip's cache and find-links make it quick and offline-capable).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("CHECKIN_BUILD_TEST") != "1",
                       reason="builds and installs the wheel in a fresh venv (about a minute); "
                              "set CHECKIN_BUILD_TEST=1"),
]

#: what the wheel is built from (a copy: the build leaves build/ and *.egg-info behind)
SOURCES = ("checkin", "resources", "setup.py", "pyproject.toml", "README.md")

GERMAN = """
import os
from PySide6.QtCore import QCoreApplication
from checkin.common.paths import data_dir
from checkin.ui.common.i18n import Translations, app_qm
app = QCoreApplication([])
print("qm", app_qm("de"))
print("loaded", Translations(app).install("de"))
print("file", QCoreApplication.translate("MainWindow", "&File"))
print("compiled", (data_dir() / "translations").exists())
"""


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 300) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, (f"{command}\n{result.stdout[-3000:]}\n"
                                    f"{result.stderr[-3000:]}")
    return result.stdout


def test_wheel_installs_with_fonts_and_german(tmp_path: Path) -> None:
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "*.egg-info")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    # no path into the source tree, no outer venv: only what the wheel installs counts
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSAFEPATH")}
    env.update(CHECKIN_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               QT_QPA_PLATFORM="offscreen")
    work = tmp_path / "work"
    work.mkdir()

    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"),
          str(source)], cwd=work, env=env, timeout=600)
    (wheel,) = (tmp_path / "dist").glob("checkin-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("checkin/resources/__init__.py", "checkin/resources/fonts/NotoSans-Regular.ttf",
                   "checkin/resources/translations/checkin_de.qm",
                   "checkin/resources/templates/conference-a6.json",
                   "checkin/resources/demo/demo.json", "checkin/resources/sounds/success.wav",
                   "checkin/resources/icons/checkin-512.png", "checkin/door/door.py"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith(("resources/", "tests/", "packaging/"))]

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=work, env=env)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([str(python), "-m", "pip", "install", "-q", str(wheel)], cwd=work, env=env, timeout=900)
    where = _run([str(python), "-c", "import checkin; print(checkin.__file__)"], cwd=work, env=env)
    assert Path(where.strip()).is_relative_to(venv), where

    checkin = str(venv / ("Scripts/checkin.exe" if os.name == "nt" else "bin/checkin"))
    event, pdf = work / "demo.checkin", work / "badges.pdf"
    _run([checkin, "demo", str(event)], cwd=work, env=env)
    _run([checkin, "badges", str(event), "--out", str(pdf)], cwd=work, env=env)
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        fonts = {c["fontname"] for c in document.pages[0].chars}
    # subsets ("ABCDEF+NotoSans-Bold") of the bundled Noto faces, embedded in the PDF
    assert fonts and all(f.split("+")[1].startswith("NotoSans") for f in fonts), fonts

    german = dict(line.split(" ", 1) for line in
                  _run([str(python), "-c", GERMAN], cwd=work, env=env).splitlines())
    assert Path(german["qm"]).is_relative_to(venv) and Path(german["qm"]).stat().st_size > 1000
    assert "checkin_de.qm" in german["loaded"]
    assert german["file"] == "&Datei"
    assert german["compiled"] == "False"  # shipped in the wheel, nothing compiled on first use
