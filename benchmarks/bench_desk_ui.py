"""Language, theme and zoom changes rebuild the views: how long does the desk stall?

Ctrl++ / Ctrl+- and a language switch recreate menus and views (so every
string and font is fresh); on a congress-sized event that includes the
desk's search index. Baseline: opening the same event in a new window,
which a volunteer already waits for once.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import Figure
from checkin.event.demo import create_demo


def run(quick: bool) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from checkin.ui.common.i18n import Translations
    from checkin.ui.common.tasks import TaskRunner
    from checkin.ui.common.theme import Appearance
    from checkin.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    figures = []
    # the demo generator runs out of distinct names a little above 2,000 people
    for size in (200, 1000) if quick else (200, 2000):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            create_demo(folder / "e.checkin", size=size).close()
            settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
            opens, zooms, languages = [], [], []
            translations, appearance = Translations(app), Appearance(app)
            for _ in range(3):
                start = time.perf_counter()
                window = MainWindow(settings, TaskRunner(immediate=True),
                                    translations=translations, appearance=appearance)
                window.open_path(folder / "e.checkin")
                app.processEvents()
                opens.append(time.perf_counter() - start)
                start = time.perf_counter()
                window.zoom_by(10)
                app.processEvents()
                zooms.append(time.perf_counter() - start)
                window.desk_settings.set("ui/language", "de")
                start = time.perf_counter()
                window.apply_settings()
                app.processEvents()
                languages.append(time.perf_counter() - start)
                window.desk_settings.set("ui/language", "en")
                window.zoom_by(0)
                window.close()
                window.deleteLater()
                app.processEvents()
            translations.clear()
            base = statistics.median(opens) * 1000
            figures.append(Figure(f"zoom step, views rebuilt ({size} people)",
                                  statistics.median(zooms) * 1000, "ms", base,
                                  "baseline: opening the event in a window"))
            figures.append(Figure(f"language switch ({size} people)",
                                  statistics.median(languages) * 1000, "ms", base,
                                  "baseline: opening the event in a window"))
    return figures
