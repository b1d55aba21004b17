"""Putting badges on pages: one per page, several with cut marks, label sheets, fold-overs.

Why a class: a batch adds people one at a time (with progress) and the
document must know which slot of which page is next, including the start
position on a partly used label sheet.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import Color

from checkin.badges.layouts import Layout
from checkin.badges.render import MM, BadgeRenderer, new_canvas
from checkin.errors import UserError
from checkin.model import Attendee

MARK = Color(0.45, 0.45, 0.45)
MARK_LENGTH = 4.0  # mm


class BadgeSheet:
    """A PDF being filled with badges according to a layout."""

    def __init__(self, renderer: BadgeRenderer, layout: Layout, *, start: int = 1,
                 title: str = "Badges") -> None:
        if not 1 <= start <= layout.per_page:
            raise UserError(f"The start position must be between 1 and {layout.per_page} for "
                            f"the layout '{layout.name}' (the first free label, counted along "
                            "the rows from the top left).")
        self.renderer = renderer
        self.layout = layout
        self.out = io.BytesIO()
        self.canvas = new_canvas(self.out, layout.page_w, layout.page_h, title)
        self.slots = layout.slots()
        self.next_slot = start - 1
        self.page_open = False
        self.pages = 0

    def _cell(self, origin: tuple[float, float]) -> tuple[float, float, float, float]:
        ox, oy = origin
        lay = self.layout
        return (ox * MM, (lay.page_h - oy - lay.cell_h) * MM, lay.cell_w * MM, lay.cell_h * MM)

    def add(self, person: Attendee) -> tuple[int, int]:
        """Draw the next badge; returns its (page, slot) counted from 1."""
        if self.next_slot >= len(self.slots):
            self.canvas.showPage()
            self.page_open = False
            self.next_slot = 0
        if not self.page_open:
            self.pages += 1
            self.page_open = True
            if self.layout.cut_marks:
                self._cut_marks()
        front, back = self.slots[self.next_slot]
        self.renderer.draw(self.canvas, person, *self._cell(front))
        if back is not None:
            self.renderer.draw(self.canvas, person, *self._cell(back), back=True)
        self.next_slot += 1
        return self.pages, self.next_slot

    def finish(self) -> bytes:
        if not self.page_open:
            raise UserError("There are no badges to print: no one matches the selection.")
        self.canvas.showPage()
        self.canvas.save()
        return self.out.getvalue()

    def _cut_marks(self) -> None:
        """Short grey lines on the cut lines at the page edges, dashed where a fold goes."""
        lay = self.layout
        c = self.canvas
        xs: set[float] = set()
        ys: set[float] = set()
        for r in range(lay.rows):
            for col in range(lay.columns):
                ox, oy = lay.cell_origin(col, r)
                xs.update((round(ox, 2), round(ox + lay.cell_w, 2)))
                ys.update((round(oy, 2), round(oy + lay.cell_h, 2)))
        folds = set()
        if lay.fold:
            for pair in range(lay.rows // 2):
                folds.add(round(lay.cell_origin(0, 2 * pair + 1)[1], 2))
        c.saveState()
        c.setStrokeColor(MARK)
        c.setLineWidth(0.3)
        w, h = lay.page_w, lay.page_h
        for x in sorted(xs):
            if 1 < x < w - 1:
                c.line(x * MM, h * MM, x * MM, (h - MARK_LENGTH) * MM)
                c.line(x * MM, 0, x * MM, MARK_LENGTH * MM)
        for y in sorted(ys):
            if 1 < y < h - 1:
                if y in folds:
                    c.setDash(2, 2)
                yy = (h - y) * MM
                c.line(0, yy, MARK_LENGTH * MM, yy)
                c.line(w * MM, yy, (w - MARK_LENGTH) * MM, yy)
                c.setDash()
        c.restoreState()
