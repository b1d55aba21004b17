"""A test page for a layout: every cell outlined, a ruler, and the offset in use.

Why: label sheets and card printers feed slightly off. Printing this page
on the real stock shows at a glance how far the boxes miss the labels, and
the desk's x/y offset (in mm) corrects it for every later print.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import Color

from checkin.badges import fonts, textfit
from checkin.badges.layouts import Layout
from checkin.badges.render import MM, draw_lines, new_canvas

GREY = Color(0.3, 0.3, 0.3)


def render_test_page(layout: Layout) -> bytes:
    out = io.BytesIO()
    c = new_canvas(out, layout.page_w, layout.page_h, f"Test page — {layout.label}")
    c.setStrokeColor(GREY)
    c.setLineWidth(0.5)
    for number, (front, back) in enumerate(layout.slots(), start=1):
        for origin in (front, back):
            if origin is None:
                continue
            x, top = origin
            y = layout.page_h - top - layout.cell_h
            c.rect(x * MM, y * MM, layout.cell_w * MM, layout.cell_h * MM)
            cx, cy = (x + layout.cell_w / 2) * MM, (y + layout.cell_h / 2) * MM
            c.line(cx - 3 * MM, cy, cx + 3 * MM, cy)
            c.line(cx, cy - 3 * MM, cx, cy + 3 * MM)
            text = (f"{number}\n{layout.cell_w:g} × {layout.cell_h:g} mm\n"
                    f"offset x {layout.offset_x:+g} mm, y {layout.offset_y:+g} mm")
            box_w, box_h = layout.cell_w * 0.8 * MM, layout.cell_h * 0.3 * MM
            fitted = textfit.fit(fonts.printable(text.replace("\n", " · "))[0], box_w, box_h,
                                 max_size=11, min_size=4, max_lines=3)
            draw_lines(c, fitted, (x + layout.cell_w * 0.1) * MM,
                       (y + layout.cell_h * 0.1) * MM, box_w, box_h, weight="regular",
                       align="center", valign="middle", color=GREY)
    # a 50 mm ruler from the top-left corner of the first cell, to check the scale
    (x0, top0), _back = layout.slots()[0]
    ruler_y = (layout.page_h - top0 - 3) * MM
    c.line((x0 + 3) * MM, ruler_y, (x0 + 3 + min(50, layout.cell_w - 6)) * MM, ruler_y)
    for mm in range(0, int(min(50, layout.cell_w - 6)) + 1, 10):
        c.line((x0 + 3 + mm) * MM, ruler_y, (x0 + 3 + mm) * MM, ruler_y - 2 * MM)
    c.showPage()
    c.save()
    return out.getvalue()
