"""Render the application icon's PNG sizes (and the Windows .ico) from the SVG.

Run after editing the SVG: ``python packaging/render_icons.py``. The PNGs are
small and committed, so a build needs no SVG renderer; Qt's own SVG renderer
(QtSvg, part of PySide6-Essentials) draws them, so the SVG is the single source.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(sizes: tuple[int, ...] = SIZES, folder: Path = ICONS) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(folder / "checkin.svg"))
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = folder / f"checkin-{size}.png"
        image.save(str(target))
        written.append(target)
    written.append(windows_icon(folder))
    return written


def windows_icon(folder: Path = ICONS) -> Path:
    """The .ico for the Windows installer and executable (Pillow packs the sizes)."""
    from PIL import Image

    target = Path(__file__).resolve().parent / "windows" / "checkin.ico"
    with Image.open(folder / "checkin-256.png") as image:
        image.save(target, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    return target


if __name__ == "__main__":
    for path in render():
        print(path)
