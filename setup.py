"""Build hook: compile the translations (.ts -> .qm) into the wheel.

Everything else is declared in pyproject.toml. The .qm files are build
output, not committed; if no lrelease is found at build time the wheel still
works, because the GUI compiles a missing .qm on first use (checkin.ui.i18n).
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        from checkin.qt_tools import compile_all

        source = ROOT / "checkin" / "resources" / "translations"
        target = Path(self.build_lib) / "checkin" / "resources" / "translations"
        written = compile_all(source, target)
        if not written:
            self.warn("no lrelease found: translations will be compiled on first use")


setup(cmdclass={"build_py": BuildWithTranslations})
