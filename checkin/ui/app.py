"""Starting the GUI: the QApplication, settings, and the first window."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from checkin import __version__
from checkin.addresses import is_server_url
from checkin.logs import setup_logging
from checkin.ui.errors import install_excepthook
from checkin.ui.main_window import MainWindow


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("checkin")
    app.setOrganizationName("checkin")
    app.setApplicationVersion(__version__)
    return app


def run(event: str | None = None, *, demo: bool = False, day: date | None = None,
        desk: str | None = None) -> int:
    setup_logging()
    app = make_app()
    install_excepthook()
    settings = QSettings()
    if desk:
        settings.setValue("desk/name", desk)
    window = MainWindow(settings)
    target = event or settings.value("event/last")
    if demo:
        window.try_demo()
    elif target and (event or is_server_url(str(target)) or Path(str(target)).exists()):
        window.open_path(str(target), day)
    window.show()
    return app.exec()
