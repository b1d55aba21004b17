"""Unticked check boxes and radio buttons can be seen in both themes (issue 13).

Fusion outlines them in a shade of the window colour: 1.1:1 on the dark window,
so an unticked box was all but invisible. WCAG 1.4.11 asks 3:1 for the boundary
of a control against what is next to it. The tests render the real widgets (the
export dialog of the real main window, and a radio button) and measure the
painted outline against the painted background and the box's own fill.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.common.theme import Appearance
from checkin.ui.main_window import MainWindow
from tests.contrast import AA_LARGE, contrast_ratio
from tests.helpers import artifact

#: WCAG 1.4.11 (non-text contrast) asks the same 3:1 as large text
NON_TEXT = AA_LARGE


def _rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def _indicator(button: QAbstractButton, top: QWidget) -> QRect:
    """Where the style paints the button's box or circle, in ``top``'s coordinates."""
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(button, QRadioButton)
               else QStyle.SubElement.SE_CheckBoxIndicator)
    rect = button.style().subElementRect(element, option, button)
    return rect.translated(button.mapTo(top, QPoint(0, 0)))


def outline_contrast(button: QAbstractButton, top: QWidget, image: QImage) -> tuple[float, float]:
    """(outline against the background around it, outline against its own fill).

    On each edge's middle line the strongest pixel within 2 px of the edge is the
    outline (an antialiased circle spreads over two pixels); the background is
    sampled 2 px outside the box, the fill at its centre.
    """
    rect = _indicator(button, top)
    scale = image.width() / top.width()  # a grab is in device pixels
    centre = rect.center()
    fill = _rgb(image, round(centre.x() * scale), round(centre.y() * scale))
    around = []
    edges = []
    for edge_x, edge_y, step_x, step_y in (
            (rect.left(), centre.y(), 1, 0), (rect.right(), centre.y(), -1, 0),
            (centre.x(), rect.top(), 0, 1), (centre.x(), rect.bottom(), 0, -1)):
        outside = _rgb(image, round((edge_x - 2 * step_x) * scale),
                       round((edge_y - 2 * step_y) * scale))
        around.append(outside)
        candidates = [_rgb(image, round((edge_x + k * step_x) * scale),
                           round((edge_y + k * step_y) * scale)) for k in (-1, 0, 1, 2)]
        edges.append(max(candidates, key=lambda c: contrast_ratio(c, outside)))
    against_background = min(contrast_ratio(e, o) for e, o in zip(edges, around, strict=True))
    against_fill = min(contrast_ratio(e, fill) for e in edges)
    return against_background, against_fill


def _window(qtbot, tmp_path: Path, appearance: Appearance,  # type: ignore[no-untyped-def]
            theme: str) -> MainWindow:
    settings = DeskSettings.at(tmp_path / "desk.ini")
    settings.set("ui/theme", theme)
    window = MainWindow(settings, TaskRunner(immediate=True), appearance=appearance)
    qtbot.addWidget(window)
    window.apply_settings()
    window.resize(1366, 768)
    window.show()
    return window


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_unticked_boxes_in_the_export_dialog_are_outlined_at_3_to_1(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, appearance: Appearance, demo_path: Path, theme: str) -> None:
    window = _window(qtbot, tmp_path, appearance, theme)
    assert window.open_path(demo_path)
    window.attendance.show_export()
    dialog = window.attendance.export_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    boxes = [box for box in dialog.findChildren(QCheckBox)
             if box.isVisible() and box.isEnabled() and not box.isChecked()]
    assert len(boxes) >= 2, "the export dialog shows unticked boxes to measure"
    image = dialog.grab().toImage()
    if theme == "dark":
        dialog.grab().save(str(artifact("dark_theme_checkboxes.png")))
    for box in boxes:
        background, fill = outline_contrast(box, dialog, image)
        assert background >= NON_TEXT, (theme, box.text(), round(background, 2))
        assert fill >= NON_TEXT, (theme, box.text(), round(fill, 2))
    dialog.close()
    assert window.desk is not None
    window.desk.field.setText("Mül")  # a desk with results, as a volunteer sees it
    qtbot.waitUntil(lambda: window.desk is not None and window.desk.model.rowCount() > 0)
    QApplication.processEvents()  # let the layout take the card's new text
    window.grab().save(str(artifact(f"{theme}_theme_desk.png")))
    window.close()


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_radio_buttons_and_ticked_boxes_are_outlined_too(  # type: ignore[no-untyped-def]
        qtbot, appearance: Appearance, theme: str) -> None:
    """The same outline for a radio button, and for a box while it is ticked."""
    appearance.apply(theme, 100)
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    radio = QRadioButton("Box A–E")
    ticked = QCheckBox("Print on check-in")
    ticked.setChecked(True)
    layout.addWidget(radio)
    layout.addWidget(ticked)
    page.show()
    qtbot.waitExposed(page)
    image = page.grab().toImage()
    for button in (radio, ticked):
        background, _fill = outline_contrast(button, page, image)
        assert background >= NON_TEXT, (theme, button.text(), round(background, 2))
