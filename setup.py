"""Build hook: compile the translations (.ts -> .qm) into the wheel.

Everything else is declared in pyproject.toml. The .qm files are build
output, not committed; if no lrelease is found at build time the wheel still
works, because the GUI compiles a missing .qm on first use (checkin.ui.common.i18n).
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        from checkin.common.qt_tools import compile_all

        source = ROOT / "resources" / "translations"
        target = Path(self.build_lib) / "checkin" / "resources" / "translations"
        written = compile_all(source, target)
        if not written:
            self.warn("no lrelease found: translations will be compiled on first use")


setup(
    cmdclass={"build_py": BuildWithTranslations},
    # The data files live in the top-level resources/ folder and are installed as the
    # package checkin.resources (wheel, editable install and the PyInstaller build read
    # them through importlib.resources). Computed here, so a new subpackage needs no list.
    packages=[*find_packages(include=["checkin", "checkin.*"]), "checkin.resources"],
    package_dir={"checkin.resources": "resources"},
)
