"""A desk's badge printing choices, kept in QSettings under the desk's name.

Why per desk: each desk has its own printer and paper (a label printer at
the walk-in desk, a laser with A4 sheets in the back office), and a volunteer
must be able to print without a dialog once the desk is set up.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QSettings

from checkin.badges.layouts import Layout, get_layout
from checkin.printing import PrintOptions


@dataclass
class DeskPrintSettings:
    printer: str = ""
    layout: str = "a6"
    template: str = ""
    tray: str = ""
    offset_x: float = 0.0
    offset_y: float = 0.0
    print_on_checkin: bool = False

    @classmethod
    def load(cls, settings: QSettings, desk: str) -> DeskPrintSettings:
        out = cls()
        prefix = f"badges/{desk}/"
        for f in fields(cls):
            raw = settings.value(prefix + f.name)
            if raw is None:
                continue
            default = getattr(out, f.name)
            if isinstance(default, bool):
                value: object = str(raw).lower() in ("true", "1")
            elif isinstance(default, float):
                try:
                    value = float(str(raw))
                except ValueError:
                    continue
            else:
                value = str(raw)
            setattr(out, f.name, value)
        return out

    def save(self, settings: QSettings, desk: str) -> None:
        prefix = f"badges/{desk}/"
        for f in fields(self):
            settings.setValue(prefix + f.name, getattr(self, f.name))
        settings.sync()

    def layout_obj(self) -> Layout:
        return get_layout(self.layout).with_offset(self.offset_x, self.offset_y)

    def options(self, title: str) -> PrintOptions:
        return PrintOptions(media=self.layout_obj().cups_media, tray=self.tray, title=title)
