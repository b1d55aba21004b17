"""Light, dark or the system's theme, and the zoom on top of the system's font size.

Both use Qt's Fusion style so the colours are ours on every platform; the dark
palette's text colours are checked against WCAG AA (4.5:1) by a test. Fusion
outlines check boxes and radio buttons in a shade of the window colour (about
1.1:1 on the dark window, 1.6:1 on the light one), so an unticked box all but
vanishes; ``DeskStyle`` redraws that outline in the palette's placeholder colour,
which meets the 3:1 WCAG 1.4.11 asks of a control's boundary in both themes. The
zoom scales the application font the system gave us at start, so a desk whose
system font is large stays large, and Ctrl++ / Ctrl+- / Ctrl+0 change it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

#: (role, colour) of the dark palette; the test reads this table
DARK: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#1e1f22",
    QPalette.ColorRole.WindowText: "#ececec",
    QPalette.ColorRole.Base: "#26282b",
    QPalette.ColorRole.AlternateBase: "#2e3034",
    QPalette.ColorRole.ToolTipBase: "#2e3034",
    QPalette.ColorRole.ToolTipText: "#ececec",
    QPalette.ColorRole.PlaceholderText: "#a8abb0",
    QPalette.ColorRole.Text: "#ececec",
    QPalette.ColorRole.Button: "#2e3034",
    QPalette.ColorRole.ButtonText: "#ececec",
    QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Highlight: "#1d5fa6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
    QPalette.ColorRole.Light: "#3a3d41",
    QPalette.ColorRole.Midlight: "#33363a",
    QPalette.ColorRole.Mid: "#2a2c30",
    QPalette.ColorRole.Dark: "#151618",
    QPalette.ColorRole.Shadow: "#000000",
}
DARK_DISABLED_TEXT = "#8d9096"

#: text role -> the background it is drawn on (what WCAG contrast is about)
TEXT_ON: dict[QPalette.ColorRole, QPalette.ColorRole] = {
    QPalette.ColorRole.WindowText: QPalette.ColorRole.Window,
    QPalette.ColorRole.Text: QPalette.ColorRole.Base,
    QPalette.ColorRole.ButtonText: QPalette.ColorRole.Button,
    QPalette.ColorRole.ToolTipText: QPalette.ColorRole.ToolTipBase,
    QPalette.ColorRole.HighlightedText: QPalette.ColorRole.Highlight,
    QPalette.ColorRole.PlaceholderText: QPalette.ColorRole.Base,
    QPalette.ColorRole.Link: QPalette.ColorRole.Base,
}


#: corrections to Fusion's light palette: its selection (#308cc6 under white text) is 3.7:1
LIGHT: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Highlight: "#1d5fa6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#5f6368",
    QPalette.ColorRole.Link: "#0b57d0",
}


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    palette = QPalette(style.standardPalette()) if style is not None else QPalette()
    for role, colour in LIGHT.items():
        palette.setColor(role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DARK_DISABLED_TEXT))
    return palette


#: the palette role outlining check boxes and radio buttons (≥ 3:1 on Window and Base)
INDICATOR_OUTLINE = QPalette.ColorRole.PlaceholderText
#: ... and the one of the box that has the keyboard focus
INDICATOR_FOCUS = QPalette.ColorRole.Link


class DeskStyle(QProxyStyle):
    """Fusion, with check box and radio button outlines a person can see (WCAG 1.4.11)."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        round_ = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not round_ and element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return
        state = option.state
        focused = bool(state & QStyle.StateFlag.State_HasFocus
                       and state & QStyle.StateFlag.State_KeyboardFocusChange)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # Fusion's focus colour (the highlight, darkened) fades on the dark window; the
        # link colour is the palette's other accent that is held to 4.5:1
        colour = option.palette.color(INDICATOR_FOCUS if focused else INDICATOR_OUTLINE)
        rect = QRectF(option.rect)
        if round_:  # antialiasing spreads a thin circle over two pale pixels: draw it bolder
            painter.setPen(QPen(colour, 1.5))
            painter.drawEllipse(rect.adjusted(1.0, 1.0, -1.0, -1.0))
        else:
            painter.setPen(QPen(colour, 1.0))
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()


def desk_style() -> QStyle | None:
    """The app's style: Fusion with visible indicator outlines (None without Fusion)."""
    fusion = QStyleFactory.create("Fusion")
    return DeskStyle(fusion) if fusion is not None else None


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def wants_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_prefers_dark())


class Appearance:
    """Applies theme and zoom to the application; remembers the system's font."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.system_font = QFont(app.font())
        self.theme = "system"
        self.zoom = 100
        # "system" follows the desktop when it switches between light and dark
        app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def _system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme == "system":
            self.apply(self.theme, self.zoom)

    def apply(self, theme: str, zoom: int) -> None:
        self.theme, self.zoom = theme, zoom
        style = desk_style()
        if style is not None:
            self.app.setStyle(style)
        palette = dark_palette() if wants_dark(theme) else light_palette()
        self.app.setPalette(palette)
        font = QFont(self.system_font)
        base = self.system_font.pointSizeF()
        if base > 0:
            font.setPointSizeF(base * zoom / 100)
        else:  # a pixel-sized system font
            font.setPixelSize(max(6, round(self.system_font.pixelSize() * zoom / 100)))
        self.app.setFont(font)
        # the font change reaches existing windows through posted events; deliver them
        # now, so views rebuilt right after this inherit the new size
        QCoreApplication.sendPostedEvents()
