"""The application icon, from the PNG sizes shipped in resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from checkin.common.resources_access import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource_path("icons")
    for size in SIZES:
        path = folder / f"checkin-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
