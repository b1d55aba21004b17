"""How long does the desk stall? Language, theme and zoom changes, and a sync.

Ctrl++ / Ctrl+- and a language switch recreate menus and views (so every
string and font is fresh); on a congress-sized event that includes the
desk's search index. Baseline: opening the same event in a new window,
which a volunteer already waits for once.

After a sync that changed people the search index is rebuilt (100,000 people:
seconds of work). The longest GUI-thread stall during it is measured with a
heartbeat timer on the GUI thread, for the background rebuild the desk does and,
as the same-run baseline, for the old rebuild on the GUI thread (goal <= 50 ms).
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
import weakref
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.run import Figure
from checkin.event.demo import create_demo


def run(quick: bool) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from checkin.ui.common.desk_settings import DeskSettings
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
            settings = DeskSettings.at(folder / "s.ini")
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
                window.settings.set("ui/language", "de")
                start = time.perf_counter()
                window.apply_settings()
                app.processEvents()
                languages.append(time.perf_counter() - start)
                window.settings.set("ui/language", "en")
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
    figures.extend(sync_rebuild_stall(20_000 if quick else 100_000))
    return figures


def sync_rebuild_stall(size: int) -> list[Figure]:
    """The longest GUI-thread stall while the desk takes in a sync that added a person."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.population import population
    from checkin.model import Attendee
    from checkin.store import create_event, open_event
    from checkin.ui.common.desk_settings import DeskSettings
    from checkin.ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))

    def longest_stall(start: Callable[[], object], done: Callable[[], bool]) -> float:
        """Run ``start`` from the event loop with the heartbeat going; the longest gap
        between beats (ms) until ``done`` and a quiet 100 ms after it."""
        beats.clear()
        heart.start()
        QTimer.singleShot(20, start)
        began = time.perf_counter()
        while time.perf_counter() - began < 0.05 or not done():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        settle = time.perf_counter()
        while time.perf_counter() - settle < 0.1:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        heart.stop()
        return max(b - a for a, b in itertools.pairwise(beats)) * 1000

    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        people = population(size)
        days = sorted({d for p in people for d in p.days})
        path = folder / "big.checkin"
        store = create_event(path, name="Bench", days=[date.fromisoformat(d) for d in days])
        store.add_attendees(people)
        store.close()
        window = MainWindow(DeskSettings.at(folder / "s.ini"))
        window.open_path(path)
        desk = window.desk
        assert desk is not None
        app.processEvents()
        stalls: dict[str, list[float]] = {"background": [], "gui": []}
        for n in range(3):
            for way in ("gui", "background"):
                with open_event(path) as other:  # what the sync thread writes
                    other.add_attendees([Attendee(id=f"synced-{way}-{n}", first_name="Quirin",
                                                  last_name=f"Xylander{way}{n}",
                                                  days=(days[0],))])
                # a weak reference: the old index is freed where the desk lets it go
                old = weakref.ref(desk.index)

                def swapped(old: weakref.ref[object] = old) -> bool:
                    """The new index is in and the work it set off (freeing the old
                    one, counts) has ended."""
                    return desk.index is not old() and not window.tasks._relays

                if way == "gui":  # the old way: rebuild on the GUI thread
                    def rebuild() -> None:
                        desk.index = desk.door.search_index()
                        desk._load_day()
                    stalls[way].append(longest_stall(rebuild, swapped))
                else:
                    stalls[way].append(longest_stall(
                        lambda: desk.reload(attendees_changed=True), swapped))
                    window.tasks.wait()
                assert desk.index.search(f"Xylander{way}{n}", limit=1)
        window.close()
        window.deleteLater()
        app.processEvents()
    base = statistics.median(stalls["gui"])
    figures.append(Figure(f"longest GUI stall, index rebuilt after a sync ({size:,} people)",
                          statistics.median(stalls["background"]), "ms", base,
                          "goal <= 50 ms; baseline: the rebuild on the GUI thread"))
    return figures
