"""Fixtures for tests that switch the application's language, theme or zoom."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from checkin.model import Attendee
from checkin.ui.common.i18n import Translations
from checkin.ui.common.theme import Appearance


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """Translations installed for one test, removed (and the locale restored) after it."""
    saved = QLocale()
    catalogues = Translations(qapp)
    yield catalogues
    catalogues.clear()
    QLocale.setDefault(saved)


@pytest.fixture
def appearance(qapp: QApplication) -> Iterator[Appearance]:
    """Theme and zoom for one test; the application's font, palette and style come back after."""
    font, palette, style = QFont(qapp.font()), QPalette(qapp.palette()), qapp.style().name()
    yield Appearance(qapp)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def check_in_expected(window: Any, demo_path: Path, day: str = "2017-09-19") -> Attendee:
    """Open the demo in ``window`` and check in (by name) someone expected on ``day``."""
    assert window.open_path(demo_path)
    desk = window.desk
    assert desk is not None
    desk.set_day(day)
    person = next(p for p in window.store.attendees()
                  if p.expected_on(day) and p.status != "cancelled")
    desk.field.setText(person.display_name)
    desk.check_in_selected()
    assert isinstance(person, Attendee)
    return person
