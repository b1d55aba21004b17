"""Starting the GUI: the QApplication, language, theme, settings, and the first window."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from checkin import __version__
from checkin.common.logs import setup_logging
from checkin.sync.addresses import is_server_url
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.errors import install_excepthook
from checkin.ui.common.i18n import Translations, resolve_language
from checkin.ui.common.icons import app_icon
from checkin.ui.common.theme import Appearance
from checkin.ui.main_window import MainWindow

#: set to 1 (or pass ``gui --smoke-test``) to quit as soon as the window is shown
SMOKE_ENV = "CHECKIN_SMOKE_TEST"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("checkin")
    app.setOrganizationName("checkin")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("checkin")
    app.setDesktopFileName("checkin")
    app.setWindowIcon(app_icon())
    return app


def run(event: str | None = None, *, demo: bool = False, day: date | None = None,
        smoke_test: bool = False, desk: str | None = None) -> int:
    setup_logging()
    app = make_app()
    install_excepthook()
    desk_settings = DeskSettings.of_this_computer()
    if desk:
        desk_settings.set("desk/name", desk)
    translations = Translations(app)
    catalogues = translations.install(resolve_language(desk_settings.text("ui/language")))
    appearance = Appearance(app)
    appearance.apply(desk_settings.text("ui/theme"), desk_settings.number("ui/zoom"))
    window = MainWindow(desk_settings, translations=translations, appearance=appearance)
    target = event or desk_settings.text("event/last")
    if demo:
        window.try_demo()
    elif target and (event or is_server_url(target) or Path(target).exists()):
        window.open_path(target, day)
    window.show()
    if smoke_test or os.environ.get(SMOKE_ENV) == "1":
        def report() -> None:
            print(f"smoke-test: window shown: {window.windowTitle()!r}, "
                  f"language {translations.language} ({', '.join(catalogues) or 'source'}), "
                  f"platform {app.platformName()}",
                  flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    return app.exec()
