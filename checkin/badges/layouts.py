"""How badges sit on paper: single badges, sheets with cut marks, label sheets, rolls.

A layout is plain data (page size, columns, rows, margins, pitch), like
pretix's label-sheet presets, so a new label sheet is one entry here, not new
code. Measurements of label sheets come from the makers' data sheets; a
printer that feeds crooked is corrected with the per-desk x/y offset.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from checkin.errors import UserError


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    label: str
    page_w: float
    page_h: float
    cell_w: float
    cell_h: float
    columns: int = 1
    rows: int = 1
    margin_left: float = 0.0
    margin_top: float = 0.0
    pitch_x: float = 0.0
    pitch_y: float = 0.0
    cut_marks: bool = False
    #: front in the lower half, back (turned 180°) in the upper: fold along the middle
    fold: bool = False
    template: str = "conference-a6"
    kind: str = "sheet"
    media: str = ""
    offset_x: float = 0.0
    offset_y: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * (self.rows // 2 if self.fold else self.rows)

    @property
    def cups_media(self) -> str:
        """The CUPS media option for this page, exact to the tenth of a mm."""
        return self.media or f"Custom.{self.page_w:g}x{self.page_h:g}mm"

    def cell_origin(self, column: int, row: int) -> tuple[float, float]:
        """Top-left corner of a cell in mm from the page's top-left, with the offset."""
        px = self.pitch_x or self.cell_w
        py = self.pitch_y or self.cell_h
        return (self.margin_left + column * px + self.offset_x,
                self.margin_top + row * py + self.offset_y)

    def slots(self) -> list[tuple[tuple[float, float], tuple[float, float] | None]]:
        """Per badge on a page: (front cell origin, back cell origin or None), in reading order."""
        out: list[tuple[tuple[float, float], tuple[float, float] | None]] = []
        if self.fold:
            for pair in range(self.rows // 2):
                for c in range(self.columns):
                    out.append((self.cell_origin(c, 2 * pair + 1), self.cell_origin(c, 2 * pair)))
            return out
        for r in range(self.rows):
            for c in range(self.columns):
                out.append((self.cell_origin(c, r), None))
        return out

    def with_offset(self, x_mm: float, y_mm: float) -> Layout:
        return replace(self, offset_x=x_mm, offset_y=y_mm)


A4 = (210.0, 297.0)
LETTER = (215.9, 279.4)

PRESETS: dict[str, Layout] = {lay.name: lay for lay in (
    Layout("a6", "A6 portrait, one badge per page", 105, 148, 105, 148,
           template="conference-a6", media="A6"),
    Layout("a7", "A7 landscape, one badge per page", 105, 74, 105, 74,
           template="compact-a7", media="Custom.105x74mm"),
    Layout("id1", "ID-1 card (85.6 × 54 mm, card printers)", 85.6, 54, 85.6, 54,
           template="card", kind="card"),
    Layout("a4-4xa6", "4 × A6 on A4, with cut marks", *A4, 105, 148.5, columns=2, rows=2,
           cut_marks=True, template="conference-a6", media="A4"),
    Layout("a4-8xa7", "8 × A7 on A4, with cut marks", *A4, 105, 74.25, columns=2, rows=4,
           cut_marks=True, template="compact-a7", media="A4"),
    Layout("a4-fold", "A6 fold-over on A4 (2 per sheet, fold across the middle)", *A4,
           105, 148.5, columns=2, rows=2, fold=True, cut_marks=True,
           template="conference-a6", media="A4"),
    Layout("zweckform-l4785", "Avery Zweckform L4785, 80 × 50 mm, 10 per A4", *A4, 80, 50,
           columns=2, rows=5, margin_left=17.5, margin_top=23.5, pitch_x=95, pitch_y=50,
           template="card", kind="labels", media="A4"),
    Layout("avery-l7418", "Avery L7418, 86 × 55 mm, 10 per A4", *A4, 86, 55, columns=2,
           rows=5, margin_left=14, margin_top=11, pitch_x=96, pitch_y=55, template="card",
           kind="labels", media="A4"),
    Layout("avery-5395", "Avery 5395 (US Letter), 3⅜ × 2⅓ in, 8 per sheet", *LETTER, 85.7,
           59.3, columns=2, rows=4, margin_left=17.5, margin_top=15.9, pitch_x=95.25,
           pitch_y=63.5, template="card", kind="labels", media="Letter"),
    Layout("brother-ql-62", "Brother QL, 62 mm continuous roll, 100 mm per badge", 62, 100,
           62, 100, template="roll-62", kind="roll", media="Custom.62x100mm"),
    Layout("dymo-99014", "Dymo 99014 labels, 54 × 101 mm", 54, 101, 54, 101,
           template="roll-54", kind="roll", media="Custom.54x101mm"),
)}


def get_layout(name: str) -> Layout:
    try:
        return PRESETS[name]
    except KeyError:
        raise UserError(f"There is no badge layout '{name}'. Choose one of: "
                        f"{', '.join(PRESETS)}.") from None
