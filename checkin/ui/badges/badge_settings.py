"""A desk's badge printing choices, kept per desk name as the declared
``badges/*`` options (``checkin.common.desk_options``).

Why per desk: each desk has its own printer and paper (a label printer at
the walk-in desk, a laser with A4 sheets in the back office), and a volunteer
must be able to print without a dialog once the desk is set up.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from checkin.badges.layouts import Layout, get_layout
from checkin.common.desk_options import OPTIONS
from checkin.printing import PrintOptions
from checkin.ui.common.desk_settings import DeskSettings


def _default(name: str) -> Any:
    return OPTIONS[f"badges/{name}"].default


@dataclass
class DeskPrintSettings:
    """The declared ``badges/*`` options of one desk, as one value."""

    printer: str = _default("printer")
    layout: str = _default("layout")
    template: str = _default("template")
    tray: str = _default("tray")
    offset_x: float = _default("offset_x")
    offset_y: float = _default("offset_y")
    print_on_checkin: bool = _default("print_on_checkin")

    @classmethod
    def load(cls, settings: DeskSettings, desk: str) -> DeskPrintSettings:
        """The desk's choices; each field is the declared option ``badges/<field>``."""
        def get(name: str) -> str:
            return settings.text(f"badges/{name}", desk)

        return cls(printer=get("printer"), layout=get("layout"), template=get("template"),
                   tray=get("tray"), offset_x=settings.decimal("badges/offset_x", desk),
                   offset_y=settings.decimal("badges/offset_y", desk),
                   print_on_checkin=settings.flag("badges/print_on_checkin", desk))

    def save(self, settings: DeskSettings, desk: str) -> None:
        for f in fields(self):
            settings.set(f"badges/{f.name}", getattr(self, f.name), desk)
        settings.sync()

    def layout_obj(self) -> Layout:
        return get_layout(self.layout).with_offset(self.offset_x, self.offset_y)

    def options(self, title: str) -> PrintOptions:
        return PrintOptions(media=self.layout_obj().cups_media, tray=self.tray, title=title)
