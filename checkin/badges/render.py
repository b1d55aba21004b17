"""Drawing badges with reportlab: one person, one cell of a page.

Speed matters twice: a badge sits between the scan and the printer, and a
batch of thousands must not take minutes. So fonts are registered once, text
measurements and QR matrices are cached, the parts that are the same on every
badge (background, logo, fixed text) are drawn once per document as a Form
XObject and placed by reference, and the QR code is a single path.

Bad input never stops a badge: a missing logo or a broken background is left
out, characters no font has are dropped, a name too long for the smallest
size is cut with an ellipsis, and each such fallback is reported as a
warning that the caller can show.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from checkin.badges import fields as F
from checkin.badges import fonts, pdfium_lane, qr, textfit
from checkin.badges.template import Element, Template
from checkin.common.text import clean_text
from checkin.door import codes
from checkin.model import Attendee

log = logging.getLogger("checkin.badges")

MM = 72.0 / 25.4
WHITE = HexColor("#ffffff")


@dataclass
class Warnings:
    """Fallbacks taken while rendering, each said once, in the order they happened."""

    messages: dict[str, None] = field(default_factory=dict)

    def add(self, message: str, *, log_text: str) -> None:
        """``message`` is for the person at the desk; ``log_text`` must name nobody."""
        if message not in self.messages:
            log.info("badge: %s", log_text)
            self.messages[message] = None

    def __iter__(self) -> Any:
        return iter(self.messages)

    def __len__(self) -> int:
        return len(self.messages)


_colors: dict[str, Color] = {}


def _color(value: str) -> Color:
    color = _colors.get(value)
    if color is None:
        color = _colors[value] = HexColor(value)
    return color


def new_canvas(out: io.BytesIO, width_mm: float, height_mm: float, title: str, *,
               compress: bool = True) -> Canvas:
    """A canvas whose initial font is a bundled, embedded face (never Helvetica).

    ``compress=False`` skips zlib for a one-badge print job: it goes straight
    to a local printer, where a few KB more cost nothing and the time counts.
    """
    fonts.register_fonts()
    canvas = Canvas(out, pagesize=(width_mm * MM, height_mm * MM),
                    pageCompression=1 if compress else 0,
                    initialFontName=fonts.BASE_FONT, initialFontSize=10)
    canvas.setTitle(title)
    canvas.setCreator("checkin")
    return canvas


class BadgeRenderer:
    """Draws one template for many people; keeps its caches between badges."""

    def __init__(self, template: Template, *, secret: str = "", event_name: str = "",
                 base_dir: Path | None = None, language: str = "en") -> None:
        fonts.register_fonts()
        self.template = template
        self.secret = secret
        self.event_name = event_name
        self.language = language
        self.base_dir = base_dir
        self.warnings = Warnings()
        #: per person id, the characters left out of their badge (in order, each once)
        self.left_out: dict[str, dict[str, None]] = {}
        self._images: dict[str, ImageReader | None] = {}
        self._front = self._segments(template.elements)
        back = template.elements if template.back is None else template.back
        self._back = self._segments(back)

    @property
    def width(self) -> float:
        return self.template.width_mm * MM

    @property
    def height(self) -> float:
        return self.template.height_mm * MM

    @staticmethod
    def _segments(elements: Iterable[Element]) -> list[tuple[bool, tuple[Element, ...]]]:
        """Runs of consecutive static or per-person elements, in drawing order.

        Each static run is drawn once per document as a form and then placed by
        reference; the background goes into the first form.
        """
        out: list[tuple[bool, list[Element]]] = [(True, [])]
        for e in elements:
            if out[-1][0] != e.is_static:
                out.append((e.is_static, []))
            out[-1][1].append(e)
        return [(static, tuple(items)) for static, items in out]

    # -- per person ----------------------------------------------------------------------

    def code_for(self, person: Attendee) -> str:
        if not self.secret or not person.code_ref:
            return ""
        return codes.badge_code(self.secret, person.code_ref)

    def context(self, person: Attendee) -> F.Context:
        return F.Context(event_name=self.event_name, code=self.code_for(person),
                         language=self.language)

    def draw(self, canvas: Canvas, person: Attendee, x: float, y: float, w: float, h: float,
             *, back: bool = False) -> None:
        """Draw ``person``'s badge centred in the cell (x, y, w, h in pt, y from the bottom)."""
        scale = min(w / self.width, h / self.height)
        ox = x + (w - self.width * scale) / 2
        oy = y + (h - self.height * scale) / 2
        segments = self._back if back else self._front
        canvas.saveState()
        canvas.translate(ox, oy)
        if scale != 1:
            canvas.scale(scale, scale)
        if back:
            canvas.translate(self.width, self.height)
            canvas.rotate(180)
        ctx = self.context(person)
        for number, (static, elements) in enumerate(segments):
            if static:
                if elements or (number == 0 and self.template.background):
                    canvas.doForm(self._form(canvas, back, number, elements))
                continue
            values = {name: F.FIELDS[name].evaluate(person, ctx) if name in F.FIELDS
                      else person.field(name) for name in self._color_fields(elements)}
            for element in elements:
                self._element(canvas, element, person, ctx, values)
        canvas.restoreState()

    @staticmethod
    def _color_fields(elements: Iterable[Element]) -> set[str]:
        return {e.color_by for e in elements if e.color_by}

    def _form(self, canvas: Canvas, back: bool, number: int,
              elements: tuple[Element, ...]) -> str:
        name = f"badge{id(self)}{'b' if back else 'f'}{number}"
        made: set[str] = canvas.__dict__.setdefault("_checkin_forms", set())
        if name not in made:
            canvas.beginForm(name, 0, 0, self.width, self.height)
            if number == 0:
                self._background(canvas)
            for element in elements:
                static = F.Context(event_name=self.event_name, language=self.language)
                self._element(canvas, element, None, static, {})
            canvas.endForm()
            made.add(name)
        return name

    # -- elements ----------------------------------------------------------------------

    def _rect(self, e: Element) -> tuple[float, float, float, float]:
        """Element box in pt, origin bottom-left of the badge."""
        return e.x * MM, self.height - (e.y + e.h) * MM, e.w * MM, e.h * MM

    def _element(self, canvas: Canvas, e: Element, person: Attendee | None, ctx: F.Context,
                 values: dict[str, str]) -> None:
        if e.kind == "box":
            x, y, w, h = self._rect(e)
            canvas.setFillColor(_color(e.color_for(values)))
            if e.radius:
                canvas.roundRect(x, y, w, h, e.radius * MM, stroke=0, fill=1)
            else:
                canvas.rect(x, y, w, h, stroke=0, fill=1)
        elif e.kind == "text":
            self._text(canvas, e, person, ctx, values)
        elif e.kind == "qr":
            self._qr(canvas, e, person, ctx)
        elif e.kind == "image":
            self._image(canvas, e)

    def _fill(self, e: Element, person: Attendee | None, ctx: F.Context) -> F.Filled:
        dropped: list[str] = []

        def clean(value: str) -> str:
            text, lost = fonts.printable(value, e.weight)
            dropped.append(lost)
            return text

        who = person if person is not None else Attendee(id="")
        filled = F.fill(e.text, who, ctx, clean)
        lost = "".join(dropped)
        if lost and person is not None:
            self.left_out.setdefault(person.id, {}).update(
                dict.fromkeys(ch for ch in lost if not _selector(ch)))
            self.warnings.add(f"{_who(person)}: characters that no "
                              f"font has were left out ({lost[:10]!r}).",
                              log_text=f"attendee {person.id}: {len(lost)} character(s) "
                                       "that no font has were left out")
        return filled

    def _text(self, canvas: Canvas, e: Element, person: Attendee | None, ctx: F.Context,
              values: dict[str, str]) -> None:
        filled = self._fill(e, person, ctx)
        if not filled.text:
            return
        x, y, w, h = self._rect(e)
        fitted = textfit.fit(filled.text, w, h, weight=e.weight, max_size=e.max_size,
                             min_size=e.min_size, max_lines=e.max_lines,
                             boundaries=filled.boundaries, preferred=filled.preferred)
        if fitted.cut and person is not None:
            self.warnings.add(f"{_who(person)}: '{e.text}' is too long "
                              "for its box even at the smallest size and was shortened.",
                              log_text=f"attendee {person.id}: {e.text!r} shortened to fit")
        draw_lines(canvas, fitted, x, y, w, h, weight=e.weight, align=e.align,
                   valign=e.valign, color=_color(e.color_for(values)))

    def _qr(self, canvas: Canvas, e: Element, person: Attendee | None, ctx: F.Context) -> None:
        data = F.fill(e.text, person or Attendee(id=""), ctx).text
        if not data:
            if person is not None:
                self.warnings.add(f"{_who(person)}: no code to print "
                                  "(the person has no badge reference); the QR code is left out.",
                                  log_text=f"attendee {person.id}: no code, QR code left out")
            return
        x, y, w, _h = self._rect(e)
        draw_qr(canvas, qr.encode(data), x, y, w)

    def _image(self, canvas: Canvas, e: Element) -> None:
        reader = self._load(e.src, optional=e.optional)
        if reader is None:
            return
        x, y, w, h = self._rect(e)
        canvas.drawImage(reader, x, y, w, h, preserveAspectRatio=True, anchor="c", mask="auto")

    def _background(self, canvas: Canvas) -> None:
        if not self.template.background:
            return
        reader = self._load(self.template.background, optional=False, background=True)
        if reader is not None:
            canvas.drawImage(reader, 0, 0, self.width, self.height, mask="auto")

    # -- images ------------------------------------------------------------------------

    def _load(self, src: str, *, optional: bool, background: bool = False) -> ImageReader | None:
        if src in self._images:
            return self._images[src]
        what = "background" if background else "image"
        reader: ImageReader | None = None
        if not src:
            if not optional:
                message = f"An {what} element has no file; it is left out."
                self.warnings.add(message, log_text=message)
        else:
            try:
                reader = ImageReader(_open_image(src, self.base_dir))
            except FileNotFoundError:
                if not optional:
                    self.warnings.add(f"The {what} file {src} is missing; badges are printed "
                                      "without it. Put the file back or choose another one.",
                                      log_text=f"{what} file missing")
            except (OSError, ValueError, UnidentifiedImageError, binascii.Error) as exc:
                self.warnings.add(f"The {what} file {src[:80]} cannot be read ({exc}); badges "
                                  "are printed without it. Export it again as PDF or PNG.",
                                  log_text=f"{what} file unreadable ({type(exc).__name__})")
        self._images[src] = reader
        return reader


def _open_image(src: str, base_dir: Path | None) -> Image.Image:
    """A PIL image from a path, a ``data:`` URI, or the first page of a PDF (rasterised)."""
    if src.startswith("data:"):
        _head, _, payload = src.partition(",")
        data = base64.b64decode(payload, validate=True)
        image = Image.open(io.BytesIO(data))
        image.load()
        return image
    path = Path(src).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if path.suffix.lower() == ".pdf":
        return _pdf_page_image(path)
    image = Image.open(path)
    image.load()
    return image


def _pdf_page_image(path: Path, dpi: int = 300) -> Image.Image:
    """The first page of a background PDF at print resolution (pdfium's one lane, no Qt)."""
    if not path.exists():
        raise FileNotFoundError(path)
    return pdfium_lane.rasterise(path, 0, dpi)  # PdfUnreadable is a ValueError


# -- drawing primitives shared with the test page ----------------------------------------


def draw_lines(canvas: Canvas, fitted: textfit.Fitted, x: float, y: float, w: float,
               h: float, *, weight: str, align: str, valign: str, color: Color) -> None:
    """Draw fitted lines inside the box; right-to-left lines are already in visual order."""
    ascent, descent = textfit.metrics(weight)
    size = fitted.size
    block = fitted.height(ascent, descent)
    if valign == "top":
        top = y + h
    elif valign == "bottom":
        top = y + block
    else:
        top = y + (h + block) / 2
    baseline = top - ascent * size
    canvas.setFillColor(color)
    for line in fitted.lines:
        fonts.draw_line(canvas, line, x, baseline, w, size, weight=weight, align=align,
                        color=color)
        baseline -= textfit.LEADING * size


def draw_qr(canvas: Canvas, symbol: qr.Symbol, x: float, y: float, size: float) -> None:
    """A white square (quiet zone included) and the dark modules as one filled path.

    The path is written in module units (a transform scales it), so its
    operators are small integers, cached per symbol and added as one literal.
    """
    module = size / symbol.modules_with_quiet_zone
    canvas.setFillColor(WHITE)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(_color("#000000"))
    canvas.saveState()
    canvas.transform(module, 0, 0, -module, x + qr.QUIET_ZONE * module,
                     y + size - qr.QUIET_ZONE * module)
    canvas.addLiteral(qr.path_operators(symbol))
    canvas.restoreState()


def _selector(ch: str) -> bool:
    """A variation selector: it has no glyph of its own, so its loss is not worth a word."""
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _who(person: Attendee) -> str:
    """A person's name for a warning: tidy and short."""
    name = clean_text(person.display_name) or person.id
    return name if len(name) <= 60 else name[:59] + "…"
